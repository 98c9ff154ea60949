// Plain words shaped without fontkit's shaping engine, exactly as fontkit shapes them.
//
// pdfkit and fonts.ts shape every distinct word of a report through fontkit's `font.layout`; for a
// Norwegian report about 2,500 words, a fifth of a cold export's CPU (feature planning, every GSUB
// and GPOS lookup tried on every glyph, the lazy decoding of those tables). For most words that work
// changes nothing but the kerning. resources/fonts/plain-words.json (derived from the font files at
// build time by scripts/plain-words-derive.ts, with each file's SHA-256) lists per Noto Sans style the
// "plain" characters, the glyph each maps to, the ligatures among them and the kerning between
// their glyphs; a word made only of plain characters gets its glyphs and positions from that table.
//
// Plain characters are Latin or Common ones (as unicode-properties, fontkit's source, has them) that
// are not marks, controls, format or unassigned characters, nor U+2044, and whose glyph meets the
// conditions below. Why the answer is fontkit's (2.0, dist/main.cjs), step by step, for
// `font.layout(word)` called with no features, script, language or direction, on a word of plain
// characters only:
// - Glyphs: fontkit maps the word with glyphsForString: per code point (UTF-16 decoded as here)
//   `getGlyph(cmap(cp), [cp])`, a variation selector joining its predecessor (with the app's
//   variation-selector-glyphs.ts, only where it selects a glyph of its own); no plain character is
//   one, and a word with any other character is left to fontkit before a glyph is asked for. The
//   table's glyph ids are the cmap's of the very file (its hash is checked), and this module calls
//   getGlyph with the same arguments in the same order, so it returns the same (cached) objects.
//   fontkit also asks for the space's glyph on every word (to hide default-ignorables with it);
//   no other plain character maps to that glyph, so when it is first made does not matter.
// - Script: fontkit detects it as the first character whose Unicode script is neither Common nor
//   Inherited. Plain characters are Latin or Common only, so a word is 'latn' when it has a Latin
//   one and 'zzzz' (Unknown) otherwise; both are left to right. Either leads to the default shaper;
//   the table holds the lookups' outcome for each (one table when both select the same lookups), and
//   is derived only when the script or fontkit's default one (DFLT, dflt, latn) is in GSUB and GPOS,
//   so no word's choice depends on the word before.
// - Plan: the default shaper's one stage of features (rvrn, ltra, ltrm, frac, numr, dnom, ccmp,
//   locl, rlig, mark, mkmk, calt, clig, liga, rclt, curs, kern), all global except frac, numr and
//   dnom, which only glyphs next to U+2044 get (not plain). The run's `features` are the plan's.
// - Substitution: a GSUB lookup applies only at a glyph in the first coverage of one of its
//   subtables. No glyph a plain word can hold (its characters' and their ligatures') is in such a
//   coverage of a lookup planned for a global feature, except: a format 3 context one of whose other
//   coverages has none of those glyphs (it never matches), and ligature substitutions. Of those,
//   the table keeps, per lookup in fontkit's order and per subtable, the ligatures a plain word can
//   hold, in the order fontkit tries them; the lookup's iterator skips none of those glyphs, so
//   components are the next glyphs. This module runs them as fontkit does (left to right, the first
//   subtable with a matching ligature replaces the glyphs with the ligature glyph, whose code points
//   are its components', and the glyph after it is tried next); a ligature glyph that is not plain
//   itself sends the word to fontkit. While nothing else applies, the glyphs are these.
// - Positioning: positions start at each glyph's advanceWidth (read from the same glyph object).
//   No plain glyph (nor plain ligature glyph) is a mark (GDEF class 3, so no mark advance is zeroed
//   and no attachment made) or in the first coverage of a GPOS lookup other than a pair adjustment
//   (same context exceptions).
//   Pair adjustments whose iterator skips no plain glyph apply to neighbours: per lookup, in order,
//   the first subtable covering the left glyph decides (format 1: the first record for the right
//   glyph, else the next subtable; format 2: its class pair), adding to the left glyph's xAdvance.
//   Only glyphs whose every such adjustment is an xAdvance alone (the right glyph's value empty, no
//   device tables, a font without variations) are plain, so a word's positions are each glyph's
//   advance plus the integer sum of its kerning with the next glyph: the table's value.
// - No old-style kern table (the fallback kerning), no AAT tables: checked when deriving.
// - Default-ignorable characters are hidden by fontkit as a space of no advance, judged by the first
//   code point the glyph object was created for. None is plain, no plain character shares a glyph
//   with one, and a glyph object created for other code points (a ligature's, say) that would be
//   hidden sends the word to fontkit.
// Anything else (another font, a file whose hash differs, another fontkit version, features, a word
// with any other character) is shaped by fontkit as before. tests/unit/report-plain-words.test.ts
// compares words of every guide, template and demo report, and generated words, with fontkit.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { isDefaultIgnorable } from './default-ignorable';

