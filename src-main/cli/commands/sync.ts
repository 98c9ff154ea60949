// `kartlegg sync` and its subcommands: the optional team server (docs/team-server.md), through the API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import type { QuarantineReason } from '../../core/team-sync';
import { loadPg, tlsOptions } from '../../team/connection';
import { fixedCredentials, useTeamCredentials } from '../../team/credentials';
import { migrateTeamServer } from '../../team/server-migrations';
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';
import { readPassphrase } from '../passphrase-file';

const quarantineReasonText: Record<QuarantineReason, string> = {
  notARecord: 'not a record Kartlegg can read (damaged)',
  invalidRecord: 'fails the checks of the package format',
  newerFormat: 'written by a newer version of Kartlegg',
  invalidGuide: 'not a valid interview guide',
  invalidTemplate: 'not a valid report template',
};

const changeText = { edited: 'changed', deletedHere: 'deleted here, changed', deletedThere: 'deleted' } as const;

const choices = { 'keep-mine': 'keepMine', 'take-theirs': 'takeTheirs', 'keep-both': 'keepBoth' } as const;

function readCa(file: unknown): string | null {
  if (typeof file !== 'string') return null;
  try {
    return readFileSync(path.resolve(file), 'utf8');
  } catch (error) {
    throw new AppError('bad_request', `The CA file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}

function sslMode(value: unknown): 'verify-full' | 'verify-ca' {
  if (value === undefined || value === 'verify-full' || value === 'verify-ca') return value ?? 'verify-full';
  throw new AppError('bad_request', `--ssl-mode is verify-full (the default: CA and host name) or verify-ca (CA only), not "${String(value)}".`);
}

function port(value: unknown): number {
  const number = value === undefined ? 5432 : Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535) throw new AppError('bad_request', `--port must be a port number, not "${String(value)}".`);
  return number;
}

export const syncCommand: CliCommand = {
  name: 'sync',
  usage: 'sync --password-file P [--batch-size N]',
  summary: 'Sync with the team server: send what changed here, fetch what changed there, list conflicts',
  options: { 'password-file': { type: 'string' }, 'batch-size': { type: 'string' } },
  async run({ dataDir, values }) {
    if (typeof values['password-file'] !== 'string') throw new AppError('bad_request', 'Give your team server password in a file with --password-file FILE.');
    useTeamCredentials(fixedCredentials(readPassphrase(values['password-file'])));
    const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
    const counts = await withRuntime(dataDir, (runtime) => call(runtime, 'sync.run', { batchSize }));
    console.log(
      `Sent ${counts.pushedAssessments} assessment(s) and ${counts.pushedClients} client(s); fetched ${counts.pulledAssessments} assessment(s), ` +
        `${counts.pulledClients} client(s) and ${counts.pulledGuides} guide(s); ${counts.recognised} already the same on both sides.`,
    );
    if (counts.pushedDeletions + counts.pulledDeletions > 0) console.log(`Deletions: ${counts.pushedDeletions} sent, ${counts.pulledDeletions} made here.`);
    if (counts.quarantined > 0) console.log(`${counts.quarantined} record(s) from the server set aside because they failed validation: see "kartlegg sync status".`);
    if (counts.raced > 0) console.log(`${counts.raced} record(s) changed on the server during this run: run "kartlegg sync" again.`);
    if (counts.conflicts > 0) console.log(`${counts.conflicts} conflict(s) to resolve: see "kartlegg sync conflicts".`);
  },
};

export const syncStatusCommand: CliCommand = {
  name: 'sync status',
  usage: 'sync status [--json]',
  summary: 'The team server, the last sync, what is queued and how many conflicts wait',
  options: { json: { type: 'boolean' } },
  async run({ dataDir, values }) {
    const status = await withRuntime(dataDir, (runtime) => call(runtime, 'sync.status', {}));
    if (values.json) return console.log(JSON.stringify(status, null, 2));
    if (!status.server) return console.log('No team server is set up ("kartlegg sync configure").');
    const { server } = status;
    console.log(`Team server ${server.host}:${server.port}/${server.database} as ${server.role} (${server.sslMode}${server.hasCaCertificate ? ', own CA' : ', system CAs'}).`);
    console.log(
      `Last sync: ${status.lastSyncAt ?? 'never'}. Queued: ${status.pending.assessments} assessment(s), ${status.pending.clients} client(s), ${status.pending.deletions} deletion(s). Conflicts: ${status.conflicts}.`,
    );
    if (status.quarantined.length === 0) return;
    console.log(`Set aside (failed validation; tried again by every sync): ${status.quarantined.length}`);
    for (const q of status.quarantined) console.log(`  ${q.kind} ${q.id}: ${quarantineReasonText[q.reason]}: ${q.detail}`);
  },
};

export const syncConfigureCommand: CliCommand = {
  name: 'sync configure',
  usage: 'sync configure --host H --database D --role R [--ca-file F]',
  summary: 'Set the team server and your role (also --port N, --ssl-mode verify-full|verify-ca)',
  options: { host: { type: 'string' }, port: { type: 'string' }, database: { type: 'string' }, role: { type: 'string' }, 'ca-file': { type: 'string' }, 'ssl-mode': { type: 'string' } },
  async run({ dataDir, values }) {
    const input = {
      host: String(values.host ?? ''),
      port: port(values.port),
      database: String(values.database ?? ''),
      role: String(values.role ?? ''),
      caPem: readCa(values['ca-file']),
      sslMode: sslMode(values['ssl-mode']),
    };
    const status = await withRuntime(dataDir, (runtime) => call(runtime, 'sync.configure', input));
    console.log(`Team server set: ${status.server!.host}:${status.server!.port}/${status.server!.database} as ${status.server!.role}. This machine's device id is ${status.deviceId}.`);
  },
};

export const syncConflictsCommand: CliCommand = {
  name: 'sync conflicts',
  usage: 'sync conflicts [--json]',
  summary: 'List the records changed both here and on the team server',
  options: { json: { type: 'boolean' } },
  async run({ dataDir, values }) {
    const conflicts = await withRuntime(dataDir, (runtime) => call(runtime, 'sync.conflicts', {}));
    if (values.json) return console.log(JSON.stringify(conflicts, null, 2));
    if (conflicts.length === 0) return console.log('No conflicts.');
    for (const c of conflicts) {
      const blocked = c.takeTheirsBlocked ? ` (take-theirs not possible: ${c.takeTheirsBlocked})` : '';
      console.log(`${c.kind} ${c.id}  ${c.title}  ${changeText[c.change]} on the server by ${c.serverUpdatedBy} at ${c.serverUpdatedAt}${blocked}`);
    }
    console.log('Resolve each with "kartlegg sync resolve <client|assessment> <id> <keep-mine|take-theirs|keep-both>", then run "kartlegg sync".');
  },
};

export const syncResolveCommand: CliCommand = {
  name: 'sync resolve',
  usage: 'sync resolve <client|assessment> <id> <keep-mine|take-theirs|keep-both>',
  summary: 'Resolve one sync conflict; the next sync sends the result',
  async run({ dataDir, args }) {
    const [kind, id, word] = args;
    if ((kind !== 'client' && kind !== 'assessment') || !id || !word || !(word in choices)) {
      throw new AppError('bad_request', 'Usage: kartlegg sync resolve <client|assessment> <id> <keep-mine|take-theirs|keep-both>');
    }
    const choice = choices[word as keyof typeof choices];
    const result = await withRuntime(dataDir, (runtime) => call(runtime, 'sync.resolve', { kind, id, choice }));
    console.log(`Resolved (${word})${result.copyId ? `; theirs is kept as the copy ${result.copyId}` : ''}. Run "kartlegg sync" to send it.`);
  },
};

export const syncMigrateServerCommand: CliCommand = {
  name: 'sync migrate-server',
  usage: 'sync migrate-server --host H --database D --admin-role R',
  summary: "For IT: create or update the team server's schema (--password-file P, as configure)",
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    database: { type: 'string' },
    'admin-role': { type: 'string' },
    'password-file': { type: 'string' },
    'ca-file': { type: 'string' },
    'ssl-mode': { type: 'string' },
  },
  async run({ values }) {
    const { Client } = await loadPg();
    const client = new Client({
      host: String(values.host ?? ''),
      port: port(values.port),
      database: String(values.database ?? ''),
      user: String(values['admin-role'] ?? ''),
      password: readPassphrase(values['password-file']),
      ssl: tlsOptions({ caPem: readCa(values['ca-file']), sslMode: sslMode(values['ssl-mode']) }),
    });
    await client.connect();
    try {
      const applied = await migrateTeamServer(client);
      console.log(applied.length ? `Applied team server migration(s) ${applied.join(', ')}.` : 'The team server schema is up to date.');
    } finally {
      await client.end();
    }
  },
};

export const syncCommands = [syncCommand, syncStatusCommand, syncConfigureCommand, syncConflictsCommand, syncResolveCommand, syncMigrateServerCommand];
