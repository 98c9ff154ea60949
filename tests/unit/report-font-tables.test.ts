// 'loca' and 'post' of every report font read without fontkit's general decoder
// (font-table-shortcuts.ts) are what fontkit's decoder gives: the same fields in the same order,
// the same values, the same hidden fields, and the glyph names of 'post' when asked for; 'GDEF'
// with its unused parts decoded when first read gives what fontkit as it ships gives.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTableShortcut } from '../../src-main/reports/font-table-shortcuts';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { loadFontkit } from '../../src-main/reports/report-libraries';
import { fontDir } from '../fixtures/report-fixture';

interface TableEntry {
  tag: string;
  offset: number;
  length: number;
}
interface Font {
  stream: { buffer: Uint8Array; pos: number };
  head: { indexToLocFormat: number };
  directory: { tables: Record<string, TableEntry> };
  _decodeTable(table: TableEntry): Record<string, unknown>;
  getGlyph(id: number): { name: string };
}

const fontkit = loadFontkit();
const fontFiles = readdirSync(fontDir).filter((name) => name.endsWith('.ttf'));

/** Every own property, enumerable or not, in order, with its descriptor's flags and value. */
function described(object: Record<string, unknown>): unknown[] {
  return Reflect.ownKeys(object).map((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(object, key)!;
    return { key, enumerable: descriptor.enumerable, writable: descriptor.writable ?? 'accessor', value: object[key as string] };
  });
}

/** A font as fontkit opens it, untouched by the report fonts' table sharing. */
const open = (file: string) => fontkit.create(readFileSync(path.join(fontDir, file))) as unknown as Font;

describe.each(fontFiles)('%s', (file) => {
  it("reads 'loca' as fontkit does", () => {
    const font = open(file);
    const table = font.directory.tables.loca;
    const expected = font._decodeTable(table);
    const position = font.stream.pos;
    const shortcut = decodeTableShortcut(font, table, () => font._decodeTable(table)) as Record<string, unknown>;
    expect(font.stream.pos).toBe(position);
    expect(described(shortcut)).toEqual(described(expected));
    expect((shortcut.offsets as number[]).length).toBeGreaterThan(100);
  });

  it("reads 'post' as fontkit does, its glyph names when asked for", () => {
    const font = open(file);
    const table = font.directory.tables.post;
    const expected = font._decodeTable(table);
    let wholeDecodes = 0;
    const shortcut = decodeTableShortcut(font, table, () => {
      wholeDecodes++;
      return font._decodeTable(table);
    }) as Record<string, unknown> | undefined;
    if (expected.version !== 2) {
      expect(shortcut).toBeUndefined();
      return;
    }
    expect(Object.keys(shortcut!)).toEqual(Object.keys(expected));
    for (const key of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1']) {
      expect(shortcut![key]).toBe(expected[key]);
    }
    expect(wholeDecodes).toBe(0);
    expect(shortcut!.glyphNameIndex).toEqual(expected.glyphNameIndex);
    expect(shortcut!.names).toEqual(expected.names);
    expect(shortcut!.numberOfGlyphs).toBe(expected.numberOfGlyphs);
    expect(wholeDecodes).toBe(1);
    expect((shortcut as { parent?: unknown }).parent).toBe(font);
  });
});

it('leaves other tables, and a loca of an unknown format, to fontkit', () => {
  const font = open('NotoSans-Regular.ttf');
  expect(decodeTableShortcut(font, font.directory.tables.head, () => ({}))).toBeUndefined();
  const odd = { ...font, head: { indexToLocFormat: 7 } } as unknown as Font;
  expect(decodeTableShortcut(odd, font.directory.tables.loca, () => ({}))).toBeUndefined();
});

it('gives a Font opened from a report font what fontkit as it ships gives', () => {
  const fonts = loadReportFonts(fontDir);
  // Opening the face installs the table sharing (and with it the shortcuts) for the report's bytes.
  fonts.measure('Arbeidsmengde', 'Noto Sans', 'normal', 10);
  const shared = fontkit.create(fonts.file('NotoSans-Regular')!) as unknown as Font & { post: { isFixedPitch: number }; loca: { offsets: number[] }; italicAngle: number };
  const plain = open('NotoSans-Regular.ttf') as Font & { post: { isFixedPitch: number }; loca: { offsets: number[] }; italicAngle: number };
  expect(Object.getOwnPropertyDescriptor(shared.post, 'names')?.get).toBeTypeOf('function');
  expect(shared.post.isFixedPitch).toBe(plain.post.isFixedPitch);
  expect(shared.italicAngle).toBe(plain.italicAngle);
  expect(shared.loca.offsets).toEqual(plain.loca.offsets);
  for (const id of [0, 3, 36, 68, 500]) expect(shared.getGlyph(id).name).toBe(plain.getGlyph(id).name);
});

/** fontkit and its table decoder as they ship, loaded past Node's module cache. */
function pristineFontkit(): { create(bytes: Buffer): unknown } {
  const fromFontkit = createRequire(createRequire(import.meta.url).resolve('fontkit'));
  const paths = [createRequire(import.meta.url).resolve('fontkit'), fromFontkit.resolve('restructure')];
  const saved = paths.map((modulePath) => fromFontkit.cache[modulePath]);
  for (const modulePath of paths) delete fromFontkit.cache[modulePath];
  try {
    return fromFontkit('fontkit') as { create(bytes: Buffer): unknown };
  } finally {
    paths.forEach((modulePath, i) => {
      if (saved[i]) fromFontkit.cache[modulePath] = saved[i];
      else delete fromFontkit.cache[modulePath];
    });
  }
}

it("decodes GDEF's unused parts when first read, as fontkit as it ships decodes them", () => {
  const pristine = pristineFontkit();
  const expected = fontFiles.map((file) => (pristine.create(readFileSync(path.join(fontDir, file))) as { GDEF?: Record<string, unknown> }).GDEF);
  // The report fonts' first GDEF makes the parts lazy for the process.
  const fonts = loadReportFonts(fontDir);
  const arabic = fontkit.create(fonts.file('NotoSansArabic-Regular')!) as unknown as { GDEF: Record<string, unknown> };
  expect(Object.getOwnPropertyDescriptor(arabic.GDEF, 'ligCaretList')?.get).toBeTypeOf('function');
  fontFiles.forEach((file, i) => {
    const gdef = (open(file) as unknown as { GDEF?: Record<string, unknown> }).GDEF;
    if (!expected[i]) return expect(gdef).toBeUndefined();
    expect(Object.keys(gdef!)).toEqual(Object.keys(expected[i]!));
    for (const key of Object.keys(expected[i]!)) expect(JSON.stringify(gdef![key]), `${file} ${key}`).toBe(JSON.stringify(expected[i]![key]));
  });
  expect(expected.some((gdef) => (gdef?.ligCaretList as { ligGlyphCount?: number } | null)?.ligGlyphCount)).toBe(true);
});
