// The data folder's safety nets on real files: a missing or emptied database beside backups never
// becomes a new empty one; rotation keeps the newest backups that check good whatever the clock said;
// failed restores admit nothing; interrupted writes are cleaned up; files and folders are private.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, writeSync, chmodSync, renameSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import type { BackupFile, BackupListing, DataStatus } from '../../src-main/core/backups';
import type { MethodName } from '../../src-main/api/contract';
import { backupDir, listBackups } from '../../src-main/db/backup';
import { databasePath } from '../../src-main/db/database';
import { testKdfVariable } from '../../src-main/db/encryption';
import { findAppRoot } from '../../src-main/paths';
import { withRuntime } from '../../src-main/cli/api';
import { restoreCommand } from '../../src-main/cli/commands/backups';
import { apiCalls } from './fixtures/api-calls';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';

const appRoot = findAppRoot();
let dataDir: string;
let runtime: ApiRuntime | null = null;

beforeEach(() => {
  dataDir = makeTempDir();
});

afterEach(async () => {
  vi.useRealTimers();
  await runtime?.close();
  runtime = null;
  removeTempDir(dataDir);
});

async function reopen(): Promise<ApiRuntime> {
  await runtime?.close();
  runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  return runtime;
}

const calls = apiCalls(() => ({ runtime: runtime!, dataDir }));
const ok = <T>(method: MethodName, input: unknown = {}) => calls.ok<T>(method, input);
const fails = (method: MethodName, input: unknown = {}) => calls.fails(method, input);

const clientNames = async () => (await ok<{ name: string }[]>('clients.list')).map((c) => c.name);

/** A folder with data, one client and a checked backup of it; closed again. */
async function folderWithBackup(): Promise<BackupFile> {
  await reopen();
  await ok('clients.create', { name: 'Renhold Vest AS' });
  const backup = await ok<BackupFile>('backups.create');
  await runtime!.close();
  runtime = null;
  return backup;
}

