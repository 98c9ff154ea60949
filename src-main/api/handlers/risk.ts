// Handlers for findings (risks) and the action plan; every write touches the assessment, so an
// edit after issuing opens the next revision.
import { localIsoDate } from '../../core/dates';
import { AppError } from '../../core/errors';
import { proposeFindings, startingRating } from '../../core/finding-proposals';
import { checkFactors, confirmRating, keepOrRate, rateOn, unratedError } from '../../core/finding-rules';
import type { LocalizedText } from '../../core/guide';
import { isRated, missingAgreementParties, type Finding, type Measure, type MeasureView } from '../../core/risk';
import { touchAssessment, updateAssessment } from '../../db/assessments-repo';
import type { Db } from '../../db/database';
import * as risk from '../../db/risk-repo';
import { nowIso } from '../../db/rows';
import { readSettings } from '../../db/settings-repo';
import type { riskMethods } from '../methods/risk';
import type { Handlers } from '../registry';
import { currentResult } from './current-result';
import { assessmentGuide, requireAssessment } from './lookups';

function requireFinding(db: Db, id: string): Finding {
  const finding = risk.findFinding(db, id);
  if (!finding) throw new AppError('not_found', 'That finding does not exist (it may have been deleted).');
  return finding;
}

function requireProposed(db: Db, id: string): Finding {
  const finding = requireFinding(db, id);
  if (finding.status !== 'proposed') {
    throw new AppError(
      'conflict',
      finding.status === 'accepted' ? `"${finding.title}" is already accepted.` : `"${finding.title}" is dismissed: reopen it before it is accepted.`,
    );
  }
  return finding;
}

function requireMeasure(db: Db, id: string): Measure {
  const measure = risk.findMeasure(db, id);
  if (!measure) throw new AppError('not_found', 'That measure does not exist (it may have been deleted).');
  return measure;
}

/** Suggestions are for the consultant and the report: nb and en, which every guide has. */
function consultantText(text: LocalizedText): LocalizedText {
  return { nb: text.nb, en: text.en };
}

function view(measure: Measure): MeasureView {
  return { ...measure, missingParties: missingAgreementParties(measure) };
}

function checkFindingLink(db: Db, assessmentId: string, findingId: string | null): void {
  if (findingId === null) return;
  const finding = risk.findFinding(db, findingId);
  const refuse = (message: string, key: string) => {
    throw new AppError('invalid_input', message, [{ path: 'findingId', message, key }]);
  };
  if (!finding || finding.assessmentId !== assessmentId) refuse('the finding is not one of this assessment', 'findingNotInAssessment');
  if (finding!.status === 'dismissed') refuse('the finding is dismissed; reopen it to plan measures for it', 'findingDismissed');
}

/** A reason belongs to a dropped measure only. */
function measureValues<T extends risk.MeasureValues>(values: T): risk.MeasureValues {
  return {
    findingId: values.findingId,
    title: values.title,
    rationale: values.rationale,
    responsibleRole: values.responsibleRole,
    deadline: values.deadline,
    priority: values.priority,
    status: values.status,
    dropReason: values.status === 'dropped' ? (values.dropReason?.trim() ?? null) : null,
    agreedBy: values.agreedBy,
    responsibleName: values.responsibleName.trim(),
    agreedOn: values.agreedOn,
  };
}

