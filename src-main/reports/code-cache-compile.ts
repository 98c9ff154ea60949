// The compile step the code cache of the report libraries and the built main-process code replaces (code-cache.ts reads the cache, the
// build's code-cache-recorder.ts records it; both compile a file exactly this way, so that a cache
// recorded here fits the script compiled here).
//
// Only the compiling is replaced: Node's own `Module.prototype._compile` still makes the module's
// `require` (with `resolve`, `main`, `cache`), `module`, `__filename` and `__dirname` and calls the
// code, through a one-line body that hands its arguments and `this` on to the function compiled
// here. That function is compiled from the source in Node's CommonJS wrapper, with the wrapper's
// opening on a line of its own so that the source's lines and columns (and so every stack trace)
// are those of the file. The one difference to be seen: an error thrown by a file's top-level code
// has, below the file's own frame, one more frame of the same file (the hand-off body).
import { Module } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const parameters = ['exports', 'require', 'module', '__filename', '__dirname'];
const wrapperHead = `(function (${parameters.join(', ')}) {\n`;
const wrapperTail = '\n})';
/** `Module.wrap('')` while nobody changed Node's CommonJS wrapper. */
const nodeWrapper = `(function (${parameters.join(', ')}) { \n});`;

// The body Node compiles instead of a cached file's source: it takes the function compiled here from
// the module object and calls it as Node would have called the file's own wrapper.
const handOff = Symbol.for('kartlegg.code-cache.compiled');
const handOffBody = "const k = Symbol.for('kartlegg.code-cache.compiled'), f = module[k]; delete module[k]; return f.apply(this, arguments);";

// A dynamic `import()` (or `import` before a comment, which could hide one). Node 20 loses a script's
// `importModuleDynamically` when V8 takes its code from a cache (nodejs/node#43663): such a file
// would reject every `import()`, so it is never recorded nor served. A match that is no import only
// costs that file its cache.
const dynamicImport = /\bimport\s*(\(|\/[*/])/;

type Compile = (this: object, content: string, filename: string, format?: string) => unknown;
interface CompileHost {
  _compile: Compile;
}

/** A file the hook was asked to compile: its key (its path from the cache file's folder, with "/"),
 * its source and its path. */
export interface CompileRequest {
  key: string;
  content: string;
  filename: string;
}

export interface CacheUse {
  /** The cache for this file, undefined to compile it without one. */
  cachedData(request: CompileRequest): Buffer | undefined;
  /** Called with every script compiled here (with or without a cache). */
  compiled?(request: CompileRequest, script: vm.Script): void;
  /** Compile here the files given no cache too (to record their caches). */
  compileAll?: boolean;
}

/** Whether a cache could be used in this process at all. Electron's V8 is not the one the build's
 * Node made the cache with; with a policy manifest Node checks a file's own source as it compiles it. */
export function cacheUsable(): boolean {
  if (process.versions.electron) return false;
  const options = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  return !/--(experimental-policy|policy-integrity)/.test(options);
}

const sourceMapsOn = (): boolean => (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true;

/** The files a cache is for: the CommonJS files of node_modules, and the built main-process code
 * (CommonJS: the .cjs files in the cache file's folder, `folder`, and below it), no other file. */
function cachedFile(folder: string, filename: string): boolean {
  if (filename.split(/[\\/]/).includes('node_modules')) return true;
  const key = path.relative(folder, filename);
  return key.endsWith('.cjs') && !key.startsWith('..') && !path.isAbsolute(key);
}

/** Whether Node compiles this file itself: checked per file, as source maps can be turned on
 * (`process.setSourceMapsEnabled`) and the wrapper changed (`Module.wrap`, `Module.wrapper`) at any
 * time. With source maps on Node reads the file's own source as it compiles it; a changed wrapper
 * changes what the file means. */
function leftToNode(content: unknown, filename: unknown, format: unknown, folder: string): boolean {
  if (format === 'module' || typeof content !== 'string' || typeof filename !== 'string') return true;
  if (!cachedFile(folder, filename)) return true;
  if (sourceMapsOn() || (Module as unknown as { wrap(script: string): string }).wrap('') !== nodeWrapper) return true;
  return dynamicImport.test(content);
}

/** Only a source that is a function body as Node would compile it (the wrapper cannot change its meaning). */
export function isFunctionBody(content: string): boolean {
  try {
    vm.compileFunction(content, parameters);
    return true;
  } catch {
    return false;
  }
}

function compileWrapped(request: CompileRequest, cachedData: Buffer | undefined): vm.Script | undefined {
  try {
    return new vm.Script(wrapperHead + request.content + wrapperTail, { filename: request.filename, lineOffset: -1, cachedData });
  } catch {
    // Not a CommonJS function body (an ES module, a syntax error): Node compiles it and says why.
    return undefined;
  }
}

// Marks a compile step replaced here: one hook in a process (the build's recorder, preloaded, keeps
// the app's cache reader out), as a hook's hand-off body must reach Node's own compile step.
const hookMark = Symbol.for('kartlegg.code-cache.hook');

/** Replaces the compile step of `Module.prototype._compile` for the files (`cachedFile`) `use`
 * gives a cache (or records), `folder` being the cache file's; returns a function that puts Node's
 * own back (if nothing replaced it since), undefined when a hook of this module is already in place. */
export function hookCompile(folder: string, use: CacheUse): (() => void) | undefined {
  const host = Module.prototype as unknown as CompileHost;
  const nodeCompile = host._compile;
  if (hookMark in nodeCompile) return undefined;
  const hooked: Compile = function (this: object, content, filename, format) {
    if (leftToNode(content, filename, format, folder)) return nodeCompile.call(this, content, filename, format);
    const request: CompileRequest = { key: path.relative(folder, filename).split(path.sep).join('/'), content, filename };
    const cachedData = use.cachedData(request);
    if (!cachedData && !use.compileAll) return nodeCompile.call(this, content, filename, format);
    const script = compileWrapped(request, cachedData);
    if (!script) return nodeCompile.call(this, content, filename, format);
    use.compiled?.(request, script);
    Object.defineProperty(this, handOff, { value: script.runInThisContext(), configurable: true });
    return nodeCompile.call(this, handOffBody, filename, format);
  };
  Object.defineProperty(hooked, hookMark, { value: true });
  host._compile = hooked;
  return () => {
    if (host._compile === hooked) host._compile = nodeCompile;
  };
}
