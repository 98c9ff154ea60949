// Derives, from a font file and an untouched fontkit, the table that src-main/reports/plain-words.ts shapes plain
// words with (see that module's header for why its answers are fontkit's). Run by
// generate-plain-words.ts (`npm run fonts:plain-words`), whose output is committed in
// resources/fonts; tests/unit/report-plain-words.test.ts derives it again and compares. Never
// loaded by the app.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { shapingLibraryVersions, type PlainFontTable, type PlainKerning, type PlainWordsFile } from '../src-main/reports/plain-words';

const requireHere = createRequire(import.meta.url);

/** What of fontkit's internals the derivation reads (fontkit 2.0). */
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}
interface ValueRecord {
  xPlacement?: number;
  yPlacement?: number;
  xAdvance?: number;
  yAdvance?: number;
  xPlaDevice?: unknown;
  yPlaDevice?: unknown;
  xAdvDevice?: unknown;
  yAdvDevice?: unknown;
}
interface LazyArray<T> {
  length: number;
  get(index: number): T;
}
interface Subtable {
  version?: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  backtrackCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  ligatureSets?: LazyArray<{ glyph: number; components: number[] }[]>;
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  pairSets?: LazyArray<{ secondGlyph: number; value1: ValueRecord; value2: ValueRecord }[]>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: LazyArray<LazyArray<{ value1: ValueRecord; value2: ValueRecord }>>;
}
interface Lookup {
  lookupType: number;
  flags: { markAttachmentType?: number; flags?: Record<string, boolean> };
  subTables: Subtable[];
}
interface PlannedLookup {
  feature: string;
  index: number;
  lookup: Lookup;
}
interface Processor {
  selectScript(script: string, language?: string, direction?: string): string | null;
  /** fontkit's own searches of a coverage and a class table (the same for GSUB and GPOS). */
  coverageIndex(coverage: Coverage, glyph: number): number;
  getClassID(glyph: number, classDef: ClassDef): number;
  lookupsForFeatures(features: string[]): PlannedLookup[];
  findScript(script: string | string[]): unknown;
}
interface GlyphInfo {
  isMark: boolean;
  isBase: boolean;
  isLigature: boolean;
  markAttachmentType: number;
}
interface Engine {
  GSUBProcessor: Processor | null;
  GPOSProcessor: Processor | null;
  glyphInfos: GlyphInfo[] | null;
  plan: { stages: unknown[]; globalFeatures: Record<string, boolean>; allFeatures: Record<string, number> } | null;
  shaper: { zeroMarkWidths?: string } | null;
  setup(run: unknown): void;
  cleanup(): void;
}
interface FontInternals {
  _layoutEngine: { engine: Engine | null; isDefaultIgnorable(codePoint: number): boolean };
  characterSet: number[];
  directory: { tables: Record<string, unknown> };
  GDEF?: { glyphClassDef?: ClassDef } | null;
}

/** unicode-properties, which fontkit detects scripts (and, without GDEF, marks) with. */
export interface UnicodeProperties {
  getScript(codePoint: number): string;
  getCategory(codePoint: number): string;
}

const scriptsOfPlainWords = { latn: 'a', zzzz: '1' } as const;

/** The glyphs of one coverage table. */
function coverageGlyphs(coverage: Coverage | undefined): number[] {
  if (!coverage) throw new Error('A lookup subtable without the coverage it is applied by');
  if (coverage.version === 1) return coverage.glyphs!;
  if (coverage.version === 2) return coverage.rangeRecords!.flatMap((range) => Array.from({ length: range.end - range.start + 1 }, (_, i) => range.start + i));
  throw new Error(`Unknown coverage format ${coverage.version}`);
}

/** The glyphs a subtable can start applying at (fontkit tests the current glyph against these first
 * and returns without any change when it is not among them), extension subtables unwrapped. */
