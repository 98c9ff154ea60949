// Build-only: preloaded (`node --require`) into the built CLI by the build's recording step
// (code-cache-record.ts bundles this file into a temporary folder; it is no part of the app). It
// compiles the CommonJS files of node_modules the process loads as the app's cache reader would
// (code-cache-compile.ts) and, when the process exits, writes their caches to the file the step
// names in `codeCacheRecordingVariable`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type vm from 'node:vm';
import { encodeCodeCache, sourceSha256, type RecordedCache } from './code-cache-file';
import { cacheUsable, hookCompile, isFunctionBody, type CompileRequest } from './code-cache-compile';

/** The variable the recording step names the cache file to write in (an absolute path). */
export const codeCacheRecordingVariable = 'KARTLEGG_CODE_CACHE_RECORDING';

function record(file: string): void {
  const scripts = new Map<string, { request: CompileRequest; script: vm.Script }>();
  hookCompile(path.dirname(file), {
    cachedData: () => undefined,
    compileAll: true,
    compiled: (request, script) => {
      if (isFunctionBody(request.content)) scripts.set(request.key, { request, script });
    },
  });
  process.on('exit', () => {
    const caches = new Map<string, RecordedCache>();
    // Made now, after the run: each cache holds every function the run compiled, not only the top level.
    for (const [key, { request, script }] of scripts) caches.set(key, { sourceSha256: sourceSha256(request.content), sourceLength: request.content.length, cache: script.createCachedData() });
    writeFileSync(file, encodeCodeCache(caches));
  });
}

const file = process.env[codeCacheRecordingVariable];
// Only this process records: a process it starts (with its options) writes nothing.
delete process.env[codeCacheRecordingVariable];
if (file && path.isAbsolute(file) && cacheUsable()) record(file);
