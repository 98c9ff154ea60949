// fontkit's mark attachment (src-main/reports/mark-attachment-fix.ts): an untouched fontkit throws
// on "ĽAVff" + U+0323 in Noto Sans Bold once the font's "f" glyph was first made with a variation
// selector, and on marks whose anchor the font leaves empty; the reports' fontkit shapes them as
// HarfBuzz does, and every text an untouched fontkit shapes comes out exactly as it does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { loadFontkit } from '../../src-main/reports/report-libraries';
import { pristineFontkit } from '../fixtures/pristine-fontkit';
import { shape, shapeWithoutFallback, type Shaped } from '../fixtures/shaped-run';
import { fontDir } from '../fixtures/report-fixture';

const reportFonts = loadReportFonts(fontDir);
reportFonts.prepareShaping();
const patched = loadFontkit();
const pristine = pristineFontkit();

const bytes = new Map<string, Buffer>();
function open(fontkit: typeof Fontkit, name: string): Fontkit.Font {
  if (!bytes.has(name)) bytes.set(name, readFileSync(path.join(fontDir, `${name}.ttf`)));
  return fontkit.create(bytes.get(name)!) as Fontkit.Font;
}

/** Where the middle of glyph `index` (a mark) is drawn, from the start of glyph `from` (its base):
 * the pen's advance from there, plus the mark's offset and the middle of its outline. */
function markMiddle(font: Fontkit.Font, shaped: Shaped, index: number, from: number): number {
  let pen = 0;
  for (let i = from; i < index; i++) pen += shaped.positions[i][0];
  const box = font.getGlyph(shaped.glyphs[index]).bbox;
  return pen + shaped.positions[index][2] + (box.minX + box.maxX) / 2;
}

const dotBelow = '\u0323';
const culprit = `ĽAVff${dotBelow}`;
/** The first "f" the font meets is followed by a variation selector: an untouched fontkit's cached
 * "f" glyph then has two code points. */
const poisoning = 'f\uFE00';

/** The reports' fontkit no longer makes "f" with the selector (variation-selector-glyphs.ts); the
 * mark attachment fix still guards a ligature whose components carry more code points than one, as
 * then: the cached "f" glyph is made with two here directly, as any other way to it would. */
function poison(font: Fontkit.Font): void {
  const f = (font as unknown as { _cmapProcessor: { lookup(code: number): number } })._cmapProcessor.lookup(0x66);
  font.getGlyph(f, [0x66, 0x20]);
  expect([...font.getGlyph(f).codePoints]).toEqual([0x66, 0x20]);
}

describe('mark to ligature', () => {
  it('an untouched fontkit throws on the culprit once "f" was first laid out with a variation selector, and not on a fresh font', () => {
    expect(() => shape(open(pristine, 'NotoSans-Bold'), culprit)).not.toThrow();
    const font = open(pristine, 'NotoSans-Bold');
    shape(font, poisoning);
    expect(() => shape(font, culprit)).toThrow(TypeError);
  });

  it('the reports shape the culprit after the same words with the glyphs and positions a fresh font gives', () => {
    const fresh = shape(open(pristine, 'NotoSans-Bold'), culprit);
    const font = open(patched, 'NotoSans-Bold');
    poison(font);
    const shaped = shape(font, culprit);
    expect(shaped.glyphs).toEqual(fresh.glyphs);
    expect(shaped.positions).toEqual(fresh.positions);
    expect(shaped.advanceWidth).toBe(fresh.advanceWidth);
    // Ľ A V, the "ff" ligature, then the dot below as a zero-width mark drawn under the ligature's
    // second "f": its middle in the right half of the ligature.
    const ligature = open(patched, 'NotoSans-Bold').glyphForCodePoint(0xfb00).id;
    expect(shaped.glyphs[3]).toBe(ligature);
    expect(shaped.positions[4][0]).toBe(0);
    const middle = markMiddle(font, shaped, 4, 3);
    expect(middle).toBeGreaterThan(shaped.positions[3][0] / 2);
    expect(middle).toBeLessThan(shaped.positions[3][0]);
  });

  it('a mark typed between the two "f" goes on the first, with or without the cached glyph, as on a fresh font', () => {
    const text = `f${dotBelow}f`;
    const fresh = shape(open(pristine, 'NotoSans-Bold'), text);
    const font = open(patched, 'NotoSans-Bold');
    poison(font);
    expect(shape(font, text).positions).toEqual(fresh.positions);
    expect(shape(open(patched, 'NotoSans-Bold'), text)).toEqual(fresh);
    // A dot under each "f": the ligature, then the marks, the first under its left half, the second
    // under its right half.
    const shaped = shape(font, `f${dotBelow}f${dotBelow}`);
    expect(shaped.glyphs).toHaveLength(3);
    const width = shaped.positions[0][0];
    expect(markMiddle(font, shaped, 1, 0)).toBeGreaterThan(0);
    expect(markMiddle(font, shaped, 1, 0)).toBeLessThan(width / 2);
    expect(markMiddle(font, shaped, 2, 0)).toBeGreaterThan(width / 2);
    expect(markMiddle(font, shaped, 2, 0)).toBeLessThan(width);
  });

  it('the reports\' own long-lived fonts measure the culprit after the poisoning word', () => {
    const width = reportFonts.measure(poisoning, 'Noto Sans', 'bold', 10);
    expect(width).toBeGreaterThan(0);
    const fresh = shape(open(pristine, 'NotoSans-Bold'), culprit);
    expect(reportFonts.measure(culprit, 'Noto Sans', 'bold', 10)).toBeCloseTo((fresh.advanceWidth / 1000) * 10, 10);
  });
});

