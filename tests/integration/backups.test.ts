// Backups and restore through the API on real files: start-of-day backups, rotation, restore while
// running, refusal of damaged backups, and the recovery state for a damaged database.
import Database from 'better-sqlite3';
import { existsSync, openSync, readdirSync, readFileSync, closeSync, writeFileSync, writeSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import type { BackupFile, BackupListing, DataStatus, RestoreResult } from '../../src-main/core/backups';
import type { ErrorData } from '../../src-main/core/errors';
import { backupDir, listBackups } from '../../src-main/db/backup';
import { openDataStore } from '../../src-main/db/data-store';
import { databasePath } from '../../src-main/db/database';
import { findAppRoot } from '../../src-main/paths';
import { integrityCheck, makeTempDir, removeTempDir, snapshotDataFolder } from './fixtures/data-folder';

const appRoot = findAppRoot();
let dataDir: string;
let runtime: ApiRuntime | null;
let logged: string[];

beforeEach(async () => {
  dataDir = makeTempDir();
  logged = [];
  runtime = await reopen();
});

afterEach(async () => {
  await runtime?.close();
  removeTempDir(dataDir);
});

async function reopen(): Promise<ApiRuntime> {
  await runtime?.close();
  runtime = await openApiRuntime({ dataDir, appRoot, log: (message) => logged.push(message) });
  return runtime;
}

async function ok<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await runtime!.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function fails(method: string, input: unknown = {}): Promise<ErrorData> {
  const result = await runtime!.call(method, input);
  if (result.ok) throw new Error(`${method} succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

const clientNames = async () => (await ok<{ name: string }[]>('clients.list')).map((c) => c.name);

function openReadonly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Overwrites bytes in the middle of a file, the way a failing disk or a half-copied file would. */
function scribble(file: string, offset: number, length: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

/** A database with enough rows to span many pages, closed cleanly. */
async function fillWithClients(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await ok('clients.create', { name: `Renhold ${i} AS`, notes: 'x'.repeat(400) });
}

describe('automatic backups', () => {
  it('makes none for a new database, one at the first open of a day, and no second that day', async () => {
    expect(listBackups(dataDir)).toEqual([]);
    await ok('clients.create', { name: 'Renhold Vest AS' });
    await reopen();
    await reopen();
    const backups = listBackups(dataDir);
    expect(backups.map((b) => b.reason)).toEqual(['start-of-day']);
    openReadonly(path.join(backupDir(dataDir), backups[0].name), (db) => {
      expect(integrityCheck(db)).toBe('ok');
      // A standalone file: no WAL to carry around with it.
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(db.prepare('SELECT name FROM clients').pluck().all()).toEqual(['Renhold Vest AS']);
    });
  });

  it('makes the next one on the next calendar day', async () => {
    await ok('clients.create', { name: 'Renhold Vest AS' });
    await runtime!.close();
    runtime = null;
    const today = new Date();
    const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1, 7, 30);
    const counts: number[] = [];
    for (const now of [today, today, tomorrow]) {
      const store = await openDataStore({ dataDir, log: () => {}, now: () => now });
      store.close();
      counts.push(listBackups(dataDir).length);
    }
    expect(counts).toEqual([1, 1, 2]);
  });

  it('keeps only the newest settings.backupsToKeep', async () => {
    await ok('settings.update', { backupsToKeep: 3 });
    const made: BackupFile[] = [];
    for (let i = 0; i < 5; i++) made.push(await ok<BackupFile>('backups.create'));
    const listed = await ok<BackupListing[]>('backups.list');
    expect(listed.map((b) => b.name)).toEqual(made.slice(2).reverse().map((b) => b.name));
    expect(listed.every((b) => b.reason === 'manual' && b.check === 'unchecked' && b.sizeBytes > 0)).toBe(true);
  });

  it('leaves no half-written backup behind', async () => {
    await ok('backups.create');
    expect(readdirSync(backupDir(dataDir)).filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
  });
});

describe('restore while the app runs', () => {
  it('brings back the backed-up data for the very next call, after backing up the current data', async () => {
    await ok('clients.create', { name: 'Renhold Vest AS' });
    const backup = await ok<BackupFile>('backups.create');
    await ok('clients.create', { name: 'Etter sikkerhetskopien AS' });

    const result = await ok<RestoreResult>('backups.restore', { name: backup.name });

    expect(result).toEqual({ restored: backup.name, safetyBackup: expect.stringMatching(/before-restore\.sqlite$/), damagedCopy: null });
    expect(await clientNames()).toEqual(['Renhold Vest AS']);
    // The data from before the restore is kept in the safety backup, which can be restored in turn.
    await ok('backups.restore', { name: result.safetyBackup });
    expect((await clientNames()).sort()).toEqual(['Etter sikkerhetskopien AS', 'Renhold Vest AS']);
    await expect(ok('system.verify')).resolves.toEqual({ integrity: 'ok', foreignKeyProblems: 0, ok: true });
    // Still the one writer: writes go to the restored file, and it survives a reopen.
    await ok('clients.create', { name: 'Ny etter gjenoppretting AS' });
    await reopen();
    expect(await clientNames()).toContain('Ny etter gjenoppretting AS');
  });

  it('lets calls made during a restore wait for it, and answers them from the restored data', async () => {
    await ok('clients.create', { name: 'Renhold Vest AS' });
    const backup = await ok<BackupFile>('backups.create');
    await ok('clients.create', { name: 'Etter sikkerhetskopien AS' });
    const [restored, listed] = await Promise.all([
      runtime!.call('backups.restore', { name: backup.name }),
      runtime!.call('clients.list', {}),
    ]);
    expect(restored.ok).toBe(true);
    expect(listed).toMatchObject({ ok: true });
    expect(await clientNames()).toEqual(['Renhold Vest AS']);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    await fillWithClients(40);
    const backup = await ok<BackupFile>('backups.create');
    const file = path.join(backupDir(dataDir), backup.name);
    scribble(file, 4096 * 2, 4096 * 3);
    await ok('clients.create', { name: 'Etter sikkerhetskopien AS' });
    const before = snapshotDataFolder(dataDir);
    const backupsBefore = listBackups(dataDir);

    const error = await fails('backups.restore', { name: backup.name });

    expect(error.code).toBe('invalid_file');
    expect(error.message).toMatch(/cannot be restored: .+Nothing was changed/);
    expect(snapshotDataFolder(dataDir)).toEqual(before);
    expect(listBackups(dataDir)).toEqual(backupsBefore);
    const listed = await ok<BackupListing[]>('backups.list', { check: true });
    expect(listed.find((b) => b.name === backup.name)).toMatchObject({ check: 'damaged', problem: expect.any(String) });
  });

  it.each([
    ['a path out of the folder', '../kartlegg.sqlite', 'invalid_input'],
    ['an absolute path', '/etc/passwd', 'invalid_input'],
    ['another file', 'notes.txt', 'invalid_input'],
    ['a backup that does not exist', 'kartlegg-2025-03-01T10-00-00-000Z-manual.sqlite', 'not_found'],
  ])('refuses %s', async (_what, name, code) => {
    await ok('clients.create', { name: 'Renhold Vest AS' });
    const before = snapshotDataFolder(dataDir);
    expect((await fails('backups.restore', { name })).code).toBe(code);
    expect(snapshotDataFolder(dataDir)).toEqual(before);
  });

  it('refuses a backup from a newer version of Kartlegg', async () => {
    await ok('clients.create', { name: 'Renhold Vest AS' });
    const backup = await ok<BackupFile>('backups.create');
    const db = new Database(path.join(backupDir(dataDir), backup.name));
    db.pragma('user_version = 9999');
    db.close();
    expect(await fails('backups.restore', { name: backup.name })).toMatchObject({ code: 'invalid_file', message: expect.stringContaining('newer version') });
    expect(await clientNames()).toEqual(['Renhold Vest AS']);
  });
});

describe('a damaged database at start-up', () => {
  async function damagedWith(damage: (file: string) => void): Promise<{ goodBackup: string; damagedBytes: Buffer }> {
    await fillWithClients(40);
    const goodBackup = (await ok<BackupFile>('backups.create')).name;
    await runtime!.close();
    runtime = null;
    damage(databasePath(dataDir));
    return { goodBackup, damagedBytes: readFileSync(databasePath(dataDir)) };
  }

  it.each([
    ['not a database at all', (file: string) => writeFileSync(file, 'Dette er ikke en database.\n'.repeat(200))],
    ['pages overwritten', (file: string) => scribble(file, 4096 * 2, 4096 * 4)],
  ])('(%s) opens in recovery, touches nothing, and restores the newest good backup', async (_what, damage) => {
    const { goodBackup, damagedBytes } = await damagedWith(damage);

    runtime = await openApiRuntime({ dataDir, appRoot, log: (message) => logged.push(message) });

    const status = await ok<DataStatus>('system.status');
    expect(status).toMatchObject({ state: 'recovery', problem: expect.stringMatching(/damaged/) });
    expect(logged.join('\n')).toMatch(/damaged/);
    // Never a blank database in its place: the file is left exactly as it was.
    expect(readFileSync(databasePath(dataDir)).equals(damagedBytes)).toBe(true);
    expect(await fails('clients.list')).toMatchObject({ code: 'database_corrupt', message: expect.stringContaining('Restore a backup') });
    expect(await fails('backups.create')).toMatchObject({ code: 'database_corrupt' });
    await expect(ok('system.info')).resolves.toMatchObject({ schemaVersion: null, dataDir });
    await expect(ok('system.verify')).resolves.toMatchObject({ ok: false });

    const listed = await ok<BackupListing[]>('backups.list', { check: true });
    const newestGood = listed.find((b) => b.check === 'ok');
    expect(newestGood?.name).toBe(goodBackup);

    const result = await ok<RestoreResult>('backups.restore', { name: goodBackup });

    expect(result.safetyBackup).toBeNull();
    expect(result.damagedCopy).toEqual(expect.stringContaining(path.join(dataDir, 'damaged')));
    expect(readFileSync(path.join(result.damagedCopy!, 'kartlegg.sqlite')).equals(damagedBytes)).toBe(true);
    await expect(ok('system.status')).resolves.toEqual({ state: 'ready' });
    expect(await clientNames()).toHaveLength(40);
    await expect(ok('system.verify')).resolves.toMatchObject({ ok: true });
  });

  it('stays in recovery when a backup cannot be restored either', async () => {
    const { goodBackup } = await damagedWith((file) => scribble(file, 0, 100));
    scribble(path.join(backupDir(dataDir), goodBackup), 4096 * 2, 4096 * 4);
    runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
    expect((await fails('backups.restore', { name: goodBackup })).code).toBe('invalid_file');
    await expect(ok('system.status')).resolves.toMatchObject({ state: 'recovery' });
    expect(existsSync(databasePath(dataDir))).toBe(true);
  });

  it('still takes and releases the lock in recovery', async () => {
    await damagedWith((file) => writeFileSync(file, 'x'.repeat(5000)));
    runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
    await expect(openApiRuntime({ dataDir, appRoot, log: () => {} })).rejects.toMatchObject({ code: 'database_locked' });
    await runtime.close();
    runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
    expect(statSync(databasePath(dataDir)).size).toBe(5000);
  });
});
