// The build's V8 code cache of the report libraries and the built main-process code
// (src-main/reports/code-cache.ts): the build recorded pdfmake, pdfkit, fontkit and the CLI's own
// chunks for exactly the sources installed and built, and the built CLI serves them from it and
// writes the same PDF as when Node compiles every file itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { codeCacheFileName, decodeCodeCache, sourceSha256 } from '../../src-main/reports/code-cache-file';

const root = fileURLToPath(new URL('../..', import.meta.url));
const mainDir = path.join(root, process.env.KARTLEGG_OUT_DIR ?? 'out', 'main');

test('the build recorded the report libraries for the sources installed', () => {
  const cache = decodeCodeCache(readFileSync(path.join(mainDir, codeCacheFileName)));
  expect(cache).toBeDefined();
  for (const file of ['node_modules/pdfmake/js/index.js', 'node_modules/pdfmake/js/LayoutBuilder.js', 'node_modules/pdfkit/js/pdfkit.js', 'node_modules/fontkit/dist/main.cjs', 'node_modules/restructure/dist/main.cjs']) {
    const key = path.relative(mainDir, path.join(root, file)).split(path.sep).join('/');
    const entry = cache!.entries.get(key);
    expect(entry, key).toBeDefined();
    expect(entry!.sourceSha256, key).toBe(sourceSha256(readFileSync(path.join(root, file), 'utf8')));
    expect(cache!.data(entry!).length, key).toBeGreaterThan(1000);
  }
  // Files of node_modules and the built main-process code (cli.cjs and the chunks the export loads), for their exact source.
  const keys = [...cache!.entries.keys()];
  for (const key of keys) expect(key).toMatch(/^((\.\.\/)+node_modules\/|(chunks\/)?[\w-]+\.cjs$)/);
  const ownChunks = keys.filter((key) => key.startsWith('chunks/'));
  expect(ownChunks.some((key) => /^chunks\/runtime-[\w-]+\.cjs$/.test(key)), ownChunks.join(' ')).toBe(true);
  expect(ownChunks.some((key) => /^chunks\/render-pdf-[\w-]+\.cjs$/.test(key)), ownChunks.join(' ')).toBe(true);
  for (const key of ownChunks) expect(cache!.entries.get(key)!.sourceSha256, key).toBe(sourceSha256(readFileSync(path.join(mainDir, key), 'utf8')));
});

test('the built app only reads the cache: no code of it records one', () => {
  const built = readdirSync(mainDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.[cm]?js$/.test(file));
  expect(built).toContain('cli.cjs');
  for (const file of built) {
    const code = readFileSync(path.join(mainDir, file), 'utf8');
    expect(code, file).not.toContain('createCachedData');
    expect(code, file).not.toContain('KARTLEGG_CODE_CACHE_RECORDING');
  }
});

test('the CLI exports the same PDF with the libraries from the cache as compiled by Node', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-code-cache-e2e-'));
  try {
    // Counts the caches V8 took and rejected in the CLI's process (the hook compiles through vm.Script).
    const counter = path.join(dataDir, 'count-code-cache.mjs');
    writeFileSync(
      counter,
      `import vm from 'node:vm';
const counts = { used: 0, rejected: 0 };
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    if (options?.cachedData) counts[this.cachedDataRejected ? 'rejected' : 'used']++;
  }
};
process.on('exit', () => process.stderr.write('code cache ' + JSON.stringify(counts) + '\\n'));
`,
    );
    const cli = (args: string[], nodeOptions: string[] = []) => {
      const run = spawnSync(process.execPath, [...nodeOptions, path.join(mainDir, 'cli.cjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      return run;
    };
    const { assessmentId } = JSON.parse(cli(['demo', '--json']).stdout) as { assessmentId: string };
    cli(['issue', assessmentId, '--revision', '1', '--accept-gaps']);
    const exportTo = (folder: string, nodeOptions: string[]) => {
      const run = cli(['report', assessmentId, '--template', 'risk-assessment-nb', '--format', 'pdf', '--out', path.join(dataDir, folder)], ['--import', counter, ...nodeOptions]);
      const [pdf] = readdirSync(path.join(dataDir, folder));
      return { pdf: readFileSync(path.join(dataDir, folder, pdf!)), counts: JSON.parse(/code cache (\{.*\})/.exec(run.stderr)![1]!) as { used: number; rejected: number } };
    };
    const fromCache = exportTo('cached', []);
    // None used at all would mean the cache was made by another Node than the one running the tests.
    expect(fromCache.counts.used, 'files served from the code cache (rebuild with this Node if 0)').toBeGreaterThanOrEqual(70);
    expect(fromCache.counts.rejected).toBe(0);
    // With source maps on, the cache is left alone (code-cache-compile.ts) and Node compiles every file.
    const byNode = exportTo('compiled', ['--enable-source-maps']);
    expect(byNode.counts).toEqual({ used: 0, rejected: 0 });
    expect(fromCache.pdf.equals(byNode.pdf)).toBe(true);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
