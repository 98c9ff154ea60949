// Plain words (src-main/reports/plain-words.ts) are shaped from a table instead of fontkit's engine,
// with exactly fontkit's result: every word of the built-in guides and report templates, of the
// demo's PDF reports, every pair of common characters and random words of all plain characters come
// out with the same glyphs, code points, positions, script and features as from an untouched copy
// of fontkit, also after words that are not plain; the committed table is what the fonts and
// fontkit give today; a table for another file or library version, or a malformed one, is not used.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { isDefaultIgnorable } from '../../src-main/reports/default-ignorable';
import { plainWordsFileName, type PlainFontTable, type PlainWordsFile } from '../../src-main/reports/plain-words';
import { derivePlainWordsFile, plainWordFonts } from '../../scripts/plain-words-derive';
import { pristineFontkit } from '../fixtures/pristine-fontkit';
import { shape } from '../fixtures/shaped-run';
import { appRoot, fontDir } from '../fixtures/report-fixture';

const require = createRequire(import.meta.url);
const patched = require('fontkit') as typeof Fontkit;
const pristine = pristineFontkit();
const committed = JSON.parse(readFileSync(path.join(fontDir, plainWordsFileName), 'utf8')) as PlainWordsFile;

/** Every string in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The pieces pdfkit shapes a text in: up to and including each space or tab. */
const piecesOf = (text: string) => text.split(/(?<=[ \t])/u).filter((piece) => piece.length > 0);

/** Words of the bundled guides (all languages) and report templates. */
function bundledWords(): string[] {
  const dirs = [path.join(appRoot, 'templates', 'interviews'), path.join(appRoot, 'templates', 'reports')];
  const texts = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => stringsIn(JSON.parse(readFileSync(path.join(dir, name), 'utf8')))),
  );
  return [...new Set(texts.flatMap((text) => text.split('\n').flatMap(piecesOf)))];
}

const demoWords = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'shaped-words.json'), 'utf8')) as Record<string, string[]>;

/** Deterministic pseudo-random numbers (a linear congruential generator), so a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Words of 1–12 plain characters of the font, drawn at random (spaces included). */
function randomWords(name: string, count: number): string[] {
  const next = random(name.length * 7919);
  const codePoints = committed.fonts[name].codePoints;
  return Array.from({ length: count }, () => String.fromCodePoint(...Array.from({ length: 1 + Math.floor(next() * 12) }, () => codePoints[Math.floor(next() * codePoints.length)])));
}

/** Words of 1–8 characters that start or complete a ligature in the font (f, i, l and others),
 * with a few that kern with them, drawn at random. */
function ligatureWords(name: string, count: number): string[] {
  const next = random(name.length * 104_729);
  const table = committed.fonts[name];
  const inLigatures = new Set(table.latn.ligatures.flat(3));
  const alphabet = [...table.codePoints.filter((_, i) => inLigatures.has(table.glyphs[i])), ...[...'aTVo. '].map((char) => char.codePointAt(0)!)];
  return Array.from({ length: count }, () => String.fromCodePoint(...Array.from({ length: 1 + Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)])));
}

/** Every pair of printable ASCII, Norwegian and other Latin-1 letters, dashes and quotes. */
function pairWords(): string[] {
  const chars = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), ...'æøåÆØÅéèêëüöäÖÄÜßçñáàâóòôúùíìîïÉÈ–—‘’“”«»…•·°§%‰€'];
  return chars.flatMap((a) => chars.map((b) => a + b));
}

