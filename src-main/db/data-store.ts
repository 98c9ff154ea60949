// The data folder as one owner holds it: its lock, the one connection (or the recovery state when the
// database is damaged, or the locked state while an encrypted one waits for its passphrase), automatic
// backups, restoring a backup while the app runs, and turning encryption on and off.
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupFile, BackupListing, DataStatus, RestoreResult } from '../core/backups';
import { type EncryptionStatus, passphraseProblems, wrongPassphraseDelayMs, wrongPassphraseMessage } from '../core/encryption';
import { AppError } from '../core/errors';
import {
  backupDatabase,
  type BackupFileCheck,
  backupDir,
  checkBackupFile,
  copyIntoBackups,
  incomingCopyPath,
  hasBackupFromDay,
  listBackups,
  removePartialBackups,
  resolveBackup,
  rotateBackups,
} from './backup';
import { acquireDataLock } from './data-lock';
import { closeDatabase, databasePath, type Db, latestSchemaVersion, openDatabase } from './database';
import {
  type EncryptionMarker,
  isPlainDatabaseFile,
  keyOpensDatabase,
  keysForPassphrase,
  markerPath,
  newKey,
  newMarker,
  readMarker,
  removeMarker,
  removeRekeyLeftovers,
  unwrapKey,
  wrapKey,
  writeMarker,
} from './encryption';
import { moveReportFilesIntoDatabase } from './issued-reports-repo';
import { rekeyDataFolder } from './rekey-folder';
import { earlierDataSigns, isBlankDatabase, missingDatabaseMessage } from './missing-database';
import { removeRestoreLeftovers, replaceDatabaseFile, setAsideDamagedDatabase } from './restore';
import { makeDataFolderPrivate } from './private-files';
import { readSettings } from './settings-repo';

export interface DataStoreOptions {
  dataDir: string;
  nativeBinding?: string;
  log(message: string): void;
  /** The clock, for tests of the start-of-day backup. */
  now?: () => Date;
  /** Unlocks an encrypted folder at once (the CLI); without it an encrypted folder starts locked. */
  passphrase?: string;
  /** Waits after a wrong passphrase (tests pass one that records instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
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
  /** In recovery only: sets the database aside (if there is a file) and starts with an empty one; the
   * backups stay. The explicit way out when no backup is wanted. */
  startFresh(): Promise<{ damagedCopy: string | null }>;
  /** Copies a database file from elsewhere into backups/ once it passes the check a restore makes;
   * returns its backup name. A file that fails is never admitted (AppError 'invalid_file'). */
  copyIntoBackups(source: string): string;
  encryptionStatus(): EncryptionStatus;
  /** Opens an encrypted folder; throws 'wrong_passphrase' (and stays locked) when the passphrase is wrong. */
  unlock(passphrase: string): Promise<void>;
  /** Encrypts the database and its backups, after a backup. Only while no call runs. */
  enableEncryption(passphrase: string): Promise<void>;
  changePassphrase(current: string, next: string): Promise<void>;
  /** Stores the database and its backups in the clear again. */
  disableEncryption(passphrase: string): Promise<void>;
  close(): void;
}

function isDamage(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'database_corrupt';
}

