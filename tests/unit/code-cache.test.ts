// The report libraries' V8 code cache (src-main/reports/code-cache.ts) on a small CommonJS package in
// a node_modules folder, recorded in one process by the build's recorder (code-cache-recorder.ts,
// preloaded as the build does) and loaded from it in another (so that V8 really compiles from the
// cache's bytes, not from a script it still holds): loaded from the cache the package behaves
// exactly as when Node compiles it; a source that differs (even at the same length), a file with a
// dynamic import, a changed CommonJS wrapper or source maps turned on are left to Node; a cache file
// that is missing, cut short, damaged, made by another runtime or rejected by V8 is passed over.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codeCacheRuntime, decodeCodeCache, encodeCodeCache, sourceSha256, type RecordedCache } from '../../src-main/reports/code-cache-file';
import { bundleRecorder, recordReportCodeCache } from '../../src-main/reports/code-cache-record';
import { codeCacheRecordingVariable } from '../../src-main/reports/code-cache-recorder';

const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-code-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const reports = fileURLToPath(new URL('../../src-main/reports/', import.meta.url));
const recorderSource = path.join(reports, 'code-cache-recorder.ts');

// The package: a strict main file requiring a sloppy one, both asking everything Node gives a
// module, and a file with a dynamic import.
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
  injected: typeof INJECTED,
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
exports.later = require('./later').later;
`;
const helperSource = `exports.facts = () => ({ sloppy: (function () { return this; })() === globalThis, filename: __filename });
`;
const laterSource = `exports.later = () => import('./later.mjs').then((later) => later.answer, (error) => error.code);
`;

const indexKey = '../../node_modules/fixture-package/index.js';
const helperKey = '../../node_modules/fixture-package/helper.js';
const laterKey = '../../node_modules/fixture-package/later.js';

// The process that loads the package: with `cache`, from the cache file (as the app does); it prints
// what the package gives (everything the module sees, where its error is thrown, its dynamic import)
// and what the cache served. Bundled once, run once per load.
let recorder: string;
let probe: string;
let wrapChanger: string;
beforeAll(() => {
  const tools = mkdtempSync(path.join(temp, 'tools-'));
  recorder = bundleRecorder(recorderSource, tools);
  writeFileSync(
    path.join(tools, 'probe.ts'),
    `import { createRequire } from 'node:module';
