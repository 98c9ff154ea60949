// Findings (risks) and the measures of the action plan, as the risk assessment records them.
import type { RiskLevel } from './risk-matrix';

export const findingStatuses = ['proposed', 'accepted', 'dismissed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export interface Finding {
  id: string;
  assessmentId: string;
  title: string;
  /** The guide factors the finding comes from (may be empty for a finding made by hand). */
  factorIds: string[];
  /** The hazard and its causes. */
  hazard: string;
  causes: string;
  /** Who is exposed: groups, roles, shifts. */
  exposed: string;
  existingMeasures: string;
  likelihood: number | null;
  consequence: number | null;
  /** The matrix size the likelihood and consequence were set on (3, 4 or 5). */
  matrixSize: number | null;
  /** The level the rating gave on the matrix of its time; kept when the matrix changes. */
  level: RiskLevel | null;
  justification: string;
  origin: 'proposed' | 'manual';
  status: FindingStatus;
  dismissalReason: string | null;
  /** Set when the consultancy's matrix changed after the values were set. */
  needsReview: boolean;
  /** Given once when the finding is made, never again in the assessment: "F3". Null (or absent) in
   * revisions frozen and packages made before findings were numbered. */
  number: number | null;
  /** The residual risk: likelihood and consequence once the agreed measures are in place, on the
   * same matrix as the rating, and the level they give. Null when not rated; absent in revisions
   * frozen and packages made before residual ratings existed. */
  residualLikelihood?: number | null;
  residualConsequence?: number | null;
  residualLevel?: RiskLevel | null;
  createdAt: string;
  updatedAt: string;
}

export const responsibleRoles = ['employer', 'manager', 'safetyRepresentative', 'unionRepresentative', 'ohs', 'amu'] as const;
export type ResponsibleRole = (typeof responsibleRoles)[number];

export const measurePriorities = ['high', 'medium', 'low'] as const;
export type MeasurePriority = (typeof measurePriorities)[number];

export const measureStatuses = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

export interface Measure {
  id: string;
  assessmentId: string;
  findingId: string | null;
  title: string;
  rationale: string;
  responsibleRole: ResponsibleRole;
  deadline: string | null;
  priority: MeasurePriority;
  status: MeasureStatus;
  dropReason: string | null;
  /** Who took part in agreeing it (roles, never names), e.g. employer and safety representative. */
  agreedBy: ResponsibleRole[];
  /** The person responsible for carrying it out, by name and title as the employer gave them
   * (e.g. "Kari Hansen, driftsleder"); the employer is responsible in any case. */
  responsibleName: string;
  /** When it was agreed, YYYY-MM-DD. */
  agreedOn: string | null;
  /** Given once when the measure is made, never again in the assessment: "T3". Null (or absent) in
   * revisions frozen and packages made before measures were numbered. */
  number: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The parties the law wants in the agreement (arbeidsmiljøloven §§ 2-1, 3-1 and 6-2: the employer
 * plans with the employees' participation, through the safety representative (verneombud)). */
export const requiredAgreementParties = ['employer', 'safetyRepresentative'] as const satisfies readonly ResponsibleRole[];

/** The required parties missing from an agreed measure; none while it is only proposed or dropped.
 * In progress and done rest on the same agreement, so they are checked too. */
export function missingAgreementParties(measure: Pick<Measure, 'status' | 'agreedBy'>): ResponsibleRole[] {
  if (measure.status === 'proposed' || measure.status === 'dropped') return [];
  return requiredAgreementParties.filter((role) => !measure.agreedBy.includes(role));
}

/** A measure still open after its deadline. `today` is the local date, YYYY-MM-DD. */
export function isOverdue(measure: Pick<Measure, 'status' | 'deadline'>, today: string): boolean {
  return measure.deadline !== null && measure.deadline < today && measure.status !== 'done' && measure.status !== 'dropped';
}

/** A measure as the API gives it: with the participation warning worked out. */
export interface MeasureView extends Measure {
  missingParties: ResponsibleRole[];
}

/** An open measure past its deadline, with where it belongs, for the home screen. */
export interface OverdueMeasure extends Measure {
  assessmentTitle: string;
  clientName: string;
  findingTitle: string | null;
}

/**
 * The number of each finding or measure (shown as F1, T2 …): its own, or, for those frozen before
 * numbers were kept, its place in the order they were made (after the highest number given). Pass
 * all of an assessment's findings or measures, dismissed and dropped ones too, so the numbers do not
 * depend on what is shown.
 */
export function riskNumbers(items: readonly Pick<Finding | Measure, 'id' | 'number' | 'createdAt'>[]): Map<string, number> {
  let next = Math.max(0, ...items.map((item) => item.number ?? 0));
  const unnumbered = items.filter((item) => item.number == null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const fallback = new Map(unnumbered.map((item) => [item.id, ++next]));
  return new Map(items.map((item) => [item.id, item.number ?? fallback.get(item.id)!]));
}

/** A finding is accepted only with a rating: an accepted risk without a level cannot be prioritised. */
export function isRated(finding: Pick<Finding, 'likelihood' | 'consequence'>): boolean {
  return finding.likelihood !== null && finding.consequence !== null;
}