function firstGlyphs(table: 'GSUB' | 'GPOS', type: number, subtable: Subtable): number[] {
  if ((table === 'GSUB' && type === 7) || (table === 'GPOS' && type === 9)) return firstGlyphs(table, subtable.lookupType!, subtable.extension!);
  const contextual = table === 'GSUB' ? [5, 6] : [7, 8];
  if (contextual.includes(type)) {
    if (subtable.version === 1 || subtable.version === 2) return coverageGlyphs(subtable.coverage);
    if (subtable.version === 3) return coverageGlyphs(type === contextual[0] ? subtable.coverages![0] : subtable.inputCoverage![0]);
    throw new Error(`Unknown ${table} context format ${subtable.version}`);
  }
  if (table === 'GSUB' && type >= 1 && type <= 4) return coverageGlyphs(subtable.coverage);
  if (table === 'GPOS' && (type === 1 || type === 2 || type === 3)) return coverageGlyphs(subtable.coverage);
  if (table === 'GPOS' && (type === 4 || type === 5)) return coverageGlyphs(subtable.markCoverage);
  if (table === 'GPOS' && type === 6) return coverageGlyphs(subtable.mark1Coverage);
  throw new Error(`fontkit does not apply ${table} lookup type ${type}`);
}

/** A subtable with its extension unwrapped. */
function unwrap(table: 'GSUB' | 'GPOS', type: number, subtable: Subtable): { type: number; subtable: Subtable } {
  if ((table === 'GSUB' && type === 7) || (table === 'GPOS' && type === 9)) return unwrap(table, subtable.lookupType!, subtable.extension!);
  return { type, subtable };
}

/** A format 3 context's coverages other than the first glyph's (all must match for it to apply);
 * null for any other subtable. */
function contextCoverages(table: 'GSUB' | 'GPOS', type: number, subtable: Subtable): Coverage[] | null {
  const [context, chaining] = table === 'GSUB' ? [5, 6] : [7, 8];
  if (subtable.version !== 3) return null;
  if (type === context) return subtable.coverages!.slice(1);
  if (type === chaining) return [...subtable.inputCoverage!.slice(1), ...subtable.backtrackCoverage!, ...subtable.lookaheadCoverage!];
  return null;
}

/** A pair subtable, extension unwrapped (null: not a pair adjustment). */
function pairSubtable(type: number, subtable: Subtable): Subtable | null {
  if (type === 9) return pairSubtable(subtable.lookupType!, subtable.extension!);
  return type === 2 ? subtable : null;
}

const emptyValue = (value: ValueRecord | undefined) =>
  !value || (['xPlacement', 'yPlacement', 'yAdvance', 'xAdvance'] as const).every((field) => !value[field]) && !value.xPlaDevice && !value.yPlaDevice && !value.xAdvDevice && !value.yAdvDevice;
const onlyXAdvance = (value: ValueRecord | undefined) => emptyValue(value === undefined ? undefined : { ...value, xAdvance: 0 });

/** Lookups run by the plan's stage, with the feature each runs for, in fontkit's order. */
function plannedLookups(processor: Processor | null, stage: string[]): PlannedLookup[] {
  return processor ? processor.lookupsForFeatures(stage) : [];
}

/** Groups equal rows: the class of each row and the distinct rows in order of first appearance. */
function classesOf(rows: Int32Array[]): { classes: number[]; distinct: Int32Array[] } {
  const seen = new Map<string, number>();
  const distinct: Int32Array[] = [];
  const classes = rows.map((row) => {
    const key = row.join(',');
    let found = seen.get(key);
    if (found === undefined) {
      found = distinct.length;
      seen.set(key, found);
      distinct.push(row);
    }
    return found;
  });
  return { classes, distinct };
}

/**
 * Derives the plain characters and their kerning for one font. `fontkit` must be untouched (no
 * shortcuts installed); `getScript` is unicode-properties' (the one fontkit detects scripts with).
 */
