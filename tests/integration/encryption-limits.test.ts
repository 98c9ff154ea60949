// The limits around encryption at rest: scrypt settings in the marker are capped as packages' are, a
// wrong passphrase is answered more slowly each time, the cheap test scrypt is refused outside tests,
// and issued reports stay inside the encrypted database.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApiRuntime } from '../../src-main/api/runtime';
import { wrongPassphraseDelayMs } from '../../src-main/core/encryption';
import type { IssuedReport } from '../../src-main/core/issued-reports';
import { openDataStore } from '../../src-main/db/data-store';
import { markerPath, testKdfVariable } from '../../src-main/db/encryption';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';

const appRoot = findAppRoot();
const passphrase = 'lang nok passordfrase';
let dataDir: string;
process.env[testKdfVariable] = '1';

beforeEach(async () => {
  dataDir = makeTempDir();
  const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  try {
    await runtime.call('clients.create', { name: 'Grense AS' });
    const enabled = await runtime.call('encryption.enable', { passphrase });
    if (!enabled.ok) throw new Error(JSON.stringify(enabled.error));
  } finally {
    await runtime.close();
  }
});

afterEach(() => {
  removeTempDir(dataDir);
});

function editMarker(kdf: Record<string, unknown>): void {
  const marker = JSON.parse(readFileSync(markerPath(dataDir), 'utf8')) as { kdf: Record<string, unknown> };
  writeFileSync(markerPath(dataDir), JSON.stringify({ ...marker, kdf: { ...marker.kdf, ...kdf } }));
}

describe('the encryption marker', () => {
  it.each([
    ['N = 2^24 (16 GB of memory)', { N: 2 ** 24 }],
    ['r = 32', { r: 32 }],
    ['p = 16', { p: 16 }],
    ['N not a power of two', { N: 3000 }],
    ['N below the floor', { N: 16 }],
  ])('refuses scrypt settings outside the package limits: %s', async (_what, kdf) => {
    editMarker(kdf);
    await expect(openDataStore({ dataDir, log: () => {}, passphrase })).rejects.toMatchObject({
      code: 'database_corrupt',
      message: expect.stringContaining('is not valid'),
    });
  });
});

describe('wrong passphrases', () => {
  it('wait longer each time in a row, and a right one resets the count', async () => {
    const waits: number[] = [];
    const store = await openDataStore({ dataDir, log: () => {}, sleep: async (ms) => void waits.push(ms) });
    try {
      for (let i = 0; i < 4; i++) await expect(store.unlock('ikke passordfrasen')).rejects.toMatchObject({ code: 'wrong_passphrase' });
      expect(waits).toEqual([1, 2, 3, 4].map(wrongPassphraseDelayMs));
      expect(waits).toEqual([...waits].sort((a, b) => a - b));
      expect(new Set(waits).size).toBe(4);
      await store.unlock(passphrase);
      expect(store.status()).toEqual({ state: 'ready' });
      // Changing the passphrase with a wrong current one waits too, from the start again.
      await expect(store.changePassphrase('ikke passordfrasen', 'en annen lang frase')).rejects.toMatchObject({ code: 'wrong_passphrase' });
      expect(waits.at(-1)).toBe(wrongPassphraseDelayMs(1));
    } finally {
      store.close();
    }
  });

  it('caps the wait', () => {
    expect(wrongPassphraseDelayMs(0)).toBe(0);
    expect(wrongPassphraseDelayMs(100)).toBe(wrongPassphraseDelayMs(20));
    expect(wrongPassphraseDelayMs(100)).toBeLessThanOrEqual(15_000);
  });
});

describe('the test-only scrypt setting', () => {
  it('is refused outside a test run', async () => {
    const runtime = await openApiRuntime({ dataDir: makeTempDir(), appRoot, log: () => {} });
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const refused = await runtime.call('encryption.enable', { passphrase });
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining(`${testKdfVariable} is for tests only`) } });
    } finally {
      process.env.NODE_ENV = saved;
      await runtime.close();
      removeTempDir(runtime.dataDir);
    }
  });
});

describe('issued reports in an encrypted folder', () => {
  it('are kept inside the database: nothing named after the client is written to reports/', async () => {
    const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {}, passphrase });
    try {
      const clients = await runtime.call('clients.list', {});
      if (!clients.ok) throw new Error(JSON.stringify(clients.error));
      const assessment = await runtime.call('assessments.create', {
        clientId: (clients.value as { id: string }[])[0].id,
        title: 'Kartlegging 2026',
        method: 'group',
        guideId: 'psychosocial-cleaning',
        guideVersion: '1.0.0',
      });
      if (!assessment.ok) throw new Error(JSON.stringify(assessment.error));
      const issued = await runtime.call('revisions.issue', { assessmentId: (assessment.value as { id: string }).id, revision: 1, acceptGaps: true });
      if (!issued.ok) throw new Error(JSON.stringify(issued.error));
      const exported = await runtime.call('reports.export', { assessmentId: (assessment.value as { id: string }).id, templateId: 'action-plan', formats: ['docx'] });
      if (!exported.ok) throw new Error(JSON.stringify(exported.error));
      const report = exported.value as IssuedReport;
      expect(report.files[0].fileName).toContain('Grense AS');
      expect(existsSync(path.join(dataDir, 'reports'))).toBe(false);
      const download = await runtime.call('reports.download', { reportId: report.id, format: 'docx' });
      if (!download.ok) throw new Error(JSON.stringify(download.error));
      const bytes = Buffer.from((download.value as { contentBase64: string }).contentBase64, 'base64');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(report.files[0].sha256);
    } finally {
      await runtime.close();
    }
  });
});
