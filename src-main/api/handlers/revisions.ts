// Handlers for issued revisions: freezing the assessment as it stands, reading and comparing them.
import { AppError } from '../../core/errors';
import { issueChecklist, type RevisionApprovals } from '../../core/issuing';
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

/**
 * Freezes the current revision with the approvals given. `expected` is a snapshot a report was
 * rendered and checked from (candidateSnapshot): the revision is only issued when it is still exactly that.
 */
export function issueRevision(
  context: ApiContext,
  assessmentId: string,
  { expected, approvals = null }: { expected?: IssuedSnapshot; approvals?: RevisionApprovals | null } = {},
): RevisionSummary {
  const { db } = context;
  return db.transaction(() => {
    const assessment = requireAssessment(db, assessmentId);
    if (assessment.status === 'issued' || revisionExists(db, assessmentId, assessment.revision)) {
      throw new AppError('conflict', `Revision ${assessment.revision} is already issued and nothing has changed since.`);
    }
    const now = expected?.frozenAt ?? nowIso();
    setAssessmentStatus(db, assessmentId, 'issued', now);
    const frozen: IssuedSnapshot = { ...buildSnapshot(db, assessmentId, now), results: currentResult(context, assessment) };
    if (expected && JSON.stringify(frozen) !== JSON.stringify(expected)) {
      throw new AppError('conflict', 'The assessment changed while its report was being made; nothing was issued. Export the report again.');
    }
    const snapshot: IssuedSnapshot = { ...frozen, approvals };
    insertRevision(db, snapshot);
    return { number: snapshot.revision, frozenAt: now, findingCount: snapshot.findings.length, measureCount: snapshot.measures.length };
  })();
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
  'revisions.issue': ({ assessmentId, approvals }, context) => issueRevision(context, assessmentId, { approvals: approvals ?? null }),

  'revisions.checklist': ({ assessmentId, approvals }, context) =>
    context.db.transaction(() => {
      const assessment = requireAssessment(context.db, assessmentId);
      const snapshot = buildSnapshot(context.db, assessmentId, nowIso());
      const checks = issueChecklist({ result: currentResult(context, assessment), findings: snapshot.findings, measures: snapshot.measures, approvals: approvals ?? null });
      // Factors by their title, as the consultant knows them (the guide's first language is bokmål).
      const guide = assessmentGuide(context, assessment);
      const title = (factorId: string) => guide.factors.find((factor) => factor.id === factorId)?.title.nb ?? factorId;
      return checks.map((check) => (check.id === 'factorResults' ? { ...check, missing: check.missing.map(title) } : check));
    })(),

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
