// A fix of fontkit's (2.0.4) GPOS mark attachment, which can throw where HarfBuzz positions or skips
// the mark. Two faults in GPOSProcessor.applyLookup (src/opentype/GPOSProcessor.js):
//
// 1. Mark to ligature (lookup type 5) picks the ligature's component from its code points:
//      let compIndex = ligGlyph.ligatureID && ligGlyph.ligatureID === markGlyph.ligatureID && (markGlyph.ligatureComponent > 0)
//        ? Math.min(markGlyph.ligatureComponent, ligGlyph.codePoints.length) - 1
//        : ligGlyph.codePoints.length - 1;
//      let baseAnchor = ligAttach[compIndex][markRecord.class];
//    HarfBuzz takes the count from the font's own LigatureAttach (its component records). The two
//    differ when a component glyph carries other than one code point, and then `ligAttach[compIndex]`
//    is undefined and the lookup throws a TypeError. fontkit keeps one Glyph object per glyph id per
//    font, with the code points it was first made with (TTFFont.getGlyph), and glyphsForString makes
//    a character followed by a variation selector with both (`this.getGlyph(..., [last, code])`). So
//    once "f" + U+FE00 is the first "f" a font lays out, every later "f" of that font carries two code
//    points, "ff" becomes a ligature of four, and "ff" + a combining mark (U+0323) throws, for as long
//    as the font object lives: fonts.ts keeps its fonts for the process, pdfkit for a document.
//    (variation-selector-glyphs.ts now makes such a glyph with the character alone where the selector
//    does not change it, which closes that route; this stays for a component glyph with more code
//    points reached any other way.)
//    A ligature of components that came from a multiple substitution has no code points at all, and
//    its index is -1.
// 2. A mark to base, ligature or mark lookup (types 4, 5, 6) whose anchor record for the mark's class
//    is empty (a null offset: the font has no anchor there) passes null to getAnchor, which throws.
//    HarfBuzz leaves the mark to the next subtable. The report fonts have such records: Noto Sans
//    Ethiopic "ሙ" + U+0326, Noto Sans Arabic U+FE78 + U+0656, Noto Sans Symbols "A" + U+0301 throw.
//    Known upstream as foliojs/fontkit#367 (open; PR #374 returns early from applyAnchor, so the
//    lookup still counts as applied; here it does not apply, as in HarfBuzz). The first fault has no
//    upstream issue; fontkit's newest source (2.0.4) has both.
//
// The fix does what HarfBuzz does in exactly the cases where fontkit throws, and nothing else: a
// ligature whose code points are more than its components, or none, is shown to fontkit's own code
// with as many code points as it has components while the lookup runs (so the mark goes to the
// component HarfBuzz picks: the one it was typed after, or the last), and a missing anchor makes the
// lookup not apply. Wherever fontkit does not throw, it computes exactly what it did
// (tests/unit/report-mark-attachment.test.ts compares it with an untouched fontkit).
import type * as Fontkit from 'fontkit';

interface GlyphInfo {
  id: number;
  isMark: boolean;
  codePoints: number[];
}

interface MarkToLigatureTable {
  markCoverage: unknown;
  ligatureCoverage: unknown;
  ligatureArray: unknown[][];
}

interface GPOSProcessor {
  glyphs: GlyphInfo[];
  glyphIterator: { index: number };
  coverageIndex(coverage: unknown, glyph?: number): number;
  applyLookup(lookupType: number, table: unknown): boolean;
  applyAnchor(markRecord: { markAnchor?: unknown }, baseAnchor: unknown, baseGlyphIndex: number): void;
  markAttachmentFixed?: true;
}

/** Thrown by applyAnchor for an empty anchor record, before anything is changed; applyLookup turns
 * it into "does not apply". One object, so no stack is taken for every mark a font has no anchor for. */
const missingAnchor = new Error('no anchor for this mark');

const markToBase = 4;
const markToLigature = 5;
const markToMark = 6;

/** The ligature glyph a mark-to-ligature lookup would attach the current mark to, found as fontkit
 * finds it, and the number of components the font gives it (null: the lookup does not apply). */
function ligatureUnderMark(processor: GPOSProcessor, table: MarkToLigatureTable): { glyph: GlyphInfo; components: number } | null {
  if (processor.coverageIndex(table.markCoverage) === -1) return null;
  let index = processor.glyphIterator.index;
  while (--index >= 0 && processor.glyphs[index].isMark);
  if (index < 0) return null;
  const glyph = processor.glyphs[index];
  const ligature = processor.coverageIndex(table.ligatureCoverage, glyph.id);
  if (ligature === -1) return null;
  const attach = table.ligatureArray[ligature];
  return Array.isArray(attach) ? { glyph, components: attach.length } : null;
}

function fixMarkAttachment(prototype: GPOSProcessor): void {
  const applyLookup = prototype.applyLookup;
  const applyAnchor = prototype.applyAnchor;
  prototype.applyAnchor = function (this: GPOSProcessor, markRecord, baseAnchor, baseGlyphIndex) {
    if (baseAnchor == null || markRecord?.markAnchor == null) throw missingAnchor;
    applyAnchor.call(this, markRecord, baseAnchor, baseGlyphIndex);
  };
  prototype.applyLookup = function (this: GPOSProcessor, lookupType, table) {
    // Only the mark attachment lookups (4 to 6) can meet either fault; an extension lookup (9) comes
    // back here with the type it wraps.
    if (lookupType < markToBase || lookupType > markToMark) return applyLookup.call(this, lookupType, table);
    try {
      const ligature = lookupType === markToLigature ? ligatureUnderMark(this, table as MarkToLigatureTable) : null;
      const claimed = ligature?.glyph.codePoints.length ?? 0;
      if (!ligature || (claimed >= 1 && claimed <= ligature.components)) return applyLookup.call(this, lookupType, table);
      if (ligature.components === 0) return false;
      // fontkit reads only the number of the ligature's code points here.
      const own = ligature.glyph.codePoints;
      ligature.glyph.codePoints = claimed > ligature.components ? own.slice(0, ligature.components) : new Array<number>(ligature.components).fill(0);
      try {
        return applyLookup.call(this, lookupType, table);
      } finally {
        ligature.glyph.codePoints = own;
      }
    } catch (error) {
      if (error === missingAnchor) return false;
      throw error;
    }
  };
  prototype.markAttachmentFixed = true;
}

/**
 * Installs the fix, once per process, on fontkit's shared GPOS processor class, from a font that has
 * a GPOS table (any report text font), before it shapes anything. Returns whether it is in place;
 * should a fontkit update move what it relies on, it is left out.
 */
export function installMarkAttachmentFix(font: Fontkit.Font): boolean {
  const engine = (font as unknown as { _layoutEngine?: { engine?: { GPOSProcessor?: object | null } } })._layoutEngine?.engine;
  const processor = engine?.GPOSProcessor;
  if (!processor) return false;
  const prototype = Object.getPrototypeOf(processor) as GPOSProcessor;
  if (prototype.markAttachmentFixed) return true;
  if (typeof prototype.applyLookup !== 'function' || typeof prototype.applyAnchor !== 'function' || typeof prototype.coverageIndex !== 'function') return false;
  fixMarkAttachment(prototype);
  return true;
}
