// A frozen copy of an assessment as it was issued: what reports render and revisions keep.
import { z } from 'zod';
import type { AssessmentSummary, InterviewDetails } from './assessments';
import type { Client, Unit } from './clients';
import type { Finding, Measure } from './risk';

export const snapshotFormatVersion = 1;

export interface AssessmentSnapshot {
  formatVersion: typeof snapshotFormatVersion;
  /** The revision number this snapshot is (or would be, for a preview). */
  revision: number;
  frozenAt: string;
  assessment: AssessmentSummary;
  client: Client;
  unit: Unit | null;
  interviews: InterviewDetails[];
  findings: Finding[];
  measures: Measure[];
}

const record = z.looseObject({ id: z.string().min(1) });

/** The frozen shape as far as reading it depends on: the records the reports and comparisons walk. */
const snapshotSchema = z.looseObject({
  formatVersion: z.literal(snapshotFormatVersion),
  revision: z.number().int().min(1),
  frozenAt: z.string().min(1),
  assessment: record,
  client: z.looseObject({ id: z.string().min(1), name: z.string() }),
  unit: record.nullable(),
  interviews: z.array(z.looseObject({ id: z.string().min(1), answers: z.array(z.looseObject({ itemId: z.string() })), notes: z.array(z.looseObject({})) })),
  findings: z.array(record),
  measures: z.array(record),
});

export type SnapshotCheck = { ok: true; snapshot: AssessmentSnapshot } | { ok: false; newer: boolean; problem: string };

/** Checks a frozen snapshot read back from storage: a newer format is refused (never guessed at), and a
 * damaged one is named rather than rendered half. `expected` is what the row it came from says it is. */
export function checkSnapshot(value: unknown, expected: { assessmentId: string; revision: number }): SnapshotCheck {
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > snapshotFormatVersion) {
    return { ok: false, newer: true, problem: `it was frozen in format ${version}; this version of Kartlegg reads up to ${snapshotFormatVersion}` };
  }
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, newer: false, problem: `${issue?.path.join('.') || '(snapshot)'}: ${issue?.message ?? 'not a snapshot'}` };
  }
  if (parsed.data.assessment.id !== expected.assessmentId || parsed.data.revision !== expected.revision) {
    return { ok: false, newer: false, problem: `it belongs to another assessment or revision` };
  }
  return { ok: true, snapshot: value as AssessmentSnapshot };
}
