// Handler for an assessment's scores, suppressed and compared with its prior assessment.
import { compareFactorResults } from '../../core/comparison';
import { scoreAssessment } from '../../core/scoring';
import { loadResponseSets } from '../../db/response-sets';
import type { resultsMethods } from '../methods/results';
import type { Handlers } from '../registry';
import { assessmentGuide, installedAssessmentGuide, requireAssessment } from './lookups';

export const resultsHandlers: Handlers<keyof typeof resultsMethods> = {
  'results.get': ({ assessmentId }, context) => {
    const assessment = requireAssessment(context.db, assessmentId);
    const guide = assessmentGuide(context, assessment);
    const result = scoreAssessment(guide, loadResponseSets(context.db, assessment.id), { minimumGroupSize: assessment.minGroupSize });
    let prior = null;
    if (assessment.priorAssessmentId) {
      const earlier = requireAssessment(context.db, assessment.priorAssessmentId);
      const earlierGuide = installedAssessmentGuide(context, earlier);
      // Only the same guide's factors can be compared; another guide's factors may mean other things.
      if (earlierGuide && earlier.guideId === assessment.guideId) {
        const earlierResult = scoreAssessment(earlierGuide, loadResponseSets(context.db, earlier.id), { minimumGroupSize: earlier.minGroupSize });
        prior = {
          assessmentId: earlier.id,
          title: earlier.title,
          result: earlierResult,
          comparison: compareFactorResults(guide, earlierResult.factors, result.factors),
        };
      }
    }
    return { assessmentId: assessment.id, guideId: guide.id, guideVersion: guide.version, result, prior };
  },
};
