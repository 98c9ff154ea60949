// Run by the build (electron.vite.config.ts) once the main-process code is written: the built CLI
// exports the demo's formal report as a PDF draft in a temporary data folder, recording the V8 code
// caches of the report libraries and the built chunks it loads (code-cache.ts) into the built main folder. About 2 s of
// build time (two CLI runs: the demo, the export). Recording fails softly: a build without the cache works, only
// its first report of a process compiles the libraries from source.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { codeCacheFileName, decodeCodeCache } from './code-cache-file';
import { recordCodeCacheVariable } from './code-cache';

/** The template whose PDF is recorded: the formal report the cold export is measured with. */
const recordedTemplate = 'risk-assessment-nb';

/** Records the cache into `mainFolder` (the built main-process folder with cli.cjs); returns the
 * number of files it holds, or throws with what went wrong. */
export function recordReportCodeCache(mainFolder: string): number {
  const cacheFile = path.join(mainFolder, codeCacheFileName);
  rmSync(cacheFile, { force: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kartlegg-code-cache-'));
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    // A generous limit: only a hang, never a slow machine, should reach it.
    const run = spawnSync(process.execPath, [path.join(mainFolder, 'cli.cjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
    if (run.status !== 0) throw new Error(`kartlegg ${args[0]} failed: ${(run.stderr || run.error?.message || '').trim()}`);
    return run.stdout;
  };
  try {
    const { assessmentId } = JSON.parse(cli(['demo', '--json'])) as { assessmentId: string };
    // A draft renders as an issued revision does (the same 48 files, caches within 1 % in size),
    // without the issuing run before it.
    cli(['report', assessmentId, '--template', recordedTemplate, '--format', 'pdf', '--draft', '--out', path.join(dataDir, 'reports')], { [recordCodeCacheVariable]: cacheFile });
    const cache = decodeCodeCache(readFileSync(cacheFile));
    if (!cache) throw new Error('the recorded code cache cannot be read back');
    return cache.entries.size;
  } catch (error) {
    // A failed export may still have written its exit's recording: the build leaves none.
    rmSync(cacheFile, { force: true });
    throw error;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
