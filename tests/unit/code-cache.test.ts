// The report libraries' V8 code cache (src-main/reports/code-cache.ts) on a small CommonJS package in
// a node_modules folder: recorded, then loaded from the cache it behaves exactly as when Node compiles
// it; a source that differs (even at the same length) is compiled from source; a cache file that is
// missing, cut short, damaged, made by another runtime or rejected by V8 is passed over silently.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeCacheRuntime, decodeCodeCache, encodeCodeCache, sourceSha256 } from '../../src-main/reports/code-cache-file';
import { codeCacheStats, installCodeCache, recordCodeCache } from '../../src-main/reports/code-cache';
import { recordReportCodeCache } from '../../src-main/reports/code-cache-record';

const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-code-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const requireHere = createRequire(import.meta.url);

// The package: a strict main file requiring a sloppy one, both asking everything Node gives a module.
const mainSource = `'use strict';
const topThis = this;
const helper = require('./helper');
exports.marker = 'A';
exports.facts = () => ({
  helper: helper.facts(),
  resolved: require.resolve('./helper'),
  resolvePaths: require.resolve.paths('some-package'),
  main: require.main === process.mainModule,
  cacheIsNodes: require.cache === require('node:module')._cache,
  inCache: require.cache[__filename] === module,
  extensions: require.extensions === require('node:module')._extensions,
  filename: __filename,
  dirname: __dirname,
  thisIsExports: topThis === exports,
  strict: (function () { return this; })() === undefined,
  id: module.id,
  loaded: module.loaded,
  children: module.children.map((child) => child.id),
  paths: module.paths,
  keys: Object.keys(module).sort(),
  ownSymbols: Object.getOwnPropertySymbols(module).length,
});
exports.fail = function failHere() {
    throw new Error('from the fixture');
};
exports.later = () => import('./later.mjs').then((later) => later.answer);
`;
const helperSource = `exports.facts = () => ({ sloppy: (function () { return this; })() === globalThis, filename: __filename });
`;

let root: string;
let packageDir: string;
let cacheFile: string;
let uninstall: (() => void) | undefined;

/** A fresh load of the package (and its helper) through Node's CommonJS loader. */
function loadPackage(): { marker: string; facts(): Record<string, unknown>; fail(): void; later(): Promise<number> } {
  for (const name of ['index.js', 'helper.js']) delete requireHere.cache[path.join(packageDir, name)];
  return requireHere(path.join(packageDir, 'index.js')) as ReturnType<typeof loadPackage>;
}

/** What a load gives: everything the module sees, where its error is thrown, its dynamic import. */
async function behaviour(): Promise<Record<string, unknown>> {
  const loaded = loadPackage();
  let stack = '';
  try {
    loaded.fail();
  } catch (error) {
    stack = (error as Error).stack ?? '';
  }
  return { marker: loaded.marker, facts: loaded.facts(), thrownAt: /index\.js:\d+:\d+/.exec(stack)?.[0], later: await loaded.later() };
}

/** Records the package's cache into `cacheFile`, as the build records the report libraries'. */
function record(): void {
  const stop = recordCodeCache(cacheFile);
  try {
    const loaded = loadPackage();
    loaded.facts();
  } finally {
    stop();
  }
}

const stats = () => ({ ...codeCacheStats });