describe('marks without an anchor in the font', () => {
  const cases: [string, string][] = [
    ['NotoSansEthiopic-Regular', 'ሙ\u0326'],
    ['NotoSansEthiopic-Bold', 'ኑ\u0326'],
    ['NotoSansArabic-Regular', '\uFE78\u0656'],
  ];

  it.each(cases)('%s: an untouched fontkit throws on %j; the reports leave the mark where the font draws it', (name, text) => {
    expect(() => shape(open(pristine, name), text)).toThrow(TypeError);
    // Past the fallback, which would also keep the mark at its place: the fix alone.
    const shaped = shapeWithoutFallback(open(patched, name), text);
    expect(shaped.features).toContain('mark');
    // (Arabic's glyphs come right to left.)
    expect(shaped.codePoints.flat().sort()).toEqual([...text].map((char) => char.codePointAt(0)).sort());
    // No anchor, so no attachment: the mark keeps the position it has before GPOS (its offsets 0).
    expect(shaped.positions.at(-1)!.slice(2)).toEqual([0, 0]);
  });
});

/** Words of letters that form ligatures, combining marks (some after a variation selector), and a
 * few Ethiopic and Arabic letters: deterministic, so every run shapes the same words. */
function randomWords(count: number, alphabet: readonly string[], seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    let word = '';
    const length = 1 + Math.floor(next() * 7);
    for (let i = 0; i < length; i++) word += alphabet[Math.floor(next() * alphabet.length)];
    return word;
  });
}

const marks = ['\u0300', '\u0301', '\u0302', '\u0303', '\u0308', '\u030C', '\u0323', '\u0326', '\u0327', '\u0331'];
const latin = [...'ffffiiilltAVĽWaoe', 'ff', 'fi', 'fl', 'ffi', '\uFB00', '\uFB01', '\uFE00', ...marks];
const alphabets: Record<string, readonly string[]> = {
  'NotoSans-Regular': latin,
  'NotoSans-Bold': latin,
  'NotoSans-Italic': latin,
  'NotoSans-BoldItalic': latin,
  'NotoSansEthiopic-Regular': [...'ሙኑሰላምኢትዮጵያ', ...marks],
  'NotoSansArabic-Regular': [...'لامعربية', '\u064E', '\u0650', '\u0651', '\u0652', '\u0656', '\uFE78', '\uFE72'],
};

describe('everything else as an untouched fontkit', () => {
  it.each(Object.keys(alphabets))('%s: 1,500 random words on one long-lived font each, the same glyphs and positions wherever fontkit does not throw', (name) => {
    const words = randomWords(1_500, alphabets[name], name.length * 7919);
    const reference = open(pristine, name);
    const font = open(patched, name);
    if (alphabets[name] === latin) {
      poison(reference);
      poison(font);
    }
    let thrown = 0;
    for (const word of words) {
      let expected: Shaped | null = null;
      try {
        // A selector that changes no glyph of these fonts is left out of the glyph's code points by
        // the reports (variation-selector-glyphs.ts); fontkit on the word without it gives that.
        expected = shape(reference, word.replace(/\uFE00/g, ''));
      } catch {
        thrown++;
      }
      const shaped = shape(font, word);
      if (expected) expect(shaped, JSON.stringify(word)).toEqual(expected);
      else {
        // Shaped by the fix, not the fallback: the engine itself does not throw and gives the same,
        // with the mark feature applied (marks attached where the font has anchors).
        expect(shapeWithoutFallback(font, word), JSON.stringify(word)).toEqual(shaped);
        expect(shaped.features, JSON.stringify(word)).toContain('mark');
        expect(shaped.positions.flat().every(Number.isFinite), JSON.stringify(word)).toBe(true);
      }
    }
    // The words hit the faults: the comparison covers shaping where fontkit throws, too.
    expect(thrown, 'words an untouched fontkit throws on').toBeGreaterThan(0);
    expect(thrown).toBeLessThan(words.length / 2);
  });
});
