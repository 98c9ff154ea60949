// Encryption at rest on real files: enabling encrypts the database and its backups, an encrypted folder
// starts locked, a wrong passphrase changes nothing, and the passphrase can be changed and removed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import type { BackupFile, BackupListing, DataStatus } from '../../src-main/core/backups';
import type { EncryptionStatus } from '../../src-main/core/encryption';
import type { ErrorData } from '../../src-main/core/errors';
import { backupDir } from '../../src-main/db/backup';
import { databasePath } from '../../src-main/db/database';
import { markerPath } from '../../src-main/db/encryption';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';

const appRoot = findAppRoot();
const passphrase = 'lang nok passordfrase';
const clientName = 'Renholdsbyrået Fjordglimt AS';
let dataDir: string;
let runtime: ApiRuntime | null = null;

beforeEach(async () => {
  dataDir = makeTempDir();
  await reopen();
});

afterEach(async () => {
  await runtime?.close();
  runtime = null;
  removeTempDir(dataDir);
});

async function reopen(options: { passphrase?: string } = {}): Promise<ApiRuntime> {
  await runtime?.close();
  runtime = await openApiRuntime({ dataDir, appRoot, log: () => undefined, ...options });
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

/** Whether a file holds the text in the clear, or SQLite's plain header. */
function readable(file: string): { header: boolean; name: boolean } {
  const bytes = readFileSync(file);
  return { header: bytes.subarray(0, 15).toString('latin1') === 'SQLite format 3', name: bytes.includes(Buffer.from(clientName)) };
}

function backupFiles(): string[] {
  return readdirSync(backupDir(dataDir)).map((name) => path.join(backupDir(dataDir), name));
}

async function encryptWithClient(): Promise<void> {
  await ok('clients.create', { name: clientName });
  await ok('backups.create');
  await ok('encryption.enable', { passphrase });
  // Closing folds the WAL back into the file, so the file is all there is to look at.
  await runtime!.close();
  runtime = null;
}

describe('encryption at rest', () => {
  it('encrypts the database and every backup: no SQLite header, no client name', async () => {
    await ok('clients.create', { name: clientName });
    await ok('backups.create');
    expect(readable(backupFiles()[0])).toEqual({ header: true, name: true });
    expect(await ok<EncryptionStatus>('encryption.status')).toEqual({ encrypted: false, cipher: null, kdf: null });

    expect(await ok<EncryptionStatus>('encryption.enable', { passphrase })).toEqual({ encrypted: true, cipher: 'sqlcipher', kdf: 'scrypt' });
    expect(await clientNames()).toEqual([clientName]);
    await ok('backups.create');
    await runtime!.close();
    runtime = null;

    expect(readable(databasePath(dataDir))).toEqual({ header: false, name: false });
    expect(backupFiles().length).toBeGreaterThanOrEqual(3);
    for (const file of backupFiles()) expect(readable(file), file).toEqual({ header: false, name: false });
    const marker = readFileSync(markerPath(dataDir), 'utf8');
    expect(marker).not.toContain(passphrase);
    expect(JSON.parse(marker)).toMatchObject({ cipher: 'sqlcipher', kdf: { name: 'scrypt' } });
  });

  it('starts locked without the passphrase; a wrong one changes nothing; the right one opens the data', async () => {
    await encryptWithClient();
    const before = readFileSync(databasePath(dataDir));
    await reopen();
    expect(await ok<DataStatus>('system.status')).toEqual({ state: 'locked' });
    expect((await fails('clients.list')).code).toBe('passphrase_required');
    expect((await fails('backups.list')).code).toBe('passphrase_required');
    expect(await ok<EncryptionStatus>('encryption.status')).toMatchObject({ encrypted: true });

    const wrong = await fails('encryption.unlock', { passphrase: 'not the passphrase at all' });
    expect(wrong).toMatchObject({ code: 'wrong_passphrase', message: 'Feil passordfrase / wrong passphrase' });
    expect(await ok<DataStatus>('system.status')).toEqual({ state: 'locked' });
    expect(readFileSync(databasePath(dataDir)).equals(before)).toBe(true);

    await ok('encryption.unlock', { passphrase });
    expect(await ok<DataStatus>('system.status')).toEqual({ state: 'ready' });
    expect(await clientNames()).toEqual([clientName]);
  });

  it('opens at once with the passphrase given at start (the CLI), and refuses a wrong one', async () => {
    await encryptWithClient();
    await expect(openApiRuntime({ dataDir, appRoot, log: () => undefined, passphrase: 'wrong wrong wrong' })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await reopen({ passphrase });
    expect(await clientNames()).toEqual([clientName]);
  });

  it('tells a damaged encrypted file from a wrong passphrase', async () => {
    await encryptWithClient();
    const file = databasePath(dataDir);
    const bytes = readFileSync(file);
    bytes.fill(0x55, 0, 4096);
    writeFileSync(file, bytes);
    await reopen();
    expect((await fails('encryption.unlock', { passphrase: 'not the passphrase at all' })).code).toBe('wrong_passphrase');
    await ok('encryption.unlock', { passphrase });
    const status = await ok<DataStatus>('system.status');
    expect(status.state).toBe('recovery');
    // The backups are encrypted with the same key, checked with it, and restore.
    const backups = await ok<BackupListing[]>('backups.list', { check: true });
    const good = backups.find((backup) => backup.check === 'ok');
    expect(good).toBeDefined();
    await ok('backups.restore', { name: good!.name });
    expect(await clientNames()).toEqual([clientName]);
  });

  it('restores an encrypted backup while running', async () => {
    await encryptWithClient();
    await reopen({ passphrase });
    const backup = await ok<BackupFile>('backups.create');
    await ok('clients.create', { name: 'Etter kopien AS' });
    await ok('backups.restore', { name: backup.name });
    expect(await clientNames()).toEqual([clientName]);
    await runtime!.close();
    runtime = null;
    for (const file of backupFiles()) expect(readable(file), file).toEqual({ header: false, name: false });
  });

  it('changes the passphrase: the old one no longer opens the data or the backups, the new one does', async () => {
    await encryptWithClient();
    await reopen({ passphrase });
    const next = 'en helt ny passordfrase';
    expect((await fails('encryption.changePassphrase', { current: 'not the passphrase at all', next })).code).toBe('wrong_passphrase');
    expect((await fails('encryption.changePassphrase', { current: passphrase, next: 'kort' })).issues?.[0]).toMatchObject({ path: 'next', key: 'passphraseTooShort' });
    await ok('encryption.changePassphrase', { current: passphrase, next });

    await reopen();
    expect((await fails('encryption.unlock', { passphrase })).code).toBe('wrong_passphrase');
    await ok('encryption.unlock', { passphrase: next });
    expect(await clientNames()).toEqual([clientName]);
    const backups = await ok<BackupListing[]>('backups.list', { check: true });
    expect(backups.map((backup) => backup.check)).toEqual(backups.map(() => 'ok'));
  });

  it('turns encryption off again: the file and the backups are plain, no passphrase is asked', async () => {
    await encryptWithClient();
    await reopen({ passphrase });
    expect((await fails('encryption.disable', { passphrase: 'not the passphrase at all' })).code).toBe('wrong_passphrase');
    expect(await ok<EncryptionStatus>('encryption.disable', { passphrase })).toEqual({ encrypted: false, cipher: null, kdf: null });
    await reopen();
    expect(await ok<DataStatus>('system.status')).toEqual({ state: 'ready' });
    expect(await clientNames()).toEqual([clientName]);
    await runtime!.close();
    runtime = null;
    expect(readable(databasePath(dataDir)).header).toBe(true);
    for (const file of backupFiles()) expect(readable(file).header, file).toBe(true);
  });

  it('refuses a short passphrase and encrypting twice', async () => {
    const short = await fails('encryption.enable', { passphrase: 'kort' });
    expect(short).toMatchObject({ code: 'invalid_input', issues: [{ path: 'passphrase', key: 'passphraseTooShort' }] });
    expect(await ok<EncryptionStatus>('encryption.status')).toMatchObject({ encrypted: false });
    await ok('encryption.enable', { passphrase });
    expect((await fails('encryption.enable', { passphrase })).code).toBe('conflict');
  });

  it('finishes an interrupted switch: a plain file under the marker is encrypted at unlock', async () => {
    await encryptWithClient();
    await reopen({ passphrase });
    // What a crash between decrypting the file and removing the marker leaves.
    const marker = readFileSync(markerPath(dataDir));
    await ok('encryption.disable', { passphrase });
    await runtime!.close();
    runtime = null;
    writeFileSync(markerPath(dataDir), marker);
    await reopen();
    await ok('encryption.unlock', { passphrase });
    expect(await clientNames()).toEqual([clientName]);
    await runtime!.close();
    runtime = null;
    expect(readable(databasePath(dataDir))).toEqual({ header: false, name: false });
  });
});
