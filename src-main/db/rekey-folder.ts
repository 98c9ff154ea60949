// Brings every database file of a data folder (the database, then each backup) to one key from
// whatever form each is in: plain, the old key, or already the new one. Running it again finishes
// what an interrupted run began, which is how an unlock completes an interrupted enable or change.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import path from 'node:path';
import { backupDir, listBackups } from './backup';
import { databasePath } from './database';
import type { Db } from './sqlite';
import { applyKey, isPlainDatabaseFile, rekeyFile } from './encryption';

/** Which of the keys (null: plain) opens the file, after folding a write-ahead log a crash left into
 * it, so that a copy of the file holds all its data. Undefined when none does. */
function settleWithKey(file: string, keys: (Buffer | null)[], nativeBinding?: string): Buffer | null | undefined {
  for (const key of keys) {
    let db: Db | undefined;
    try {
      db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
      if (key) applyKey(db, key);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      db.pragma('wal_checkpoint(TRUNCATE)');
      return key;
    } catch {
      // Not this key.
    } finally {
      db?.close();
    }
  }
  return undefined;
}

/** Re-keys one file to `to` unless it is there already; throws when it opens with neither key. */
function bringToKey(file: string, from: Buffer | null, to: Buffer | null, nativeBinding?: string): void {
  if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) === 0) throw new Error('empty file');
  const candidates = isPlainDatabaseFile(file) ? [null] : [to, from].filter((key): key is Buffer => key !== null);
  const current = settleWithKey(file, candidates, nativeBinding);
  if (current === undefined) throw new Error('it opens with neither key');
  if (current === to || (current !== null && to !== null && current.equals(to))) return;
  rekeyFile(file, current, to, nativeBinding);
}

/**
 * Re-keys the data folder's database (closed) and then each backup to `to` (null: plain), from plain
 * or `from`. The database goes first, so while it still has the old key no backup has changed yet.
 * Returns the files that could not be re-keyed (damaged ones keep their form; a damaged database is
 * then found when it is opened).
 */
export function rekeyDataFolder(dataDir: string, from: Buffer | null, to: Buffer | null, nativeBinding?: string): string[] {
  const failed: string[] = [];
  const files = [databasePath(dataDir), ...listBackups(dataDir).map((backup) => path.join(backupDir(dataDir), backup.name))];
  for (const file of files) {
    if (file === databasePath(dataDir) && (statSync(file, { throwIfNoEntry: false })?.size ?? 0) === 0) continue;
    try {
      bringToKey(file, from, to, nativeBinding);
    } catch {
      failed.push(path.basename(file));
    }
  }
  return failed;
}
