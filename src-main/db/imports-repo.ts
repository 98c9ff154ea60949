// The imports log: what came in from outside, when, and its checksum.
import { randomUUID } from 'node:crypto';
import type { Db } from './database';

export type ImportKind = 'package' | 'survey' | 'guide';

export function recordImport(db: Db, kind: ImportKind, sourceName: string, sha256: string, summary: unknown, now: string): void {
  db.prepare('INSERT INTO imports (id, kind, source_name, sha256, summary, imported_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    randomUUID(),
    kind,
    sourceName,
    sha256,
    JSON.stringify(summary),
    now,
  );
}
