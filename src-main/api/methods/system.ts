// API contract for facts about the installation and a health check of its data.
import { z } from 'zod';
import { method } from '../method';

export interface SystemInfo {
  version: string;
  dataDir: string;
  schemaVersion: number;
}

export interface VerifyReport {
  integrity: string;
  foreignKeyProblems: number;
  ok: boolean;
}

export const systemMethods = {
  'system.info': method<SystemInfo>()({
    summary: 'The app version, the data folder and the database schema version.',
    input: z.object({}).strict(),
  }),
  'system.verify': method<VerifyReport>()({
    summary: 'Runs SQLite integrity_check and foreign_key_check on the database.',
    input: z.object({}).strict(),
  }),
};
