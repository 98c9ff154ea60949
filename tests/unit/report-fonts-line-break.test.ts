// The report fonts answer "no glyph" for a line break without being opened (fonts.ts): exact only
// because no report font has one, which this checks for every font file, every style.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { loadFontkit } from '../../src-main/reports/report-libraries';
import { fontDir } from '../fixtures/report-fixture';

it('no report font has a glyph for a line break', () => {
  const fontkit = loadFontkit();
  const files = readdirSync(fontDir).filter((name) => name.endsWith('.ttf'));
  expect(files.length).toBeGreaterThanOrEqual(11);
  for (const file of files) {
    const font = fontkit.create(readFileSync(path.join(fontDir, file))) as unknown as { hasGlyphForCodePoint(code: number): boolean };
    expect(font.hasGlyphForCodePoint(0x0a), file).toBe(false);
  }
});

it('gives a line break the family it gave before, and it is not covered', () => {
  const fonts = loadReportFonts(fontDir);
  expect(fonts.familyFor('\n', undefined)).toBe('Noto Sans');
  expect(fonts.familyFor('\n', 'Noto Sans Arabic')).toBe('Noto Sans');
  expect(fonts.covers('\n')).toBe(false);
});
