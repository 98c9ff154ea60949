// The SQLite connection's type and how its errors read: shared by the opener (database.ts) and the
// backups (backup.ts), so that neither imports the other's module for them.
import type Database from 'better-sqlite3';
import { AppError } from '../core/errors';

export type Db = Database.Database;

/** SQLite's words for a file that is not a sound database. */
const damageCodes = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

export function damageError(dataDir: string, problem: string): AppError {
  return new AppError(
    'database_corrupt',
    `The database in ${dataDir} is damaged (${problem}). Restore a backup; Kartlegg does not start with an empty database in its place.`,
  );
}

/** SQLite's "file is not a database" and "malformed" errors as AppError('database_corrupt'); others unchanged. */
export function damageErrorFrom(error: unknown, dataDir: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && damageCodes.has(code) ? damageError(dataDir, (error as Error).message) : error;
}
