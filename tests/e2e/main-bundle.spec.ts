// The built main-process code (out/main: Electron's main index.cjs, the CLI, the runtime worker and
// their chunks) is CommonJS, and Electron's main process works from it. Electron cannot run here, so
// the main process runs under Node with a stand-in for the electron module (fake-electron.mjs): it
// starts the runtime worker as its utility process (Electron's parentPort and MessagePort), opens
// the window with the preload, answers an API call from the window and closes the runtime on quit.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { expect, test } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, process.env.KARTLEGG_OUT_DIR ?? 'out');
const mainDir = path.join(outDir, 'main');

const builtFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? builtFiles(path.join(dir, entry.name)) : /\.(c|m)?js$/.test(entry.name) ? [path.join(dir, entry.name)] : []));

test('every built main-process file is CommonJS, and every require in it resolves', () => {
  const files = builtFiles(mainDir);
  expect(files.map((file) => path.relative(mainDir, file))).toEqual(expect.arrayContaining(['index.cjs', 'cli.cjs', 'runtime-worker.cjs']));
  expect(files.filter((file) => !file.endsWith('.cjs'))).toEqual([]);
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    // Node's CommonJS wrapper: an import or export statement, or a top-level await, does not compile.
    expect(() => vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file }), file).not.toThrow();
    // The bundler rewrites import.meta.url to the file's own URL; nothing else of import.meta may be left.
    expect(source, file).not.toMatch(/\bimport\.meta\b/);
    const requireHere = createRequire(file);
    for (const [, id] of source.matchAll(/\brequire\("([^"]+)"\)/g)) {
      if (id === 'electron' || id.startsWith('node:') || builtinModules.includes(id)) continue;
      expect(() => requireHere.resolve(id), `${path.relative(mainDir, file)}: require("${id}")`).not.toThrow();
    }
  }
});

test("Electron's main process runs from the CommonJS build: runtime worker, window, API call, quit", () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-main-bundle-'));
  try {
    const run = spawnSync(process.execPath, ['--import', fileURLToPath(new URL('./fake-electron.mjs', import.meta.url)), path.join(mainDir, 'index.cjs')], {
      encoding: 'utf8',
      // The app's folder has no native/electron SQLite build, so the worker loads node_modules' (for Node).
      env: { ...process.env, FAKE_ELECTRON_USER_DATA: temp, FAKE_ELECTRON_APP_PATH: temp },
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const steps = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { step: string } & Record<string, unknown>);
    expect(steps.map((s) => s.step)).toEqual(['sandbox', 'schemes', 'protocol', 'fork', 'port', 'menu', 'window', 'load', 'call', 'quit', 'quit']);
    const fork = steps.find((s) => s.step === 'fork')!;
    expect(fork.modulePath).toBe(path.join(mainDir, 'runtime-worker.cjs'));
    const window = steps.find((s) => s.step === 'window')!;
    expect(window).toMatchObject({ preload: path.join(outDir, 'preload', 'preload.cjs'), sandbox: true });
    expect(existsSync(window.preload as string)).toBe(true);
    // The worker opened the database in the app's data folder and answered the window's call.
    expect(steps.find((s) => s.step === 'call')).toMatchObject({ answer: { ok: true, value: [] } });
    expect(existsSync(path.join(temp, 'kartlegg.sqlite'))).toBe(true);
    // The quit is held until the runtime has closed, then done.
    expect(steps.filter((s) => s.step === 'quit').map((s) => s.held)).toEqual([true, false]);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});
