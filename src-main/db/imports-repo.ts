// The imports log: what came in from outside, when, its checksum, and (for survey files) the
// assessment it went into and whether it was undone.
import type { Db } from './sqlite';

export type ImportKind = 'package' | 'survey' | 'guide';

/** Returns the new import's id. */
export function recordImport(db: Db, kind: ImportKind, sourceName: string, sha256: string, summary: unknown, now: string, assessmentId: string | null = null): string {
  const id = crypto.randomUUID();
  db.prepare('INSERT INTO imports (id, kind, source_name, sha256, summary, imported_at, assessment_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    kind,
    sourceName,
    sha256,
    JSON.stringify(summary),
    now,
    assessmentId,
  );
  return id;
}

export interface SurveyImportRow {
  id: string;
  assessmentId: string | null;
  fileName: string;
  sha256: string;
  importedAt: string;
  undoneAt: string | null;
}

const surveyImportColumns = 'id, assessment_id AS assessmentId, source_name AS fileName, sha256, imported_at AS importedAt, undone_at AS undoneAt';

/** The survey imports into an assessment that have not been undone, oldest first. */
export function listSurveyImports(db: Db, assessmentId: string): SurveyImportRow[] {
  return db
    .prepare(`SELECT ${surveyImportColumns} FROM imports WHERE kind = 'survey' AND assessment_id = ? AND undone_at IS NULL ORDER BY imported_at, id`)
    .all(assessmentId) as SurveyImportRow[];
}

export function findSurveyImport(db: Db, id: string): SurveyImportRow | undefined {
  return db.prepare(`SELECT ${surveyImportColumns} FROM imports WHERE kind = 'survey' AND id = ?`).get(id) as SurveyImportRow | undefined;
}

export function markImportUndone(db: Db, id: string, now: string): void {
  db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(now, id);
}