import { installCodeCache } from ${JSON.stringify(path.join(reports, 'code-cache.ts'))};
const [mode, packageDir, cacheFile] = process.argv.slice(2);
if (process.env.PROBE_ELECTRON) Object.defineProperty(process.versions, 'electron', { value: '45.0.0', enumerable: true });
const installed = mode === 'cache' ? installCodeCache(cacheFile) : undefined;
if (process.env.PROBE_LATE_SOURCE_MAPS) process.setSourceMapsEnabled(true);
const loaded = createRequire(import.meta.url)(packageDir + '/index.js');
let stack = '';
try {
  loaded.fail();
} catch (error) {
  stack = error.stack;
}
const behaviour = { marker: loaded.marker, facts: loaded.facts(), thrownAt: /index\\.js:\\d+:\\d+/.exec(stack)?.[0], later: await loaded.later() };
console.log(JSON.stringify({ installed: installed !== undefined, counts: installed?.counts, behaviour }));
`,
  );
  probe = path.join(tools, 'probe.mjs');
  buildSync({ entryPoints: [path.join(tools, 'probe.ts')], outfile: probe, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  // A CommonJS wrapper that declares one more variable in every module (as some tools do).
  wrapChanger = path.join(tools, 'wrap.cjs');
  writeFileSync(wrapChanger, "const { Module } = require('node:module');\nconst wrap = Module.wrap;\nModule.wrap = (source) => wrap('var INJECTED = 1;' + source);\n");
});

interface Probe {
  installed: boolean;
  counts?: { used: number; rejected: number };
  behaviour: { marker: string; facts: Record<string, unknown>; thrownAt?: string; later: unknown };
}

function runProbe(mode: 'cache' | 'plain', { nodeOptions = [], env = {} }: { nodeOptions?: string[]; env?: NodeJS.ProcessEnv } = {}): Probe {
  const run = spawnSync(process.execPath, [...nodeOptions, probe, mode, packageDir, cacheFile], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Probe;
}

/** Records the package's cache into `cacheFile` in a process of its own, as the build records the report libraries'. */
function record(): void {
  runProbe('plain', { nodeOptions: ['--require', recorder], env: { [codeCacheRecordingVariable]: cacheFile } });
}

/** What Node gives the package when it compiles every file itself. */
const compiledByNode = (): Probe['behaviour'] => runProbe('plain').behaviour;

let root: string;
let packageDir: string;
let cacheFile: string;

beforeEach(() => {
  root = mkdtempSync(path.join(temp, 'app-'));
  packageDir = path.join(root, 'node_modules', 'fixture-package');
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(path.join(packageDir, 'index.js'), mainSource);
  writeFileSync(path.join(packageDir, 'helper.js'), helperSource);
  writeFileSync(path.join(packageDir, 'later.js'), laterSource);
  writeFileSync(path.join(packageDir, 'later.mjs'), 'export const answer = 42;\n');
  mkdirSync(path.join(root, 'out', 'main'), { recursive: true });
  cacheFile = path.join(root, 'out', 'main', 'code-cache.bin');
});

describe('a recorded code cache', () => {
  it('holds the files of the package without a dynamic import, by their path from the cache and their exact source', () => {
    record();
    const cache = decodeCodeCache(readFileSync(cacheFile));
    expect([...(cache?.entries.keys() ?? [])]).toEqual([helperKey, indexKey]);
    const entry = cache!.entries.get(indexKey)!;
    expect(entry).toMatchObject({ sourceSha256: sourceSha256(mainSource), sourceLength: mainSource.length });
    expect(cache!.data(entry).length).toBeGreaterThan(0);
  });

  it('recorded again, holds only what the new recording compiled, never an earlier entry', () => {
    record();
    const changedHelper = helperSource.replace('sloppy', 'loose');
    writeFileSync(path.join(packageDir, 'helper.js'), changedHelper);
    record();
    const cache = decodeCodeCache(readFileSync(cacheFile))!;
    expect(cache.entries.get(helperKey)).toMatchObject({ sourceSha256: sourceSha256(changedHelper), sourceLength: changedHelper.length });
  });

  it('is not read while a recording runs, and the recording holds the same files', () => {
    record();
    const recorded = readFileSync(cacheFile);
    const loaded = runProbe('cache', { nodeOptions: ['--require', recorder], env: { [codeCacheRecordingVariable]: cacheFile } });
    expect(loaded.installed).toBe(false);
    expect(loaded.behaviour).toEqual(compiledByNode());
    expect([...decodeCodeCache(readFileSync(cacheFile))!.entries.keys()]).toEqual([...decodeCodeCache(recorded)!.entries.keys()]);
  });

  it('gives a module loaded from it exactly what Node gives it when compiling the file', () => {
    const byNode = compiledByNode();
    record();
    const fromCache = runProbe('cache');
    expect(fromCache.installed).toBe(true);
    expect(fromCache.behaviour).toEqual(byNode);
    expect(fromCache.counts).toEqual({ used: 2, rejected: 0 });
    // The facts are the real ones, not two equal failures.
    expect(fromCache.behaviour).toMatchObject({
      marker: 'A',
      thrownAt: 'index.js:26:11',
      later: 42,
      facts: { strict: true, thisIsExports: true, inCache: true, cacheIsNodes: true, extensions: true, injected: 'undefined', helper: { sloppy: true } },
    });
  });

  it("covers the built main-process code (the .cjs files in the cache's folder and below it) and no other file of the app", () => {
    // Loaded instead of the package: a module in the built chunks folder that requires a built chunk,
    // a .js file beside the built code and a .cjs file of the app outside it.
    packageDir = path.join(root, 'out', 'main', 'chunks');
    mkdirSync(packageDir);
    writeFileSync(
      path.join(packageDir, 'index.js'),
      `exports.marker = 'B';
