// What a revision needs before it is issued (the issuing checklist) and who approved it for the
// employer and as safety representative (verneombud).
import { missingAgreementParties, type Finding, type Measure } from './risk';
import type { AssessmentResult } from './scoring';

export interface Approval {
  name: string;
  /** The person's title or position, e.g. "Daglig leder". */
  role: string;
  /** YYYY-MM-DD */
  date: string;
}

/** Recorded with the issued revision and printed in the formal report. */
export interface RevisionApprovals {
  employer: Approval;
  safetyRepresentative: Approval;
}

export const approvalParties = ['employer', 'safetyRepresentative'] as const;
export type ApprovalParty = (typeof approvalParties)[number];

export const issueCheckIds = ['factorResults', 'findingsRated', 'residualRated', 'measuresComplete', 'measuresAgreed', 'approvals'] as const;
export type IssueCheckId = (typeof issueCheckIds)[number];

export interface IssueCheck {
  id: IssueCheckId;
  ok: boolean;
  /** What is missing, in the user's words (factor ids, finding and measure titles, parties). */
  missing: string[];
}

export interface IssueChecklistInput {
  result: AssessmentResult;
  findings: readonly Finding[];
  measures: readonly Measure[];
  approvals: RevisionApprovals | null;
}

const filled = (approval: Approval | undefined) => Boolean(approval && approval.name.trim() && approval.role.trim() && approval.date);

/** The parties whose approval lacks a name, a role or a date. */
export function missingApprovals(approvals: RevisionApprovals | null): ApprovalParty[] {
  return approvalParties.filter((party) => !filled(approvals?.[party]));
}

/**
 * The checklist shown before issuing. Nothing here forbids issuing: a consultant may issue with
 * gaps after seeing them (the confirmation says so), but never without seeing them.
 */
export function issueChecklist({ result, findings, measures, approvals }: IssueChecklistInput): IssueCheck[] {
  // A withheld factor carries its reason; a shown one without a score has none to give.
  const factorsWithout = result.factors.filter((factor) => !factor.suppressed && factor.score === null).map((factor) => factor.factorId);
  const unrated = findings
    .filter((finding) => finding.status === 'proposed' || (finding.status === 'accepted' && (finding.level === null || finding.needsReview)))
    .map((finding) => finding.title);
  // The residual risk belongs in the risk assessment; a gap is shown, never a reason to refuse.
  const withoutResidual = findings
    .filter((finding) => finding.status === 'accepted' && (finding.residualLevel ?? null) === null)
    .map((finding) => finding.title);
  const live = measures.filter((measure) => measure.status !== 'dropped');
  const incomplete = live.filter((measure) => !measure.deadline || !measure.responsibleRole).map((measure) => measure.title);
  const notAgreed = live.filter((measure) => measure.status === 'proposed' || missingAgreementParties(measure).length > 0).map((measure) => measure.title);
  const checks: Record<IssueCheckId, string[]> = {
    factorResults: factorsWithout,
    findingsRated: unrated,
    residualRated: withoutResidual,
    measuresComplete: incomplete,
    measuresAgreed: notAgreed,
    approvals: missingApprovals(approvals),
  };
  return issueCheckIds.map((id) => ({ id, ok: checks[id].length === 0, missing: checks[id] }));
}
