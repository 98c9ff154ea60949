// One writer per data folder: a second runtime, in this process or another, is refused with a clear
// message and changes nothing; a lock left by a process that is gone is taken over.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import { AppError } from '../../src-main/core/errors';
import { acquireDataLock, lockPath } from '../../src-main/db/data-lock';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir, snapshotDataFolder } from './fixtures/data-folder';

const appRoot = findAppRoot();
const opener = fileURLToPath(new URL('./fixtures/open-runtime.ts', import.meta.url));
let dataDir: string;
const open: ApiRuntime[] = [];

beforeEach(() => {
  dataDir = makeTempDir();
});

afterEach(async () => {
  for (const runtime of open.splice(0)) await runtime.close();
  removeTempDir(dataDir);
});

async function openRuntime(dir = dataDir): Promise<ApiRuntime> {
  const runtime = await openApiRuntime({ dataDir: dir, appRoot, log: () => {} });
  open.push(runtime);
  return runtime;
}

async function refusal(dir = dataDir): Promise<AppError> {
  const error = await openRuntime(dir).then(
    () => {
      throw new Error('expected the second runtime to be refused');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

interface Outcome {
  opened: boolean;
  code?: string;
  message?: string;
}

/** Runs the opener in another process; with hold, resolves once it holds the folder and returns a release. */
function openInChild(mode: 'try' | 'hold'): Promise<{ outcome: Outcome; release(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', opener, dataDir, mode], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n')[0];
      if (!output.includes('\n')) return;
      resolve({
        outcome: JSON.parse(line) as Outcome,
        release: async () => {
          child.stdin!.end();
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      if (!output.includes('\n')) reject(new Error(`the opener exited with ${code} and said nothing:\n${stderr}`));
    });
  });
}

describe('two runtimes in one process', () => {
  it('refuses the second on the same folder, naming who holds it, and lets it in after close()', async () => {
    const first = await openRuntime();
    await first.call('clients.create', { name: 'Renhold Vest AS' });
    const before = snapshotDataFolder(dataDir);

    const error = await refusal();
    expect(error.code).toBe('database_locked');
    expect(error.message).toContain(dataDir);
    expect(error.message).toContain(`process ${process.pid}`);
    expect(error.message).toMatch(/Nothing was changed/);
    expect(snapshotDataFolder(dataDir)).toEqual(before);
    // The first one keeps working.
    await expect(first.call('clients.list', {})).resolves.toMatchObject({ ok: true, value: [{ name: 'Renhold Vest AS' }] });

    await first.close();
    open.splice(open.indexOf(first), 1);
    const second = await openRuntime();
    await expect(second.call('clients.list', {})).resolves.toMatchObject({ ok: true, value: [{ name: 'Renhold Vest AS' }] });
  });

  it('opens runtimes on different folders side by side', async () => {
    const otherDir = makeTempDir();
    try {
      const first = await openRuntime();
      const second = await openRuntime(otherDir);
      await first.call('clients.create', { name: 'Bare i den første' });
      await expect(second.call('clients.list', {})).resolves.toEqual({ ok: true, value: [] });
      await second.close();
      open.splice(open.indexOf(second), 1);
    } finally {
      removeTempDir(otherDir);
    }
  });

  it('removes its lock on close, and close() twice is harmless', async () => {
    const runtime = await openRuntime();
    expect(JSON.parse(readFileSync(lockPath(dataDir), 'utf8'))).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    await runtime.close();
    await runtime.close();
    open.splice(open.indexOf(runtime), 1);
    expect(() => readFileSync(lockPath(dataDir))).toThrow(/ENOENT/);
  });
});

describe('a second process', () => {
  it('is refused while this process holds the folder', async () => {
    await openRuntime();
    const { outcome, release } = await openInChild('try');
    await release();
    expect(outcome).toMatchObject({ opened: false, code: 'database_locked' });
    expect(outcome.message).toContain(`process ${process.pid}`);
  });

  it('holds the folder against this process until it exits', async () => {
    const child = await openInChild('hold');
    expect(child.outcome.opened).toBe(true);
    try {
      const error = await refusal();
      expect(error.code).toBe('database_locked');
      expect(error.message).toMatch(/another Kartlegg \(process \d+/);
    } finally {
      await child.release();
    }
    await expect(openRuntime()).resolves.toBeDefined();
  });
});

describe('stale locks', () => {
  function writeLock(owner: object): void {
    writeFileSync(lockPath(dataDir), JSON.stringify(owner));
  }

  /** A pid that is not running: a process that has just exited. */
  async function endedPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => child.once('exit', resolve));
    return child.pid!;
  }

  it('takes over a lock whose process has ended on this computer', async () => {
    writeLock({ pid: await endedPid(), hostname: os.hostname(), startedAt: new Date().toISOString() });
    const runtime = await openRuntime();
    await expect(runtime.call('system.verify', {})).resolves.toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(lockPath(dataDir), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('takes over a lock from before the computer last started', async () => {
    writeLock({ pid: process.ppid, hostname: os.hostname(), startedAt: new Date(Date.now() - (os.uptime() + 3600) * 1000).toISOString() });
    await expect(openRuntime()).resolves.toBeDefined();
  });

  it('refuses a lock held by a running process on this computer', async () => {
    writeLock({ pid: process.ppid, hostname: os.hostname(), startedAt: new Date().toISOString() });
    expect((await refusal()).code).toBe('database_locked');
  });

  it('refuses a lock from another computer (a shared folder), and says how to clear it', async () => {
    writeLock({ pid: 4242, hostname: 'konsulent-pc-2', startedAt: '2025-03-01T10:00:00.000Z' });
    const error = await refusal();
    expect(error.code).toBe('database_locked');
    expect(error.message).toContain('"konsulent-pc-2"');
    expect(error.message).toContain(`delete ${lockPath(dataDir)}`);
  });

  it('waits for an unreadable lock while it is new (its writer may be writing it), and takes it over when old', async () => {
    writeFileSync(lockPath(dataDir), '');
    expect((await refusal()).code).toBe('database_locked');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(dataDir), old, old);
    await expect(openRuntime()).resolves.toBeDefined();
  });

  it('leaves a lock alone on release when someone replaced it', () => {
    const lock = acquireDataLock(dataDir);
    writeLock({ pid: 1, hostname: 'other', startedAt: '2025-03-01T10:00:00.000Z' });
    lock.release();
    expect(JSON.parse(readFileSync(lockPath(dataDir), 'utf8'))).toMatchObject({ hostname: 'other' });
  });
});
