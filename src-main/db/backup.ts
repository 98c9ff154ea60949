// Backups through SQLite's online backup API: written aside, checked before they count, listed and rotated.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { backupFileName, parseBackupName, type BackupFile } from '../core/backups';
import { AppError } from '../core/errors';
import { damageErrorFrom, type Db } from './sqlite';
import { applyKey, isPlainDatabaseFile } from './encryption';
import { syncFile } from './file-sync';
import { makePrivateFile, makePrivateFolder } from './private-files';

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** A backup being written (or re-encrypted): it only gets its real name once it has passed its check. */
export const partialSuffix = '.partial';



/** The next sequence number: one more than any backup (finished or being written) in the folder has. */
function nextSequence(dir: string): number {
  let highest = 0;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const sequence = parseBackupName(name.endsWith(partialSuffix) ? name.slice(0, -partialSuffix.length) : name)?.sequence;
    if (sequence && sequence > highest) highest = sequence;
  }
  return highest + 1;
}

/** A free backup name for this moment and reason. */
function newBackupPath(dir: string, reason: string, at: Date = new Date()): string {
  for (let sequence = nextSequence(dir); ; sequence++) {
    const file = path.join(dir, backupFileName(sequence, at, reason));
    if (!existsSync(file) && !existsSync(file + partialSuffix)) return file;
  }
}

function integrityOf(db: Db, schema: string): string {
  const rows = db.pragma(`${schema}.integrity_check`) as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

/** Runs integrity_check on another database file through this connection, so that the app's
 * own SQLite build (Node or Electron) does the reading. */
export function checkDatabaseFile(db: Db, file: string): string {
  db.prepare('ATTACH DATABASE ? AS checked').run(file);
  try {
    return integrityOf(db, 'checked');
  } finally {
    db.exec('DETACH DATABASE checked');
  }
}

export interface BackupFileCheck {
  ok: boolean;
  /** What is wrong, in words; null when ok. */
  problem: string | null;
  schemaVersion: number | null;
}

/**
 * Checks a backup on its own read-only connection (there may be no live database to attach it to,
 * e.g. when the live one is damaged): integrity, foreign keys, and a schema this version can open.
 */
export function checkBackupFile(file: string, options: { nativeBinding?: string; latestSchemaVersion: number; key?: Buffer }): BackupFileCheck {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    // A copy of an encrypted database is encrypted with the same key.
    if (options.key) applyKey(db, options.key);
    const integrity = integrityOf(db, 'main');
    if (integrity !== 'ok') return { ok: false, problem: `integrity_check: ${integrity}`, schemaVersion: null };
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (foreignKeyProblems > 0) return { ok: false, problem: `foreign_key_check: ${foreignKeyProblems} problem(s)`, schemaVersion };
    if (schemaVersion < 1) return { ok: false, problem: 'it holds no Kartlegg data (schema version 0)', schemaVersion };
    if (schemaVersion > options.latestSchemaVersion) {
      return { ok: false, problem: `it was written by a newer version of Kartlegg (schema ${schemaVersion})`, schemaVersion };
    }
    return { ok: true, problem: null, schemaVersion };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error), schemaVersion: null };
  } finally {
    db?.close();
  }
}

/**
 * Writes a consistent copy of the live database and checks it with integrity_check. The copy is
 * written under a temporary name and renamed only when it is complete and sound, so a crash or a
 * failed check never leaves something that looks like a backup.
 */
