// Handlers for issued revisions: freezing the assessment as it stands, reading and comparing them.
import { AppError } from '../../core/errors';
import { issueChecklist, type IssueCheck, type RevisionApprovals } from '../../core/issuing';
import { compareRevisions, type IssuedSnapshot, type RevisionSide, type RevisionSummary } from '../../core/revisions';
import { setAssessmentStatus } from '../../db/assessments-repo';
import { nowIso } from '../../db/rows';
import { insertRevision, listRevisions, revisionExists } from '../../db/revisions-repo';
import { buildSnapshot, readRevisionSnapshot } from '../../db/snapshot';
import type { ApiContext } from '../context';
import type { revisionMethods } from '../methods/revisions';
import type { Handlers } from '../registry';
import { currentResult } from './current-result';
import { assessmentGuide, requireAssessment } from './lookups';

/** Freezes the current revision with the approvals given (revisions.issue has checked it may). */
function issueRevision(context: ApiContext, assessmentId: string, approvals: RevisionApprovals | null): RevisionSummary {
  const { db } = context;
  return db.transaction(() => {
    const assessment = requireAssessment(db, assessmentId);
    const now = nowIso();
    setAssessmentStatus(db, assessmentId, 'issued', now);
    const snapshot: IssuedSnapshot = { ...buildSnapshot(db, assessmentId, now), results: currentResult(context, assessment), approvals };
    insertRevision(db, snapshot);
    return { number: snapshot.revision, frozenAt: now, findingCount: snapshot.findings.length, measureCount: snapshot.measures.length };
  })();
}

/** The issuing checklist for the revision being edited, with factors by their title as the consultant knows them. */
function checklist(context: ApiContext, assessmentId: string, approvals: RevisionApprovals | null): IssueCheck[] {
  const assessment = requireAssessment(context.db, assessmentId);
  const snapshot = buildSnapshot(context.db, assessmentId, nowIso());
  const checks = issueChecklist({ result: currentResult(context, assessment), findings: snapshot.findings, measures: snapshot.measures, approvals });
  // The guide's first language is bokmål.
  const guide = assessmentGuide(context, assessment);
  const title = (factorId: string) => guide.factors.find((factor) => factor.id === factorId)?.title.nb ?? factorId;
  return checks.map((check) => (check.id === 'factorResults' ? { ...check, missing: check.missing.map(title) } : check));
}

function requireRevision(context: ApiContext, assessmentId: string, number: number): IssuedSnapshot {
  const snapshot = readRevisionSnapshot(context.db, assessmentId, number);
  if (!snapshot) throw new AppError('not_found', `Revision ${number} of this assessment has not been issued.`);
  return snapshot as IssuedSnapshot;
}

/** An issued revision as frozen, or the one being edited as it stands now. */
function revisionSide(context: ApiContext, assessmentId: string, number: number): { side: RevisionSide; snapshot: IssuedSnapshot } {
  const assessment = requireAssessment(context.db, assessmentId);
  if (!revisionExists(context.db, assessmentId, number) && number === assessment.revision) {
    const now = nowIso();
    return { side: { number, frozenAt: null }, snapshot: { ...buildSnapshot(context.db, assessmentId, now), results: currentResult(context, assessment) } };
  }
  const snapshot = requireRevision(context, assessmentId, number);
  return { side: { number, frozenAt: snapshot.frozenAt }, snapshot };
}

export const revisionHandlers: Handlers<keyof typeof revisionMethods> = {
  'revisions.issue': ({ assessmentId, revision, approvals, acceptGaps }, context) =>
    context.db.transaction(() => {
      const assessment = requireAssessment(context.db, assessmentId);
      if (assessment.status === 'issued' || revisionExists(context.db, assessmentId, assessment.revision)) {
        throw new AppError('conflict', `Revision ${assessment.revision} is already issued and nothing has changed since.`);
      }
      if (revision !== assessment.revision) {
        throw new AppError('conflict', `Revision ${assessment.revision} is the one being edited, not revision ${revision}; nothing was issued.`, [
          { path: 'revision', message: `confirm revision ${assessment.revision}` },
        ]);
      }
      const gaps = checklist(context, assessmentId, approvals ?? null).filter((check) => !check.ok);
      if (gaps.length && acceptGaps !== true) {
        throw new AppError(
          'conflict',
          `Revision ${revision} was not issued: the issuing checklist has gaps (${gaps.map((gap) => gap.id).join(', ')}). ` +
            'Fill them in, or issue with them on purpose (acceptGaps: true; in the app, the "Utsted" dialog asks the same).',
          gaps.map((gap) => ({ path: `checklist.${gap.id}`, message: `missing: ${gap.missing.join(', ')}` })),
        );
      }
      return issueRevision(context, assessmentId, approvals ?? null);
    })(),

  'revisions.checklist': ({ assessmentId, approvals }, context) => context.db.transaction(() => checklist(context, assessmentId, approvals ?? null))(),

  'revisions.list': ({ assessmentId }, { db }) => {
    const assessment = requireAssessment(db, assessmentId);
    return {
      assessmentId,
      currentRevision: assessment.revision,
      issued: assessment.status === 'issued',
      revisions: listRevisions(db, assessmentId),
    };
  },

  'revisions.get': ({ assessmentId, number }, context) => {
    requireAssessment(context.db, assessmentId);
    return requireRevision(context, assessmentId, number);
  },

  'revisions.compare': ({ assessmentId, a, b }, context) =>
    context.db.transaction(() => compareRevisions(assessmentId, revisionSide(context, assessmentId, a), revisionSide(context, assessmentId, b)))(),
};
