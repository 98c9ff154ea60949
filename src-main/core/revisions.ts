// Issued revisions of an assessment, and what changed between two of them: findings, measures,
// answers and the whole assessment's factor scores, as a structured diff.
import type { Answer } from './answers';
import type { Assessment } from './assessments';
import type { RevisionApprovals } from './issuing';
import type { Finding, Measure } from './risk';
import type { AssessmentResult, FactorResult } from './scoring';
import type { AssessmentSnapshot } from './snapshot';
import type { TrafficLight } from './traffic-light';

/** What the revisions table keeps: the snapshot and the results as `results.get` computed them. */
export interface IssuedSnapshot extends AssessmentSnapshot {
  results: AssessmentResult;
  /** Who approved the revision when it was issued; absent in revisions issued before approvals were recorded. */
  approvals?: RevisionApprovals | null;
}

export interface RevisionSummary {
  number: number;
  frozenAt: string;
  findingCount: number;
  measureCount: number;
}

export interface RevisionsOverview {
  assessmentId: string;
  /** The revision being edited, or the last issued one while nothing changed since. */
  currentRevision: number;
  /** True while the current revision is issued and unchanged; it cannot be issued again. */
  issued: boolean;
  revisions: RevisionSummary[];
}

export type FieldValue = string | number | boolean | null | string[];

export interface FieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

export interface RecordRef {
  id: string;
  title: string;
}

export interface RecordChanges {
  added: RecordRef[];
  removed: RecordRef[];
  changed: (RecordRef & { changes: FieldChange[] })[];
}

export interface AnswerChange {
  interviewId: string;
  groupName: string;
  itemId: string;
  /** Null when the item had no answer on that side. */
  before: Answer | null;
  after: Answer | null;
}

/** A factor score as a revision shows it; a withheld one carries no numbers. */
export type FactorScoreState =
  | { kind: 'shown'; score: number | null; n: number; light: TrafficLight | null }
  | { kind: 'withheld' }
  | { kind: 'absent' };

export interface FactorScoreChange {
  factorId: string;
  before: FactorScoreState;
  after: FactorScoreState;
}

export interface RevisionSide {
  number: number;
  /** Null for the revision being edited, compared as it stands now. */
  frozenAt: string | null;
}

export interface RevisionComparison {
  assessmentId: string;
  a: RevisionSide;
  b: RevisionSide;
  assessment: FieldChange[];
  findings: RecordChanges;
  measures: RecordChanges;
  interviews: { added: RecordRef[]; removed: RecordRef[] };
  answers: AnswerChange[];
  /** Only the factors whose score, light or visibility changed, in guide order. */
  factorScores: FactorScoreChange[];
}

const assessmentFields = ['title', 'mandate', 'consultant', 'plannedStart', 'plannedEnd', 'followUpDate', 'minGroupSize', 'conclusions', 'noResultsReason'] as const satisfies readonly (keyof Assessment)[];
const findingFields = [
  'title',
  'factorIds',
  'hazard',
  'causes',
  'exposed',
  'existingMeasures',
  'likelihood',
  'consequence',
  'matrixSize',
  'level',
  'justification',
  'status',
  'dismissalReason',
  'residualLikelihood',
  'residualConsequence',
] as const satisfies readonly (keyof Finding)[];
const measureFields = [
  'findingId',
  'title',
  'rationale',
  'responsibleRole',
  'deadline',
  'priority',
  'status',
  'dropReason',
  'agreedBy',
] as const satisfies readonly (keyof Measure)[];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function fieldChanges<T extends object>(fields: readonly (keyof T & string)[], before: T, after: T): FieldChange[] {
  return fields.flatMap((field) =>
    sameValue(before[field], after[field])
      ? []
      : [{ field, before: (before[field] ?? null) as FieldValue, after: (after[field] ?? null) as FieldValue }],
  );
}

