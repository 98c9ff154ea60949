// Encryption at rest under SIGKILL: a process turning encryption on, or changing the passphrase, is
// killed at random moments; the next unlock finishes the job wherever it stopped, the data is whole,
// and no file in the data folder holds SQLite's plaintext header or the client's name.
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import type { BackupListing, DataStatus } from '../../src-main/core/backups';
import type { EncryptionStatus } from '../../src-main/core/encryption';
import type { IssuedReport } from '../../src-main/core/issued-reports';
import { testKdfVariable } from '../../src-main/db/encryption';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';
import { randomSource } from './fixtures/seeded-random';

const worker = fileURLToPath(new URL('./fixtures/rekey-worker.ts', import.meta.url));
const appRoot = findAppRoot();
const clientName = 'Hemmelig Renhold Bjørnøy AS';
const first = 'første lange passordfrase';
const second = 'andre lange passordfrase';
const killsPerMode = 6;
// Cheap scrypt for the keys made here and in the children (honoured only under the test runner).
process.env[testKdfVariable] = '1';

const folders: string[] = [];
const newFolder = () => {
  const dir = makeTempDir();
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) removeTempDir(dir);
});

async function ok<T>(runtime: ApiRuntime, method: string, input: unknown = {}): Promise<T> {
  const result = await runtime.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A plain folder with a client, an issued report (its file named after the client) and backups. */
async function plainTemplate(): Promise<{ dir: string; report: IssuedReport }> {
  const dir = newFolder();
  const runtime = await openApiRuntime({ dataDir: dir, appRoot, log: () => {} });
  try {
    const client = await ok<{ id: string }>(runtime, 'clients.create', { name: clientName, notes: `Notater om ${clientName}` });
    const assessment = await ok<{ id: string }>(runtime, 'assessments.create', {
      clientId: client.id,
      title: 'Kartlegging 2026',
      method: 'group',
      guideId: 'psychosocial-cleaning',
      guideVersion: '1.0.0',
    });
    await ok(runtime, 'revisions.issue', { assessmentId: assessment.id, revision: 1, acceptGaps: true });
    const report = await ok<IssuedReport>(runtime, 'reports.export', { assessmentId: assessment.id, templateId: 'action-plan', formats: ['docx'] });
    for (let i = 0; i < 3; i++) await ok(runtime, 'backups.create');
    return { dir, report };
  } finally {
    await runtime.close();
  }
}

type Outcome = { killed: boolean; finishedMs: number | null };

/** Runs the worker on `dataDir` and kills it `killAfterMs` after it says "start" (null: never). */
function runWorker(dataDir: string, args: string[], killAfterMs: number | null): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dataDir, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'test', [testKdfVariable]: '1' },
    });
    let stdout = '';
    let stderr = '';
    let finishedMs: number | null = null;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (killAfterMs !== null && stdout.startsWith('start\n') && !child.killed) {
        const delay = killAfterMs;
        killAfterMs = null;
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
      const done = /done (\d+)/.exec(stdout);
      if (done) finishedMs = Number(done[1]);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, finishedMs });
      else if (code === 0) resolve({ killed: false, finishedMs });
      else reject(new Error(`the worker failed (code ${code}):\n${stderr}`));
    });
  });
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const entry = path.join(dir, name);
    return statSync(entry).isDirectory() ? [entry, ...filesIn(entry)] : [entry];
  });
}

/** Every file (and every name) in the folder, read without the key. */
function expectNothingReadable(dataDir: string): void {
  const plainHeader = Buffer.from('SQLite format 3', 'latin1');
  const name = Buffer.from(clientName, 'utf8');
  for (const entry of filesIn(dataDir)) {
    expect(path.relative(dataDir, entry)).not.toContain('Hemmelig');
    if (statSync(entry).isDirectory()) continue;
    const bytes = readFileSync(entry);
    expect(bytes.includes(plainHeader), `${entry} has a plaintext SQLite header`).toBe(false);
    expect(bytes.includes(name), `${entry} holds the client's name`).toBe(false);
  }
}

/** After a kill: unlock with the passphrase that should be in use, check the data and every file. */
async function checkAfterKill(dataDir: string, passphrases: string[], report: IssuedReport): Promise<void> {
  const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  try {
    const status = await ok<DataStatus>(runtime, 'system.status');
    const encrypted = (await ok<EncryptionStatus>(runtime, 'encryption.status')).encrypted;
    if (status.state === 'locked') {
      let unlocked = false;
      for (const passphrase of passphrases) {
        const result = await runtime.call('encryption.unlock', { passphrase });
        if (result.ok) {
          unlocked = true;
          break;
        }
        expect(result.error.code).toBe('wrong_passphrase');
      }
      expect(unlocked, 'no passphrase unlocked the folder').toBe(true);
    }
    await expect(ok(runtime, 'system.status')).resolves.toEqual({ state: 'ready' });
    expect((await ok<{ name: string }[]>(runtime, 'clients.list')).map((c) => c.name)).toEqual([clientName]);
    await expect(ok(runtime, 'system.verify')).resolves.toMatchObject({ ok: true });
    const backups = await ok<BackupListing[]>(runtime, 'backups.list', { check: true });
    expect(backups.filter((b) => b.check !== 'ok')).toEqual([]);
    const download = await ok<{ contentBase64: string }>(runtime, 'reports.download', { reportId: report.id, format: 'docx' });
    expect(Buffer.from(download.contentBase64, 'base64').length).toBe(report.files[0].bytes);
    if (!encrypted && status.state === 'ready') return;
  } finally {
    await runtime.close();
  }
  expectNothingReadable(dataDir);
}

describe('encryption under SIGKILL', () => {
  let plain: { dir: string; report: IssuedReport };
  let encrypted: string;
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
  const random = randomSource(seed);

  beforeAll(async () => {
    plain = await plainTemplate();
    encrypted = newFolder();
    cpSync(plain.dir, encrypted, { recursive: true });
    const runtime = await openApiRuntime({ dataDir: encrypted, appRoot, log: () => {} });
    try {
      await ok(runtime, 'encryption.enable', { passphrase: first });
    } finally {
      await runtime.close();
    }
  }, 120_000);

  it.each([
    ['enable', () => plain.dir, [first], [first]],
    ['change', () => encrypted, [first, second], [second, first]],
  ] as const)(`finishes an interrupted %s at the next unlock, wherever it was killed (${killsPerMode} kills)`, async (mode, template, args, unlockWith) => {
    // One run to the end tells how long the operation takes here; kills land anywhere in that time.
    const calibration = newFolder();
    cpSync(template(), calibration, { recursive: true });
    const full = await runWorker(calibration, [mode, ...args], null);
    expect(full.finishedMs).not.toBeNull();
    await checkAfterKill(calibration, [...unlockWith], plain.report);

    let killedMidway = 0;
    for (let round = 0; round < killsPerMode; round++) {
      const dataDir = newFolder();
      cpSync(template(), dataDir, { recursive: true });
      const killAfterMs = Math.floor(random() * (full.finishedMs! * 1.2 + 5));
      const outcome = await runWorker(dataDir, [mode, ...args], killAfterMs);
      if (outcome.killed && outcome.finishedMs === null) killedMidway++;
      try {
        await checkAfterKill(dataDir, [...unlockWith], plain.report);
      } catch (error) {
        throw new Error(`${mode} round ${round + 1} (CRASH_SEED=${seed}, killed ${killAfterMs} ms after start): ${String(error)}`);
      }
    }
    expect(killedMidway).toBeGreaterThan(0);
  }, 300_000);
});