exports.facts = () => ({ files: [require('./own-chunk.cjs'), require('../other.js'), require('../../../src/elsewhere.cjs')].map((file) => require('node:path').relative(${JSON.stringify(root)}, file)) });
exports.fail = () => { throw new Error('from the chunks'); };
exports.later = async () => 42;
`,
    );
    mkdirSync(path.join(root, 'src'));
    for (const file of ['out/main/chunks/own-chunk.cjs', 'out/main/other.js', 'src/elsewhere.cjs']) writeFileSync(path.join(root, file), 'module.exports = __filename;\n');
    record();
    expect([...decodeCodeCache(readFileSync(cacheFile))!.entries.keys()]).toEqual(['chunks/own-chunk.cjs']);
    const fromCache = runProbe('cache');
    expect(fromCache.counts).toEqual({ used: 1, rejected: 0 });
    expect(fromCache.behaviour.facts).toEqual({ files: ['out/main/chunks/own-chunk.cjs', 'out/main/other.js', 'src/elsewhere.cjs'] });
  });

  it('never serves a file with a dynamic import, whose import() would fail when compiled from a cache', () => {
    record();
    const cache = decodeCodeCache(readFileSync(cacheFile))!;
    // A cache for it (here one V8 would reject) is not even offered to V8.
    const caches = new Map<string, RecordedCache>([...cache.entries].map(([key, entry]) => [key, { sourceSha256: entry.sourceSha256, sourceLength: entry.sourceLength, cache: cache.data(entry) }]));
    caches.set(laterKey, { sourceSha256: sourceSha256(laterSource), sourceLength: laterSource.length, cache: Buffer.alloc(256, 7) });
    writeFileSync(cacheFile, encodeCodeCache(caches));
    const fromCache = runProbe('cache');
    expect(fromCache.counts).toEqual({ used: 2, rejected: 0 });
    expect(fromCache.behaviour.later).toBe(42);
  });

  it('is not used for a file whose source changed, even at the same length', () => {
    record();
    const changed = mainSource.replace("exports.marker = 'A'", "exports.marker = 'B'");
    expect(changed.length).toBe(mainSource.length);
    writeFileSync(path.join(packageDir, 'index.js'), changed);
    const loaded = runProbe('cache');
    expect(loaded.behaviour.marker).toBe('B');
    // The unchanged helper still comes from the cache; the changed file does not.
    expect(loaded.counts).toEqual({ used: 1, rejected: 0 });
  });

  it('is not used while the CommonJS wrapper is changed, and the files see the changed one', () => {
    record();
    const loaded = runProbe('cache', { nodeOptions: ['--require', wrapChanger] });
    expect(loaded.counts).toEqual({ used: 0, rejected: 0 });
    expect(loaded.behaviour.facts.injected).toBe('number');
  });

  it('is not used once source maps are turned on, even after it was installed', () => {
    record();
    const loaded = runProbe('cache', { env: { PROBE_LATE_SOURCE_MAPS: '1' } });
    expect(loaded.installed).toBe(true);
    expect(loaded.counts).toEqual({ used: 0, rejected: 0 });
    expect(loaded.behaviour.marker).toBe('A');
  });

  it('is passed over when V8 rejects it, and the file is compiled from source', () => {
    const caches = new Map([[indexKey, { sourceSha256: sourceSha256(mainSource), sourceLength: mainSource.length, cache: Buffer.alloc(256, 7) }]]);
    writeFileSync(cacheFile, encodeCodeCache(caches));
    const loaded = runProbe('cache');
    expect(loaded.behaviour).toEqual(compiledByNode());
    expect(loaded.counts).toEqual({ used: 0, rejected: 1 });
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
    it(`is not used when ${what}, and the package loads from source`, () => {
      record();
      const changed = change(readFileSync(cacheFile));
      if (changed) writeFileSync(cacheFile, changed);
      else rmSync(cacheFile);
      const loaded = runProbe('cache');
      expect(loaded.installed).toBe(false);
      expect(loaded.behaviour.marker).toBe('A');
    });
  }

  it('is not used under Electron, whose V8 is not the one the cache was made by', () => {
    record();
    const loaded = runProbe('cache', { env: { PROBE_ELECTRON: '1' } });
    expect(loaded.installed).toBe(false);
    expect(loaded.behaviour.marker).toBe('A');
  });

  it('skips an entry whose place lies outside the data, and uses the others', () => {
    record();
    const bytes = readFileSync(cacheFile);
    const headerLength = bytes.readUInt32LE(25);
    const header = JSON.parse(bytes.toString('utf8', 29, 29 + headerLength)) as { entries: Record<string, { offset: number }> };
    header.entries[indexKey]!.offset = 10_000_000;
    const json = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    const data = bytes.subarray(29 + headerLength);
    expect(createHash('sha256').update(data).digest('hex')).toBe((header as unknown as { dataSha256: string }).dataSha256);
    writeFileSync(cacheFile, Buffer.concat([bytes.subarray(0, 25), length, json, data]));
    const loaded = runProbe('cache');
    expect(loaded.behaviour.marker).toBe('A');
    expect(loaded.counts).toEqual({ used: 1, rejected: 0 });
  });
});

describe("the build's recording step", () => {
  it('leaves no cache behind when the export it records fails, and says which command failed', () => {
    const mainFolder = mkdtempSync(path.join(temp, 'main-'));
    // A CLI whose report fails; the recorder writes its recording as the process exits.
    writeFileSync(
      path.join(mainFolder, 'cli.cjs'),
      `const command = process.argv[2];
if (command === 'demo') console.log(JSON.stringify({ assessmentId: 'a1' }));
if (command === 'report') {
  console.error('the report failed');
  process.exit(1);
}
`,
    );
    expect(() => recordReportCodeCache(mainFolder, recorderSource)).toThrow(/kartlegg report failed: the report failed/);
    expect(() => readFileSync(path.join(mainFolder, 'code-cache.bin'))).toThrow(/ENOENT/);
  });
});
