// V8 code caches for the report libraries' CommonJS files (pdfmake, pdfkit, fontkit and the
// packages they load: about 80 files) and for the built main-process code (out/main is CommonJS:
// the CLI's chunks). Loading the libraries is about 160 ms of a cold PDF export, much of it V8
// parsing and compiling; from a code cache V8 takes the bytecode of every function the build's own
// export ran (the cache is made after that export, so it holds the functions compiled lazily during
// it too) instead of compiling them again. The CLI installs it before a command runs (cli.ts), the
// report libraries when they first load (report-libraries.ts: the runtime worker of `serve`).
//
// The build makes the cache (code-cache-record.ts) and puts it beside the built main-process code;
// the app only reads it. A cache is used only for a file whose source is exactly the one it was made
// from (V8 itself checks only the source's length): each entry names the SHA-256 of its source, and
// the whole file must be intact and made by this Node and V8 (code-cache-file.ts). Anything else (no
// cache, a damaged or cut-short one, another source, a cache V8 rejects, Electron's V8) is compiled
// the normal way, silently.
//
// Only the compiling is replaced: Node's own `Module.prototype._compile` still makes the module's
// `require` (with `resolve`, `main`, `cache`), `module`, `__filename` and `__dirname` and calls the
// code, through a one-line body that hands its arguments and `this` on to the function compiled
// here. That function is compiled from the source in Node's CommonJS wrapper, with the wrapper's
// opening on a line of its own so that the source's lines and columns (and so every stack trace)
// are those of the file, and a dynamic `import()` in it is served by the main context's loader,
// as in a module Node compiled. The one difference to be seen: an error thrown by a file's top-level
// code has, below the file's own frame, one more frame of the same file (the hand-off body).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Module } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { codeCacheFileName, decodeCodeCache, encodeCodeCache, isCodeCacheFile, sourceSha256, type CodeCacheFile, type RecordedCache } from './code-cache-file';

/** Set to a cache file's path, the process records the caches of the files it loads there (the build). */
export const recordCodeCacheVariable = 'KARTLEGG_RECORD_CODE_CACHE';

const parameters = ['exports', 'require', 'module', '__filename', '__dirname'];
const wrapperHead = `(function (${parameters.join(', ')}) {\n`;
const wrapperTail = '\n})';

// The body Node compiles instead of a cached file's source: it takes the function compiled here from
// the module object and calls it as Node would have called the file's own wrapper.
const handOff = Symbol.for('kartlegg.code-cache.compiled');
const handOffBody = "const k = Symbol.for('kartlegg.code-cache.compiled'), f = module[k]; delete module[k]; return f.apply(this, arguments);";

type Compile = (this: object, content: string, filename: string, format?: string) => unknown;
interface CompileHost {
  _compile: Compile;
}

/** A file the hook was asked to compile: its key (its path from the cache file's folder, with "/"),
 * its source and its path. */
interface CompileRequest {
  key: string;
  content: string;
  filename: string;
}

interface CacheUse {
  /** The cache for this file, undefined to compile it without one. */
  cachedData(request: CompileRequest): Buffer | undefined;
  /** Called with every script compiled here (with or without a cache). */
  compiled?(request: CompileRequest, script: vm.Script): void;
}

/** Counts for tests and for measuring: files served from a cache, caches V8 rejected (the file was
 * then compiled from source), files compiled here without a cache (while recording). */
export const codeCacheStats = { used: 0, rejected: 0, uncached: 0 };

/** Whether a cache could be used in this process at all. Electron's V8 is not the one the build's
 * Node made the cache with. With source maps on or a policy manifest, Node reads or checks a file's
 * own source as it compiles it, so those are left to Node. */
function cacheUsable(): boolean {
  if (process.versions.electron) return false;
  if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled) return false;
  const options = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  return !/--(experimental-policy|enable-source-maps|policy-integrity)/.test(options);
}

