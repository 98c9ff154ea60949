// The CLI on an encrypted data folder: the passphrase comes from a file, a missing or wrong one is refused.
// Fast on a busy machine: the folder is encrypted in-process with the test-only cheap scrypt, the
// commands run in-process through their own objects, and one real `kartlegg` process checks the whole
// path from the command line (flag, file, output).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApiRuntime } from '../../src-main/api/runtime';
import { useDataPassphrase, withRuntime } from '../../src-main/cli/api';
import { backupCommand, backupsListCommand } from '../../src-main/cli/commands/backups';
import { readPassphrase } from '../../src-main/cli/passphrase-file';
import { testKdfVariable } from '../../src-main/db/encryption';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';
import { runCli } from './fixtures/cli';

const appRoot = findAppRoot();
const passphrase = 'lang nok passordfrase';
process.env[testKdfVariable] = '1';
let dataDir: string;
let folder: string;

beforeEach(async () => {
  dataDir = makeTempDir();
  folder = makeTempDir();
  const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  try {
    await runtime.call('clients.create', { name: 'Kryptert Renhold AS' });
    const enabled = await runtime.call('encryption.enable', { passphrase });
    expect(enabled.ok).toBe(true);
  } finally {
    await runtime.close();
  }
});

afterEach(() => {
  useDataPassphrase(undefined);
  vi.restoreAllMocks();
  removeTempDir(dataDir);
  removeTempDir(folder);
});

const kartlegg = (...args: string[]) => runCli(dataDir, args, { ...process.env, NODE_ENV: 'test', [testKdfVariable]: '1' });

function passphraseFile(name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return file;
}

/** Runs a command object in-process, as cli.ts would after reading --data-passphrase-file. */
async function runCommand(command: typeof backupCommand, file: string, values: Record<string, boolean> = {}): Promise<string> {
  const printed: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  useDataPassphrase(readPassphrase(file));
  await command.run({ dataDir, values, args: [] });
  return printed.join('\n');
}

describe('kartlegg on an encrypted data folder', () => {
  it('needs --data-passphrase-file, and refuses a wrong passphrase (slowed down, not timed here)', async () => {
    useDataPassphrase(undefined);
    await expect(withRuntime(dataDir, async () => 'opened')).rejects.toMatchObject({ code: 'passphrase_required', message: expect.stringContaining('--data-passphrase-file') });
    useDataPassphrase(readPassphrase(passphraseFile('wrong.txt', 'not the passphrase')));
    await expect(withRuntime(dataDir, async () => 'opened')).rejects.toMatchObject({ code: 'wrong_passphrase', message: 'Feil passordfrase / wrong passphrase' });
  });

  it('backs up and lists checked backups with the right passphrase', async () => {
    const right = passphraseFile('right.txt', passphrase);
    expect(await runCommand(backupCommand, right)).toMatch(/^Backed up to .+manual\.sqlite$/);
    expect(await runCommand(backupsListCommand, right, { check: true })).toMatch(/manual\s.*ok/);
  });

  it('works from the command line: --data-passphrase-file opens the data', () => {
    const right = kartlegg('clients', 'list', '--data-passphrase-file', passphraseFile('right.txt', passphrase));
    expect(right.status).toBe(0);
    expect(right.stdout).toContain('Kryptert Renhold AS');
  });
});
