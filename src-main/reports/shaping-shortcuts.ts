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
  coverageIndex(coverage: Coverage, glyph?: number | null): number;
  getClassID(glyph: number, classDef: ClassDef): number;
  glyphIterator: { cur: { id: number } };
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

/** A coverage or class table this small is searched as fontkit searches it; an index would cost more. */
const smallTable = 8;
const coverageIndexes = new WeakMap<Coverage, Int32Array | null>();
const classIndexes = new WeakMap<ClassDef, Int32Array | null>();

/** Whether every value is a glyph id (or table value) as fontkit decodes them: an unsigned 16-bit integer. */
const uint16s = (values: readonly unknown[]) => values.every((value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffff);

const largest = (values: readonly number[]) => values.reduce((max, value) => Math.max(max, value), 0);

/** By glyph id, what coverageIndex answers for a large coverage table (-1: not covered). Built in
 * the order fontkit searches, keeping the first match, so it gives the same answer for every glyph. */
function coverageIndexOf(coverage: Coverage): Int32Array | null {
  let index = coverageIndexes.get(coverage);
  if (index !== undefined) return index;
  index = null;
  const { glyphs, rangeRecords } = coverage;
  if (coverage.version === 1 && Array.isArray(glyphs) && glyphs.length > smallTable && uint16s(glyphs)) {
    index = new Int32Array(largest(glyphs) + 1).fill(-1);
    for (let i = 0; i < glyphs.length; i++) if (index[glyphs[i]] === -1) index[glyphs[i]] = i;
  } else if (
    coverage.version === 2 &&
    Array.isArray(rangeRecords) &&
    rangeRecords.length > smallTable &&
    rangeRecords.every((range) => uint16s([range.start, range.end, range.startCoverageIndex]))
  ) {
    index = new Int32Array(largest(rangeRecords.map((range) => range.end)) + 1).fill(-1);
    for (const range of rangeRecords) {
      for (let glyph = range.start; glyph <= range.end; glyph++) if (index[glyph] === -1) index[glyph] = range.startCoverageIndex! + glyph - range.start;
    }
  }
  coverageIndexes.set(coverage, index);
  return index;
}

/** By glyph id, what getClassID answers for a large format 2 class table (beyond it: class 0). */
function classIndexOf(classDef: ClassDef): Int32Array | null {
  let index = classIndexes.get(classDef);
  if (index !== undefined) return index;
  index = null;
  const ranges = classDef.classRangeRecord;
  if (classDef.version === 2 && Array.isArray(ranges) && ranges.length > smallTable && ranges.every((range) => uint16s([range.start, range.end, range.class]))) {
    index = new Int32Array(largest(ranges.map((range) => range.end)) + 1).fill(-1);
    for (const range of ranges) for (let glyph = range.start; glyph <= range.end; glyph++) if (index[glyph] === -1) index[glyph] = range.class;
    for (let glyph = 0; glyph < index.length; glyph++) if (index[glyph] === -1) index[glyph] = 0;
  }
  classIndexes.set(classDef, index);
  return index;
}

/**
 * Every glyph of every word meets coverage tables (is the glyph in this subtable?) and, for
 * kerning by class, class tables; fontkit searches both linearly (indexOf over a format 1
 * coverage's glyphs, a scan of a format 2 table's ranges), and Noto Sans's kerning tables have
 * hundreds of entries. A large table now gets an index by glyph id the first time it is searched,
 * which answers as the search does; a glyph id that is not an integer is searched as before.
 */
function indexCoveragesAndClasses(prototype: OTProcessor & { tableIndexes?: true }): void {
  const coverageIndex = prototype.coverageIndex;
  const getClassID = prototype.getClassID;
  prototype.coverageIndex = function (this: OTProcessor, coverage, glyph) {
    const id = glyph ?? this.glyphIterator.cur.id;
    const index = coverageIndexOf(coverage);
    if (!index || !Number.isInteger(id) || id < 0) return coverageIndex.call(this, coverage, id);
    return id < index.length ? index[id] : -1;
  };
  prototype.getClassID = function (this: OTProcessor, glyph, classDef) {
    const index = classIndexOf(classDef);
    if (!index || !Number.isInteger(glyph) || glyph < 0) return getClassID.call(this, glyph, classDef);
    return glyph < index.length ? index[glyph] : 0;
  };
  prototype.tableIndexes = true;
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

/** What of fontkit's GSUB tables the substitution check reads. */
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex?: number }[];
}
interface ClassDef {
  version: number;
  classRangeRecord?: { start: number; end: number; class: number }[];
}
interface SubstitutionTable {
  version?: number;
  lookupType?: number;
  extension?: SubstitutionTable;
  coverage?: Coverage;
  coverages?: Coverage[];
  backtrackCoverage?: Coverage[];
  inputCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  count?: number;
  ligatureSets?: { get(index: number): { components: number[] }[] | undefined };
}
interface PlannedLookup {
  feature: string;
  lookup: { lookupType: number; subTables: SubstitutionTable[] };
}
interface GlyphInfo {
  id: number;
  codePoints: number[];
  features: Record<string, boolean>;
}
interface OTLayoutEngine {
  font: { getGlyph(id: number, codePoints: number[]): unknown };
  GSUBProcessor: OTProcessor | null;
  glyphInfos: GlyphInfo[] | null;
  plan: { stages: (string[] | ((...args: unknown[]) => void))[] } | null;
  substitute(glyphRun: { glyphs: unknown[] }): void;
}

