// pdfkit's text layout with widths and pieces remembered (font-layout-shortcut.ts) answers as pdfkit
// as it ships: the same glyphs, positions and widths for every word of the demo's reports in every
// report font, for lines, spaces, tabs and empty texts, asked in any order, and the same PDF bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installFontLayoutShortcut } from '../../src-main/reports/pdf/font-layout-shortcut';
import { pristinePdfkit } from '../fixtures/pristine-pdf-modules';
import { fontDir } from '../fixtures/report-fixture';
import shapedWords from '../fixtures/shaped-words.json';

const require = createRequire(createRequire(import.meta.url).resolve('pdfmake'));

interface Layout {
  glyphs: { id: number; codePoints: number[] }[] | null;
  positions: Record<string, number>[] | null;
  advanceWidth: number;
}
interface Font {
  layout(text: string, features?: unknown, onlyWidth?: boolean): Layout;
  encode(text: string, features?: unknown): [string[], Record<string, number>[]];
  widthOfString(text: string, size: number, features?: unknown): number;
}
interface Document {
  _font: Font;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  font(src: string | Uint8Array): Document;
  fontSize(size: number): Document;
  text(text: string, x?: number, y?: number, options?: object): Document;
  widthOfString(text: string, options?: object): number;
  addPage(): Document;
  end(): void;
}
type DocumentClass = new (options?: object) => Document;

const pristine = pristinePdfkit<DocumentClass>();
const patched = require('pdfkit') as DocumentClass;
installFontLayoutShortcut();

const words = shapedWords as Record<string, string[]>;
const fontFile = (name: string) => readFileSync(path.join(fontDir, `${name}.ttf`));

/** The layout as plain data: glyph ids and code points, positions, width. */
function plain(layout: Layout) {
  return {
    glyphs: layout.glyphs?.map((glyph) => [glyph.id, ...glyph.codePoints]) ?? null,
    positions: layout.positions?.map((position) => ({ ...position })) ?? null,
    advanceWidth: layout.advanceWidth,
  };
}

/** Texts of a font's words (the first 1,500: fontkit shapes them all twice here, without the
 * report's shaping shortcuts): each alone, lines of several, and the awkward ones. */
function textsOf(all: string[]): string[] {
  const list = all.slice(0, 1500);
  const lines: string[] = [];
  for (let i = 0; i < list.length; i += 7) lines.push(list.slice(i, i + 7).join(''));
  const awkward = ['', ' ', '  ', '\t', 'a\tb', ' leading', 'trailing  ', 'two  spaces', '\t\tlead', 'end\t', list[0] ?? 'x'];
  return [...list, ...lines, ...awkward, ...list.slice(0, 50)];
}

/** Every question pdfkit's callers ask a font, in an order that mixes first and repeated layouts. */
function answers(PDFDocument: DocumentClass, name: string, texts: string[]) {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(fontFile(name));
  const font = doc._font;
  return texts.map((text, i) => {
    const first = i % 2 ? font.layout(text, undefined, true) : font.layout(text);
    return {
      first: plain(first),
      width: plain(font.layout(text, undefined, true)),
      full: plain(font.layout(text)),
      encoded: font.encode(text),
      size: font.widthOfString(text, 9.5),
    };
  });
}