export async function backupDatabase(db: Db, dataDir: string, reason: string): Promise<string> {
  const dir = backupDir(dataDir);
  makePrivateFolder(dir);
  const file = newBackupPath(dir, reason);
  const partial = file + partialSuffix;
  try {
    if (isPlainDatabaseFile(db.name)) {
      await db.backup(partial).catch((error: unknown) => {
        throw damageErrorFrom(error, dataDir);
      });
    } else {
      // The backup API refuses an encrypted source with a plain target; VACUUM INTO writes a copy
      // encrypted with the connection's key (and attaching it below uses that key too).
      try {
        db.prepare('VACUUM INTO ?').run(partial);
      } catch (error) {
        throw damageErrorFrom(error, dataDir);
      }
    }
    // The copy inherits WAL mode; a rollback-journal file stands alone and opens read-only anywhere.
    db.prepare('ATTACH DATABASE ? AS written').run(partial);
    try {
      db.pragma('written.journal_mode = DELETE');
    } finally {
      db.exec('DETACH DATABASE written');
    }
    makePrivateFile(partial);
    const result = checkDatabaseFile(db, partial);
    // The copy holds the live pages as they are: a copy that fails its check means the live file is damaged.
    if (result !== 'ok') throw new AppError('database_corrupt', `A backup of the database failed its integrity check (${result}).`);
    syncFile(partial);
    renameSync(partial, file);
    return file;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The finished backups in the data folder, newest first: by sequence number, then (names from before
 * the sequence) by modification time; never by the time in the name, which a wrong clock wrote. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const backups: (BackupFile & { order: [number, number] })[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const stat = statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    backups.push({ name, createdAt: parsed.createdAt, reason: parsed.reason, sizeBytes: stat.size, order: [parsed.sequence ?? 0, stat.mtimeMs] });
  }
  backups.sort((a, b) => b.order[0] - a.order[0] || b.order[1] - a.order[1] || b.name.localeCompare(a.name));
  return backups.map(({ order: _order, ...backup }) => backup);
}

/** Removes what interrupted writes left in the backups folder (never listed, never restorable): copies
 * being written or re-keyed, with their journals. */
export function removePartialBackups(dataDir: string): void {
  const dir = backupDir(dataDir);
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (/\.(partial|rekeying)(-wal|-shm|-journal)?$/.test(name)) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Keeps the newest `keep` backups that pass their check (and any named in `protect`) and deletes the
 * rest, bad ones included: a good backup is never deleted while a bad one is kept, so backups that
 * fail their check can never push the good ones out. Also removes leftovers of interrupted backups.
 * Returns the names deleted.
 */
export function rotateBackups(dataDir: string, keep: number, isGood: (file: string) => boolean, protect: string[] = []): string[] {
  removePartialBackups(dataDir);
  const dir = backupDir(dataDir);
  let good = 0;
  const removed: string[] = [];
  for (const backup of listBackups(dataDir)) {
    // A protected backup was checked as it was made; it counts among those kept.
    if (protect.includes(backup.name)) good++;
    else if (good < Math.max(keep, 1) && isGood(path.join(dir, backup.name))) good++;
    else removed.push(backup.name);
  }
  for (const name of removed) rmSync(path.join(dir, name), { force: true });
  return removed;
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** Whether a backup was made on this calendar day (the computer's own time zone). */
export function hasBackupFromDay(dataDir: string, day: Date): boolean {
  return listBackups(dataDir).some((backup) => localDay(new Date(backup.createdAt)) === localDay(day));
}

/** The path of a backup named as listBackups names it; refuses anything else (no paths, no "..", no other files). */
export function resolveBackup(dataDir: string, name: string): string {
  if (!parseBackupName(name)) {
    throw new AppError('invalid_input', `"${name.slice(0, 100)}" is not the name of a Kartlegg backup.`, [
      { path: 'name', message: 'not a backup name', key: 'format' },
    ]);
  }
  const file = path.join(backupDir(dataDir), name);
  if (!existsSync(file)) throw new AppError('not_found', `There is no backup named ${name}.`);
  return file;
}

/** Where a file from elsewhere waits for its check: beside the database, not in backups/. */
export function incomingCopyPath(dataDir: string): string {
  return path.join(dataDir, 'incoming.sqlite.partial');
}

/** Copies a database file from elsewhere (e.g. a USB stick) into the backups folder, so that it can be
 * restored like any backup. The copy is checked outside backups/ first and moved in only when it
 * passes: a file that fails never becomes a backup (failed restores must not fill the folder and
 * rotate good backups out). Returns its backup name. */
export function copyIntoBackups(dataDir: string, source: string, check: (file: string) => BackupFileCheck): string {
  if (!statSync(source, { throwIfNoEntry: false })?.isFile()) throw new AppError('not_found', `There is no file ${source}.`);
  const partial = incomingCopyPath(dataDir);
  try {
    copyFileSync(source, partial);
    makePrivateFile(partial);
    const checked = check(partial);
    if (!checked.ok) throw new AppError('invalid_file', `${source} cannot be restored: ${checked.problem}. Nothing was changed.`);
    syncFile(partial);
    const dir = backupDir(dataDir);
    makePrivateFolder(dir);
    const file = newBackupPath(dir, 'copied');
    renameSync(partial, file);
    return path.basename(file);
  } finally {
    for (const leftover of [partial, `${partial}-journal`]) rmSync(leftover, { force: true });
  }
}
