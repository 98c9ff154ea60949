// V8 code caches for the report libraries' CommonJS files (pdfmake, pdfkit, fontkit and the
// packages they load) and for the built main-process code (CommonJS: out/main/**/*.cjs,
// the CLI's chunks). Loading the libraries is about 160 ms of a cold PDF export, much of it V8
// parsing and compiling; from a code cache V8 takes the bytecode of every function the build's own
// export ran (the cache is made after that export, so it holds the functions compiled lazily during
// it too) instead of compiling them again. The CLI installs it before a command runs (cli.ts), the
// report libraries when they first load (report-libraries.ts: the runtime worker of `serve`).
//
// The build records the cache (code-cache-record.ts runs the built CLI with code-cache-recorder.ts
// preloaded) and puts it beside the built main-process code; the app only reads it, here. A cache is
// used only for a file whose source is exactly the one it was made from (V8 itself checks only the
// source's length): each entry names the SHA-256 of its source, and the file's data must be intact
// and made by this Node and V8 (code-cache-file.ts). Anything else (no cache, a damaged or cut-short
// one, another source, a cache V8 rejects, Electron's V8, source maps on, a changed CommonJS
// wrapper, a dynamic `import()` in the file) is compiled the normal way, silently
// (code-cache-compile.ts says how a file is compiled from its cache).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { besideBuiltMain } from '../db/build-output';
import { codeCacheFileName, decodeCodeCache, sourceSha256, type CodeCacheFile } from './code-cache-file';
import { cacheUsable, hookCompile } from './code-cache-compile';

/** A cache file in use: how many files V8 took from it and how many caches it rejected (the file
 * was then compiled from source), and how to stop using it. */
export interface InstalledCodeCache {
  readonly counts: { used: number; rejected: number };
  uninstall(): void;
}

/** Serves the caches of `file` (a cache file read whole) to the files it has an entry for with
 * exactly that source; undefined when the file is not usable. */
export function installCodeCache(file: string): InstalledCodeCache | undefined {
  if (!cacheUsable()) return undefined;
  let cache: CodeCacheFile | undefined;
  try {
    cache = decodeCodeCache(readFileSync(file));
  } catch {
    // No cache file (the app runs from its sources, or the build made none).
  }
  if (!cache) return undefined;
  const { entries, data } = cache;
  const counts = { used: 0, rejected: 0 };
  const uninstall = hookCompile(path.dirname(file), {
    cachedData: ({ key, content }) => {
      const entry = entries.get(key);
      // The length first: hashing a source is the dearer check.
      return entry && entry.sourceLength === content.length && entry.sourceSha256 === sourceSha256(content) ? data(entry) : undefined;
    },
    compiled: (_request, script) => {
      counts[script.cachedDataRejected ? 'rejected' : 'used']++;
    },
  });
  return uninstall && { counts, uninstall };
}

let started = false;

/** Called before a CLI command or the report libraries load: uses the build's caches, once per process. */
export function useCodeCache(): void {
  if (started) return;
  started = true;
  for (const file of besideBuiltMain(codeCacheFileName)) if (installCodeCache(file)) return;
}
