// loadGuideLibrary: loads what it can, lists what it cannot, and finds guides by id and version.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareGuideVersions, loadGuideLibrary } from '../../src-main/guides/guide-library';
import { maxGuideBytes } from '../../src-main/guides/parse-guide';

const fixtures = path.join(__dirname, '..', 'fixtures', 'guides');
const builtIn = path.join(__dirname, '..', '..', 'templates', 'interviews');
const validText = readFileSync(path.join(fixtures, 'valid-minimal.json'), 'utf8');

function withVersion(version: string, id = 'example-workload'): string {
  return JSON.stringify({ ...JSON.parse(validText), id, version });
}

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function emptyFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-guides-'));
  temporary.push(dir);
  return dir;
}

describe('loadGuideLibrary', () => {
  it('loads the valid fixture and lists every broken one with its problems', async () => {
    const library = await loadGuideLibrary(fixtures);
    expect(library.list().map((g) => `${g.id} ${g.version}`)).toEqual(['example-workload 1.0']);

    const broken = readdirSync(fixtures).filter((name) => name !== 'valid-minimal.json');
    const sources = new Set(library.problems.map((p) => path.basename(p.source)));
    expect([...sources].sort()).toEqual(broken.sort());
    expect(library.problems).toContainEqual({
      source: path.join(fixtures, 'unknown-factor.json'),
      path: 'items[0].factor',
      message: 'unknown factor "workload2"',
    });
    expect(library.problems).toContainEqual({
      source: path.join(fixtures, 'bad-json.json'),
      path: '',
      message: "invalid JSON at line 3, column 27: missing ',' between two fields",
    });
  });

  it('adds the extra texts after the folder, the first of two equal versions winning', async () => {
    const library = await loadGuideLibrary(fixtures, [
      { source: 'database: example-workload 1.0', text: withVersion('1.0.0') },
      { source: 'database: other 2.0', text: withVersion('2.0', 'other') },
    ]);
    expect(library.list().map((g) => `${g.id} ${g.version}`)).toEqual(['example-workload 1.0', 'other 2.0']);
    expect(library.problems).toContainEqual({
      source: 'database: example-workload 1.0',
      path: 'version',
      message: `guide "example-workload" version 1.0.0 is already loaded from ${path.join(fixtures, 'valid-minimal.json')}; this copy is left out`,
    });
  });

  it('lists broken extra texts too', async () => {
    const library = await loadGuideLibrary(emptyFolder(), [{ source: 'database: broken', text: '{' }]);
    expect(library.list()).toEqual([]);
    expect(library.problems).toEqual([
      { source: 'database: broken', path: '', message: "invalid JSON at line 1, column 2: expected a field name in double quotes, found the end of the file" },
    ]);
  });

  it('finds the newest version by id, comparing versions as numbers', async () => {
    const library = await loadGuideLibrary(emptyFolder(), ['1.9', '1.10', '1.2.3', '0.9'].map((v) => ({ source: v, text: withVersion(v) })));
    expect(library.problems).toEqual([]);
    expect(library.get('example-workload')?.version).toBe('1.10');
    expect(library.get('example-workload', '1.9')?.version).toBe('1.9');
    expect(library.get('example-workload', '1.2.3')?.version).toBe('1.2.3');
    expect(library.get('example-workload', '1.3')).toBeUndefined();
    expect(library.get('nothing')).toBeUndefined();
    expect(library.list().map((g) => g.version)).toEqual(['1.10', '1.9', '1.2.3', '0.9']);
  });

  it('gives by id and version what the whole library gives, whether or not it was checked whole first', async () => {
    const texts = () => [
      { source: 'broken 1.10', text: JSON.stringify({ ...JSON.parse(withVersion('1.10')), items: [] }) },
      { source: '1.9', text: withVersion('1.9') },
      { source: 'copy of 1.9', text: withVersion('1.9.0') },
      { source: 'bad version', text: withVersion('latest') },
      { source: '0.9', text: withVersion('0.9') },
      { source: 'not JSON', text: '{' },
      { source: 'other', text: withVersion('3.0', 'other') },
    ];
    const asks: [string, string?][] = [['example-workload'], ['example-workload', '1.10'], ['example-workload', '1.9.0'], ['example-workload', '0.9.0'], ['example-workload', 'latest'], ['other'], ['other', '3'], ['nothing']];
    // Asked for its problems first, the library checks every text before get() answers.
    const whole = loadGuideLibrary(emptyFolder(), texts());
    expect([...new Set(whole.problems.map((problem) => problem.source))]).toEqual(['broken 1.10', 'copy of 1.9', 'bad version', 'not JSON']);
    const expected = asks.map(([id, version]) => whole.get(id, version));
    expect(expected.map((guide) => guide && `${guide.id} ${guide.version}`)).toEqual([
      'example-workload 1.9',
      undefined,
      'example-workload 1.9',
      'example-workload 0.9',
      undefined,
      'other 3.0',
      'other 3.0',
      undefined,
    ]);
    const lazy = loadGuideLibrary(emptyFolder(), texts());
    expect(asks.map(([id, version]) => lazy.get(id, version))).toEqual(expected);
    expect(lazy.list()).toEqual(whole.list());
    expect(lazy.problems).toEqual(whole.problems);
  });

  it('reports a missing folder and still loads the extra texts', async () => {
    const missing = path.join(emptyFolder(), 'no-such-folder');
    const library = await loadGuideLibrary(missing, [{ source: 'extra', text: validText }]);
    expect(library.list()).toHaveLength(1);
    expect(library.problems).toEqual([{ source: missing, path: '', message: 'could not read the guide folder (ENOENT)' }]);
  });

  it('refuses a file over 5 MB and reads only *.json files', async () => {
    const dir = emptyFolder();
    writeFileSync(path.join(dir, 'huge.json'), Buffer.alloc(maxGuideBytes + 1, 0x20));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a guide');
    writeFileSync(path.join(dir, 'guide.json'), validText);
    const library = await loadGuideLibrary(dir);
    expect(library.list()).toHaveLength(1);
    expect(library.problems).toEqual([
      { source: path.join(dir, 'huge.json'), path: '', message: 'the file is larger than 5 MB, too large for a guide' },
    ]);
  });
});

describe('compareGuideVersions', () => {
  it.each([
    ['1.10', '1.9', 1],
    ['1.9', '1.10', -1],
    ['1.0', '1.0.0', 0],
    ['2.0', '1.99.99', 1],
    ['1.2.3', '1.2.10', -1],
  ])('%s vs %s', (a, b, expected) => {
    expect(compareGuideVersions(a, b)).toBe(expected);
  });
});

describe('the built-in guides in templates/interviews', () => {
  it('all load without problems', async () => {
    const files = existsSync(builtIn) ? readdirSync(builtIn).filter((name) => name.endsWith('.json')) : [];
    expect(files.length, 'templates/interviews has no guide').toBeGreaterThan(0);
    const library = await loadGuideLibrary(builtIn);
    expect(library.problems).toEqual([]);
    expect(library.list()).toHaveLength(files.length);
  });
});