/**
 * What must be in a word for one planned substitution to apply: a glyph that has the feature in
 * `first` (the glyphs the subtable starts at), and some glyph in each of `also` (the other glyphs a
 * ligature or a context needs; any glyph of the word, whether it has the feature or not).
 */
interface SubstitutionNeed {
  feature: string;
  first: Set<number>;
  also: Set<number>[];
}

const coverageSets = new WeakMap<Coverage, Set<number>>();
function coverageSet(coverage: Coverage | undefined): Set<number> | null {
  if (!coverage) return null;
  let set = coverageSets.get(coverage);
  if (set) return set;
  if (coverage.version === 1 && coverage.glyphs) set = new Set(coverage.glyphs);
  else if (coverage.version === 2 && coverage.rangeRecords) {
    set = new Set();
    for (const range of coverage.rangeRecords) for (let glyph = range.start; glyph <= range.end; glyph++) set.add(glyph);
  } else return null;
  coverageSets.set(coverage, set);
  return set;
}

/** The needs of one subtable (null: a kind this check does not know, so it never skips). */
function subtableNeed(feature: string, type: number, table: SubstitutionTable): SubstitutionNeed | null {
  if (type === 7) return table.extension && table.lookupType !== undefined ? subtableNeed(feature, table.lookupType, table.extension) : null;
  const sets = (coverages: Coverage[] | undefined) => (coverages ?? []).map(coverageSet);
  let first: Set<number> | null;
  let also: (Set<number> | null)[] = [];
  if (type === 1 || type === 2 || type === 3) first = coverageSet(table.coverage);
  else if (type === 4) {
    // A ligature needs its other components in the word; one without any needs nothing more.
    first = coverageSet(table.coverage);
    if (!table.ligatureSets || table.count === undefined) return null;
    const components = new Set<number>();
    for (let i = 0; i < table.count; i++) {
      for (const ligature of table.ligatureSets.get(i) ?? []) {
        if (ligature.components.length === 0) return first && { feature, first, also: [] };
        for (const component of ligature.components) components.add(component);
      }
    }
    also = [components];
  } else if ((type === 5 || type === 6) && (table.version === 1 || table.version === 2)) first = coverageSet(table.coverage);
  else if (type === 5 && table.version === 3 && table.coverages?.length) [first, ...also] = sets(table.coverages);
  else if (type === 6 && table.version === 3 && table.inputCoverage?.length) {
    [first, ...also] = sets(table.inputCoverage);
    also.push(...sets(table.backtrackCoverage), ...sets(table.lookaheadCoverage));
  } else return null;
  if (!first || also.some((set) => !set)) return null;
  return { feature, first, also: also as Set<number>[] };
}

