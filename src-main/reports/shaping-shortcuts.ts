// Shortcuts in fontkit's OpenType shaping, for the PDF reports: pdfkit and fonts.ts shape every word
// of a report once, and a cold report export spent most of that time on work that gives the same
// result for every word. Each shortcut returns exactly what fontkit computes without it
// (tests/unit/report-shaping.test.ts compares the glyphs and positions of every word of the demo's
// reports, in all their languages, with an untouched fontkit). They are installed once per process
// on fontkit's shared classes, so pdfkit's fonts get them too; should a fontkit update change what
// they rely on, they are left out and shaping is as slow as before, never different.
import type * as Fontkit from 'fontkit';

/** What of a fontkit OTProcessor (the GSUB and GPOS processors' common class) is touched here. */
interface OTProcessor {
  table: { scriptList?: unknown[] | null };
  script: unknown;
  scriptTag: string | null;
  language: unknown;
  languageTag: string | null;
  direction: string | undefined;
  features: Record<string, unknown>;
  findScript(script: string | string[]): unknown;
  selectScript(script?: string | string[], language?: string, direction?: string): string | null;
  lookupsForFeatures(userFeatures?: string[], exclude?: number[]): unknown[];
}

/** A selectScript call's outcome: the processor's state after it and the tag it returned. */
type ScriptState = Pick<OTProcessor, 'script' | 'scriptTag' | 'language' | 'languageTag' | 'direction' | 'features'> & { tag: string | null };

/** The restructure type fields (a Pointer's options) that make a table be decoded on first use. */
interface PointerType {
  options?: { lazy?: boolean };
}

/** fontkit's fallback scripts in selectScript, in its order. */
const defaultScripts = ['DFLT', 'dflt', 'latn'];

const scriptStates = new WeakMap<OTProcessor, Map<string, ScriptState>>();
const lookupLists = new WeakMap<object, Map<string, unknown[]>>();

/**
 * selectScript rebuilds the processor's feature table on every call that names no language, which
 * is every word (twice: GSUB and GPOS). Its outcome depends on its arguments only, once a script is
 * found (when none is, fontkit keeps the previous state, and so does this: such calls are passed
 * through), so each outcome is kept per processor and arguments. lookupsForFeatures then sorts
 * the same lookups for every word; its list is kept per feature table and feature list (callers
 * only read it).
 */
function rememberScriptsAndLookups(prototype: OTProcessor & { shortcutsInstalled?: true }): void {
  const select = prototype.selectScript;
  const lookupsFor = prototype.lookupsForFeatures;
  prototype.selectScript = function (this: OTProcessor, script, language, direction) {
    const key = `${Array.isArray(script) ? script.join(',') : String(script)}\u0000${String(language)}\u0000${String(direction)}`;
    let states = scriptStates.get(this);
    if (!states) {
      states = new Map();
      scriptStates.set(this, states);
    }
    const known = states.get(key);
    if (known) {
      this.script = known.script;
      this.scriptTag = known.scriptTag;
      this.language = known.language;
      this.languageTag = known.languageTag;
      this.direction = known.direction;
      this.features = known.features;
      return known.tag;
    }
    const found = this.table.scriptList != null && (this.findScript(script as string) ?? this.findScript(defaultScripts)) != null;
    const tag = select.call(this, script, language, direction);
    if (found) {
      states.set(key, { tag, script: this.script, scriptTag: this.scriptTag, language: this.language, languageTag: this.languageTag, direction: this.direction, features: this.features });
    }
    return tag;
  };
  prototype.lookupsForFeatures = function (this: OTProcessor, userFeatures = [], exclude) {
    if (exclude) return lookupsFor.call(this, userFeatures, exclude);
    let lists = lookupLists.get(this.features);
    if (!lists) {
      lists = new Map();
      lookupLists.set(this.features, lists);
    }
    const key = userFeatures.join(',');
    let lookups = lists.get(key);
    if (!lookups) {
      lookups = lookupsFor.call(this, userFeatures);
      lists.set(key, lookups);
    }
    return lookups;
  };
  prototype.shortcutsInstalled = true;
}

/**
 * A mark attachment lookup (GPOS types 4, 5 and 6) decodes the anchors of every base glyph and mark
 * the first time any word passes it, even a word without marks: in Noto Sans about 0.2 s of CPU a
 * cold export. Its anchor arrays are now decoded when a mark is first attached (restructure's lazy
 * pointers: the same decoding, later, and then kept).
 */
function decodeAnchorsWhenUsed(gposLookup: { versions?: Record<number, Record<string, PointerType>> }): boolean {
  const arrays: [number, string[]][] = [
    [4, ['markArray', 'baseArray']],
    [5, ['markArray', 'ligatureArray']],
    [6, ['mark1Array', 'mark2Array']],
  ];
  const pointers = arrays.flatMap(([type, fields]) => fields.map((field) => gposLookup.versions?.[type]?.[field]));
  if (pointers.some((pointer) => typeof pointer?.options?.lazy !== 'boolean')) return false;
  for (const pointer of pointers) pointer!.options!.lazy = true;
  return true;
}

interface FontInternals {
  _layoutEngine?: { engine?: { GSUBProcessor?: object | null; GPOSProcessor?: object | null } };
  GPOS?: { lookupList?: { type?: { type?: { fields?: { subTables?: { type?: { type?: object } } } } } } } | null;
}

let installed = false;

/**
 * Installs the shortcuts, once per process, from a font that has GSUB and GPOS tables (any report
 * text font), before anything is shaped. Returns which are in place.
 */
export function installShapingShortcuts(font: Fontkit.Font): { scripts: boolean; anchors: boolean } {
  if (installed) return { scripts: true, anchors: true };
  const internals = font as unknown as FontInternals;
  const engine = internals._layoutEngine?.engine;
  const processor = engine?.GSUBProcessor ?? engine?.GPOSProcessor;
  if (!processor) return { scripts: false, anchors: false };
  const prototype = Object.getPrototypeOf(Object.getPrototypeOf(processor)) as (OTProcessor & { shortcutsInstalled?: true }) | null;
  const scripts =
    !!prototype && typeof prototype.selectScript === 'function' && typeof prototype.lookupsForFeatures === 'function' && typeof prototype.findScript === 'function';
  if (scripts && !prototype.shortcutsInstalled) rememberScriptsAndLookups(prototype);
  const gposLookup = internals.GPOS?.lookupList?.type?.type?.fields?.subTables?.type?.type;
  const anchors = !!gposLookup && decodeAnchorsWhenUsed(gposLookup);
  installed = scripts && anchors;
  return { scripts, anchors };
}