beforeEach(() => {
  root = mkdtempSync(path.join(temp, 'app-'));
  packageDir = path.join(root, 'node_modules', 'fixture-package');
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(path.join(packageDir, 'index.js'), mainSource);
  writeFileSync(path.join(packageDir, 'helper.js'), helperSource);
  writeFileSync(path.join(packageDir, 'later.mjs'), 'export const answer = 42;\n');
  mkdirSync(path.join(root, 'out', 'main'), { recursive: true });
  cacheFile = path.join(root, 'out', 'main', 'code-cache.bin');
});

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe('a recorded code cache', () => {
  it('holds both files of the package, by their path from the cache and their exact source', () => {
    record();
    const cache = decodeCodeCache(readFileSync(cacheFile));
    expect([...(cache?.entries.keys() ?? [])]).toEqual(['../../node_modules/fixture-package/helper.js', '../../node_modules/fixture-package/index.js']);
    const entry = cache!.entries.get('../../node_modules/fixture-package/index.js')!;
    expect(entry).toMatchObject({ sourceSha256: sourceSha256(mainSource), sourceLength: mainSource.length });
    expect(cache!.data(entry).length).toBeGreaterThan(0);
  });

  it("covers the built main-process code (the cache folder's .cjs files and below it) and no other file of the app", () => {
    const own = path.join(root, 'out', 'main', 'chunks', 'own-chunk.cjs');
    const notBuilt = [path.join(root, 'out', 'main', 'other.js'), path.join(root, 'src', 'elsewhere.cjs')];
    for (const file of [own, ...notBuilt]) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `exports.file = __filename;\n`);
    }
    const loadAll = () => {
      for (const file of [own, ...notBuilt]) delete requireHere.cache[file];
      return [own, ...notBuilt].map((file) => (requireHere(file) as { file: string }).file);
    };
    const stop = recordCodeCache(cacheFile);
    try {
      loadAll();
    } finally {
      stop();
    }
    expect([...decodeCodeCache(readFileSync(cacheFile))!.entries.keys()]).toEqual(['chunks/own-chunk.cjs']);
    uninstall = installCodeCache(cacheFile);
    const before = stats();
    expect(loadAll()).toEqual([own, ...notBuilt]);
    expect(stats()).toEqual({ ...before, used: before.used + 1 });
  });

  it('is never written over a file that is not a cache', () => {
    writeFileSync(cacheFile, 'notes that are not a cache\n');
    record();
    expect(readFileSync(cacheFile, 'utf8')).toBe('notes that are not a cache\n');
  });

  it('keeps what an earlier recording holds and adds what a later one loads', () => {
    const stop = recordCodeCache(cacheFile);
    try {
      requireHere(path.join(packageDir, 'helper.js'));
    } finally {
      stop();
    }
    const first = decodeCodeCache(readFileSync(cacheFile))!;
    expect([...first.entries.keys()]).toEqual(['../../node_modules/fixture-package/helper.js']);
    record();
    const second = decodeCodeCache(readFileSync(cacheFile))!;
    expect([...second.entries.keys()]).toEqual(['../../node_modules/fixture-package/helper.js', '../../node_modules/fixture-package/index.js']);
    const helper = (cache: typeof first) => cache.data(cache.entries.get('../../node_modules/fixture-package/helper.js')!);
    expect(helper(second).equals(helper(first))).toBe(true);
  });

  it('gives a module loaded from it exactly what Node gives it when compiling the file', async () => {
    const compiledByNode = await behaviour();
    record();
    const before = stats();
    uninstall = installCodeCache(cacheFile);
    expect(uninstall).toBeTypeOf('function');
    const fromCache = await behaviour();
    expect(stats().used - before.used).toBe(2);
    expect(stats().rejected).toBe(before.rejected);
    expect(fromCache).toEqual(compiledByNode);
    // The facts are the real ones, not two equal failures.
    expect(fromCache).toMatchObject({
      marker: 'A',
      thrownAt: 'index.js:25:11',
      later: 42,
      facts: { strict: true, thisIsExports: true, inCache: true, cacheIsNodes: true, extensions: true, helper: { sloppy: true } },
    });
  });

  it('is not used for a file whose source changed, even at the same length', async () => {
    record();
    const changed = mainSource.replace("exports.marker = 'A'", "exports.marker = 'B'");
    expect(changed.length).toBe(mainSource.length);
    writeFileSync(path.join(packageDir, 'index.js'), changed);
    const before = stats();
    uninstall = installCodeCache(cacheFile);
    const loaded = await behaviour();
    expect(loaded.marker).toBe('B');
    // The unchanged helper still comes from the cache; the changed file does not.
    expect(stats().used - before.used).toBe(1);
  });

  it('is passed over when V8 rejects it, and the file is compiled from source', async () => {
    const caches = new Map([['../../node_modules/fixture-package/index.js', { sourceSha256: sourceSha256(mainSource), sourceLength: mainSource.length, cache: Buffer.alloc(256, 7) }]]);
    writeFileSync(cacheFile, encodeCodeCache(caches));
    const compiledByNode = await behaviour();
    const before = stats();
    uninstall = installCodeCache(cacheFile);
    expect(await behaviour()).toEqual(compiledByNode);
    expect(stats().rejected - before.rejected).toBe(1);
    expect(stats().used).toBe(before.used);
  });
});

