// The report fonts (Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic, and Noto Sans Symbols, Symbols 2
// and Noto Emoji as fallbacks, in resources/fonts), each read when first needed and then kept for
// the process: which font has a character, and how wide a text is, for the PDF renderer's own
// right-to-left line breaking and its height estimates.
import type * as Fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeTableShortcut } from './font-table-shortcuts';
import { loadFontkit } from './report-libraries';
import { installPlainWords, registerPlainWordFont } from './plain-words';
import { installShapingShortcuts } from './shaping-shortcuts';
import { installLayoutFallback } from './layout-fallback';
import { installMarkAttachmentFix } from './mark-attachment-fix';
import { installVariationSelectorGlyphs } from './variation-selector-glyphs';

/** fontkit as pdfkit loads it (its CommonJS build): an ESM import would load and run a second copy
 * of fontkit and of its table decoder next to pdfkit's. */
const fontkit = loadFontkit();

/** The bytes of the report fonts read so far, and each one's tables as decoded the first time. */
const reportFontBytes = new WeakSet<Uint8Array>();
const decodedTables = new WeakMap<Uint8Array, Map<string, unknown>>();

/** What of a fontkit TrueType font's internals the table sharing below touches. */
interface FontInternals {
  stream: { buffer: Uint8Array; pos: number };
  _decodeTable(table: { tag: string; offset: number; length: number }): unknown;
}

/**
 * pdfkit opens the fonts of every document anew from their bytes, and each of its Fonts decodes
 * its tables again, above all the large substitution and positioning tables that shaping reads
 * (about 0.1 s of CPU a Noto Sans style); this module's own Fonts did the same once more. A report
 * font's tables are now decoded once per process and shared by every Font opened from the same
 * bytes: a decoded table depends on nothing but those bytes, and fontkit and pdfkit only read it
 * (a subset copies what it changes). Fonts from other bytes decode as before, except that the
 * GDEF parts fontkit never reads are decoded, for every font, only when first read. Two tables a
 * PDF reads little of are read without fontkit's general decoder (font-table-shortcuts.ts).
 */
function shareDecodedTables(font: Fontkit.Font): void {
  const prototype = Object.getPrototypeOf(font) as FontInternals & { tablesShared?: true };
  if (prototype.tablesShared) return;
  const decode = prototype._decodeTable;
  prototype._decodeTable = function (this: FontInternals, table) {
    const bytes = this.stream.buffer;
    if (!reportFontBytes.has(bytes)) return decode.call(this, table);
    let tables = decodedTables.get(bytes);
    if (!tables) {
      tables = new Map();
      decodedTables.set(bytes, tables);
    }
    if (!tables.has(table.tag)) tables.set(table.tag, decodeTableShortcut(this, table, () => decode.call(this, table)) ?? decode.call(this, table));
    return tables.get(table.tag);
  };
  prototype.tablesShared = true;
}

export const fontFamilies = ['Noto Sans', 'Noto Sans Arabic', 'Noto Sans Ethiopic', 'Noto Sans Symbols', 'Noto Sans Symbols 2', 'Noto Emoji'] as const;
export type FontFamily = (typeof fontFamilies)[number];

/** Fonts for the characters the text fonts lack (arrows, dingbats, emoji), tried in this order. */
export const fallbackFamilies: readonly FontFamily[] = ['Noto Sans Symbols', 'Noto Sans Symbols 2', 'Noto Emoji'];
export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics';

/** Arabic and Ethiopic have no italic cut: their italic is the upright face. The fallbacks have
 * only their regular face: a symbol in bold text is drawn regular. */
const regularOnly = (file: string): Record<FontStyle, string> => ({ normal: file, bold: file, italics: file, bolditalics: file });

