// API contract for the optional team server (docs/team-server.md): its settings, the password kept in
// the system's key store, sync runs, and the conflicts the consultant resolves.
import { z } from 'zod';
import type { ConflictSummary, QuarantinedRecord, SyncCounts } from '../../core/team-sync';
import { requiredText, uuid } from '../fields';
import { lazySchema } from '../../core/lazy-schema';
import { method } from '../method';

export interface TeamSyncStatus {
  configured: boolean;
  server: { host: string; port: number; database: string; role: string; sslMode: 'verify-full' | 'verify-ca'; hasCaCertificate: boolean } | null;
  deviceId: string | null;
  lastSyncAt: string | null;
  passwordSaved: boolean;
  /** Records changed here since their last sync, and records deleted here: sent by the next run. */
  pending: { clients: number; assessments: number; deletions: number };
  conflicts: number;
  /** Server records set aside here because they failed validation; each sync tries them again. */
  quarantined: QuarantinedRecord[];
}

const pem = lazySchema(() =>
  z
    .string()
    .max(100_000, { message: 'at most 100000 characters' })
    .refine((value) => value.includes('-----BEGIN CERTIFICATE-----'), { message: 'not a PEM certificate (-----BEGIN CERTIFICATE-----)', params: { key: 'notPem' } }),
);

export const syncMethods = {
  'sync.status': method<TeamSyncStatus>()({
    summary: 'Whether a team server is set up, when this machine last synced, what is queued to be sent and how many conflicts wait.',
    input: () => z.object({}).strict(),
  }),
  'sync.configure': method<TeamSyncStatus>()({
    summary:
      'Sets the team server: host, port, database, the consultant\'s login role, and how its TLS certificate is checked ' +
      '(verify-full: CA and host name; verify-ca: CA only). caPem is the CA certificate; null trusts the system\'s CAs.',
    input: () => z
      .object({
        host: requiredText(255),
        port: z.number().int().min(1).max(65535).default(5432),
        database: requiredText(63),
        role: requiredText(63),
        caPem: pem().nullable(),
        sslMode: z.enum(['verify-full', 'verify-ca']).default('verify-full'),
      })
      .strict(),
  }),
  'sync.disconnect': method<TeamSyncStatus>()({
    summary: 'Forgets the team server and its password here. The records stay; the sync state is kept for when it is set up again.',
    input: () => z.object({}).strict(),
  }),
  'sync.savePassword': method<{ saved: true }>()({
    summary: "Keeps the role's password in the system's key store (the app only; the command line reads a password file).",
    input: () => z.object({ password: z.string().min(1, { message: 'required' }).max(1024, { message: 'at most 1024 characters' }) }).strict(),
  }),
  'sync.run': method<SyncCounts>()({
    summary:
      'Syncs with the team server: sends what changed here, fetches what changed there, and lists records changed on both sides as conflicts. ' +
      'One transaction per batch on both sides; an interrupted run is resumed by the next one.',
    input: () => z.object({ batchSize: z.number().int().min(1).max(500).default(50) }).strict(),
  }),
  'sync.conflicts': method<ConflictSummary[]>()({
    summary: 'The records changed both here and on the team server, waiting for a choice.',
    input: () => z.object({}).strict(),
  }),
  'sync.resolve': method<{ copyId: string | null }>()({
    summary: 'Resolves one conflict as in a package import: keep mine, take theirs, or keep both (assessments; theirs becomes a linked copy). The next sync sends the result.',
    input: () => z.object({ kind: z.enum(['client', 'assessment']), id: uuid, choice: z.enum(['keepMine', 'takeTheirs', 'keepBoth']) }).strict(),
  }),
};
