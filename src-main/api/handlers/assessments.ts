// Handlers for assessments and the interviews planned in them.
import type { AssessmentDetails, AssessmentSummary } from '../../core/assessments';
import { AppError } from '../../core/errors';
import { unknownModules } from '../../core/guide-modules';
import * as assessments from '../../db/assessments-repo';
import { findClient, findUnit } from '../../db/clients-repo';
import type { Db } from '../../db/database';
import * as interviews from '../../db/interviews-repo';
import { nowIso } from '../../db/rows';
import type { ApiContext } from '../context';
import type { assessmentMethodsContract } from '../methods/assessments';
import type { Handlers } from '../registry';
import { requireAssessment, requireGuide, requireInterview } from './lookups';

/** An assessment with its interviews, as assessments.get gives it. */
export function assessmentDetails(db: Db, id: string): AssessmentDetails {
  return { ...requireAssessment(db, id), interviews: interviews.listInterviews(db, id) };
}

/** The client, unit, guide and prior assessment an assessment's values name must exist and fit together. */
export function checkReferences(context: ApiContext, values: assessments.AssessmentValues, ownId?: string): void {
  const { db } = context;
  if (!findClient(db, values.clientId)) throw new AppError('not_found', 'That client does not exist.', [{ path: 'clientId', message: 'unknown client' }]);
  if (values.unitId) {
    const unit = findUnit(db, values.unitId);
    if (!unit || unit.clientId !== values.clientId) {
      throw new AppError('invalid_input', "The unit does not belong to the assessment's client.", [{ path: 'unitId', message: 'not a unit of this client' }]);
    }
  }
  const guide = requireGuide(context, values.guideId, values.guideVersion);
  const unknown = unknownModules(guide, values.modules);
  if (unknown.length) {
    throw new AppError(
      'invalid_input',
      `The guide "${guide.id}" version ${guide.version} has no module ${unknown.map((id) => `"${id}"`).join(', ')}.`,
      [{ path: 'modules', message: `unknown module ${unknown.join(', ')}`, key: 'unknownModule' }],
    );
  }
  if (values.priorAssessmentId) {
    const prior = assessments.findAssessment(db, values.priorAssessmentId);
    if (!prior || prior.clientId !== values.clientId || prior.id === ownId) {
      throw new AppError('invalid_input', 'A prior assessment must be another assessment of the same client.', [
        { path: 'priorAssessmentId', message: 'not another assessment of this client', key: 'priorNotSameClient' },
      ]);
    }
  }
}

function answerCount(db: Db, assessmentId: string): number {
  return (
    db.prepare('SELECT count(*) AS n FROM answers a JOIN interviews i ON i.id = a.interview_id WHERE i.assessment_id = ?').get(assessmentId) as {
      n: number;
    }
  ).n;
}

function answeredInModules(context: ApiContext, assessment: AssessmentSummary, modules: readonly string[]): number {
  const guide = requireGuide(context, assessment.guideId, assessment.guideVersion);
  const itemIds = guide.items.filter((item) => item.module !== undefined && modules.includes(item.module)).map((item) => item.id);
  if (!itemIds.length) return 0;
  const answered = context.db
    .prepare('SELECT DISTINCT a.item_id AS itemId FROM answers a JOIN interviews i ON i.id = a.interview_id WHERE i.assessment_id = ?')
    .all(assessment.id) as { itemId: string }[];
  return answered.filter(({ itemId }) => itemIds.includes(itemId)).length;
}

function issuedRevisions(db: Db, assessmentId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM revisions WHERE assessment_id = ?').get(assessmentId) as { n: number }).n;
}

export const assessmentHandlers: Handlers<keyof typeof assessmentMethodsContract> = {
  'assessments.list': (filter, { db }) => assessments.listAssessments(db, filter),

  'assessments.get': ({ id }, { db }) => assessmentDetails(db, id),

  'assessments.create': (values, context) =>
    context.db.transaction(() => {
      checkReferences(context, values);
      return assessmentDetails(context.db, assessments.insertAssessment(context.db, values, nowIso()));
    })(),

  'assessments.update': ({ id, ...values }, context) =>
    context.db.transaction(() => {
      const current = requireAssessment(context.db, id);
      checkReferences(context, values, id);
      const guideChanged = current.guideId !== values.guideId || current.guideVersion !== values.guideVersion;
      if (guideChanged && answerCount(context.db, id) > 0) {
        throw new AppError('conflict', 'The guide cannot change once answers are recorded: the answers refer to its items.', [
          { path: 'guideVersion', message: 'answers are recorded with the current guide', key: 'guideLocked' },
        ]);
      }
      const dropped = current.modules.filter((module) => !values.modules.includes(module));
      if (!guideChanged && dropped.length && answeredInModules(context, current, dropped) > 0) {
        throw new AppError('conflict', 'A module with recorded answers cannot be dropped: its answers would no longer count.', [
          { path: 'modules', message: 'answers are recorded in this module', key: 'moduleAnswered' },
        ]);
      }
      const now = nowIso();
      assessments.updateAssessment(context.db, id, values, now);
      assessments.touchAssessment(context.db, id, now);
      return assessmentDetails(context.db, id);
    })(),

  'assessments.setStatus': ({ id, status }, { db }) =>
    db.transaction(() => {
      const current = requireAssessment(db, id);
      const now = nowIso();
      // Changing the status of an issued assessment is an edit: it opens the next revision first.
      if (current.status === 'issued') assessments.touchAssessment(db, id, now);
      assessments.setAssessmentStatus(db, id, status, now);
      return assessmentDetails(db, id);
    })(),

  'assessments.delete': ({ id }, { db }) =>
    db.transaction(() => {
      const assessment = requireAssessment(db, id);
      if (issuedRevisions(db, id) > 0) {
        throw new AppError('conflict', `"${assessment.title}" has issued revisions; they are the record of what was reported and cannot be deleted.`);
      }
      assessments.deleteAssessment(db, id);
      return { deleted: true as const };
    })(),

  'interviews.create': ({ assessmentId, ...values }, { db }) =>
    db.transaction(() => {
      requireAssessment(db, assessmentId);
      const now = nowIso();
      const id = interviews.insertInterview(db, assessmentId, values, now);
      assessments.touchAssessment(db, assessmentId, now);
      return requireInterview(db, id);
    })(),

  'interviews.update': ({ id, ...values }, { db }) =>
    db.transaction(() => {
      const interview = requireInterview(db, id);
      const now = nowIso();
      interviews.updateInterview(db, id, values, now);
      assessments.touchAssessment(db, interview.assessmentId, now);
      return requireInterview(db, id);
    })(),

  'interviews.delete': ({ id }, { db }) =>
    db.transaction(() => {
      const interview = requireInterview(db, id);
      interviews.deleteInterview(db, id);
      assessments.touchAssessment(db, interview.assessmentId, nowIso());
      return { deleted: true as const };
    })(),
};
