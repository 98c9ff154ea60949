// Writes and lists the frozen revisions of assessments (snapshot.ts reads one back).
import type { IssuedSnapshot, RevisionSummary } from '../core/revisions';
import type { Db } from './sqlite';

export function insertRevision(db: Db, snapshot: IssuedSnapshot): void {
  db.prepare('INSERT INTO revisions (id, assessment_id, number, frozen_at, snapshot) VALUES (?, ?, ?, ?, ?)').run(
    crypto.randomUUID(),
    snapshot.assessment.id,
    snapshot.revision,
    snapshot.frozenAt,
    JSON.stringify(snapshot),
  );
}

export function revisionExists(db: Db, assessmentId: string, number: number): boolean {
  return db.prepare('SELECT 1 FROM revisions WHERE assessment_id = ? AND number = ?').get(assessmentId, number) !== undefined;
}

export function listRevisions(db: Db, assessmentId: string): RevisionSummary[] {
  const rows = db
    .prepare(
      `SELECT number, frozen_at,
         json_array_length(snapshot, '$.findings') AS finding_count,
         json_array_length(snapshot, '$.measures') AS measure_count
       FROM revisions WHERE assessment_id = ? ORDER BY number`,
    )
    .all(assessmentId) as { number: number; frozen_at: string; finding_count: number; measure_count: number }[];
  return rows.map((row) => ({ number: row.number, frozenAt: row.frozen_at, findingCount: row.finding_count, measureCount: row.measure_count }));
}