describe('pdfkit text layout with widths and pieces remembered', () => {
  it('is installed on the pdfkit the reports use, not on the copy as it ships', () => {
    expect(installFontLayoutShortcut()).toBe(true);
    const doc = new patched({ autoFirstPage: false });
    doc.font(fontFile('NotoSans-Regular'));
    expect((Object.getPrototypeOf(doc._font) as { layoutShortcut?: boolean }).layoutShortcut).toBe(true);
    const untouched = new pristine({ autoFirstPage: false });
    untouched.font(fontFile('NotoSans-Regular'));
    expect((Object.getPrototypeOf(untouched._font) as { layoutShortcut?: boolean }).layoutShortcut).toBeUndefined();
  });

  it.each(Object.keys(words))('lays out every word of the demo reports in %s as pdfkit does', (name) => {
    const texts = textsOf(words[name]);
    expect(texts.length).toBeGreaterThan(11);
    expect(answers(patched, name, texts)).toEqual(answers(pristine, name, texts));
  });

  it('takes pdfkit’s own path for font features and keeps its answers', () => {
    const texts = ['office affluent', 'fi fl ffi ', 'Kartlegging av arbeidsmiljø'];
    const run = (PDFDocument: DocumentClass) => {
      const doc = new PDFDocument({ autoFirstPage: false });
      doc.font(fontFile('NotoSans-Regular'));
      return texts.map((text) => [plain(doc._font.layout(text, ['liga'])), doc._font.widthOfString(text, 10, ['kern'])]);
    };
    expect(run(patched)).toEqual(run(pristine));
  });

  it.each(['NotoSans-Regular', 'NotoSansArabic-Regular', 'NotoSansEthiopic-Regular'])(
    'answers as pdfkit when the same text is asked with font features and without, in either order, in %s',
    (name) => {
      const texts = ['AV AV', 'To. Ty', 'e\u0301 e\u0323\u0307 ', 'x\ud800 y\udc00', '😀 a😀', 'a\nb c', 'office ffi', 'مرحبا بالعالم ', 'ሰላም ዓለም', '\u00a0a\u00a0b ', 'a\u200db', ' ', '', '\t\t'];
      const run = (PDFDocument: DocumentClass) => {
        const doc = new PDFDocument({ autoFirstPage: false });
        doc.font(fontFile(name));
        const font = doc._font;
        return texts.flatMap((text) => [
          plain(font.layout(text, ['liga'])),
          plain(font.layout(text)),
          plain(font.layout(text, undefined, true)),
          plain(font.layout(text, { kern: false }, true)),
          plain(font.layout(text, undefined, true)),
          font.widthOfString(text, 7.3),
          font.widthOfString(text, 7.3, ['kern']),
          font.encode(text)[0].join(''),
          font.encode(text, ['kern'])[0].join(''),
        ]);
      };
      expect(run(patched)).toEqual(run(pristine));
    },
  );

  it('leaves the runs it remembers as pdfkit made them after drawing justified, spaced and tabbed text', () => {
    // The remembered widths are the runs' widths when first made; pdfkit would sum a run again, so
    // they agree only while no caller changes a run's positions. pdfkit's own drawing adds word
    // spacing to a copy of a position; pdfmake and the reports do not touch positions.
    const doc = new patched({ autoFirstPage: false });
    doc.addPage();
    doc.font(fontFile('NotoSans-Regular')).fontSize(10);
    const text = words['NotoSans-Regular'].slice(0, 120).join('');
    doc.text(text, 50, 60, { width: 300, align: 'justify' });
    doc.text(text, 50, 330, { width: 300, wordSpacing: 3, characterSpacing: 0.5 });
    doc.text(words['NotoSans-Regular'].slice(0, 8).join('\t'), 50, 700, { lineBreak: false });
    const font = doc._font as Font & { layoutCache: Record<string, Layout>; layoutRun(text: string): Layout };
    const cached = Object.entries(font.layoutCache);
    expect(cached.length).toBeGreaterThan(50);
    for (const [piece, run] of cached) expect(plain(run)).toEqual(plain(font.layoutRun(piece)));
  });

  it('writes the same PDF bytes as pdfkit without it', async () => {
    const render = (PDFDocument: DocumentClass) => {
      const doc = new PDFDocument({ info: { CreationDate: new Date(Date.UTC(2026, 11, 6)) }, pdfVersion: '1.7' });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk) => chunks.push(chunk));
      const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
      const widths: number[] = [];
      for (const [page, name] of ['NotoSans-Regular', 'NotoSans-BoldItalic', 'NotoSansArabic-Regular', 'NotoSansEthiopic-Regular'].entries()) {
        if (page > 0) doc.addPage();
        doc.font(fontFile(name)).fontSize(10);
        const list = words[name] ?? words['NotoSans-Regular'];
        const text = list.slice(0, 120).join('');
        doc.text(text, 50, 60, { width: 300 });
        doc.text(text, 50, 330, { width: 300, align: 'justify' });
        doc.text(list.slice(0, 8).join('\t'), 50, 700, { lineBreak: false });
        widths.push(...list.slice(0, 40).map((word) => doc.widthOfString(word)));
      }
      doc.end();
      return done.then((bytes) => ({ bytes, widths }));
    };
    const [expected, actual] = await Promise.all([render(pristine), render(patched)]);
    expect(actual.widths).toEqual(expected.widths);
    expect(actual.bytes.length).toBe(expected.bytes.length);
    expect(actual.bytes.equals(expected.bytes)).toBe(true);
  });
});