export const riskHandlers: Handlers<keyof typeof riskMethods> = {
  'findings.list': ({ assessmentId }, { db }) => {
    requireAssessment(db, assessmentId);
    return risk.listFindings(db, assessmentId);
  },

  'findings.propose': ({ assessmentId }, context) =>
    context.db.transaction(() => {
      const { db } = context;
      const assessment = requireAssessment(db, assessmentId);
      const proposals = proposeFindings(
        assessmentGuide(context, assessment),
        currentResult(context, assessment),
        risk.listFindings(db, assessmentId),
        readSettings(db).language,
      );
      const now = nowIso();
      const matrix = readSettings(db).riskMatrix;
      const ids = proposals.drafts.map(({ startsSerious, ...draft }) =>
        risk.insertFinding(
          db,
          assessmentId,
          { ...draft, likelihood: null, ...startingRating({ startsSerious }, matrix), level: null, needsReview: false },
          'proposed',
          'proposed',
          now,
        ),
      );
      if (ids.length) touchAssessment(db, assessmentId, now);
      return {
        created: ids.map((id) => requireFinding(db, id)),
        coveredFactorIds: proposals.coveredFactorIds,
        withheldFactorIds: proposals.withheldFactorIds,
      };
    })(),

  'findings.create': ({ assessmentId, ...values }, context) =>
    context.db.transaction(() => {
      const { db } = context;
      checkFactors(assessmentGuide(context, requireAssessment(db, assessmentId)), values.factorIds);
      const rating = rateOn(readSettings(db).riskMatrix, values);
      const now = nowIso();
      const id = risk.insertFinding(db, assessmentId, { ...values, ...rating }, 'manual', 'accepted', now);
      touchAssessment(db, assessmentId, now);
      return requireFinding(db, id);
    })(),

  'findings.update': ({ id, accept, ...values }, context) =>
    context.db.transaction(() => {
      const { db } = context;
      const current = requireFinding(db, id);
      checkFactors(assessmentGuide(context, requireAssessment(db, current.assessmentId)), values.factorIds);
      const rating = keepOrRate(readSettings(db).riskMatrix, current, values);
      const now = nowIso();
      if (accept && current.status === 'proposed' && rating.likelihood === null) throw unratedError([current]);
      risk.updateFinding(db, id, { ...values, ...rating }, now);
      if (accept && current.status === 'proposed') risk.setFindingStatus(db, id, 'accepted', null, now);
      touchAssessment(db, current.assessmentId, now);
      return requireFinding(db, id);
    })(),

  'findings.accept': ({ id }, { db }) =>
    db.transaction(() => {
      const finding = requireProposed(db, id);
      if (!isRated(finding)) throw unratedError([finding]);
      const now = nowIso();
      risk.setFindingStatus(db, id, 'accepted', null, now);
      touchAssessment(db, finding.assessmentId, now);
      return requireFinding(db, id);
    })(),

  'findings.acceptMany': ({ ids, likelihood, consequence }, { db }) =>
    db.transaction(() => {
      const findings = [...new Set(ids)].map((id) => requireProposed(db, id));
      const unrated = findings.filter((finding) => !isRated(finding));
      if (unrated.length && likelihood === null) throw unratedError(unrated);
      const rating = unrated.length ? rateOn(readSettings(db).riskMatrix, { likelihood, consequence }) : null;
      const now = nowIso();
      for (const finding of findings) {
        if (rating && !isRated(finding)) risk.updateFinding(db, finding.id, { ...finding, ...rating }, now);
        risk.setFindingStatus(db, finding.id, 'accepted', null, now);
        touchAssessment(db, finding.assessmentId, now);
      }
      return findings.map((finding) => requireFinding(db, finding.id));
    })(),

  'findings.dismissMany': ({ ids, reason }, { db }) =>
    db.transaction(() => {
      const findings = [...new Set(ids)].map((id) => requireFinding(db, id));
      const now = nowIso();
      for (const finding of findings) {
        if (finding.status === 'dismissed') throw new AppError('conflict', `"${finding.title}" is already dismissed.`);
        const linked = risk.countMeasuresOfFinding(db, finding.id);
        if (linked > 0) {
          throw new AppError('conflict', `${linked} measure(s) in the action plan belong to "${finding.title}": delete them or link them to another finding first.`);
        }
        risk.setFindingStatus(db, finding.id, 'dismissed', reason, now);
        touchAssessment(db, finding.assessmentId, now);
      }
      return findings.map((finding) => requireFinding(db, finding.id));
    })(),

  'findings.dismiss': ({ id, reason }, { db }) =>
    db.transaction(() => {
      const finding = requireFinding(db, id);
      if (finding.status === 'dismissed') throw new AppError('conflict', 'The finding is already dismissed.');
      const linked = risk.countMeasuresOfFinding(db, id);
      if (linked > 0) {
        throw new AppError('conflict', `${linked} measure(s) in the action plan belong to "${finding.title}": delete them or link them to another finding first.`);
      }
      const now = nowIso();
      risk.setFindingStatus(db, id, 'dismissed', reason, now);
      touchAssessment(db, finding.assessmentId, now);
      return requireFinding(db, id);
    })(),

  'findings.reopen': ({ id }, { db }) =>
    db.transaction(() => {
      const finding = requireFinding(db, id);
      if (finding.status !== 'dismissed') throw new AppError('conflict', 'Only a dismissed finding can be reopened.');
      const now = nowIso();
      risk.setFindingStatus(db, id, 'proposed', null, now);
      touchAssessment(db, finding.assessmentId, now);
      return requireFinding(db, id);
    })(),

  'findings.confirmRating': ({ id }, { db }) =>
    db.transaction(() => {
      const finding = requireFinding(db, id);
      const now = nowIso();
      risk.updateFinding(db, id, { ...finding, ...confirmRating(readSettings(db).riskMatrix, finding) }, now);
      touchAssessment(db, finding.assessmentId, now);
      return requireFinding(db, id);
    })(),

  'findings.setResidual': ({ id, likelihood, consequence }, { db }) =>
    db.transaction(() => {
      const finding = requireFinding(db, id);
      if (finding.status !== 'accepted') throw new AppError('conflict', `"${finding.title}" is not accepted: only an accepted finding has a residual risk.`);
      const matrix = readSettings(db).riskMatrix;
      if (likelihood !== null && finding.matrixSize !== null && finding.matrixSize !== matrix.size) {
        throw new AppError('conflict', `"${finding.title}" was rated on a ${finding.matrixSize} × ${finding.matrixSize} matrix: review its rating on the current matrix first.`);
      }
      const rating = rateOn(matrix, { likelihood, consequence });
      const now = nowIso();
      risk.setResidualRating(db, id, { likelihood: rating.likelihood, consequence: rating.consequence, level: rating.level }, now);
      touchAssessment(db, finding.assessmentId, now);
      return requireFinding(db, id);
    })(),

  'findings.delete': ({ id }, { db }) =>
    db.transaction(() => {
      const finding = requireFinding(db, id);
      if (finding.origin !== 'manual') throw new AppError('conflict', 'A proposed finding is dismissed with a reason, not deleted: the reason is kept for the record.');
      if (risk.countMeasuresOfFinding(db, id) > 0) throw new AppError('conflict', `Measures in the action plan belong to "${finding.title}": delete them first.`);
      risk.deleteFinding(db, id);
      touchAssessment(db, finding.assessmentId, nowIso());
      return { deleted: true as const };
    })(),

  'measures.list': ({ assessmentId }, { db }) => {
    requireAssessment(db, assessmentId);
    return risk.listMeasures(db, assessmentId).map(view);
  },

  'measures.create': ({ assessmentId, ...values }, { db }) =>
    db.transaction(() => {
      requireAssessment(db, assessmentId);
      checkFindingLink(db, assessmentId, values.findingId);
      const now = nowIso();
      const id = risk.insertMeasure(db, assessmentId, measureValues(values), now);
      touchAssessment(db, assessmentId, now);
      return view(requireMeasure(db, id));
    })(),

  'measures.update': ({ id, ...values }, { db }) =>
    db.transaction(() => {
      const current = requireMeasure(db, id);
      // A measure may stay on the finding it was planned for, even if that one was dismissed later.
      if (values.findingId !== current.findingId) checkFindingLink(db, current.assessmentId, values.findingId);
      const now = nowIso();
      risk.updateMeasure(db, id, measureValues(values), now);
      touchAssessment(db, current.assessmentId, now);
      return view(requireMeasure(db, id));
    })(),

  'measures.delete': ({ id }, { db }) =>
    db.transaction(() => {
      const measure = requireMeasure(db, id);
      risk.deleteMeasure(db, id);
      touchAssessment(db, measure.assessmentId, nowIso());
      return { deleted: true as const };
    })(),

  'measures.suggestions': ({ findingId }, context) => {
    const finding = requireFinding(context.db, findingId);
    const guide = assessmentGuide(context, requireAssessment(context.db, finding.assessmentId));
    return guide.factors
      .filter((factor) => finding.factorIds.includes(factor.id))
      .flatMap((factor) =>
        factor.measures.map((measure) => ({ id: measure.id, factorId: factor.id, factorTitle: consultantText(factor.title), text: consultantText(measure.text) })),
      );
  },

  'measures.overdue': ({ today }, { db }) => risk.listOverdueMeasures(db, today ?? localIsoDate(new Date())),

  'assessments.setFollowUpDate': ({ assessmentId, followUpDate }, { db }) =>
    db.transaction(() => {
      const assessment = requireAssessment(db, assessmentId);
      const now = nowIso();
      updateAssessment(db, assessmentId, { ...assessment, followUpDate }, now);
      touchAssessment(db, assessmentId, now);
      return { assessmentId, followUpDate };
    })(),
};
