// API contract for issued revisions: issue (freeze), list, read and compare.
import { z } from 'zod';
import type { IssueCheck } from '../../core/issuing';
import type { IssuedSnapshot, RevisionComparison, RevisionsOverview, RevisionSummary } from '../../core/revisions';
import { lazySchema } from '../../core/lazy-schema';
import { method } from '../method';
import { plausibleDate, requiredText, uuid } from '../fields';

const approval = lazySchema(() => z.object({ name: requiredText(200), role: requiredText(200), date: plausibleDate }).strict());
const approvals = lazySchema(() => z.object({ employer: approval(), safetyRepresentative: approval() }).strict());

const revisionNumber = lazySchema(() => z.number().int().min(1).max(100_000));

export const revisionMethods = {
  'revisions.issue': method<RevisionSummary>()({
    summary:
      'Marks the assessment issued and freezes its answers, scores, findings and measures as the current revision. ' +
      'Refused when that revision is already issued and nothing changed since; the next edit opens a new revision. ' +
      'The approvals (name, role and date for the employer and the safety representative) are recorded with the revision ' +
      'and printed in its reports. Issuing goes through the same checklist as in the app: `revision` confirms the number ' +
      'being issued (refused when another revision is being edited), and while `revisions.checklist` has gaps the call is ' +
      'refused, listing them, unless `acceptGaps` is true (the consultant has seen them and issues anyway).',
    input: () => z
      .object({
        assessmentId: uuid,
        revision: revisionNumber(),
        approvals: approvals().optional(),
        acceptGaps: z.boolean().optional(),
      })
      .strict(),
  }),
  'revisions.checklist': method<IssueCheck[]>()({
    summary:
      'The issuing checklist for the revision being edited: factors with a result or a reason, findings rated, measures ' +
      'with responsible and deadline, measures agreed by employer and safety representative, and the approvals given.',
    input: () => z.object({ assessmentId: uuid, approvals: approvals().optional() }).strict(),
  }),
  'revisions.list': method<RevisionsOverview>()({
    summary: "An assessment's issued revisions, oldest first, and the revision being edited.",
    input: () => z.object({ assessmentId: uuid }).strict(),
  }),
  'revisions.get': method<IssuedSnapshot>()({
    summary: 'One issued revision as it was frozen.',
    input: () => z.object({ assessmentId: uuid, number: revisionNumber() }).strict(),
  }),
  'revisions.compare': method<RevisionComparison>()({
    summary:
      'What changed from revision a to revision b in findings, measures, answers and the factor scores. The revision ' +
      'being edited (not yet issued) can be either side, as it stands now.',
    input: () => z.object({ assessmentId: uuid, a: revisionNumber(), b: revisionNumber() }).strict(),
  }),
};