describe('a missing or empty database beside backups', () => {
  it.each([
    ['missing', (file: string) => rmSync(file)],
    ['empty (0 bytes)', (file: string) => writeFileSync(file, '')],
  ])('(%s) opens in recovery, creates nothing, and restores the newest good backup', async (_what, damage) => {
    const backup = await folderWithBackup();
    damage(databasePath(dataDir));
    const sizeBefore = statSync(databasePath(dataDir), { throwIfNoEntry: false })?.size ?? null;

    await reopen();
    const status = await ok<DataStatus>('system.status');
    expect(status).toMatchObject({ state: 'recovery', cause: 'missing', problem: expect.stringContaining('backups') });
    expect(await fails('clients.list')).toMatchObject({ code: 'database_corrupt' });
    // Still nothing in its place, and no start-of-day backup of an empty database.
    expect(statSync(databasePath(dataDir), { throwIfNoEntry: false })?.size ?? null).toBe(sizeBefore);
    expect(listBackups(dataDir).map((b) => b.name)).toEqual([backup.name]);

    const listed = await ok<BackupListing[]>('backups.list', { check: true });
    expect(listed[0]).toMatchObject({ name: backup.name, check: 'ok' });
    await ok('backups.restore', { name: backup.name });
    await expect(ok('system.status')).resolves.toEqual({ state: 'ready' });
    expect(await clientNames()).toEqual(['Renhold Vest AS']);
  });

  it('starts with an empty database only when told to, keeping the backups', async () => {
    const backup = await folderWithBackup();
    writeFileSync(databasePath(dataDir), '');
    await reopen();
    expect((await fails('system.startFresh', { confirm: false })).code).toBe('invalid_input');
    const fresh = await ok<{ damagedCopy: string | null }>('system.startFresh', { confirm: true });
    expect(fresh.damagedCopy).toEqual(expect.stringContaining(path.join(dataDir, 'damaged')));
    await expect(ok('system.status')).resolves.toEqual({ state: 'ready' });
    expect(await clientNames()).toEqual([]);
    expect(listBackups(dataDir).map((b) => b.name)).toEqual([backup.name]);
    // Once open, there is nothing to start fresh from.
    expect((await fails('system.startFresh', { confirm: true })).code).toBe('conflict');
  });

  it('makes the CLI refuse with what to do, and start fresh only with restore --start-fresh', async () => {
    await folderWithBackup();
    rmSync(databasePath(dataDir));
    await expect(withRuntime(dataDir, async () => 'opened')).rejects.toMatchObject({
      code: 'database_corrupt',
      message: expect.stringMatching(/is missing[\s\S]*kartlegg backups list --check[\s\S]*kartlegg restore --start-fresh/),
    });
    expect(existsSync(databasePath(dataDir))).toBe(false);
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    await restoreCommand.run({ dataDir, values: { 'start-fresh': true }, args: [] });
    vi.restoreAllMocks();
    expect(printed.join('\n')).toContain('Started with an empty database');
    await expect(withRuntime(dataDir, async () => 'opened')).resolves.toBe('opened');
  });

  it('asks an encrypted folder for its passphrase, then shows the same recovery', async () => {
    process.env[testKdfVariable] = '1';
    await reopen();
    await ok('clients.create', { name: 'Kryptert AS' });
    await ok('encryption.enable', { passphrase: 'lang nok passordfrase' });
    await runtime!.close();
    runtime = null;
    writeFileSync(databasePath(dataDir), '');
    await reopen();
    await expect(ok('system.status')).resolves.toEqual({ state: 'locked' });
    await ok('encryption.unlock', { passphrase: 'lang nok passordfrase' });
    await expect(ok('system.status')).resolves.toMatchObject({ state: 'recovery', cause: 'missing', problem: expect.stringContaining('an encryption marker') });
    expect(statSync(databasePath(dataDir)).size).toBe(0);
    const [newestGood] = (await ok<BackupListing[]>('backups.list', { check: true })).filter((b) => b.check === 'ok');
    await ok('backups.restore', { name: newestGood.name });
    expect(await clientNames()).toEqual(['Kryptert AS']);
  });

  it('creates a new database in an empty folder, and in one whose only sign of data is gone', async () => {
    await reopen();
    await expect(ok('system.status')).resolves.toEqual({ state: 'ready' });
    await runtime!.close();
    runtime = null;
    rmSync(databasePath(dataDir));
    await reopen();
    await expect(ok('system.status')).resolves.toEqual({ state: 'ready' });
  });
});