function recordChanges<T extends { id: string; title: string }>(fields: readonly (keyof T & string)[], before: readonly T[], after: readonly T[]): RecordChanges {
  const earlier = new Map(before.map((record) => [record.id, record]));
  const later = new Map(after.map((record) => [record.id, record]));
  const ref = (record: T): RecordRef => ({ id: record.id, title: record.title });
  return {
    added: after.filter((record) => !earlier.has(record.id)).map(ref),
    removed: before.filter((record) => !later.has(record.id)).map(ref),
    changed: after.flatMap((record) => {
      const old = earlier.get(record.id);
      const changes = old ? fieldChanges(fields, old, record) : [];
      return changes.length ? [{ ...ref(record), changes }] : [];
    }),
  };
}

function answerChanges(before: AssessmentSnapshot, after: AssessmentSnapshot): AnswerChange[] {
  const key = (interviewId: string, itemId: string) => `${interviewId}\u0000${itemId}`;
  const collect = (snapshot: AssessmentSnapshot) => {
    const answers = new Map<string, { interviewId: string; groupName: string; itemId: string; answer: Answer }>();
    for (const interview of snapshot.interviews) {
      for (const { itemId, answer } of interview.answers) {
        answers.set(key(interview.id, itemId), { interviewId: interview.id, groupName: interview.groupName, itemId, answer });
      }
    }
    return answers;
  };
  const earlier = collect(before);
  const later = collect(after);
  const changes: AnswerChange[] = [];
  for (const [id, entry] of later) {
    const old = earlier.get(id);
    if (!old || !sameValue(old.answer, entry.answer)) {
      changes.push({ interviewId: entry.interviewId, groupName: entry.groupName, itemId: entry.itemId, before: old?.answer ?? null, after: entry.answer });
    }
  }
  for (const [id, old] of earlier) {
    if (!later.has(id)) changes.push({ interviewId: old.interviewId, groupName: old.groupName, itemId: old.itemId, before: old.answer, after: null });
  }
  return changes;
}

function scoreState(result: FactorResult | undefined): FactorScoreState {
  if (!result) return { kind: 'absent' };
  if (result.suppressed) return { kind: 'withheld' };
  return { kind: 'shown', score: result.score, n: result.n, light: result.light };
}

function factorScoreChanges(before: AssessmentResult, after: AssessmentResult): FactorScoreChange[] {
  const ids = [...new Set([...before.factors, ...after.factors].map((f) => f.factorId))];
  return ids.flatMap((factorId) => {
    const a = scoreState(before.factors.find((f) => f.factorId === factorId));
    const b = scoreState(after.factors.find((f) => f.factorId === factorId));
    return sameValue(a, b) ? [] : [{ factorId, before: a, after: b }];
  });
}

export function compareRevisions(
  assessmentId: string,
  a: { side: RevisionSide; snapshot: IssuedSnapshot },
  b: { side: RevisionSide; snapshot: IssuedSnapshot },
): RevisionComparison {
  const before = a.snapshot;
  const after = b.snapshot;
  const interviewRef = (interview: { id: string; groupName: string }): RecordRef => ({ id: interview.id, title: interview.groupName });
  const earlierInterviews = new Set(before.interviews.map((i) => i.id));
  const laterInterviews = new Set(after.interviews.map((i) => i.id));
  return {
    assessmentId,
    a: a.side,
    b: b.side,
    assessment: fieldChanges(assessmentFields, before.assessment, after.assessment),
    findings: recordChanges(findingFields, before.findings, after.findings),
    measures: recordChanges(measureFields, before.measures, after.measures),
    interviews: {
      added: after.interviews.filter((i) => !earlierInterviews.has(i.id)).map(interviewRef),
      removed: before.interviews.filter((i) => !laterInterviews.has(i.id)).map(interviewRef),
    },
    answers: answerChanges(before, after),
    factorScores: factorScoreChanges(before.results, after.results),
  };
}

/** Whether a comparison found nothing at all. */
export function isUnchanged(comparison: RevisionComparison): boolean {
  const none = (changes: RecordChanges) => !changes.added.length && !changes.removed.length && !changes.changed.length;
  return (
    !comparison.assessment.length &&
    none(comparison.findings) &&
    none(comparison.measures) &&
    !comparison.interviews.added.length &&
    !comparison.interviews.removed.length &&
    !comparison.answers.length &&
    !comparison.factorScores.length
  );
}
