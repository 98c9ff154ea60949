// Keeps a glyph's code points from depending on which text a font drew first.
//
// fontkit (2.0.4) keeps one Glyph object per glyph id per font, with the code points it was first
// made with (TTFFont.getGlyph), and glyphsForString makes a character followed by a variation
// selector with both: `getGlyph(cmap.lookup(base, selector), [base, selector])`. Where the selector
// does not change the glyph (a text font has no variant for it: "f" + U+FE00, "⚠" + U+FE0F in Noto
// Sans Symbols 2), the plain character's glyph object is made with the selector. From then on, for
// as long as the font object lives (fonts.ts keeps its fonts for the process, pdfkit for a
// document), every plain "f" of that font carries [f, U+FE00]: the PDF's text layer (copy, search,
// screen readers) reads "f︀" for each of them, and an "ff" ligature claims four code points, so a
// mark on it went to the wrong component (mark-attachment-fix.ts).
//
// Here such a glyph is made and looked up with the base character alone, as any plain occurrence
// would; a selector that picks a glyph of its own (the cmap's variation sequences) keeps
// [base, selector], which only that sequence maps to. A selector that changes nothing is thus left
// out of the text layer, like the other default-ignorable characters the self-check leaves out.
import type * as Fontkit from 'fontkit';

interface FontInternals {
  getGlyph(id: number, codePoints?: number[]): Fontkit.Glyph;
  _cmapProcessor: { lookup(codePoint: number, variationSelector?: number): number };
  variationSelectorGlyphsFixed?: true;
}

/** The code points glyphsForString treats as variation selectors (VS1–16, VS17–256). */
export function isVariationSelector(code: number): boolean {
  return (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef);
}

/** Installs the fix, once per process, on the class of `font` (fontkit's TrueType font, which
 * pdfkit's fonts share). Returns whether it is in place. */
export function installVariationSelectorGlyphs(font: Fontkit.Font): boolean {
  const prototype = Object.getPrototypeOf(font) as FontInternals;
  if (prototype.variationSelectorGlyphsFixed) return true;
  const getGlyph = prototype.getGlyph;
  if (typeof getGlyph !== 'function') return false;
  prototype.getGlyph = function (this: FontInternals, id, codePoints) {
    if (codePoints?.length === 2 && isVariationSelector(codePoints[1]) && this._cmapProcessor?.lookup(codePoints[0]) === id) {
      return getGlyph.call(this, id, [codePoints[0]]);
    }
    return getGlyph.call(this, id, codePoints);
  };
  prototype.variationSelectorGlyphsFixed = true;
  return true;
}
