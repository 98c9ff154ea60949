// Gathers what a report is made from: a frozen (or current) snapshot with its results, the guide,
// the prior assessment's results, and the consultancy's branding and risk matrix.
import type { AssessmentSummary } from '../../core/assessments';
import { compareFactorResults } from '../../core/comparison';
import { AppError } from '../../core/errors';
import { checkLogo } from '../../core/logo';
import type { IssuedSnapshot } from '../../core/revisions';
import type { AssessmentResult } from '../../core/scoring';
import { listRevisions } from '../../db/revisions-repo';
import { nowIso } from '../../db/rows';
import { readSettings } from '../../db/settings-repo';
import { buildSnapshot, readRevisionSnapshot } from '../../db/snapshot';
import { issueDate, type PriorResults, type ReportData } from '../../reports/report-context';
import type { ApiContext } from '../context';
import { currentResult } from './current-result';
import { assessmentGuide, requireAssessment } from './lookups';

export function requireIssuedRevision(context: ApiContext, assessmentId: string, revision: number): IssuedSnapshot {
  const snapshot = readRevisionSnapshot(context.db, assessmentId, revision) as IssuedSnapshot | undefined;
  if (!snapshot) {
    throw new AppError('not_found', `Revision ${revision} of this assessment has not been issued.`, [{ path: 'revision', message: 'not an issued revision' }]);
  }
  return snapshot;
}

/** The latest issued revision's results of an assessment, or its results as they stand. */
function latestResults(context: ApiContext, assessment: AssessmentSummary): { result: AssessmentResult; date: string | null } {
  const revisions = listRevisions(context.db, assessment.id);
  const last = revisions[revisions.length - 1];
  const frozen = last ? (readRevisionSnapshot(context.db, assessment.id, last.number) as IssuedSnapshot | undefined) : undefined;
  if (frozen?.results) return { result: frozen.results, date: issueDate(frozen.frozenAt) };
  return { result: currentResult(context, assessment), date: assessment.plannedStart };
}

function priorResults(context: ApiContext, assessment: AssessmentSummary): PriorResults | null {
  if (!assessment.priorAssessmentId) return null;
  const earlier = requireAssessment(context.db, assessment.priorAssessmentId);
  // Only the same guide's factors can be compared; another guide's factors may mean other things.
  if (earlier.guideId !== assessment.guideId || !context.guides().get(earlier.guideId, earlier.guideVersion)) return null;
  const { result, date } = latestResults(context, earlier);
  return { title: earlier.title, date, result, comparison: [] };
}

function branding(context: ApiContext): ReportData['branding'] {
  const settings = readSettings(context.db);
  const logo = settings.logo ? checkLogo(settings.logo) : null;
  return { consultancyName: settings.consultancyName, colour: settings.brandColour, logo: logo?.ok ? logo.logo : null };
}

/** The report's data from an issued revision, or (draft) from the assessment as it stands now. */
export function reportData(context: ApiContext, assessmentId: string, source: { revision: number } | 'current'): ReportData {
  const assessment = requireAssessment(context.db, assessmentId);
  const snapshot: IssuedSnapshot =
    source === 'current'
      ? { ...buildSnapshot(context.db, assessmentId, nowIso()), results: currentResult(context, assessment) }
      : requireIssuedRevision(context, assessmentId, source.revision);
  const guide = assessmentGuide(context, snapshot.assessment);
  const result = snapshot.results;
  const prior = priorResults(context, snapshot.assessment);
  return {
    snapshot,
    guide,
    result,
    prior: prior && { ...prior, comparison: compareFactorResults(guide, prior.result.factors, result.factors) },
    riskMatrix: readSettings(context.db).riskMatrix,
    branding: branding(context),
    draft: source === 'current',
    approvals: snapshot.approvals ?? null,
  };
}
