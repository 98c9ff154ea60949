// The assessment's result from its answers as they stand, computed the same way as results.get.
import type { AssessmentSummary } from '../../core/assessments';
import { scoreAssessment, type AssessmentResult } from '../../core/scoring';
import { loadResponseSets } from '../../db/response-sets';
import type { ApiContext } from '../context';
import { assessmentGuide } from './lookups';

export function currentResult(context: ApiContext, assessment: AssessmentSummary): AssessmentResult {
  const guide = assessmentGuide(context, assessment);
  return scoreAssessment(guide, loadResponseSets(context.db, assessment.id), { minimumGroupSize: assessment.minGroupSize });
}
