// pdfmake and fontkit as the PDF reports load them: their CommonJS builds (pdfkit loads fontkit's, so
// there is one copy of each), without running at load time the modules a report never calls.
//
// pdfkit requires its PDF encryption (@noble/ciphers' AES, whose load builds its lookup tables, and
// @noble/hashes) and fontkit requires brotli (WOFF2 fonts; its load decodes a 120 KB dictionary) at
// the top of their files; fontkit unpacks the character tables of three complex-script shapers as
// it loads; pdfmake loads its SVG parser and renderer. In all about 50 ms of a cold export's CPU on
// this machine, for code a report never runs (our PDFs are not encrypted, our fonts are TrueType,
// our charts are drawn as vectors) or data it rarely needs. While pdfmake or fontkit load, those
// exact requires get a stand-in that loads the real module (or unpacks the table) the first time
// it is used, so an encrypted PDF, a WOFF2 font, an SVG logo or an Indic word still works exactly
// as before, only later.
import { createRequire, Module } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import type * as Fontkit from 'fontkit';
import type Pdfmake from 'pdfmake';
import { useCodeCache } from './code-cache';

const requireHere = createRequire(import.meta.url);

/** A module's exports as an object whose first property access loads the module. */
function deferredNamespace(load: () => object): object {
  let loaded: object | undefined;
  const target = () => (loaded ??= load());
  return new Proxy(
    {},
    {
      get: (_, property) => Reflect.get(target(), property),
      has: (_, property) => Reflect.has(target(), property),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_, property) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(target(), property);
        // A proxy may only report a property as non-configurable if its own target has it so.
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
}

/** An ES module compiled to CommonJS (`__esModule`, `default`), whose default export loads it. */
function deferredDefault(load: () => { default: unknown }): object {
  let loaded: { default: unknown } | undefined;
  return Object.defineProperty({ __esModule: true }, 'default', { enumerable: true, get: () => (loaded ??= load()).default });
}

/** A module that exports one function, as a function that loads the module when first called. */
function deferredFunction(load: () => (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  let loaded: ((...args: unknown[]) => unknown) | undefined;
  return function (this: unknown, ...args: unknown[]) {
    loaded ??= load();
    return loaded.apply(this, args);
  };
}

interface UnicodeTrie {
  get(codePoint: number): number;
}

/** unicode-trie's class, as one that unpacks its data on the first lookup instead of when built. */
function deferredTrieClass(UnicodeTrie: new (data: unknown) => UnicodeTrie): new (data: unknown) => UnicodeTrie {
  return class DeferredUnicodeTrie implements UnicodeTrie {
    #data: unknown;
    #trie: UnicodeTrie | undefined;
    constructor(data: unknown) {
      this.#data = data;
    }
    get(codePoint: number): number {
      this.#trie ??= new UnicodeTrie(this.#data);
      return this.#trie.get(codePoint);
    }
  };
}

type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;

/**
 * tiny-inflate (raw DEFLATE in JavaScript) as unicode-trie calls it, done by Node's zlib: the same
 * bytes written into `dest`, and the same value returned (`dest`, or a copy of its written part).
 * unicode-trie inflates every Unicode table twice as it is built; unicode-properties and linebreak
 * build theirs as pdfkit and fontkit load, and fontkit's shapers when first used: about 30 ms of a
 * cold export in JavaScript, under 1 ms in zlib. Anything zlib refuses (bad data, more than `dest`
 * holds) is left to tiny-inflate, so an error is the one it gave.
 */
export function inflateWithZlib(tinyInflate: Inflate): Inflate {
  return (source, dest) => {
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(source, { maxOutputLength: Math.max(1, dest.length) });
    } catch {
      return tinyInflate(source, dest);
    }
    if (inflated.length > dest.length) return tinyInflate(source, dest);
    dest.set(inflated);
    return inflated.length < dest.length ? dest.slice(0, inflated.length) : dest;
  };
}

/**
 * The requires deferred, by the package that makes them and the exact request it makes. Each
 * stand-in requires the real module from the requiring package's own file, as the package would.
 */
const deferredRequires: Record<string, Record<string, (requireFromPackage: (id: string) => unknown) => unknown>> = {
  // SVG in a pdfmake document (the reports draw their charts themselves): its XML parser and
  // svg-to-pdfkit.
  pdfmake: {
    xmldoc: (from) => deferredNamespace(() => from('xmldoc') as object),
    './3rd-party/svg-to-pdfkit': (from) => deferredDefault(() => from('./3rd-party/svg-to-pdfkit') as { default: unknown }),
  },
  pdfkit: {
    '@noble/ciphers/aes': (from) => deferredNamespace(() => from('@noble/ciphers/aes') as object),
    '@noble/hashes/sha2': (from) => deferredNamespace(() => from('@noble/hashes/sha2') as object),
    '@noble/hashes/utils': (from) => deferredNamespace(() => from('@noble/hashes/utils') as object),
  },
  fontkit: {
    'brotli/decompress.js': (from) => deferredFunction(() => from('brotli/decompress.js') as (...args: unknown[]) => unknown),
    // fontkit builds the character tables of its Arabic, Indic and Universal shapers as it loads
    // (each unpacked from compressed data); a report uses the Arabic one at most.
    'unicode-trie': (from) => deferredTrieClass(from('unicode-trie') as new (data: unknown) => UnicodeTrie),
  },
  'unicode-trie': {
    'tiny-inflate': (from) => inflateWithZlib(from('tiny-inflate') as Inflate),
  },
};

/** The package a file of node_modules belongs to (the last node_modules folder's child). */
function packageOf(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const index = parts.lastIndexOf('node_modules');
  return index >= 0 ? parts[index + 1] : undefined;
}

interface ModuleLoader {
  _load(request: string, parent: { filename?: string | null } | undefined, isMain: boolean): unknown;
}

/** Requires `id` (a report library) with the requires above deferred while it loads. */
function requireDeferring(id: string): unknown {
  useCodeCache();
  const loader = Module as unknown as ModuleLoader;
  const load = loader._load;
  if (typeof load !== 'function') return requireHere(id);
  loader._load = function (request, parent, isMain) {
    const file = parent?.filename;
    const deferred = file ? deferredRequires[packageOf(file) ?? '']?.[request] : undefined;
    // The stand-in requires the real module as the package would, past this hook.
    return deferred ? deferred((id: string) => load.call(loader, id, parent, false)) : load.call(this, request, parent, isMain);
  };
  try {
    return requireHere(id);
  } finally {
    loader._load = load;
  }
}

let fontkit: typeof Fontkit | undefined;
let pdfmake: typeof Pdfmake | undefined;

/** fontkit's CommonJS build, the copy pdfkit uses. */
export function loadFontkit(): typeof Fontkit {
  return (fontkit ??= requireDeferring('fontkit') as typeof Fontkit);
}

/** pdfmake's Node build (its default export). */
export function loadPdfmake(): typeof Pdfmake {
  // fontkit first: pdfkit requires it while pdfmake loads.
  loadFontkit();
  return (pdfmake ??= requireDeferring('pdfmake') as typeof Pdfmake);
}

/** pdfkit as pdfmake loads it: the copy the reports draw with. */
export function loadPdfkit(): unknown {
  loadPdfmake();
  return createRequire(requireHere.resolve('pdfmake'))('pdfkit');
}
