// Findings (risks) and the measures of the action plan, as the risk assessment records them.

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
  justification: string;
  origin: 'proposed' | 'manual';
  status: FindingStatus;
  dismissalReason: string | null;
  /** Set when the consultancy's matrix changed after the values were set. */
  needsReview: boolean;
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
  createdAt: string;
  updatedAt: string;
}
