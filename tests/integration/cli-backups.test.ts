// The backup commands as a user types them: kartlegg backup, backups list, restore <name or file>.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApiRuntime } from '../../src-main/api/runtime';
import { backupDir, listBackups } from '../../src-main/db/backup';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir, withRawDb } from './fixtures/data-folder';
import { runCli } from './fixtures/cli';

const appRoot = findAppRoot();
let dataDir: string;

beforeEach(() => {
  dataDir = makeTempDir();
});

afterEach(() => {
  removeTempDir(dataDir);
});

const kartlegg = (...args: string[]) => runCli(dataDir, args);

async function addClient(name: string): Promise<void> {
  const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  try {
    await runtime.call('clients.create', { name });
  } finally {
    await runtime.close();
  }
}

const clientNames = () => withRawDb(dataDir, (db) => db.prepare('SELECT name FROM clients ORDER BY name').pluck().all(), { readonly: true });

describe('kartlegg backup, backups list, restore', () => {
  it('backs up, lists and restores by name', async () => {
    await addClient('Renhold Vest AS');
    const made = kartlegg('backup');
    expect(made).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Backed up to .+manual\.sqlite$/m) });
    const [backup] = listBackups(dataDir).filter((b) => b.reason === 'manual');
    await addClient('Etter sikkerhetskopien AS');

    const listed = kartlegg('backups', 'list', '--check');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${backup.name}\\s+manual\\s+.*\\bok$`, 'm'));

    const restored = kartlegg('restore', backup.name);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(`Restored ${backup.name}.`);
    expect(restored.stdout).toMatch(/before the restore is in the backup kartlegg-.+-before-restore\.sqlite/);
    expect(clientNames()).toEqual(['Renhold Vest AS']);
  }, 30_000);

  it('restores a database file from elsewhere, copied in and checked like a backup', async () => {
    await addClient('Fra minnepinnen AS');
    kartlegg('backup');
    const stick = makeTempDir();
    try {
      const file = path.join(stick, 'kopi.sqlite');
      copyFileSync(path.join(backupDir(dataDir), listBackups(dataDir)[0].name), file);
      await addClient('Lokal AS');
      const restored = kartlegg('restore', file);
      expect(restored.status).toBe(0);
      expect(restored.stdout).toMatch(/Restored kartlegg-.+-copied\.sqlite\./);
      expect(clientNames()).toEqual(['Fra minnepinnen AS']);
    } finally {
      removeTempDir(stick);
    }
  }, 30_000);

  it('refuses what is neither a backup nor a file, and a folder someone else holds', async () => {
    await addClient('Renhold Vest AS');
    expect(kartlegg('restore', 'finnes-ikke.sqlite')).toMatchObject({ status: 1, stderr: expect.stringContaining('There is no backup or file') });
    const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
    try {
      const refused = kartlegg('backup');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/kartlegg: The data folder .+ is in use by another Kartlegg/);
    } finally {
      await runtime.close();
    }
  }, 30_000);
});