function compileWrapped(request: CompileRequest, cachedData: Buffer | undefined): { script: vm.Script; run: () => unknown } | undefined {
  try {
    const script = new vm.Script(wrapperHead + request.content + wrapperTail, {
      filename: request.filename,
      lineOffset: -1,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    return { script, run: () => script.runInThisContext() };
  } catch {
    // Not a CommonJS function body (an ES module, a syntax error): Node compiles it and says why.
    return undefined;
  }
}

/** The files a cache is for: the CommonJS files of node_modules and the built main-process code
 * (the .cjs files in the cache file's folder and below it: the CLI's own chunks). */
const cachedFile = (key: string, filename: string): boolean => filename.split(/[\\/]/).includes('node_modules') || (key.endsWith('.cjs') && !key.startsWith('../') && !path.isAbsolute(key));

/** Replaces the compile step of `Module.prototype._compile` for the files `use` gives a cache (or
 * records); returns a function that puts Node's own back (if nothing replaced it since). */
function hookCompile(folder: string, use: CacheUse): () => void {
  const host = Module.prototype as unknown as CompileHost;
  const nodeCompile = host._compile;
  const hooked: Compile = function (this: object, content, filename, format) {
    if (format === 'module' || typeof content !== 'string' || typeof filename !== 'string') return nodeCompile.call(this, content, filename, format);
    const key = path.relative(folder, filename).split(path.sep).join('/');
    if (!cachedFile(key, filename)) return nodeCompile.call(this, content, filename, format);
    const request: CompileRequest = { key, content, filename };
    const cachedData = use.cachedData(request);
    if (!cachedData && !use.compiled) return nodeCompile.call(this, content, filename, format);
    const compiled = compileWrapped(request, cachedData);
    if (!compiled) return nodeCompile.call(this, content, filename, format);
    if (cachedData) codeCacheStats[compiled.script.cachedDataRejected ? 'rejected' : 'used']++;
    else codeCacheStats.uncached++;
    use.compiled?.(request, compiled.script);
    Object.defineProperty(this, handOff, { value: compiled.run(), configurable: true });
    return nodeCompile.call(this, handOffBody, filename, format);
  };
  host._compile = hooked;
  return () => {
    if (host._compile === hooked) host._compile = nodeCompile;
  };
}

/** Serves the caches of `file` (a cache file read whole) to the files it has an entry for with
 * exactly that source; returns the uninstall function, undefined when the file is not usable. */
export function installCodeCache(file: string): (() => void) | undefined {
  if (!cacheUsable()) return undefined;
  let cache: CodeCacheFile | undefined;
  try {
    cache = decodeCodeCache(readFileSync(file));
  } catch {
    // No cache file (the app runs from its sources, or the build made none).
  }
  if (!cache) return undefined;
  const { entries, data } = cache;
  return hookCompile(path.dirname(file), {
    cachedData: ({ key, content }) => {
      const entry = entries.get(key);
      // The length first: hashing a source is the dearer check.
      return entry && entry.sourceLength === content.length && entry.sourceSha256 === sourceSha256(content) ? data(entry) : undefined;
    },
  });
}

/** Records, when the process exits, the caches of the files it loaded (`cachedFile`) into `file`
 * (beside what the file holds already from an earlier recording by this runtime, which is kept). */
export function recordCodeCache(file: string): () => void {
  const scripts = new Map<string, { request: CompileRequest; script: vm.Script }>();
  const write = () => {
    let caches = new Map<string, RecordedCache>();
    let existing: Buffer | undefined;
    try {
      existing = readFileSync(file);
    } catch {
      // The first recording.
    }
    // Never over a file that is not a cache (a mistyped path).
    if (existing && existing.length > 0 && !isCodeCacheFile(existing)) return;
    const earlier = existing && decodeCodeCache(existing);
    if (earlier) caches = new Map([...earlier.entries].map(([key, entry]) => [key, { ...entry, cache: earlier.data(entry) }]));
    for (const [key, { request, script }] of scripts) {
      if (caches.has(key)) continue;
      // Made now, after the run: it holds every function the run compiled, not only the top level.
      caches.set(key, { sourceSha256: sourceSha256(request.content), sourceLength: request.content.length, cache: script.createCachedData() });
    }
    writeFileSync(`${file}.tmp`, encodeCodeCache(caches));
    renameSync(`${file}.tmp`, file);
  };
  process.on('exit', write);
  const uninstall = hookCompile(path.dirname(file), {
    cachedData: () => undefined,
    compiled: (request, script) => {
      // Only a source that is a function body as Node would compile it (the wrapper cannot change its meaning).
      try {
        vm.compileFunction(request.content, parameters);
      } catch {
        return;
      }
      scripts.set(request.key, { request, script });
    },
  });
  return () => {
    uninstall();
    process.off('exit', write);
    write();
  };
}

let started = false;

/** Called before a CLI command or the report libraries load: records (the build) or uses the build's
 * caches, once per process. */
export function useCodeCache(): void {
  if (started) return;
  started = true;
  const recordTo = process.env[recordCodeCacheVariable];
  if (recordTo) {
    if (cacheUsable()) recordCodeCache(path.resolve(recordTo));
    return;
  }
  // This code is bundled into the built main-process folder or its chunks folder; the cache is in the former.
  for (const parent of ['./', '../']) if (installCodeCache(fileURLToPath(new URL(`${parent}${codeCacheFileName}`, import.meta.url)))) return;
}
