// The data folder as one owner holds it: its lock, the one connection (or the recovery state when the
// database is damaged), automatic backups, and restoring a backup while the app runs.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BackupFile, BackupListing, DataStatus, RestoreResult } from '../core/backups';
import { AppError } from '../core/errors';
import { backupDatabase, backupDir, checkBackupFile, hasBackupFromDay, listBackups, resolveBackup, rotateBackups } from './backup';
import { acquireDataLock } from './data-lock';
import { closeDatabase, databasePath, type Db, latestSchemaVersion, openDatabase } from './database';
import { replaceDatabaseFile, setAsideDamagedDatabase } from './restore';
import { readSettings } from './settings-repo';

export interface DataStoreOptions {
  dataDir: string;
  nativeBinding?: string;
  log(message: string): void;
  /** The clock, for tests of the start-of-day backup. */
  now?: () => Date;
}

export interface DataStore {
  readonly dataDir: string;
  status(): DataStatus;
  /** The open connection; throws AppError('database_corrupt') while in recovery. */
  connection(): Db;
  /** Backs up the live database now, then rotates the backups. */
  backup(reason: string): Promise<BackupFile>;
  /** The backups, newest first; with `check`, each is opened and checked (slower). */
  listBackups(check: boolean): BackupListing[];
  /** Replaces the data with a checked backup, after backing up the current data. Only while no call runs. */
  restore(name: string): Promise<RestoreResult>;
  close(): void;
}

function isDamage(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'database_corrupt';
}

export async function openDataStore(options: DataStoreOptions): Promise<DataStore> {
  const { dataDir, nativeBinding, log } = options;
  const now = options.now ?? (() => new Date());
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataLock(dataDir);
  let db: Db | null = null;
  let status: DataStatus = { state: 'ready' };

  function enterRecovery(error: AppError, damagedCopy: string | null = null): void {
    if (db) db.close();
    db = null;
    status = { state: 'recovery', problem: error.message, damagedCopy };
    log(`[data] ${error.message}`);
  }

  // A function, not the variable: TypeScript cannot see the closures above assign it.
  function connectionOrNull(): Db | null {
    return db;
  }

  function connection(): Db {
    if (db) return db;
    const problem = status.state === 'recovery' ? status.problem : 'The database is closed.';
    throw new AppError('database_corrupt', `${problem} Only backups can be listed and restored until then.`);
  }

  async function backup(reason: string): Promise<BackupFile> {
    const live = connection();
    const file = await backupDatabase(live, dataDir, reason);
    const name = path.basename(file);
    rotateBackups(dataDir, readSettings(live).backupsToKeep, [name]);
    return listBackups(dataDir).find((b) => b.name === name)!;
  }

  async function open(): Promise<void> {
    try {
      db = await openDatabase({ dataDir, nativeBinding });
      status = { state: 'ready' };
    } catch (error) {
      if (isDamage(error)) enterRecovery(error);
      else throw error;
    }
  }

  try {
    const existed = existsSync(databasePath(dataDir));
    await open();
    if (db && existed && !hasBackupFromDay(dataDir, now())) {
      try {
        await backup('start-of-day');
      } catch (error) {
        // A copy that fails its check means the live file is damaged; anything else (a full disk)
        // must not keep the consultant from working, so it is only logged.
        if (isDamage(error)) enterRecovery(error);
        else log(`[data] the start-of-day backup failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } catch (error) {
    connectionOrNull()?.close();
    lock.release();
    throw error;
  }

  return {
    dataDir,
    status: () => status,
    connection,
    backup,

    listBackups(check) {
      return listBackups(dataDir).map((backupFile) => {
        if (!check) return { ...backupFile, check: 'unchecked', problem: null };
        const result = checkBackupFile(path.join(backupDir(dataDir), backupFile.name), { nativeBinding, latestSchemaVersion });
        return { ...backupFile, check: result.ok ? 'ok' : 'damaged', problem: result.problem };
      });
    },

    async restore(name) {
      const file = resolveBackup(dataDir, name);
      const checked = checkBackupFile(file, { nativeBinding, latestSchemaVersion });
      if (!checked.ok) throw new AppError('invalid_file', `The backup ${name} cannot be restored: ${checked.problem}. Nothing was changed.`);

      let safetyBackup: string | null = null;
      let damagedCopy: string | null = null;
      if (db) {
        try {
          safetyBackup = path.basename(await backupDatabase(db, dataDir, 'before-restore'));
        } catch (error) {
          if (!isDamage(error)) {
            throw new AppError('internal', `The current data could not be backed up first, so nothing was restored: ${(error as Error).message}`);
          }
        }
        try {
          closeDatabase(db);
        } catch {
          // A damaged file may refuse the tidy-up (checkpoint, optimize); it is set aside below anyway.
          db.close();
        }
        db = null;
      }
      if (safetyBackup === null) damagedCopy = setAsideDamagedDatabase(dataDir);

      replaceDatabaseFile(dataDir, file);
      try {
        await open();
      } catch (error) {
        enterRecovery(new AppError('database_corrupt', `The restored backup ${name} could not be opened: ${(error as Error).message}`));
      }
      if (status.state === 'recovery') throw new AppError('database_corrupt', status.problem);
      log(`[data] restored ${name}${safetyBackup ? `; the data before it is in ${safetyBackup}` : ''}`);
      return { restored: name, safetyBackup, damagedCopy };
    },

    close() {
      try {
        if (db) closeDatabase(db);
      } finally {
        db = null;
        lock.release();
      }
    },
  };
}