/** Whether the run came from the table (fontkit's own runs are of its GlyphRun class). */
const fromTable = (run: unknown) => (run as { constructor: { name: string } }).constructor.name === 'PlainGlyphRun';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('plain words', () => {
  it('the committed table is what the fonts and fontkit give', { timeout: 300_000 }, () => {
    expect(derivePlainWordsFile(fontDir, pristine)).toEqual(committed);
    expect(Object.keys(committed.fonts)).toEqual([...plainWordFonts]);
  });

  it('knows the default-ignorable characters as fontkit does', () => {
    const engine = (pristine.create(readFileSync(path.join(fontDir, 'NotoSans-Regular.ttf'))) as unknown as { _layoutEngine: { isDefaultIgnorable(ch: number): boolean } })._layoutEngine;
    for (let ch = 0; ch <= 0x10ffff; ch++) if (isDefaultIgnorable(ch) !== engine.isDefaultIgnorable(ch)) expect(ch.toString(16)).toBe('the same answer');
  });

  it('shapes every word of the guides, templates and demo reports, character pairs and random words exactly as fontkit', { timeout: 600_000 }, () => {
    const fonts = loadReportFonts(fontDir);
    fonts.prepareShaping();
    const bundled = bundledWords();
    const pairs = pairWords();
    expect(bundled.length).toBeGreaterThan(5000);
    for (const name of plainWordFonts) {
      const words = [...(demoWords[name] ?? []), ...bundled, ...pairs, ...randomWords(name, 3000), ...ligatureWords(name, 3000), 'off', 'fine', 'ffl', 'fff', 'ffifl', 'ﬁne', 'fine ﬁne', 'a\u00ADb', '12\u2044', '', ' '];
      // The app's font (bytes read by fonts.ts, so the table is found) and an untouched one.
      const app = patched.create(fonts.file(name)!) as Fontkit.Font;
      const reference = pristine.create(readFileSync(path.join(fontDir, `${name}.ttf`))) as Fontkit.Font;
      let plain = 0;
      for (const word of words) {
        if (fromTable(app.layout(word))) plain++;
      }
      // Shaped again from fresh fonts, in one order, so both glyph caches see the same calls.
      const appFresh = patched.create(fonts.file(name)!) as Fontkit.Font;
      for (const word of words) expect(shape(appFresh, word), `${name}: ${JSON.stringify(word)}`).toEqual(shape(reference, word));
      // Most words are plain (in the Norwegian texts nearly all, ligatures included).
      expect(plain, name).toBeGreaterThan(words.length * 0.6);
      expect(fromTable(app.layout('arbeidsmiljø '))).toBe(true);
      expect(app.layout('offentlige ').glyphs.length).toBeLessThan('offentlige '.length);
      expect(fromTable(app.layout('offentlige '))).toBe(true);
      expect(fromTable(app.layout('мир'))).toBe(false);
      for (const word of ['Arbeidsmiljø ', 'offentlige', 'AVTALE', '12,5 %']) {
        const run = app.layout(word);
        expect(fromTable(run)).toBe(true);
        expect({ ...run.bbox }, word).toEqual({ ...reference.layout(word).bbox });
        expect(run.advanceHeight).toBe(reference.layout(word).advanceHeight);
      }
    }
  });

  it('leaves the glyph objects as fontkit makes them, whatever words came before', () => {
    const fonts = loadReportFonts(fontDir);
    fonts.prepareShaping();
    // Plain words between words that are not: a variation selector after a plain character (fontkit
    // makes that glyph's object with both code points; the app, as the selector changes no glyph in
    // these fonts, with the character alone: variation-selector-glyphs.ts, so the reference is
    // fontkit on the word without it), combining marks, the fraction slash, joiners, a soft hyphen,
    // Cyrillic, and the same characters plain again afterwards.
    const words = ['a\uFE00', 'a', 'fi\uFE00', 'fi ', 'e\u0301', 'e', '1\u20442', '12 ', 'f\u200Di', 'fi', 'a\u00ADb', 'ab', 'мир ', 'mir ', '\u00A0', ' ', 'Ω', 'ﬁ'];
    for (const name of plainWordFonts) {
      const app = patched.create(fonts.file(name)!) as Fontkit.Font;
      const reference = pristine.create(readFileSync(path.join(fontDir, `${name}.ttf`))) as Fontkit.Font;
      const unselected = (word: string) => word.replace(/\uFE00/g, '');
      for (const word of words) expect(shape(app, word), `${name}: ${JSON.stringify(word)}`).toEqual(shape(reference, unselected(word)));
      for (const word of words) expect(shape(app, word), `${name} again: ${JSON.stringify(word)}`).toEqual(shape(reference, unselected(word)));
      // pdfkit scales a run's positions in place, so no two runs may share them.
      expect(app.layout('arbeidsmiljø').positions[0]).not.toBe(app.layout('arbeidsmiljø').positions[0]);
    }
  });

  it('is not used for a font file other than the one the table was derived from, nor for other library versions or a malformed table', () => {
    const check = (edit: (file: PlainWordsFile) => void) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-plain-'));
      tempDirs.push(dir);
      for (const name of readdirSync(fontDir)) if (name.endsWith('.ttf')) copyFileSync(path.join(fontDir, name), path.join(dir, name));
      const file = structuredClone(committed);
      edit(file);
      writeFileSync(path.join(dir, plainWordsFileName), JSON.stringify(file));
      const fonts = loadReportFonts(dir);
      fonts.prepareShaping();
      const font = patched.create(fonts.file('NotoSans-Regular')!) as Fontkit.Font;
      const run = font.layout('arbeidsmiljø ');
      expect(shape(font, 'arbeidsmiljø ')).toEqual(shape(pristine.create(readFileSync(path.join(fontDir, 'NotoSans-Regular.ttf'))) as Fontkit.Font, 'arbeidsmiljø '));
      return fromTable(run);
    };
    expect(check(() => {})).toBe(true);
    expect(check((file) => (file.fonts['NotoSans-Regular'].sha256 = '0'.repeat(64)))).toBe(false);
    expect(check((file) => (file.libraries.fontkit = '0.0.1'))).toBe(false);
    expect(check((file) => (file.libraries['unicode-properties'] = '0.0.1'))).toBe(false);
    expect(check((file) => delete (file as Partial<PlainWordsFile>).libraries)).toBe(false);
    expect(check((file) => delete (file as Partial<PlainWordsFile>).fonts)).toBe(false);
    expect(check((file) => delete (file.fonts as Record<string, unknown>)['NotoSans-Regular'])).toBe(false);
    expect(check((file) => delete (file.fonts['NotoSans-Regular'] as Partial<PlainFontTable>).kernGlyphs)).toBe(false);
  });
});
