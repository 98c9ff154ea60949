// A `kartlegg sync` killed midway (SIGKILL at a pause between batches, the test hook of
// src-main/team/test-pause.ts) resumes on the next run with nothing lost or doubled: once when
// sending (killed after the server committed a batch and before this machine noted it) and once
// when fetching. Real PostgreSQL started by the test; skipped only when none is installed.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiRuntime } from '../../src-main/api/runtime';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir, withRawDb } from './fixtures/data-folder';
import { postgresBinDir, startMigratedCluster, type TestCluster } from './fixtures/team-postgres';
import { cliEntry, runCli } from './fixtures/cli';

const hasPostgres = postgresBinDir() !== null;
if (!hasPostgres) console.warn('team-sync-kill tests skipped: no PostgreSQL 15 or newer under /usr/lib/postgresql (apt-get install postgresql)');

const appRoot = findAppRoot();
const assessmentCount = 23;
let cluster: TestCluster;
const dirs: string[] = [];

beforeAll(async () => {
  if (!hasPostgres) return;
  cluster = await startMigratedCluster();
  await cluster.addConsultant('kari', 'kari-passord', 'firma-a');
  await cluster.addConsultant('ola', 'ola-passord', 'firma-a');
}, 120_000);

afterAll(() => {
  for (const dir of dirs) removeTempDir(dir);
  cluster?.stop();
});

/** A data folder set up for the cluster as `role`, with `count` assessments of one client; closed again. */
async function prepareFolder(role: string, count: number): Promise<{ dataDir: string; passwordFile: string }> {
  const dataDir = makeTempDir();
  dirs.push(dataDir);
  const passwordFile = path.join(dataDir, '..', `${path.basename(dataDir)}-password`);
  writeFileSync(passwordFile, `${role}-passord\n`, { mode: 0o600 });
  dirs.push(passwordFile);
  const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await runtime.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  try {
    await ok('sync.configure', { host: 'localhost', port: cluster.port, database: 'postgres', role, caPem: cluster.caPem, sslMode: 'verify-full' });
    if (count > 0) {
      const client = await ok<{ id: string }>('clients.create', { name: 'Renhold Vest AS' });
      for (let i = 1; i <= count; i++) {
        await ok('assessments.create', { clientId: client.id, title: `Kartlegging ${i}`, method: 'group', guideId: 'psychosocial-cleaning', guideVersion: '1.0.0' });
      }
    }
  } finally {
    await runtime.close();
  }
  return { dataDir, passwordFile };
}

const kartlegg = (dataDir: string, ...args: string[]) => runCli(dataDir, args);

