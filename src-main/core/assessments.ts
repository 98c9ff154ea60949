// Assessments (kartlegginger), their planned and held interviews, and what was said in them.
import type { Answer } from './answers';

export const assessmentMethods = ['group', 'individual', 'mixed', 'survey'] as const;
export type AssessmentMethod = (typeof assessmentMethods)[number];

export const assessmentStatuses = ['planned', 'in_progress', 'completed', 'issued'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export interface Assessment {
  id: string;
  clientId: string;
  unitId: string | null;
  title: string;
  /** The purpose and mandate agreed with the employer. */
  mandate: string;
  method: AssessmentMethod;
  consultant: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  guideId: string;
  guideVersion: string;
  /** The guide's optional modules asked besides its core set (docs/guides.md). */
  modules: string[];
  minGroupSize: number;
  status: AssessmentStatus;
  /** The revision being edited; issued revisions below it are frozen. */
  revision: number;
  priorAssessmentId: string | null;
  followUpDate: string | null;
  /** The consultant's conclusions, for the formal report's summary. */
  conclusions: string;
  /** Why a report is issued though no factor has a result to show; printed in the report. */
  noResultsReason: string;
  createdAt: string;
  updatedAt: string;
}

export interface AssessmentSummary extends Assessment {
  clientName: string;
  unitName: string | null;
  interviewCount: number;
  completedInterviewCount: number;
}

export const interviewKinds = ['group', 'individual', 'survey'] as const;
export type InterviewKind = (typeof interviewKinds)[number];

export const interviewStatuses = ['planned', 'in_progress', 'completed'] as const;
export type InterviewStatus = (typeof interviewStatuses)[number];

/** Whose answers a response set holds: the employees' (the results), or the managers' or safety
 * representatives' (verneombud), which are kept out of the employees' results and shown apart. */
export const respondentRoles = ['employees', 'managers', 'safetyRepresentatives'] as const;
export type RespondentRole = (typeof respondentRoles)[number];

export const participantRoles = ['employee', 'safetyRepresentative', 'unionRepresentative', 'manager', 'other'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/** How many took part, by role: never who. */
export type ParticipantCounts = Record<ParticipantRole, number>;

export const noParticipants: ParticipantCounts = { employee: 0, safetyRepresentative: 0, unionRepresentative: 0, manager: 0, other: 0 };

export function totalParticipants(counts: ParticipantCounts): number {
  return participantRoles.reduce((sum, role) => sum + (counts[role] ?? 0), 0);
}

/** How an interview's answers are given: one agreed answer, or a count of votes. */
export const answerModes = ['consensus', 'tally'] as const;
export type AnswerMode = (typeof answerModes)[number];

export interface Interview {
  id: string;
  assessmentId: string;
  /** e.g. "Day shift, office cleaning"; interviews with the same name form one group in the results. */
  groupName: string;
  kind: InterviewKind;
  /** Whose answers these are; the employees' unless recorded as managers' or safety representatives'. */
  respondentRole: RespondentRole;
  /** The language the questions are put in, beside Norwegian. */
  respondentLanguage: string;
  /** All languages spoken in the group. */
  languages: string[];
  interpreterUsed: boolean;
  expectedParticipants: number;
  participants: ParticipantCounts;
  plannedAt: string | null;
  status: InterviewStatus;
  currentItemId: string | null;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Chosen when the interview starts; absent until then (and in interviews from before). */
  answerMode?: AnswerMode;
  /** When it was actually held; absent until the first answer (and in revisions frozen before this was recorded). */
  held?: InterviewHeld;
}

/** The most a factor note or quote may hold. */
export const noteMaxLength = 5000;

/** The day and local clock times an interview was held: from its first and last answer until the consultant edits them. */
export interface InterviewHeld {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  start: string;
  /** HH:MM */
  end: string;
  /** True once the consultant set them; answers no longer move them. */
  edited: boolean;
}

export interface InterviewSummary extends Interview {
  answeredCount: number;
}

export interface ItemAnswer {
  itemId: string;
  answer: Answer;
  followUp: boolean;
  updatedAt: string;
}

export type FactorNoteKind = 'note' | 'quote';

export interface FactorNote {
  id: string;
  interviewId: string;
  factorId: string;
  kind: FactorNoteKind;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface InterviewDetails extends Interview {
  answers: ItemAnswer[];
  notes: FactorNote[];
}

export interface AssessmentDetails extends AssessmentSummary {
  interviews: InterviewSummary[];
}
