// The CLI on an encrypted data folder: the passphrase comes from a file, a missing or wrong one is refused.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApiRuntime } from '../../src-main/api/runtime';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';

const appRoot = findAppRoot();
const cli = path.join(appRoot, 'src-main', 'cli.ts');
const passphrase = 'lang nok passordfrase';
let dataDir: string;
let folder: string;

beforeEach(() => {
  dataDir = makeTempDir();
  folder = makeTempDir();
});

afterEach(() => {
  removeTempDir(dataDir);
  removeTempDir(folder);
});

function kartlegg(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function passphraseFile(name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, `${text}\n`);
  return file;
}

describe('kartlegg on an encrypted data folder', () => {
  it('needs --data-passphrase-file, refuses a wrong passphrase, and works with the right one', async () => {
    const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
    await runtime.call('clients.create', { name: 'Kryptert Renhold AS' });
    const enabled = await runtime.call('encryption.enable', { passphrase });
    await runtime.close();
    expect(enabled.ok).toBe(true);

    const locked = kartlegg('clients', 'list');
    expect(locked.status).toBe(1);
    expect(locked.stderr).toContain('--data-passphrase-file');

    const wrong = kartlegg('verify', '--data-passphrase-file', passphraseFile('wrong.txt', 'not the passphrase'));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Feil passordfrase / wrong passphrase');

    const right = passphraseFile('right.txt', passphrase);
    expect(kartlegg('clients', 'list', '--data-passphrase-file', right).stdout).toContain('Kryptert Renhold AS');
    expect(kartlegg('backup', '--data-passphrase-file', right).status).toBe(0);
    const listed = kartlegg('backups', 'list', '--check', '--data-passphrase-file', right);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/manual\s.*ok/);
  });
});