const requireHere = createRequire(import.meta.url);

/** How a plain word of one script is shaped, as scripts/plain-words-derive.ts writes it. */
export interface PlainKerning {
  /** The features fontkit's plan reports for such a word (its GlyphRun's `features`). */
  features: string[];
  /** The ligature lookups fontkit runs, in order: per subtable, its ligatures that a plain word can
   * hold, as [first glyph, ligature glyph, ...components] in the order fontkit tries them; a
   * ligature glyph of -1 is one that is not plain (the word is shaped by fontkit). */
  ligatures: number[][][][];
  /** Per glyph of `kernGlyphs`: its left and right kerning class. */
  left: number[];
  right: number[];
  /** Number of right classes; `values[left * width + right]` is the pair's xAdvance adjustment. */
  width: number;
  values: number[];
}

export interface PlainFontTable {
  /** SHA-256 (hex) of the font file this was derived from; any other file is shaped by fontkit. */
  sha256: string;
  /** The plain characters, ascending, and the glyph each maps to through the font's cmap. */
  codePoints: number[];
  glyphs: number[];
  /** The plain characters of the Latin script (the others are Common). */
  latin: number[];
  /** The glyphs a plain word can hold (its characters' and their ligatures'), in kerning order. */
  kernGlyphs: number[];
  /** A word with a Latin letter is shaped as 'latn'; one of Common characters only as 'zzzz'. */
  latn: PlainKerning;
  /** Null when a Common-only word kerns exactly as a Latin one (the same lookups). */
  zzzz: PlainKerning | null;
}

export interface PlainWordsFile {
  /** The versions of the libraries the tables were derived with (fontkit, and unicode-properties,
   * whose scripts and categories decide which characters are plain); with any other version
   * installed, fontkit shapes everything itself. */
  libraries: Record<ShapingLibrary, string>;
  fonts: Record<string, PlainFontTable>;
}

export const plainWordsFileName = 'plain-words.json';

export type ShapingLibrary = 'fontkit' | 'unicode-properties';

