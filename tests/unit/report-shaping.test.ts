// The shaping shortcuts (src-main/reports/shaping-shortcuts.ts) change how fast fontkit shapes, never
// what: every word the demo's PDF reports shape, in all their languages, and words with combining
// marks (which use the anchors decoded late), come out with the same glyphs and positions as from a
// second, untouched copy of fontkit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { installShapingShortcuts } from '../../src-main/reports/shaping-shortcuts';
import { pristineFontkit } from '../fixtures/pristine-fontkit';
import { fontDir } from '../fixtures/report-fixture';

const require = createRequire(import.meta.url);

/** fontkit as the app loads it (fonts.ts, pdfkit): the one the shortcuts are installed on. */
const patched = require('fontkit') as typeof Fontkit;

const pristine = pristineFontkit();

/** Every (font, text) pdfkit and fonts.ts shaped, in order, while the demo company's reports were
 * exported as PDF: the risk assessment in nb and en, the action plan, and the employees' summary in
 * its ten languages (collected by wrapping fontkit's layout during those exports). */
const demoWords = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'shaped-words.json'), 'utf8')) as Record<string, string[]>;

/** Text whose marks are attached by GPOS mark lookups: decomposed Latin letters, Vietnamese, Arabic
 * with vowel signs, a mark on a mark. */
const markedWords: Record<string, string[]> = {
  'NotoSans-Regular': ['e\u0301te\u0301', 'A\u030A', 'Vie\u0323\u0302t Nam', 'o\u0308\u0301', 'fi\u0301', 'q\u0327\u0301'],
  'NotoSans-Bold': ['e\u0301te\u0301', 'a\u0308\u0304', 'Tie\u0302\u0301ng'],
  'NotoSans-Italic': ['n\u0303o\u0303', 'u\u0308\u0301'],
  'NotoSansArabic-Regular': ['بِسْمِ اللَّهِ', 'مُدَرِّس', 'الْعَمَل 12', 'قُرْآن'],
  'NotoSansArabic-Bold': ['الصِّحَّة', 'عُمَّال'],
};

interface Shaped {
  glyphs: number[];
  positions: number[][];
  advanceWidth: number;
  script: string;
  direction: string;
}

/** Words whose substitution step ran (GSUB's lookups were tried), per font. */
const substituted: Record<string, number> = {};

function shapeAll(fontkit: typeof Fontkit, words: Record<string, string[]>): Record<string, Shaped[]> {
  return Object.fromEntries(
    Object.entries(words).map(([name, texts]) => {
      const font = fontkit.create(readFileSync(path.join(fontDir, `${name}.ttf`))) as Fontkit.Font;
      const gsub = (font as unknown as { _layoutEngine: { engine: { GSUBProcessor: { applyFeatures(...args: unknown[]): void } } } })._layoutEngine.engine.GSUBProcessor;
      const applyFeatures = gsub.applyFeatures;
      let word = -1;
      substituted[name] = 0;
      gsub.applyFeatures = function (...args) {
        if (word !== current) substituted[name]++;
        word = current;
        applyFeatures.apply(this, args);
      };
      let current = 0;
      return [
        name,
        texts.map((text, i) => {
          current = i;
          const run = font.layout(text);
          return {
            glyphs: run.glyphs.map((glyph) => glyph.id),
            positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
            advanceWidth: run.advanceWidth,
            script: String(run.script),
            direction: String(run.direction),
          };
        }),
      ];
    }),
  );
}

describe('shaping shortcuts', () => {
  it('are installed on the fontkit the reports use', () => {
    loadReportFonts(fontDir).prepareShaping();
    const font = patched.create(readFileSync(path.join(fontDir, 'NotoSans-Regular.ttf'))) as Fontkit.Font;
    expect(installShapingShortcuts(font)).toEqual({ scripts: true, substitution: true, anchors: true, tables: true });
  });

  it('shape every word of the demo reports and marked text exactly as fontkit does without them', { timeout: 300_000 }, () => {
    loadReportFonts(fontDir).prepareShaping();
    const words = Object.fromEntries(Object.entries(demoWords).map(([name, texts]) => [name, [...texts, ...(markedWords[name] ?? [])]]));
    expect(Object.values(words).flat().length).toBeGreaterThan(5000);
    const expected = shapeAll(pristine, words);
    expect(substituted['NotoSans-Regular']).toBe(words['NotoSans-Regular'].length);
    const actual = shapeAll(patched, words);
    // Most Latin words skip the substitution step; ligatures (fi, fl) and marks do not.
    expect(substituted['NotoSans-Regular']).toBeLessThan(words['NotoSans-Regular'].length / 2);
    expect(substituted['NotoSans-Regular']).toBeGreaterThan(0);
    // Marks really are placed (an offset), so the late-decoded anchors were used.
    expect(actual['NotoSans-Regular'].at(-6)!.positions.some(([, , x, y]) => x !== 0 || y !== 0)).toBe(true);
    for (const name of Object.keys(words)) {
      words[name].forEach((text, i) => expect(actual[name][i], `${name}: ${text}`).toEqual(expected[name][i]));
    }
  });
});