const fontFiles: Record<FontFamily, Record<FontStyle, string>> = {
  'Noto Sans': {
    normal: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
    italics: 'NotoSans-Italic.ttf',
    bolditalics: 'NotoSans-BoldItalic.ttf',
  },
  'Noto Sans Arabic': {
    normal: 'NotoSansArabic-Regular.ttf',
    bold: 'NotoSansArabic-Bold.ttf',
    italics: 'NotoSansArabic-Regular.ttf',
    bolditalics: 'NotoSansArabic-Bold.ttf',
  },
  'Noto Sans Ethiopic': {
    normal: 'NotoSansEthiopic-Regular.ttf',
    bold: 'NotoSansEthiopic-Bold.ttf',
    italics: 'NotoSansEthiopic-Regular.ttf',
    bolditalics: 'NotoSansEthiopic-Bold.ttf',
  },
  'Noto Sans Symbols': regularOnly('NotoSansSymbols-Regular.ttf'),
  'Noto Sans Symbols 2': regularOnly('NotoSansSymbols2-Regular.ttf'),
  'Noto Emoji': regularOnly('NotoEmoji-Regular.ttf'),
};

export interface ReportFonts {
  /** The PostScript names of the distinct fonts (the file names without ".ttf", e.g. "NotoSans-Regular"). */
  names: readonly string[];
  /** A font's file contents by its PostScript name, read from disk on first use; undefined for a
   * name that is not a report font. */
  file(name: string): Buffer | undefined;
  /** The PostScript name of each family and style, as pdfmake's font table wants it. */
  table: Record<FontFamily, Record<FontStyle, string>>;
  /** The family to draw a character in; `previous` keeps neutral characters (spaces, digits,
   * punctuation) in the font of the text around them. */
  familyFor(char: string, previous?: FontFamily): FontFamily;
  /** Whether any of the fonts has a glyph for the character. */
  covers(char: string): boolean;
  /** Width in points, shaped as the PDF draws it (ligatures, kerning, joined Arabic forms). */
  measure(text: string, family: FontFamily, style: FontStyle, size: number): number;
  /** Width in points as the sum of the characters' own advances, without shaping: for estimates
   * only. Shaping a text costs a font's whole substitution and positioning tables; this needs none. */
  advance(text: string, family: FontFamily, style: FontStyle, size: number): number;
  /** Installs the process's shaping shortcuts (shaping-shortcuts.ts, plain-words.ts) before the first word is shaped. */
  prepareShaping(): void;
}

export function reportFontDir(appRoot: string): string {
  return path.join(appRoot, 'resources', 'fonts');
}

const arabicScript = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const ethiopicScript = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/u;
const letter = /\p{L}/u;

export function isArabicScript(char: string): boolean {
  return arabicScript.test(char);
}

const loaded = new Map<string, ReportFonts>();

let shapingGuarded = false;
/** Before the process shapes its first text: a glyph's code points no longer depend on whether a
 * variation selector that does not change it came first (variation-selector-glyphs.ts), fontkit's
 * mark attachment fixed (mark-attachment-fix.ts),
 * and a text fontkit cannot shape laid out without positioning, or named in a plain error
 * (layout-fallback.ts). All three are installed on fontkit's shared classes, so pdfkit's fonts have them. */
function guardShaping(font: Fontkit.Font): void {
  if (shapingGuarded) return;
  installVariationSelectorGlyphs(font);
  installLayoutFallback(font);
  shapingGuarded = installMarkAttachmentFix(font);
}

/** No report font has a glyph for a line break (tests/unit/report-fonts-line-break.test.ts checks
 * every file): asking each font for the "\n" of a text with several lines opened every font file,
 * Ethiopic, symbols and emoji included, in a Norwegian report too (about 20 ms). */
const lineBreak = 0x0a;

