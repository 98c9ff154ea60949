// Stores imported guides, so they travel with the database (backups, packages).
import type { Db } from './sqlite';

export interface StoredGuide {
  id: string;
  version: string;
  content: string;
}

export function listStoredGuides(db: Db): StoredGuide[] {
  return db.prepare('SELECT id, version, content FROM guides ORDER BY imported_at').all() as StoredGuide[];
}

export function storeGuide(db: Db, guide: StoredGuide & { sha256: string }, now: string): void {
  db.prepare(
    `INSERT INTO guides (id, version, content, sha256, imported_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id, version) DO UPDATE SET content = excluded.content, sha256 = excluded.sha256, imported_at = excluded.imported_at`,
  ).run(guide.id, guide.version, guide.content, guide.sha256, now);
}

export function findStoredGuide(db: Db, id: string, version: string): (StoredGuide & { sha256: string }) | undefined {
  return db.prepare('SELECT id, version, content, sha256 FROM guides WHERE id = ? AND version = ?').get(id, version) as
    | (StoredGuide & { sha256: string })
    | undefined;
}