describe('a cache file that cannot be trusted', () => {
  const unusable: Record<string, (bytes: Buffer) => Buffer | undefined> = {
    missing: () => undefined,
    empty: () => Buffer.alloc(0),
    'cut short in its data': (bytes) => bytes.subarray(0, bytes.length - 100),
    'cut short in its header': (bytes) => bytes.subarray(0, 40),
    'damaged in its data': (bytes) => {
      const copy = Buffer.from(bytes);
      copy[copy.length - 50] ^= 0xff;
      return copy;
    },
    'of another format': (bytes) => Buffer.concat([Buffer.from('kartlegg V8 code cache 2\n'), bytes.subarray(25)]),
    'with a header that is not JSON': (bytes) => {
      const copy = Buffer.from(bytes);
      copy.write('#', 29);
      return copy;
    },
    'made by another Node or V8': (bytes) => {
      const headerLength = bytes.readUInt32LE(25);
      const header = JSON.parse(bytes.toString('utf8', 29, 29 + headerLength)) as { runtime: string };
      expect(header.runtime).toBe(codeCacheRuntime());
      const other = Buffer.from(JSON.stringify({ ...header, runtime: 'node v20.0.0 v8 11.3.244.8-node.1 linux x64' }));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(other.length);
      return Buffer.concat([bytes.subarray(0, 25), length, other, bytes.subarray(29 + headerLength)]);
    },
  };

  for (const [what, change] of Object.entries(unusable)) {
    it(`is not used when ${what}, and the package loads from source`, async () => {
      record();
      const changed = change(readFileSync(cacheFile));
      if (changed) writeFileSync(cacheFile, changed);
      else rmSync(cacheFile);
      const before = stats();
      uninstall = installCodeCache(cacheFile);
      expect(uninstall).toBeUndefined();
      expect((await behaviour()).marker).toBe('A');
      expect(stats()).toEqual(before);
    });
  }

  it('is not used under Electron, whose V8 is not the one the cache was made by', async () => {
    record();
    Object.defineProperty(process.versions, 'electron', { value: '45.0.0', configurable: true, enumerable: true });
    try {
      const before = stats();
      uninstall = installCodeCache(cacheFile);
      expect(uninstall).toBeUndefined();
      expect((await behaviour()).marker).toBe('A');
      expect(stats()).toEqual(before);
    } finally {
      delete (process.versions as Record<string, string | undefined>).electron;
    }
  });

  it('skips an entry whose place lies outside the data, and uses the others', async () => {
    record();
    const bytes = readFileSync(cacheFile);
    const headerLength = bytes.readUInt32LE(25);
    const header = JSON.parse(bytes.toString('utf8', 29, 29 + headerLength)) as { entries: Record<string, { offset: number }> };
    header.entries['../../node_modules/fixture-package/index.js']!.offset = 10_000_000;
    const json = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    const data = bytes.subarray(29 + headerLength);
    expect(createHash('sha256').update(data).digest('hex')).toBe((header as unknown as { dataSha256: string }).dataSha256);
    writeFileSync(cacheFile, Buffer.concat([bytes.subarray(0, 25), length, json, data]));
    const before = stats();
    uninstall = installCodeCache(cacheFile);
    expect((await behaviour()).marker).toBe('A');
    expect(stats().used - before.used).toBe(1);
  });
});

describe("the build's recording step", () => {
  it('leaves no cache behind when the export it records fails, and says which command failed', () => {
    const mainFolder = mkdtempSync(path.join(temp, 'main-'));
    // A CLI whose report writes a recording at exit, then fails.
    writeFileSync(
      path.join(mainFolder, 'cli.cjs'),
      `const command = process.argv[2];
if (command === 'demo') console.log(JSON.stringify({ assessmentId: 'a1' }));
if (command === 'report') {
  require('node:fs').writeFileSync(process.env.KARTLEGG_RECORD_CODE_CACHE, 'kartlegg V8 code cache 1\\n');
  console.error('the report failed');
  process.exit(1);
}
`,
    );
    expect(() => recordReportCodeCache(mainFolder)).toThrow(/kartlegg report failed: the report failed/);
    expect(() => readFileSync(path.join(mainFolder, 'code-cache.bin'))).toThrow(/ENOENT/);
  });
});