export function derivePlainFontTable(fontkit: typeof Fontkit, bytes: Buffer, { getScript, getCategory }: UnicodeProperties): PlainFontTable | null {
  const font = fontkit.create(bytes) as Fontkit.Font;
  const internals = font as unknown as FontInternals;
  const tables = internals.directory.tables;
  // Variations, AAT shaping and an old-style kern table each add a step this table does not model.
  if (tables.fvar || tables.morx || tables.kern || !tables.GPOS || !internals.GDEF?.glyphClassDef) return null;
  const layoutEngine = internals._layoutEngine;
  const engine = layoutEngine.engine;
  if (!engine?.GPOSProcessor) return null;
  const searches = engine.GPOSProcessor;

  // What fontkit plans for a plain word of each script (its default shaper, left to right).
  const GlyphRun = (font.layout('a') as unknown as { constructor: new (glyphs: unknown[], features: unknown, script: string) => { features: Record<string, boolean>; direction: string } }).constructor;
  const planned = Object.entries(scriptsOfPlainWords).map(([script, sample]) => {
    // When neither the script nor a default one is in the font, fontkit keeps the last word's choice.
    for (const processor of [engine.GSUBProcessor, engine.GPOSProcessor]) {
      if (processor && !processor.findScript(script) && !processor.findScript(['DFLT', 'dflt', 'latn'])) return null;
    }
    const run = new GlyphRun(font.glyphsForString(sample), [], script);
    engine.setup(run);
    const { plan, shaper, glyphInfos } = engine;
    if (!plan || !shaper || shaper.zeroMarkWidths !== 'AFTER_GPOS' || run.direction !== 'ltr' || plan.stages.length !== 1 || !Array.isArray(plan.stages[0])) {
      throw new Error(`fontkit plans a ${script} word in a way this table does not model`);
    }
    const stage = plan.stages[0] as string[];
    const global = new Set(Object.keys(plan.globalFeatures));
    const GlyphInfoClass = glyphInfos![0].constructor as new (font: Fontkit.Font, id: number, codePoints: number[]) => GlyphInfo;
    const gsub = plannedLookups(engine.GSUBProcessor, stage);
    const gpos = plannedLookups(engine.GPOSProcessor, stage);
    const features = Object.keys(run.features);
    engine.cleanup();
    return { script, stage, global, gsub, gpos, features, GlyphInfoClass };
  });
  if (planned.some((selection) => !selection)) return null;
  const selections = planned as NonNullable<(typeof planned)[number]>[];

  // Candidates: Latin or Common characters the font maps to a glyph, not default-ignorable (fontkit
  // hides those), not the fraction slash (the only character that gives glyphs local features), and
  // not sharing a glyph with a default-ignorable character (fontkit hides a glyph by the first
  // character it was created for), nor with the space unless it is the space (fontkit makes the
  // space's glyph object on every word, plain-words.ts only on words with a space, so another
  // character's object for that glyph would be made with other code points first).
  const ignorableGlyphs = new Set<number>();
  const candidates = new Map<number, number>();
  const spaceGlyph = font.glyphForCodePoint(0x20).id;
  for (const codePoint of internals.characterSet) {
    const glyph = font.glyphForCodePoint(codePoint).id;
    if (glyph === spaceGlyph && codePoint !== 0x20) continue;
    if (layoutEngine.isDefaultIgnorable(codePoint) || (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef)) {
      ignorableGlyphs.add(glyph);
      continue;
    }
    const script = getScript(codePoint);
    // Marks, controls, format and unassigned characters (as unicode-properties knows them: U+1ACC–1ACE,
    // marks the font classes as bases, are unassigned to it) are left out.
    if ((script === 'Latin' || script === 'Common') && !/^[MC]/.test(getCategory(codePoint)) && codePoint !== 0x2044 && glyph !== 0) candidates.set(codePoint, glyph);
  }
  const GlyphInfoClass = selections[0].GlyphInfoClass;
  const blocked = new Set<number>(ignorableGlyphs);
  const candidateGlyphs = new Set<number>();
  const infos = new Map<number, GlyphInfo>();
  for (const glyph of new Set(candidates.values())) {
    const info = new GlyphInfoClass(font, glyph, []);
    infos.set(glyph, info);
    if (info.isMark || ignorableGlyphs.has(glyph)) blocked.add(glyph);
    else candidateGlyphs.add(glyph);
  }
  /** Whether the lookup's flags make fontkit's glyph iterator step over any of these glyphs. */
  const skipsAny = (lookup: Lookup, glyphs: Set<number>) => {
    const flags = lookup.flags.flags ?? {};
    return [...glyphs].some((glyph) => {
      const info = infos.get(glyph)!;
      return (flags.ignoreMarks && info.isMark) || (flags.ignoreBaseGlyphs && info.isBase) || (flags.ignoreLigatures && info.isLigature);
    });
  };
  // What a word of candidates can hold once ligatures have formed: the candidates and the output of
  // every ligature whose first glyph and components it can hold (to a fixed point).
  const reachable = new Set(candidateGlyphs);
  const ligatureSubtables = (gsub: PlannedLookup[], global: Set<string>) =>
    gsub.filter(({ feature }) => global.has(feature)).flatMap(({ lookup }) => lookup.subTables.map((raw) => unwrap('GSUB', lookup.lookupType, raw)).filter(({ type }) => type === 4));
  const ligaturesAt = (subtable: Subtable, first: number) => subtable.ligatureSets!.get(searches.coverageIndex(subtable.coverage!, first));
  for (let grew = true; grew; ) {
    grew = false;
    for (const { gsub, global } of selections) {
      for (const { subtable } of ligatureSubtables(gsub, global)) {
        for (const first of firstGlyphs('GSUB', 4, subtable)) {
          if (!reachable.has(first)) continue;
          for (const ligature of ligaturesAt(subtable, first)) {
            if (reachable.has(ligature.glyph) || !ligature.components.every((component) => reachable.has(component))) continue;
            reachable.add(ligature.glyph);
            grew = true;
          }
        }
      }
    }
  }
  for (const glyph of reachable) {
    if (infos.has(glyph)) continue;
    const info = new GlyphInfoClass(font, glyph, []);
    infos.set(glyph, info);
    if (info.isMark || ignorableGlyphs.has(glyph)) blocked.add(glyph);
  }
  /** A format 3 context that needs, besides its first glyph, one that no word of plain glyphs holds. */
  const neverMatches = (table: 'GSUB' | 'GPOS', type: number, subtable: Subtable) =>
    contextCoverages(table, type, subtable)?.some((coverage) => !coverageGlyphs(coverage).some((glyph) => reachable.has(glyph))) ?? false;

  // Per selection, the ligature lookups in the order fontkit runs them: per subtable, its ligatures
  // ([first, output, ...components], in the order fontkit tries them) that a plain word can hold.
  const ligatureLookups = selections.map(() => [] as number[][][][]);
  selections.forEach(({ global, gsub, gpos }, selection) => {
    // A lookup planned for a feature no plain glyph has (a local one) never runs on them.
    for (const { feature, lookup } of gsub) {
      if (!global.has(feature)) continue;
      const skipsNone = !skipsAny(lookup, reachable);
      const subtables: number[][][] = [];
      for (const raw of lookup.subTables) {
        const { type, subtable } = unwrap('GSUB', lookup.lookupType, raw);
        if (type === 4) {
          // A ligature applies only where its components follow its first glyph (the iterator of a
          // lookup that skips no glyph a plain word can hold: the next glyphs of the word).
          const entries: number[][] = [];
          for (const first of firstGlyphs('GSUB', 4, subtable)) {
            if (!reachable.has(first)) continue;
            for (const ligature of ligaturesAt(subtable, first)) {
              if (!ligature.components.every((component) => reachable.has(component))) continue;
              if (skipsNone) entries.push([first, ligature.glyph, ...ligature.components]);
              else blocked.add(first);
            }
          }
          subtables.push(entries);
          continue;
        }
        if (neverMatches('GSUB', type, subtable)) continue;
        for (const glyph of firstGlyphs('GSUB', type, subtable)) blocked.add(glyph);
      }
      if (subtables.some((entries) => entries.length > 0)) ligatureLookups[selection].push(subtables);
    }
    for (const { feature, lookup } of gpos) {
      if (!global.has(feature)) continue;
      const pairs = lookup.subTables.map((subtable) => pairSubtable(lookup.lookupType, subtable));
      if (pairs.every((pair) => pair)) {
        // Pair adjustment: the glyph iterator must step over no plain glyph, so that each pair kerned
        // is two neighbours of the word.
        for (const glyph of reachable) if (skipsAny(lookup, new Set([glyph]))) blocked.add(glyph);
        continue;
      }
      for (const raw of lookup.subTables) {
        const { type, subtable } = unwrap('GPOS', lookup.lookupType, raw);
        if (neverMatches('GPOS', type, subtable)) continue;
        for (const glyph of firstGlyphs('GPOS', type, subtable)) blocked.add(glyph);
      }
    }
  });
  const plain = [...candidates].filter(([, glyph]) => !blocked.has(glyph)).sort(([a], [b]) => a - b);
  const glyphs = [...new Set([...plain.map(([, glyph]) => glyph), ...[...reachable].filter((glyph) => !blocked.has(glyph))])];

  // Kerning: for each pair lookup in order, the first subtable that covers the left glyph decides.
  const kerningOf = (gpos: PlannedLookup[], global: Set<string>) => {
    const matrix = glyphs.map(() => new Int32Array(glyphs.length));
    const column = new Map(glyphs.map((glyph, i) => [glyph, i] as const));
    const unusable = new Set<number>();
    for (const { feature, lookup } of gpos) {
      if (!global.has(feature)) continue;
      const pairs = lookup.subTables.map((subtable) => pairSubtable(lookup.lookupType, subtable));
      if (!pairs.every((pair) => pair)) continue;
      glyphs.forEach((left, row) => {
        const decided = new Uint8Array(glyphs.length);
        const apply = (right: number, value: { value1: ValueRecord; value2: ValueRecord }) => {
          decided[right] = 1;
          if (!onlyXAdvance(value.value1) || !emptyValue(value.value2)) unusable.add(left);
          matrix[row][right] += value.value1?.xAdvance ?? 0;
        };
        for (const pair of pairs as Subtable[]) {
          const index = searches.coverageIndex(pair.coverage!, left);
          if (index === -1) continue;
          if (pair.version === 1) {
            for (const record of pair.pairSets!.get(index)) {
              const right = column.get(record.secondGlyph);
              if (right !== undefined && !decided[right]) apply(right, record);
            }
          } else if (pair.version === 2) {
            const class1 = searches.getClassID(left, pair.classDef1!);
            for (let right = 0; right < glyphs.length; right++) {
              if (decided[right]) continue;
              apply(right, pair.classRecords!.get(class1).get(searches.getClassID(glyphs[right], pair.classDef2!)));
            }
          } else throw new Error(`Unknown pair adjustment format ${pair.version}`);
        }
      });
    }
    return { matrix, unusable };
  };
  const kernings = selections.map(({ gpos, global }) => kerningOf(gpos, global));
  const unusable = new Set(kernings.flatMap(({ unusable: glyphsOf }) => [...glyphsOf]));
  const keep = glyphs.map((glyph) => !unusable.has(glyph));
  const kernGlyphs = glyphs.filter((_, i) => keep[i]);
  const usable = new Set(kernGlyphs);
  const kept = plain.filter(([, glyph]) => usable.has(glyph));

  const compress = ({ matrix }: { matrix: Int32Array[] }, selection: number): PlainKerning => {
    const rows = matrix.filter((_, i) => keep[i]).map((row) => row.filter((_, j) => keep[j]));
    const left = classesOf(rows);
    const columns = kernGlyphs.map((_, j) => Int32Array.from(left.distinct, (row) => row[j]));
    const right = classesOf(columns);
    const representative = right.distinct.map((_, r) => right.classes.indexOf(r));
    const values: number[] = [];
    for (const row of left.distinct) for (const column of representative) values.push(row[column]);
    // A ligature whose first glyph or components a plain word cannot hold never forms; one whose
    // output is not plain sends the word to fontkit (output -1).
    const ligatures = ligatureLookups[selection]
      .map((subtables) =>
        subtables.map((entries) =>
          entries.filter(([first, , ...components]) => [first, ...components].every((glyph) => usable.has(glyph))).map(([first, output, ...components]) => [first, usable.has(output) ? output : -1, ...components]),
        ),
      )
      .filter((subtables) => subtables.some((entries) => entries.length > 0));
    return { features: selections[selection].features, ligatures, left: left.classes, right: right.classes, width: right.distinct.length, values };
  };
  const latn = compress(kernings[0], 0);
  const zzzz = compress(kernings[1], 1);
  const same = JSON.stringify(latn) === JSON.stringify(zzzz);
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    codePoints: kept.map(([codePoint]) => codePoint),
    glyphs: kept.map(([, glyph]) => glyph),
    latin: kept.filter(([codePoint]) => getScript(codePoint) === 'Latin').map(([codePoint]) => codePoint),
    kernGlyphs,
    latn,
    zzzz: same ? null : zzzz,
  };
}

/** The report fonts the table is derived for: Noto Sans's four styles (Latin text). The other report
 * fonts shape few Latin words; they are shaped by fontkit as before. */
export const plainWordFonts = ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSans-Italic', 'NotoSans-BoldItalic'] as const;

/** The whole file, from the fonts in `fontDir`, with fontkit and unicode-properties as installed. */
export function derivePlainWordsFile(fontDir: string, fontkit: typeof Fontkit = requireHere('fontkit') as typeof Fontkit): PlainWordsFile {
  const properties = createRequire(requireHere.resolve('fontkit'))('unicode-properties') as UnicodeProperties;
  const fonts: Record<string, PlainFontTable> = {};
  for (const name of plainWordFonts) {
    const table = derivePlainFontTable(fontkit, readFileSync(path.join(fontDir, `${name}.ttf`)), properties);
    if (table) fonts[name] = table;
  }
  return { libraries: shapingLibraryVersions(), fonts };
}
