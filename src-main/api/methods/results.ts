// API contract for an assessment's scores, with suppression applied and a prior assessment compared.
import { z } from 'zod';
import type { FactorComparison } from '../../core/comparison';
import type { AssessmentResult } from '../../core/scoring';
import { method } from '../method';
import { uuid } from '../fields';

export interface AssessmentResults {
  assessmentId: string;
  guideId: string;
  guideVersion: string;
  result: AssessmentResult;
  /** Present when the assessment is linked to a prior one scored with the same guide. */
  prior: { assessmentId: string; title: string; result: AssessmentResult; comparison: FactorComparison[] } | null;
}

export const resultsMethods = {
  'results.get': method<AssessmentResults>()({
    summary:
      'Factor scores (0–100), traffic lights and answer distributions for the assessment and per group; groups under the ' +
      "minimum size, and groups that would reveal them by subtraction, are withheld. Compared with the linked prior assessment.",
    input: z.object({ assessmentId: uuid }).strict(),
  }),
};
