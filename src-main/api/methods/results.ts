// API contract for an assessment's scores, with suppression applied and a prior assessment compared.
import { z } from 'zod';
import type { AssessmentResults } from '../../core/comparison';
import { method } from '../method';
import { uuid } from '../fields';

export type { AssessmentResults };

export const resultsMethods = {
  'results.get': method<AssessmentResults>()({
    summary:
      'Factor scores (0–100), traffic lights and answer distributions for the assessment and per group; groups under the ' +
      "minimum size, and groups that would reveal them by subtraction, are withheld. Compared with the linked prior assessment.",
    input: () => z.object({ assessmentId: uuid }).strict(),
  }),
};
