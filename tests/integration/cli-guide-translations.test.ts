// `kartlegg guide export-translation` and `import-translation` as a user types them.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';
import { runCli } from './fixtures/cli';

let dataDir: string;
let outDir: string;

const kartlegg = (...args: string[]) => runCli(dataDir, args);

beforeAll(() => {
  dataDir = makeTempDir();
  outDir = makeTempDir();
});

afterAll(() => {
  removeTempDir(dataDir);
  removeTempDir(outDir);
});

it('exports a language as XLIFF, imports the reviewed file as a new version, and refuses a broken one', () => {
  const file = path.join(outDir, 'pl.xlf');
  const exported = kartlegg('guide', 'export-translation', 'psychosocial-cleaning@1.0.0', '--language', 'pl', '--format', 'xliff', '--out', file);
  expect(exported.stderr).toBe('');
  expect(exported.status).toBe(0);
  expect(exported.stdout).toContain('psychosocial-cleaning-1.0.0-pl.xlf');
  const xliff = readFileSync(file, 'utf8');
  expect(xliff).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"');

  // An empty target: refused, with the text named.
  const broken = path.join(outDir, 'broken.xlf');
  writeFileSync(broken, xliff.replace(/(<unit id="items\.workload\.1\.text">[\s\S]*?<target>)[^<]*(<\/target>)/, '$1$2'));
  const refused = kartlegg('guide', 'import-translation', broken, '--reviewer', 'Jan Kowalski');
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('broken.xlf cannot be imported (1 problem); nothing was changed.');
  expect(refused.stderr).toContain('items.workload.1.text: the translation is empty');

  const reviewed = path.join(outDir, 'reviewed.xlf');
  writeFileSync(reviewed, xliff.replace(/(<unit id="items\.workload\.1\.text">[\s\S]*?<target>)[^<]*(<\/target>)/, '$1Czy masz za dużo pracy?$2'));
  const imported = kartlegg('guide', 'import-translation', reviewed, '--reviewer', 'Jan Kowalski', '--date', '2026-12-02');
  expect(imported.stderr).toBe('');
  expect(imported.stdout).toMatch(/^Imported pl as psychosocial-cleaning 1\.0\.0\.1: 1 text\(s\) changed, (\d+) of \1 reviewed\./);

  const csv = path.join(outDir, 'pl.csv');
  expect(kartlegg('guide', 'export-translation', 'psychosocial-cleaning@1.0.0.1', '--language', 'pl', '--format', 'csv', '--out', csv).status).toBe(0);
  const row = readFileSync(csv, 'utf8').split('\r\n').find((line) => line.includes(',items.workload.1.text,'));
  expect(row).toContain('psychosocial-cleaning@1.0.0.1');
  expect(row).toContain('Czy masz za dużo pracy?');
  expect(row).toContain('reviewed by Jan Kowalski on 2026-12-02');

  expect(kartlegg('guide', 'export-translation', 'psychosocial-cleaning', '--language', 'pl', '--format', 'pdf', '--out', csv).stderr).toContain(
    'Unknown format "pdf": use --format xliff or csv.',
  );
}, 300_000);
