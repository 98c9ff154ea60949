// Run by the build (electron.vite.config.ts) once the main-process code is written: the built CLI
// makes the demo in a temporary data folder, then exports its formal report as a PDF draft with the
// recorder (code-cache-recorder.ts, bundled here into a temporary file) preloaded, which writes the
// V8 code caches of the report libraries and the built chunks it loads (code-cache.ts) into the built main folder. Two
// CLI runs; see bench/NOTES.md for the build time measured. Recording fails softly: a build without
// the cache works, only its first report of a process compiles the libraries from source.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { codeCacheFileName, decodeCodeCache } from './code-cache-file';
import { codeCacheRecordingVariable } from './code-cache-recorder';

/** The template whose PDF is recorded: the formal report the cold export is measured with. */
const recordedTemplate = 'risk-assessment-nb';

/** The recorder (`recorderSource`, code-cache-recorder.ts) bundled as one CommonJS file in `folder`,
 * for `node --require`; returns its path. */
export function bundleRecorder(recorderSource: string, folder: string): string {
  const outfile = path.join(folder, 'code-cache-recorder.cjs');
  buildSync({ entryPoints: [recorderSource], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  return outfile;
}

/** Records the cache into `mainFolder` (the built main-process folder with cli.cjs), with the recorder
 * built from `recorderSource`; returns the number of files it holds, or throws with what went wrong. */
export function recordReportCodeCache(mainFolder: string, recorderSource: string): number {
  const cacheFile = path.join(mainFolder, codeCacheFileName);
  rmSync(cacheFile, { force: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kartlegg-code-cache-'));
  const cli = (args: string[], nodeOptions: string[] = [], env: NodeJS.ProcessEnv = {}) => {
    // Only a hang, never a slow machine, should reach this limit (a run takes a few seconds).
    const run = spawnSync(process.execPath, [...nodeOptions, path.join(mainFolder, 'cli.cjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
    if (run.status !== 0) throw new Error(`kartlegg ${args[0]} failed: ${(run.stderr || run.error?.message || '').trim()}`);
    return run.stdout;
  };
  try {
    const recorder = bundleRecorder(recorderSource, dataDir);
    const { assessmentId } = JSON.parse(cli(['demo', '--json'])) as { assessmentId: string };
    // A draft renders as an issued revision does (it loads the same files), without the issuing run
    // before it.
    cli(['report', assessmentId, '--template', recordedTemplate, '--format', 'pdf', '--draft', '--out', path.join(dataDir, 'reports')], ['--require', recorder], { [codeCacheRecordingVariable]: cacheFile });
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
