// Backups as the user sees them, and whether the data could be opened at start-up.

/** A finished backup in the data folder's backups/ folder. */
export interface BackupFile {
  /** The file name, which is also how the API names the backup. */
  name: string;
  /** When it was made (ISO time). */
  createdAt: string;
  /** Why it was made, e.g. "start-of-day", "manual", "before-restore", "before-migration-3-to-4". */
  reason: string;
  sizeBytes: number;
}

/** A backup with the result of checking it, when it was checked. */
export interface BackupListing extends BackupFile {
  check: 'ok' | 'damaged' | 'unchecked';
  /** What is wrong with it, when damaged. */
  problem: string | null;
}

export type BackupReasonKind = 'startOfDay' | 'manual' | 'beforeMigration' | 'beforeRestore' | 'beforeImport' | 'copied' | 'other';

export function backupReasonKind(reason: string): BackupReasonKind {
  if (reason === 'start-of-day') return 'startOfDay';
  if (reason === 'manual') return 'manual';
  if (reason === 'before-restore') return 'beforeRestore';
  if (reason === 'before-import') return 'beforeImport';
  if (reason === 'copied') return 'copied';
  if (reason.startsWith('before-migration')) return 'beforeMigration';
  return 'other';
}

/** "ready": the database is open. "recovery": it could not be opened (damaged); only system.* and
 * backups.* work until a backup is restored. "locked": the data is encrypted and no passphrase has been
 * given yet; only system.* and encryption.unlock/status work. */
export type DataStatus =
  | { state: 'ready' }
  | { state: 'locked' }
  | {
      state: 'recovery';
      /** "damaged": the database does not open or fails its check. "missing": it is missing or empty
       * (0 bytes) in a folder that held data (backups, an encryption marker, reports): Kartlegg does not
       * start a new one there unless told to (system.startFresh). */
      cause: 'damaged' | 'missing';
      /** What went wrong, in the words of the check that failed. */
      problem: string;
      /** Where the damaged file was set aside after a restore, if it was. */
      damagedCopy: string | null;
    };

export interface RestoreResult {
  restored: string;
  /** The backup of the data as it was just before the restore; null when the data was damaged. */
  safetyBackup: string | null;
  /** Where the damaged database was moved, when the restore replaced one. */
  damagedCopy: string | null;
}

/**
 * kartlegg-<sequence>-<UTC time with - for : and .>-<reason>.sqlite, e.g.
 * kartlegg-000042-2025-03-01T10-00-00-000Z-start-of-day.sqlite. The sequence number (one more than the
 * highest in the folder) orders backups, not the time: a clock once set ahead must not make an old
 * backup look newest. Names from before the sequence (no number) sort below every numbered one, by
 * the file's modification time.
 */
const backupNamePattern = /^kartlegg-(?:(\d{6,})-)?(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9]+(?:-[a-z0-9]+)*)\.sqlite$/;

export function backupFileName(sequence: number, at: Date, reason: string): string {
  return `kartlegg-${String(sequence).padStart(6, '0')}-${at.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
}

export function parseBackupName(name: string): { createdAt: string; reason: string; sequence: number | null } | null {
  const match = backupNamePattern.exec(name);
  if (!match) return null;
  const [, sequence, day, hours, minutes, seconds, millis, reason] = match;
  const createdAt = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt: createdAt.toISOString(), reason, sequence: sequence === undefined ? null : Number(sequence) };
}