/** Read once per folder: a report render never touches the disk for fonts. */
export function loadReportFonts(fontDir: string): ReportFonts {
  const cached = loaded.get(fontDir);
  if (cached) return cached;

  const table = Object.fromEntries(
    fontFamilies.map((family) => [family, Object.fromEntries(Object.entries(fontFiles[family]).map(([style, file]) => [style, file.replace(/\.ttf$/, '')]))]),
  ) as Record<FontFamily, Record<FontStyle, string>>;
  const names = [...new Set(Object.values(table).flatMap((styles) => Object.values(styles)))];
  const files = new Map<string, Buffer>();
  // A Norwegian report needs Noto Sans only: the other scripts and the fallbacks are read when a
  // character asks for them.
  const file = (name: string): Buffer | undefined => {
    if (!names.includes(name)) return undefined;
    let data = files.get(name);
    if (!data) {
      data = readFileSync(path.join(fontDir, `${name}.ttf`));
      reportFontBytes.add(data);
      registerPlainWordFont(data, name, fontDir);
      files.set(name, data);
    }
    return data;
  };
  const faces = new Map<string, Fontkit.Font>();
  const face = (name: string): Fontkit.Font => {
    let font = faces.get(name);
    if (!font) {
      font = fontkit.create(file(name)!) as Fontkit.Font;
      shareDecodedTables(font);
      faces.set(name, font);
    }
    return font;
  };
  const regular = (family: FontFamily) => face(table[family].normal);
  // A report asks about the same few hundred characters thousands of times; a font's character map
  // is a binary search over its decoded segments on every question.
  const glyphs = new Map<string, boolean>();
  const has = (family: FontFamily, code: number): boolean => {
    if (code === lineBreak) return false;
    const key = `${family}\u0000${code}`;
    let found = glyphs.get(key);
    if (found === undefined) {
      found = regular(family).hasGlyphForCodePoint(code);
      glyphs.set(key, found);
    }
    return found;
  };
  /** Per character: the family its script asks for, or the first family that has it (null: none). */
  const ownFamilies = new Map<string, { script: boolean; family: FontFamily | null }>();
  const ownFamily = (char: string) => {
    let own = ownFamilies.get(char);
    if (!own) {
      const code = char.codePointAt(0) ?? 32;
      const script = arabicScript.test(char) ? 'Noto Sans Arabic' : ethiopicScript.test(char) ? 'Noto Sans Ethiopic' : null;
      own = { script: script !== null, family: script ?? fontFamilies.find((family) => has(family, code)) ?? null };
      ownFamilies.set(char, own);
    }
    return own;
  };
  const widths = new Map<string, number>();
  const advances = new Map<string, number>();

  const fonts: ReportFonts = {
    names,
    file,
    table,
    familyFor(char, previous) {
      const own = ownFamily(char);
      if (own.script) return own.family!;
      if (previous && previous !== 'Noto Sans' && !fallbackFamilies.includes(previous) && !letter.test(char) && has(previous, char.codePointAt(0) ?? 32)) return previous;
      return own.family ?? 'Noto Sans';
    },
    covers(char) {
      const own = ownFamily(char);
      // A character of an Arabic or Ethiopic block is covered when any font has it, as before.
      return own.script ? fontFamilies.some((family) => has(family, char.codePointAt(0) ?? 32)) : own.family !== null;
    },
    measure(text, family, style, size) {
      const key = `${family}\u0000${style}\u0000${text}`;
      let units = widths.get(key);
      if (units === undefined) {
        const font = face(table[family][style]);
        guardShaping(font);
        units = font.layout(text).advanceWidth / font.unitsPerEm;
        // Words repeat; the cache only has to stop growing without bound over a long session.
        if (widths.size > 50_000) widths.clear();
        widths.set(key, units);
      }
      return units * size;
    },
    advance(text, family, style, size) {
      const name = table[family][style];
      let units = 0;
      for (const char of text) {
        const key = `${name}\u0000${char}`;
        let width = advances.get(key);
        if (width === undefined) {
          const font = face(name);
          width = font.glyphForCodePoint(char.codePointAt(0) ?? 32).advanceWidth / font.unitsPerEm;
          advances.set(key, width);
        }
        units += width;
      }
      return units * size;
    },
    prepareShaping() {
      const font = regular('Noto Sans');
      guardShaping(font);
      installShapingShortcuts(font);
      installPlainWords(font);
    },
  };
  loaded.set(fontDir, fonts);
  return fonts;
}
