// API contract for backups: list them, make one now, and restore one (after backing up the current data).
import { z } from 'zod';
import type { BackupFile, BackupListing, RestoreResult } from '../../core/backups';
import { method } from '../method';
import { requiredText } from '../fields';

export const backupsMethods = {
  'backups.list': method<BackupListing[]>()({
    summary:
      'The backups in the data folder, newest first. With check: true each is opened and checked (integrity_check, ' +
      'foreign_key_check, schema version), as the recovery screen does to offer the newest good one. Works in recovery.',
    input: () => z.object({ check: z.boolean().optional().default(false) }).strict(),
  }),
  'backups.create': method<BackupFile>()({
    summary: "Backs up the database now (SQLite's online backup, checked), then keeps only the newest settings.backupsToKeep.",
    input: () => z.object({}).strict(),
  }),
  'backups.restore': method<RestoreResult>()({
    summary:
      'Replaces the data with a backup named by backups.list. The backup is checked first and the current data backed up ' +
      '(or, when damaged, moved to damaged/); the next call sees the restored data. Works in recovery.',
    input: () => z.object({ name: requiredText(200) }).strict(),
  }),
};
