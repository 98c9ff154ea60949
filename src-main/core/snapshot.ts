// A frozen copy of an assessment as it was issued: what reports render and revisions keep.
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