export async function openDataStore(options: DataStoreOptions): Promise<DataStore> {
  const { dataDir, nativeBinding, log } = options;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let wrongPassphrases = 0;
  makeDataFolderPrivate(dataDir);
  const lock = acquireDataLock(dataDir);
  // Held by us now: what an interrupted write left behind (never a finished file) can go.
  removePartialBackups(dataDir);
  removeRestoreLeftovers(dataDir);
  rmSync(incomingCopyPath(dataDir), { force: true });
  removeRekeyLeftovers(databasePath(dataDir));
  let db: Db | null = null;
  let status: DataStatus = { state: 'ready' };
  let marker: EncryptionMarker | null = null;
  /** The key of an encrypted folder once unlocked; null while locked or when not encrypted. */
  let key: Buffer | null = null;

  function enterRecovery(error: AppError, damagedCopy: string | null = null, cause: 'damaged' | 'missing' = 'damaged'): void {
    if (db) db.close();
    db = null;
    status = { state: 'recovery', cause, problem: error.message, damagedCopy };
    log(`[data] ${error.message}`);
  }

  // A function, not the variable: TypeScript cannot see the closures above assign it.
  function connectionOrNull(): Db | null {
    return db;
  }

  function connection(): Db {
    if (db) return db;
    if (status.state === 'locked') throw new AppError('passphrase_required', 'The data is encrypted: unlock it with its passphrase first (encryption.unlock).');
    const problem = status.state === 'recovery' ? status.problem : 'The database is closed.';
    throw new AppError('database_corrupt', `${problem} Only backups can be listed and restored until then.`);
  }

  /** Check results by file, name, size and modification time, and the key they were checked with:
   * rotation checks every backup it keeps, and most of them have not changed since the last time. */
  const checked = new Map<string, { key: Buffer | null; result: BackupFileCheck }>();

  function checkBackup(file: string): BackupFileCheck {
    const stat = statSync(file, { throwIfNoEntry: false });
    const id = `${file}\0${stat?.size}\0${stat?.mtimeMs}`;
    const known = checked.get(id);
    if (known && (known.key === key || (known.key !== null && key !== null && known.key.equals(key)))) return known.result;
    const result = checkBackupFile(file, { nativeBinding, latestSchemaVersion, key: key ?? undefined });
    checked.set(id, { key, result });
    return result;
  }

  async function backup(reason: string): Promise<BackupFile> {
    const live = connection();
    const file = await backupDatabase(live, dataDir, reason);
    const name = path.basename(file);
    rotateBackups(dataDir, readSettings(live).backupsToKeep, (candidate) => checkBackup(candidate).ok, [name]);
    return listBackups(dataDir).find((b) => b.name === name)!;
  }

  async function open(): Promise<void> {
    try {
      db = await openDatabase({ dataDir, nativeBinding, key: key ?? undefined });
      status = { state: 'ready' };
    } catch (error) {
      if (isDamage(error)) enterRecovery(error);
      else throw error;
    }
  }

  /** A missing or empty database where data was kept before: recovery, never a new empty database
   * (its start-of-day backups would in time rotate the real ones away). Returns whether it did. */
  function refuseBlankDatabase(): boolean {
    if (!isBlankDatabase(dataDir)) return false;
    const signs = earlierDataSigns(dataDir);
    if (signs.length === 0) return false;
    enterRecovery(new AppError('database_corrupt', missingDatabaseMessage(dataDir, signs)), null, 'missing');
    return true;
  }

  /** Opens the database and takes the day's first backup: at start-up, or when an encrypted folder is unlocked. */
  async function start(): Promise<void> {
    if (refuseBlankDatabase()) return;
    const existed = existsSync(databasePath(dataDir));
    await open();
    // An encrypted folder keeps issued report files inside the database; files an older version (or
    // the plain folder before encryption) wrote are moved in.
    if (db && marker) {
      const left = moveReportFilesIntoDatabase(db, dataDir);
      if (left.length) log(`[data] these files in reports/ belong to no issued report and were left as they are: ${left.join(', ')}`);
    }
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
  }

  type FoundKey = { key: Buffer; entry: EncryptionMarker['keys'][number] };

  /** Slows down guessing: each wrong passphrase in a row waits longer before it is answered. */
  async function afterWrongPassphrase<T>(attempt: Promise<T>): Promise<T> {
    try {
      const result = await attempt;
      wrongPassphrases = 0;
      return result;
    } catch (error) {
      if (error instanceof AppError && error.code === 'wrong_passphrase') await sleep(wrongPassphraseDelayMs(++wrongPassphrases));
      throw error;
    }
  }

  async function unlock(passphrase: string): Promise<void> {
    if (status.state !== 'locked' || !marker) return;
    const current = marker;
    const candidates = await afterWrongPassphrase(keysForPassphrase(current, passphrase));
    const file = databasePath(dataDir);
    const [newest] = candidates;
    if (current.rekeying) {
      await finishInterruptedRekeying(current, current.rekeying.from, newest);
    } else if (isBlankDatabase(dataDir)) {
      // The passphrase checks out against the marker; there is just no database to open with it.
      key = newest.key;
      refuseBlankDatabase();
    } else if (isPlainDatabaseFile(file)) {
      // Encryption was being turned off when the app stopped: the marker still says encrypted, so the
      // data is encrypted again (the backups too) before it is used.
      await finishRekeying(newest, null);
    } else {
      const opens = candidates.find((candidate) => keyOpensDatabase(file, candidate.key, nativeBinding));
      // The key matches the marker but does not read the file: damaged (recovery).
      key = (opens ?? newest).key;
      if (opens && current.keys.length > 1) {
        marker = newMarker([opens.entry], current.kdf);
        writeMarker(dataDir, marker);
      }
      await start();
    }
    log(`[data] unlocked ${dataDir}`);
  }

  /** An enable or passphrase change stopped part-way (the marker still says "rekeying"). */
  async function finishInterruptedRekeying(current: EncryptionMarker, from: string, found: FoundKey): Promise<void> {
    if (found.entry === current.keys[0]) {
      // The new passphrase: it unseals the old key, and the job is finished wherever it stopped.
      const oldKey = from === 'plain' ? null : unwrapKey(from, found.key);
      if (from !== 'plain' && !oldKey) throw new AppError('database_corrupt', `The encryption marker ${markerPath(dataDir)} has been altered: its old key cannot be unsealed.`);
      await finishRekeying(found, oldKey);
      return;
    }
    // The old passphrase of a change. While the database still has the old key nothing has been
    // re-keyed yet (the database goes first), so the change is dropped; otherwise only the new one opens.
    if (!keyOpensDatabase(databasePath(dataDir), found.key, nativeBinding)) {
      throw new AppError('wrong_passphrase', `${wrongPassphraseMessage} (the passphrase was being changed: use the new one)`);
    }
    marker = newMarker([found.entry], current.kdf);
    writeMarker(dataDir, marker);
    key = found.key;
    log('[data] a passphrase change had not begun to re-key the data; the old passphrase stays');
    await start();
  }

  /**
   * Closes the connection and brings the database and every backup to `to`'s key (from plain or
   * `from`), then clears "rekeying" from the marker and opens the data. Safe to run again after a
   * crash at any point: each file is re-keyed by copy and rename, and files already done are skipped.
   */
  async function finishRekeying(to: FoundKey, from: Buffer | null): Promise<void> {
    if (db) closeDatabase(db);
    db = null;
    key = null;
    status = { state: 'locked' };
    reportUnchangedBackups(rekeyDataFolder(dataDir, from, to.key, nativeBinding));
    marker = newMarker([to.entry], marker!.kdf);
    writeMarker(dataDir, marker);
    key = to.key;
    await start();
  }

  function requireOpen(): Db {
    const live = connection();
    if (status.state !== 'ready') throw new AppError('conflict', 'The data must be open and sound to change its encryption.');
    return live;
  }

  function requireNewPassphrase(passphrase: string, field: string): void {
    const issues = passphraseProblems(passphrase, field);
    if (issues.length) throw new AppError('invalid_input', issues[0].message, issues);
  }

  /** The marker and key in use, when `passphrase` is the passphrase in use; else 'wrong_passphrase'. */
  async function requirePassphrase(passphrase: string): Promise<{ marker: EncryptionMarker; key: Buffer; entry: FoundKey['entry'] }> {
    if (!marker || !key) throw new AppError('conflict', 'The data is not encrypted.');
    const inUse = marker;
    const current = key;
    const check = async () => {
      const match = (await keysForPassphrase(inUse, passphrase)).find((candidate) => candidate.key.equals(current));
      if (!match) throw new AppError('wrong_passphrase', wrongPassphraseMessage);
      return match;
    };
    const match = await afterWrongPassphrase(check());
    return { marker: inUse, key: current, entry: match.entry };
  }

  function reportUnchangedBackups(failed: string[]): void {
    if (failed.length) log(`[data] these files could not be re-keyed and keep their old form: ${failed.join(', ')}`);
  }

  /** Runs a re-keying step of enable/change/disable; if it fails part-way the data is left locked, and
   * the next unlock finishes the job from the marker. */
  async function rekeyingStep(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!db) {
        key = null;
        status = { state: 'locked' };
      }
      throw error;
    }
  }

  try {
    marker = readMarker(dataDir);
    if (marker) {
      status = { state: 'locked' };
      if (options.passphrase !== undefined) await unlock(options.passphrase);
    } else {
      await start();
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
        const result = checkBackup(path.join(backupDir(dataDir), backupFile.name));
        return { ...backupFile, check: result.ok ? 'ok' : 'damaged', problem: result.problem };
      });
    },

    async restore(name) {
      const file = resolveBackup(dataDir, name);
      const candidate = checkBackup(file);
      if (!candidate.ok) throw new AppError('invalid_file', `The backup ${name} cannot be restored: ${candidate.problem}. Nothing was changed.`);

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

    copyIntoBackups(source) {
      if (status.state === 'locked') throw new AppError('passphrase_required', 'Unlock the encrypted data folder first (encryption.unlock).');
      return copyIntoBackups(dataDir, source, checkBackup);
    },

    async startFresh() {
      if (status.state !== 'recovery') throw new AppError('conflict', 'Starting fresh is only for data that cannot be opened (recovery); nothing was changed.');
      if (marker && !key) throw new AppError('passphrase_required', 'Unlock the encrypted data folder first (encryption.unlock).');
      const damagedCopy = setAsideDamagedDatabase(dataDir);
      await open();
      if (status.state === 'recovery') throw new AppError('database_corrupt', status.problem);
      log(`[data] started with an empty database in ${dataDir}${damagedCopy ? `; the old file is in ${damagedCopy}` : ''}; the backups are kept`);
      return { damagedCopy };
    },

    encryptionStatus: () => ({ encrypted: marker !== null, cipher: marker?.cipher ?? null, kdf: marker?.kdf.name ?? null }),
    unlock,

    async enableEncryption(passphrase) {
      requireOpen();
      if (marker) throw new AppError('conflict', 'The data is already encrypted. Change the passphrase instead.');
      requireNewPassphrase(passphrase, 'passphrase');
      await backup('before-encryption');
      const fresh = await newKey(passphrase);
      // The marker first, saying what is under way: a crash after it leaves files the next unlock
      // finishes encrypting; the other order could leave an encrypted file with no salt for its key.
      marker = newMarker([fresh.entry], fresh.kdf, { from: 'plain' });
      writeMarker(dataDir, marker);
      await rekeyingStep(() => finishRekeying(fresh, null));
      log(`[data] encrypted ${dataDir}`);
    },

    async changePassphrase(current, next) {
      requireOpen();
      const inUse = await requirePassphrase(current);
      requireNewPassphrase(next, 'next');
      await backup('before-passphrase-change');
      const fresh = await newKey(next, inUse.marker.kdf);
      // Both entries, and the old key sealed under the new one: whichever step a crash stops at, the
      // new passphrase finishes the change (and the old one still opens what was not yet re-keyed).
      marker = newMarker([fresh.entry, inUse.entry], fresh.kdf, { from: wrapKey(inUse.key, fresh.key) });
      writeMarker(dataDir, marker);
      await rekeyingStep(() => finishRekeying(fresh, inUse.key));
      log(`[data] changed the passphrase of ${dataDir}`);
    },

    async disableEncryption(passphrase) {
      const live = requireOpen();
      const inUse = await requirePassphrase(passphrase);
      await backup('before-decryption');
      // The files first, the marker last: a crash between leaves a plain file under the marker, which
      // the next unlock encrypts again; nothing is ever left encrypted without its marker.
      closeDatabase(live);
      db = null;
      await rekeyingStep(async () => {
        reportUnchangedBackups(rekeyDataFolder(dataDir, inUse.key, null, nativeBinding));
        removeMarker(dataDir);
        marker = null;
        key = null;
        await open();
      });
      log(`[data] decrypted ${dataDir}`);
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