/** Runs `kartlegg sync` until it reaches the pause point, then kills it with SIGKILL. */
async function syncKilledAt(dataDir: string, passwordFile: string, pause: string): Promise<void> {
  const marker = `${dataDir}-paused`;
  dirs.push(marker);
  const child = spawn(process.execPath, ['--import', 'tsx', cliEntry, 'sync', '--password-file', passwordFile, '--batch-size', '5', '--data-dir', dataDir], {
    env: { ...process.env, KARTLEGG_TEST_SYNC_PAUSE: `${pause}:${marker}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  while (!existsSync(marker) && !done) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!existsSync(marker)) throw new Error(`kartlegg sync ended before the pause point: ${output}`);
  child.kill('SIGKILL');
  await exited;
}

const localTitles = (dataDir: string) =>
  withRawDb(dataDir, (db) => db.prepare('SELECT title FROM assessments ORDER BY title').pluck().all() as string[], { readonly: true });

async function serverRows(): Promise<{ id: string; version: number; title: string }[]> {
  const admin = await cluster.admin();
  try {
    return (await admin.query("SELECT id::text, version, record->'assessment'->>'title' AS title FROM kartlegg.assessments ORDER BY title")).rows;
  } finally {
    await admin.end();
  }
}

describe.skipIf(!hasPostgres)('a killed kartlegg sync', () => {
  it('resumes sending and fetching with nothing lost or doubled', async () => {
    const kari = await prepareFolder('kari', assessmentCount);
    // Push batches: 1 is the client, 2 and 3 the first ten assessments. Killed after the server
    // committed batch 3 and before this machine noted it.
    await syncKilledAt(kari.dataDir, kari.passwordFile, 'server:3');
    expect(await serverRows()).toHaveLength(10);
    const queued = JSON.parse(kartlegg(kari.dataDir, 'sync', 'status', '--json').stdout) as { pending: { assessments: number } };
    expect(queued.pending.assessments).toBe(assessmentCount - 5);

    const resumed = kartlegg(kari.dataDir, 'sync', '--password-file', kari.passwordFile, '--batch-size', '5');
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`Sent ${assessmentCount - 10} assessment(s) and 0 client(s)`);
    expect(resumed.stdout).toContain('5 already the same on both sides');
    const rows = await serverRows();
    expect(rows).toHaveLength(assessmentCount);
    expect(new Set(rows.map((row) => row.id)).size).toBe(assessmentCount);
    // None was written twice: the five the killed run had sent were recognised, not sent again.
    expect(rows.every((row) => row.version === 1)).toBe(true);
    expect(rows.map((row) => row.title).sort()).toEqual(localTitles(kari.dataDir));
    expect(JSON.parse(kartlegg(kari.dataDir, 'sync', 'status', '--json').stdout)).toMatchObject({ pending: { clients: 0, assessments: 0 }, conflicts: 0 });

    const ola = await prepareFolder('ola', 0);
    // Pull batches: 1 is the client, 2 the first five assessments; killed after batch 2 was committed here.
    await syncKilledAt(ola.dataDir, ola.passwordFile, 'pull:2');
    expect(localTitles(ola.dataDir)).toHaveLength(5);
    const fetched = kartlegg(ola.dataDir, 'sync', '--password-file', ola.passwordFile, '--batch-size', '5');
    expect(fetched.status, fetched.stderr).toBe(0);
    expect(fetched.stdout).toContain(`fetched ${assessmentCount - 5} assessment(s)`);
    expect(localTitles(ola.dataDir)).toEqual(localTitles(kari.dataDir));
    expect(JSON.parse(kartlegg(ola.dataDir, 'sync', 'status', '--json').stdout)).toMatchObject({ pending: { clients: 0, assessments: 0 }, conflicts: 0 });
    // And nothing went back to the server doubled.
    expect(await serverRows()).toHaveLength(assessmentCount);
  }, 300_000);

  it('resumes sending deletions: tombstones the server committed before the kill are recognised, not sent twice', async () => {
    const kari = await prepareFolder('kari', 0);
    const ola = await prepareFolder('ola', 0);
    expect(kartlegg(kari.dataDir, 'sync', '--password-file', kari.passwordFile).status).toBe(0);
    expect(kartlegg(ola.dataDir, 'sync', '--password-file', ola.passwordFile).status).toBe(0);
    const deleted = localTitles(kari.dataDir).slice(0, 7);
    const runtime = await openApiRuntime({ dataDir: kari.dataDir, appRoot, log: () => {} });
    try {
      const list = await runtime.call('assessments.list', {});
      if (!list.ok) throw new Error(JSON.stringify(list.error));
      for (const assessment of (list.value as { id: string; title: string }[]).filter((a) => deleted.includes(a.title))) {
        const result = await runtime.call('assessments.delete', { id: assessment.id });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
      }
    } finally {
      await runtime.close();
    }
    // Push batch 1 holds five tombstones; killed after the server committed it, before this machine noted it.
    await syncKilledAt(kari.dataDir, kari.passwordFile, 'server:1');
    const tombstones = async () => {
      const admin = await cluster.admin();
      try {
        return (await admin.query('SELECT version FROM kartlegg.assessments WHERE deleted')).rows.map((row: { version: number }) => row.version);
      } finally {
        await admin.end();
      }
    };
    expect(await tombstones()).toHaveLength(5);
    const resumed = kartlegg(kari.dataDir, 'sync', '--password-file', kari.passwordFile, '--batch-size', '5');
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Deletions: 2 sent');
    // Each a tombstone once: version 2 (written, then deleted), never deleted twice.
    expect(await tombstones()).toEqual(Array(7).fill(2));
    expect(JSON.parse(kartlegg(kari.dataDir, 'sync', 'status', '--json').stdout)).toMatchObject({ pending: { deletions: 0 }, conflicts: 0 });
    const fetched = kartlegg(ola.dataDir, 'sync', '--password-file', ola.passwordFile);
    expect(fetched.stdout).toContain('Deletions: 0 sent, 7 made here.');
    expect(localTitles(ola.dataDir)).toEqual(localTitles(kari.dataDir));
  }, 300_000);
});
