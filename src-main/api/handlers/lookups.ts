// Finding the records a handler works on, with the same clear error when one is missing.
import type { AssessmentSummary, InterviewSummary } from '../../core/assessments';
import { AppError } from '../../core/errors';
import type { Guide } from '../../core/guide';
import { plannedGuide } from '../../core/guide-modules';
import { findAssessment } from '../../db/assessments-repo';
import type { Db } from '../../db/database';
import { findInterview } from '../../db/interviews-repo';
import { readSensitiveItemIds } from '../../db/private-answering-repo';
import type { ApiContext } from '../context';

export function requireAssessment(db: Db, id: string): AssessmentSummary {
  const assessment = findAssessment(db, id);
  if (!assessment) throw new AppError('not_found', 'That assessment does not exist (it may have been deleted).');
  return assessment;
}

export function requireInterview(db: Db, id: string): InterviewSummary {
  const interview = findInterview(db, id);
  if (!interview) throw new AppError('not_found', 'That interview does not exist (it may have been deleted).');
  return interview;
}

export function requireGuide(context: ApiContext, id: string, version?: string): Guide {
  const guide = context.guides().get(id, version);
  if (!guide) {
    throw new AppError(
      'not_found',
      version
        ? `The interview guide "${id}" version ${version} is not installed. Import that guide file to continue.`
        : `The interview guide "${id}" is not installed.`,
    );
  }
  return guide;
}

type PlannedWith = Pick<AssessmentSummary, 'guideId' | 'guideVersion'> & Partial<Pick<AssessmentSummary, 'modules'>>;

/** The guide an assessment was planned with, which its answers refer to: its core set and the
 * modules chosen (a snapshot frozen before modules existed has none, and asks every item of a
 * guide without modules). */
export function assessmentGuide(context: ApiContext, assessment: PlannedWith): Guide {
  return plannedGuide(requireGuide(context, assessment.guideId, assessment.guideVersion), assessment.modules ?? []);
}

/** The same, or undefined when the guide is not installed (a prior assessment may use one that is gone). */
export function installedAssessmentGuide(context: ApiContext, assessment: PlannedWith): Guide | undefined {
  const guide = context.guides().get(assessment.guideId, assessment.guideVersion);
  return guide && plannedGuide(guide, assessment.modules ?? []);
}

/** The items of an assessment answered in a private round: the guide's own and those the consultant
 * marked (assessments.sensitiveItems). */
export function sensitiveItems(context: ApiContext, db: Db, assessmentId: string) {
  const guide = assessmentGuide(context, requireAssessment(db, assessmentId));
  return {
    assessmentId,
    guideItemIds: guide.items.filter((item) => item.sensitive === true).map((item) => item.id),
    markedItemIds: readSensitiveItemIds(db, assessmentId),
  };
}