/** The version of a package, from the folder of the file `require` resolves it to or a parent. */
function packageVersion(name: string, resolveFrom: NodeJS.Require): string {
  let dir = path.dirname(resolveFrom.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // No manifest in this folder: look in its parent.
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json found for ${name}`);
    dir = parent;
  }
}

/** The installed versions of fontkit (the copy pdfkit loads) and of the unicode-properties it uses. */
export function shapingLibraryVersions(): Record<ShapingLibrary, string> {
  return {
    fontkit: packageVersion('fontkit', requireHere),
    'unicode-properties': packageVersion('unicode-properties', createRequire(requireHere.resolve('fontkit'))),
  };
}

/** One ligature lookup: per subtable, by first glyph, its ligatures [output, ...components]. */
type LigatureLookup = Map<number, number[][]>[];

interface Kerning {
  /** The run's features, as fontkit's plan sets them (copied for each run). */
  featureSet: Readonly<Record<string, boolean>>;
  ligatures: LigatureLookup[];
  /** Every glyph that starts a ligature: a word without one needs no substitution step. */
  ligatureStarts: Set<number>;
  left: Int32Array;
  right: Int32Array;
  width: number;
  values: Int32Array;
}

interface PreparedTable {
  index: Map<number, number>;
  glyphs: Int32Array;
  latin: Uint8Array;
  /** Per plain character, its glyph's position in the kerning tables. */
  kernIndexes: Int32Array;
  /** By glyph id, its position in the kerning tables. */
  kernIndex: Map<number, number>;
  latn: Kerning;
  zzzz: Kerning;
}

function prepare(table: PlainFontTable): PreparedTable {
  const kerning = (source: PlainKerning): Kerning => {
    const ligatureStarts = new Set<number>();
    const ligatures = source.ligatures.map((subtables) =>
      subtables.map((entries) => {
        const byFirst = new Map<number, number[][]>();
        for (const [first, ...rest] of entries) {
          ligatureStarts.add(first);
          const list = byFirst.get(first) ?? [];
          list.push(rest);
          byFirst.set(first, list);
        }
        return byFirst;
      }),
    );
    return {
      featureSet: Object.fromEntries(source.features.map((feature) => [feature, true])),
      ligatures,
      ligatureStarts,
      left: Int32Array.from(source.left),
      right: Int32Array.from(source.right),
      width: source.width,
      values: Int32Array.from(source.values),
    };
  };
  const index = new Map(table.codePoints.map((codePoint, i) => [codePoint, i] as const));
  const latin = new Uint8Array(table.codePoints.length);
  for (const codePoint of table.latin) latin[index.get(codePoint)!] = 1;
  const kernIndex = new Map(table.kernGlyphs.map((glyph, i) => [glyph, i] as const));
  const kernIndexes = Int32Array.from(table.glyphs, (glyph) => kernIndex.get(glyph)!);
  const latn = kerning(table.latn);
  return { index, glyphs: Int32Array.from(table.glyphs), latin, kernIndexes, kernIndex, latn, zzzz: table.zzzz ? kerning(table.zzzz) : latn };
}

/** A glyph of the word while ligatures form: its id, the code points fontkit's GlyphInfo carries,
 * and its position in the kerning tables. */
interface Slot {
  id: number;
  codePoints: number[];
  kern: number;
}

/**
 * Runs the ligature lookups as fontkit's GSUB step does on a word of plain glyphs: per lookup, left
 * to right, the first subtable with a ligature whose components follow replaces them with it (its
 * code points those of its components), and the next glyph after it is tried. Null when a ligature
 * that is not plain forms.
 */
function formLigatures(slots: Slot[], kerning: Kerning, kernIndex: Map<number, number>): Slot[] | null {
  for (const lookup of kerning.ligatures) {
    for (let position = 0; position < slots.length; position++) {
      for (const subtable of lookup) {
        const ligatures = subtable.get(slots[position].id);
        const found = ligatures?.find(([, ...components]) => components.every((component, k) => slots[position + 1 + k]?.id === component));
        if (!found) continue;
        const [output, ...components] = found;
        if (output === -1) return null;
        const joined = slots.slice(position, position + 1 + components.length).flatMap((slot) => slot.codePoints);
        slots.splice(position, 1 + components.length, { id: output, codePoints: joined, kern: kernIndex.get(output)! });
        break;
      }
    }
  }
  return slots;
}

/** A GlyphPosition as fontkit makes them (the same fields, in the same order). */
class PlainGlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  constructor(xAdvance: number) {
    this.xAdvance = xAdvance;
    this.yAdvance = 0;
    this.xOffset = 0;
    this.yOffset = 0;
  }
}

/** A GlyphRun as fontkit returns it for a plain word (the fields pdfkit and fonts.ts read, and the rest). */
class PlainGlyphRun {
  glyphs: Fontkit.Glyph[];
  positions: PlainGlyphPosition[];
  script: string;
  language: null;
  direction: string;
  features: Record<string, boolean>;
  constructor(glyphs: Fontkit.Glyph[], positions: PlainGlyphPosition[], script: string, features: Record<string, boolean>) {
    this.glyphs = glyphs;
    this.positions = positions;
    this.script = script;
    this.language = null;
    this.direction = 'ltr';
    this.features = features;
  }
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
  get advanceHeight(): number {
    let height = 0;
    for (const position of this.positions) height += position.yAdvance;
    return height;
  }
  /** fontkit's GlyphRun.bbox, computed the same way (in fontkit's own BBox class, which its glyphs use). */
  get bbox(): Fontkit.BBOX {
    const Box = this.glyphs[0].bbox.constructor as new () => Fontkit.BBOX & { addPoint(x: number, y: number): void };
    const box = new Box();
    let x = 0;
    let y = 0;
    this.glyphs.forEach((glyph, i) => {
      const p = this.positions[i];
      const b = glyph.bbox;
      box.addPoint(b.minX + x + p.xOffset, b.minY + y + p.yOffset);
      box.addPoint(b.maxX + x + p.xOffset, b.maxY + y + p.yOffset);
      x += p.xAdvance;
      y += p.yAdvance;
    });
    return box;
  }
}

interface FontInternals {
  stream: { buffer: Uint8Array };
  getGlyph(id: number, codePoints: number[]): Fontkit.Glyph;
  layout(text: unknown, ...rest: unknown[]): unknown;
}

/** Report font bytes by which the table is found: the font's name and the folder of its file. */
const reportFonts = new WeakMap<Uint8Array, { name: string; dir: string }>();
const prepared = new WeakMap<Uint8Array, PreparedTable | null>();
const files = new Map<string, PlainWordsFile | null>();

/** Called by fonts.ts for each report font file it reads. */
export function registerPlainWordFont(bytes: Uint8Array, name: string, dir: string): void {
  reportFonts.set(bytes, { name, dir });
}

function readTables(dir: string): PlainWordsFile | null {
  if (files.has(dir)) return files.get(dir)!;
  let file: PlainWordsFile | null = null;
  try {
    file = JSON.parse(readFileSync(path.join(dir, plainWordsFileName), 'utf8')) as PlainWordsFile;
    const installed = shapingLibraryVersions();
    const derivedWith = file.libraries;
    const sameLibraries = typeof derivedWith === 'object' && derivedWith !== null && Object.entries(installed).every(([name, version]) => derivedWith[name as ShapingLibrary] === version);
    if (!sameLibraries || typeof file.fonts !== 'object' || file.fonts === null) file = null;
  } catch {
    // No table (or an unreadable one): fontkit shapes every word, as before.
    file = null;
  }
  files.set(dir, file);
  return file;
}

/** The prepared table for a font's bytes, if they are a report font that the table was derived from. */
function tableFor(bytes: Uint8Array): PreparedTable | null {
  let table = prepared.get(bytes);
  if (table !== undefined) return table;
  table = null;
  const font = reportFonts.get(bytes);
  try {
    const source = font && readTables(font.dir)?.fonts[font.name];
    if (source && createHash('sha256').update(bytes).digest('hex') === source.sha256) table = prepare(source);
  } catch {
    // A table that is not as scripts/plain-words-derive.ts writes it: fontkit shapes every word.
    table = null;
  }
  prepared.set(bytes, table);
  return table;
}

/** The run fontkit's layout would return for `text`, or null when the word is not plain. */
export function layoutPlainWord(font: FontInternals, table: PreparedTable, text: string): PlainGlyphRun | null {
  const length = text.length;
  if (length === 0) return null;
  // Every character must be plain before any glyph object is asked for: fontkit keeps the first
  // object made for a glyph id, with the code points it was made for, so a glyph asked for here
  // as [cp] when fontkit would ask for [cp, variation selector] would change later words too.
  const codes: number[] = [];
  const indexes: number[] = [];
  let latin = false;
  for (let i = 0; i < length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        code = ((code & 0x3ff) << 10) + (next & 0x3ff) + 0x10000;
      }
    }
    const index = table.index.get(code);
    if (index === undefined) return null;
    if (table.latin[index] === 1) latin = true;
    codes.push(code);
    indexes.push(index);
  }
  // Now in fontkit's order and with its arguments: should the word turn out not to be plain after
  // all (a ligature that is not), fontkit asks for the same objects again, which changes nothing.
  let glyphs: Fontkit.Glyph[] = [];
  let kerns: number[] = [];
  indexes.forEach((index, i) => {
    glyphs.push(font.getGlyph(table.glyphs[index], [codes[i]]));
    kerns.push(table.kernIndexes[index]);
  });
  const kerning = latin ? table.latn : table.zzzz;
  let ligatures = false;
  for (const glyph of glyphs) if (kerning.ligatureStarts.has(glyph.id)) ligatures = true;
  if (ligatures) {
    const slots = formLigatures(
      glyphs.map((glyph, i) => ({ id: glyph.id, codePoints: [...glyph.codePoints], kern: kerns[i] })),
      kerning,
      table.kernIndex,
    );
    if (!slots) return null;
    glyphs = slots.map((slot) => font.getGlyph(slot.id, slot.codePoints));
    kerns = slots.map((slot) => slot.kern);
  }
  for (const glyph of glyphs) if (isDefaultIgnorable(glyph.codePoints[0])) return null;
  const positions: PlainGlyphPosition[] = [];
  const last = glyphs.length - 1;
  const { values, left, right, width } = kerning;
  for (let i = 0; i < last; i++) positions.push(new PlainGlyphPosition(glyphs[i].advanceWidth + values[left[kerns[i]] * width + right[kerns[i + 1]]]));
  positions.push(new PlainGlyphPosition(glyphs[last].advanceWidth));
  return new PlainGlyphRun(glyphs, positions, latin ? 'latn' : 'zzzz', { ...kerning.featureSet });
}

/**
 * Installs the plain-word path on fontkit's font class (once per process; pdfkit's fonts share it):
 * `font.layout(text)` of a report font whose table matches shapes a plain word from the table.
 */
export function installPlainWords(font: Fontkit.Font): void {
  const prototype = Object.getPrototypeOf(font) as FontInternals & { plainWords?: true };
  if (prototype.plainWords || typeof prototype.layout !== 'function' || typeof prototype.getGlyph !== 'function') return;
  const layout = prototype.layout;
  prototype.layout = function (this: FontInternals, text: unknown, ...rest: unknown[]) {
    if (typeof text === 'string' && rest.every((argument) => argument == null)) {
      const bytes = this.stream?.buffer;
      const table = bytes && tableFor(bytes);
      const run = table && layoutPlainWord(this, table, text);
      if (run) return run;
    }
    return layout.call(this, text, ...rest);
  };
  prototype.plainWords = true;
}
