// API contract for facts about the installation and a health check of its data.
import { z } from 'zod';
import type { DataStatus } from '../../core/backups';
import { method } from '../method';

export interface SystemInfo {
  version: string;
  dataDir: string;
  /** null while the database is damaged (recovery). */
  schemaVersion: number | null;
}

export interface VerifyReport {
  integrity: string;
  foreignKeyProblems: number;
  ok: boolean;
}

export const systemMethods = {
  'system.info': method<SystemInfo>()({
    summary: 'The app version, the data folder and the database schema version.',
    input: () => z.object({}).strict(),
  }),
  'system.status': method<DataStatus>()({
    summary:
      'Whether the data could be opened: "ready", "locked" (encrypted, see encryption.unlock), or "recovery" with the problem ' +
      'when the database is damaged (cause "damaged") or missing or empty in a folder that held data (cause "missing"). ' +
      'In recovery only system.* and backups.* methods answer; the UI shows the recovery screen.',
    input: () => z.object({}).strict(),
  }),
  'system.startFresh': method<{ damagedCopy: string | null }>()({
    summary:
      'Only in recovery (system.status): sets the database that cannot be opened aside in damaged/ and starts with an empty one; ' +
      'the backups stay and can still be restored. Needs confirm: true. Locked folders must be unlocked first.',
    input: () => z.object({ confirm: z.literal(true) }).strict(),
  }),
  'system.verify': method<VerifyReport>()({
    summary: 'Runs SQLite integrity_check and foreign_key_check on the database.',
    input: () => z.object({}).strict(),
  }),
};
