// Opens the one writer connection: pragmas, a backup before migrating, numbered migrations.
import Database from 'better-sqlite3';
import path from 'node:path';
import { AppError } from '../core/errors';
import { latestSchemaVersion, type Migration, migrations as allMigrations } from './migrations';
import { backupDatabase } from './backup';
import { applyKey } from './encryption';
import { makePrivateFile, makePrivateFolder } from './private-files';
import { damageError, damageErrorFrom, type Db } from './sqlite';

export { damageErrorFrom };

export type { Db };

export interface OpenDatabaseOptions {
  dataDir: string;
  /** An Electron-ABI build of better-sqlite3 (the app); the Node build is used when absent. */
  nativeBinding?: string;
  migrations?: Migration[];
  /** The key of an encrypted data folder (see encryption.ts); absent for a plain one. */
  key?: Buffer;
}

export const databaseFileName = 'kartlegg.sqlite';

export function databasePath(dataDir: string): string {
  return path.join(dataDir, databaseFileName);
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** SQL helpers for Norwegian text: LIKE and NOCASE fold only A–Z, but names have æ, ø and å. */
function registerTextFunctions(db: Db): void {
  db.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLocaleLowerCase('nb') : value));
  db.function('contains_text', { deterministic: true }, (haystack: unknown, needle: unknown) =>
    typeof haystack === 'string' && typeof needle === 'string' && haystack.toLocaleLowerCase('nb').includes(needle.toLocaleLowerCase('nb')) ? 1 : 0,
  );
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  const migrations = options.migrations ?? allMigrations;
  makePrivateFolder(options.dataDir);
  let db: Db | undefined;
  try {
    db = new Database(databasePath(options.dataDir), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    if (options.key) applyKey(db, options.key);
    // Before any pragma: switching to WAL rewrites the file header, and a newer file must stay untouched.
    refuseNewerDatabase(db, options.dataDir, latestVersion(migrations));
    // Also before switching to WAL: a damaged file gets no writes.
    refuseDamagedDatabase(db, options.dataDir);
    db.pragma('journal_mode = WAL');
    // SQLite creates files 0644; its -wal and -shm take the database file's mode from then on.
    for (const file of [db.name, `${db.name}-wal`, `${db.name}-shm`]) makePrivateFile(file);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    registerTextFunctions(db);
    await migrate(db, options.dataDir, migrations);
    return db;
  } catch (error) {
    db?.close();
    throw damageErrorFrom(error, options.dataDir);
  }
}

/** quick_check at every start: it reads every page (catching torn or overwritten files) but skips the
 * slower index cross-check, which the daily backup's integrity_check does. */
function refuseDamagedDatabase(db: Db, dataDir: string): void {
  const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  if (problems.join('; ') !== 'ok') throw damageError(dataDir, `quick_check: ${problems.slice(0, 5).join('; ')}`);
}

function latestVersion(migrations: Migration[]): number {
  return migrations.length ? migrations[migrations.length - 1].version : 0;
}

function refuseNewerDatabase(db: Db, dataDir: string, latest: number): void {
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'database_too_new',
      `The database in ${dataDir} was written by a newer version of Kartlegg (schema ${current}; this version knows up to ${latest}). ` +
        'Install the newer version to open it. Nothing was changed.',
    );
  }
}

async function migrate(db: Db, dataDir: string, migrations: Migration[]): Promise<void> {
  const current = schemaVersion(db);
  const latest = latestVersion(migrations);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0) await backupDatabase(db, dataDir, `before-migration-${current}-to-${latest}`);
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
}

/** Leaves the files tidy on a clean shutdown: the WAL folded back, statistics refreshed. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  db.pragma('optimize');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export { latestSchemaVersion };