const substitutionNeeds = new WeakMap<object, SubstitutionNeed[] | null>();
function needsOf(lookups: PlannedLookup[]): SubstitutionNeed[] | null {
  let needs = substitutionNeeds.get(lookups);
  if (needs === undefined) {
    needs = [];
    for (const { feature, lookup } of lookups) {
      for (const table of lookup.subTables) {
        const need = subtableNeed(feature, lookup.lookupType, table);
        if (!need) {
          needs = null;
          break;
        }
        needs.push(need);
      }
      if (!needs) break;
    }
    substitutionNeeds.set(lookups, needs);
  }
  return needs;
}

/** Whether no planned GSUB lookup can apply anywhere in the word. Lookups run in order; while none
 * applies, the glyphs stay the word's own, so checking each against the word's glyphs suffices. */
function nothingToSubstitute(engine: OTLayoutEngine): boolean {
  const { GSUBProcessor: processor, plan, glyphInfos } = engine;
  if (!processor || !plan || !glyphInfos) return false;
  for (const stage of plan.stages) {
    if (typeof stage === 'function') return false;
    if (stage.length === 0) continue;
    const needs = needsOf(processor.lookupsForFeatures(stage) as PlannedLookup[]);
    if (!needs) return false;
    for (const need of needs) {
      if (!glyphInfos.some((info) => need.first.has(info.id) && need.feature in info.features)) continue;
      if (need.also.every((set) => glyphInfos.some((info) => set.has(info.id)))) return false;
    }
  }
  return true;
}

/**
 * Most words of a report are not changed by any substitution of their script's features, yet
 * fontkit tries each lookup on each glyph (a linear search of its coverage ranges). A word whose
 * glyphs cannot start any of them, or lack what the rest of a ligature or context needs, gets the
 * glyphs fontkit's own substitution step would give it (itself: the same glyph objects) without it.
 */
function skipSubstitutionWhenNothingApplies(prototype: OTLayoutEngine & { substitutionShortcut?: true }): void {
  const substitute = prototype.substitute;
  prototype.substitute = function (this: OTLayoutEngine, glyphRun) {
    if (!nothingToSubstitute(this)) return substitute.call(this, glyphRun);
    glyphRun.glyphs = this.glyphInfos!.map((info) => this.font.getGlyph(info.id, info.codePoints));
  };
  prototype.substitutionShortcut = true;
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
export function installShapingShortcuts(font: Fontkit.Font): { scripts: boolean; substitution: boolean; anchors: boolean; tables: boolean } {
  if (installed) return { scripts: true, substitution: true, anchors: true, tables: true };
  const internals = font as unknown as FontInternals;
  const engine = internals._layoutEngine?.engine;
  const processor = engine?.GSUBProcessor ?? engine?.GPOSProcessor;
  if (!processor) return { scripts: false, substitution: false, anchors: false, tables: false };
  const prototype = Object.getPrototypeOf(Object.getPrototypeOf(processor)) as (OTProcessor & { shortcutsInstalled?: true }) | null;
  const scripts =
    !!prototype && typeof prototype.selectScript === 'function' && typeof prototype.lookupsForFeatures === 'function' && typeof prototype.findScript === 'function';
  if (scripts && !prototype.shortcutsInstalled) rememberScriptsAndLookups(prototype);
  // The substitution check keeps its compiled needs per lookup list, which the memo above keeps stable.
  const enginePrototype = engine && (Object.getPrototypeOf(engine) as OTLayoutEngine & { substitutionShortcut?: true });
  const substitution =
    scripts && !!enginePrototype && typeof enginePrototype.substitute === 'function' && 'glyphInfos' in engine && 'plan' in engine && 'font' in engine;
  if (substitution && !enginePrototype.substitutionShortcut) skipSubstitutionWhenNothingApplies(enginePrototype);
  const gposLookup = internals.GPOS?.lookupList?.type?.type?.fields?.subTables?.type?.type;
  const anchors = !!gposLookup && decodeAnchorsWhenUsed(gposLookup);
  const tables = !!prototype && typeof prototype.coverageIndex === 'function' && typeof prototype.getClassID === 'function';
  if (tables && !(prototype as { tableIndexes?: true }).tableIndexes) indexCoveragesAndClasses(prototype);
  installed = scripts && substitution && anchors && tables;
  return { scripts, substitution, anchors, tables };
}