describe('rotation', () => {
  async function keep(count: number): Promise<void> {
    await ok('settings.update', { backupsToKeep: count });
  }

  it('admits no file that fails its check: nine failed restores push no good backup out', async () => {
    await reopen();
    await keep(3);
    const good: string[] = [];
    for (let i = 0; i < 3; i++) good.push((await ok<BackupFile>('backups.create')).name);
    const junk = path.join(makeTempDir(), 'kopi.sqlite');
    try {
      for (let i = 0; i < 9; i++) {
        writeFileSync(junk, `ikke en database ${i}\n`.repeat(300));
        await expect(runtime!.copyIntoBackups(junk)).rejects.toMatchObject({ code: 'invalid_file' });
      }
      expect(readdirSync(backupDir(dataDir)).sort()).toEqual([...good].sort());
      expect(readdirSync(dataDir).filter((name) => name.includes('incoming'))).toEqual([]);
      await ok('backups.create');
      expect(listBackups(dataDir).map((b) => b.name)).toEqual(expect.arrayContaining(good.slice(1)));
    } finally {
      removeTempDir(path.dirname(junk));
    }
  });

  it('orders by sequence, not by the clock: a backup made while the clock ran years ahead goes first', async () => {
    await reopen();
    await keep(3);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2099-06-01T12:00:00Z'));
    const ahead = (await ok<BackupFile>('backups.create')).name;
    vi.useRealTimers();
    expect(ahead).toContain('2099-06-01');
    const fresh: string[] = [];
    for (let i = 0; i < 3; i++) fresh.push((await ok<BackupFile>('backups.create')).name);
    expect(listBackups(dataDir).map((b) => b.name)).toEqual([...fresh].reverse());
  });

  it('sorts backups named before the sequence below numbered ones, by modification time', async () => {
    await reopen();
    await keep(2);
    const dir = backupDir(dataDir);
    const made = (await ok<BackupFile>('backups.create')).name;
    // An old-style name with a date in the future, as a clock set ahead once wrote it.
    const legacy = 'kartlegg-2099-01-01T00-00-00-000Z-start-of-day.sqlite';
    renameSync(path.join(dir, made), path.join(dir, legacy));
    utimesSync(path.join(dir, legacy), new Date('2020-01-01'), new Date('2020-01-01'));
    const next = [(await ok<BackupFile>('backups.create')).name, (await ok<BackupFile>('backups.create')).name];
    expect(listBackups(dataDir).map((b) => b.name)).toEqual([...next].reverse());
  });

  it('never keeps a damaged backup in place of a good one', async () => {
    await reopen();
    await keep(3);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await ok<BackupFile>('backups.create')).name);
    // The newest is damaged (its pages overwritten).
    const newest = path.join(backupDir(dataDir), made[2]);
    const fd = openSync(newest, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 2, 0x5a), 0, 4096 * 2, 0);
    closeSync(fd);
    const next = (await ok<BackupFile>('backups.create')).name;
    const kept = await ok<BackupListing[]>('backups.list', { check: true });
    expect(kept.map((b) => b.name)).toEqual([next, made[1], made[0]]);
    expect(kept.every((b) => b.check === 'ok')).toBe(true);
  });

  it('cleans up what interrupted writes left at the next start', async () => {
    await folderWithBackup();
    const leftovers = [
      path.join(backupDir(dataDir), 'kartlegg-000009-2026-01-01T00-00-00-000Z-manual.sqlite.partial'),
      `${databasePath(dataDir)}.restoring`,
      path.join(dataDir, 'incoming.sqlite.partial'),
      `${databasePath(dataDir)}.rekeying`,
    ];
    for (const file of leftovers) writeFileSync(file, 'halvferdig');
    await reopen();
    for (const file of leftovers) expect(existsSync(file), file).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('file modes', () => {
  function modes(dir: string): { entry: string; mode: number; folder: boolean }[] {
    const found: { entry: string; mode: number; folder: boolean }[] = [{ entry: dir, mode: statSync(dir).mode & 0o777, folder: true }];
    for (const name of readdirSync(dir)) {
      const entry = path.join(dir, name);
      const stat = statSync(entry);
      if (stat.isDirectory()) found.push(...modes(entry));
      else found.push({ entry, mode: stat.mode & 0o777, folder: false });
    }
    return found;
  }

  it('keeps the data folder 0700 and its files 0600, and tightens what an older version left open', async () => {
    const backup = await folderWithBackup();
    chmodSync(dataDir, 0o755);
    chmodSync(databasePath(dataDir), 0o644);
    chmodSync(path.join(backupDir(dataDir), backup.name), 0o644);
    mkdirSync(path.join(dataDir, 'damaged'), { mode: 0o755 });
    await reopen();
    await ok('clients.create', { name: 'Etter AS' });
    await ok('backups.create');
    await ok('backups.restore', { name: backup.name });

    const found = modes(dataDir);
    expect(found.filter((f) => !f.folder).map((f) => f.entry)).toEqual(expect.arrayContaining([databasePath(dataDir), `${databasePath(dataDir)}-wal`]));
    for (const { entry, mode, folder } of found) expect([entry, mode.toString(8)]).toEqual([entry, folder ? '700' : '600']);
  });
});
