// Words of a line drawn alike are drawn with one pdfkit text() call (inline-merge-shortcut.ts): the
// PDF has the same text, and every glyph at the same place, as pdfmake draws it word by word. The
// documents are rendered first by pdfmake as it ships, then with the shortcut: the demo's formal
// report and the Arabic employees' summary, and a page of bold, coloured, linked, underlined,
// justified, right-aligned and centred words.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { extractPdfText } from '../../src-main/reports/pdf/pdf-extract';
import { installInlineMergeShortcut, joinedInlines } from '../../src-main/reports/pdf/inline-merge-shortcut';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { loadPdfmake } from '../../src-main/reports/report-libraries';
import { expectedText, missingText } from '../../src-main/reports/self-check';
import { pdfContents } from '../fixtures/pdf-contents';
import { largestShift, placedGlyphs } from '../fixtures/pdf-glyphs';
import { builtInTemplate, fixtureReportData, fontDir } from '../fixtures/report-fixture';

const requireHere = createRequire(import.meta.url);
const renderer = (requireHere('pdfmake/js/Renderer') as { default: { prototype: { inlineMergeShortcut?: true } } }).default;
const pdfkit = createRequire(requireHere.resolve('pdfmake'))('pdfkit') as { prototype: { text(text: string, x: number, y: number, options: Record<string, unknown>): unknown } };

const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-inline-merge-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const createdAt = new Date(Date.UTC(2026, 11, 6, 10));
const formal = buildReportDocument(builtInTemplate('risk-assessment-nb'), fixtureReportData({ withPrior: true }));
const arabic = buildReportDocument(builtInTemplate('employee-summary'), fixtureReportData({ withPrior: true }), { language: 'ar' });

const sentence = 'Renholderne rekker ikke alle rommene på én vakt, og pausen blir kortere for hver uke som går. ';
const styled: TDocumentDefinitions = {
  info: { creationDate: createdAt },
  defaultStyle: { font: 'Noto Sans', fontSize: 10, lineHeight: 1.2 },
  content: [
    {
      text: [
        'Alle arbeidstakere skal ha et ',
        { text: 'fullt forsvarlig', bold: true },
        ' arbeidsmiljø, med ',
        { text: 'rød tekst her', color: '#c0392b' },
        ' og en ',
        { text: 'lenke til Arbeidstilsynet', link: 'https://www.arbeidstilsynet.no' },
        ' midt i setningen, ',
        { text: 'understreket tekst', decoration: 'underline' },
        ' og ',
        { text: 'gjennomsiktig', opacity: 0.5 },
        ' før resten. ',
        sentence.repeat(3),
      ],
    },
    { text: 'Høyrestilt linje med flere ord', alignment: 'right' },
    { text: 'Midtstilt linje med flere ord', alignment: 'center', color: '#1f3a5f' },
    { text: [{ text: 'Over', sup: true }, ' og ', { text: 'under', sub: true }, ' linjen, med ', { text: 'bokstavavstand', characterSpacing: 1 }, ' også.'] },
  ],
};

interface TextCall {
  text: string;
  options: Record<string, unknown>;
}

interface Rendered {
  pdf: Buffer;
  calls: TextCall[];
}

/** Renders, recording every text() call pdfmake makes of pdfkit. */
async function recorded(render: () => Promise<Buffer>): Promise<Rendered> {
  const text = pdfkit.prototype.text;
  const calls: TextCall[] = [];
  pdfkit.prototype.text = function (this: unknown, value, x, y, options) {
    calls.push({ text: value, options });
    return text.call(this, value, x, y, options);
  };
  try {
    return { pdf: await render(), calls };
  } finally {
    pdfkit.prototype.text = text;
  }
}

const fonts = loadReportFonts(fontDir);
const renderStyled = async () => Buffer.from(await loadPdfmake().createPdf(styled).getBuffer());
const justified: TDocumentDefinitions = {
  info: { creationDate: createdAt },
  defaultStyle: { font: 'Noto Sans', fontSize: 10 },
  content: [{ text: sentence.repeat(4), alignment: 'justify' }],
};
const renderJustified = async () => Buffer.from(await loadPdfmake().createPdf(justified).getBuffer());
const renders: { name: string; render: () => Promise<Buffer> }[] = [
  { name: 'the formal report', render: () => renderPdf(formal, fonts, { createdAt }) },
  { name: 'the Arabic summary', render: () => renderPdf(arabic, fonts, { createdAt }) },
  { name: 'styled words', render: renderStyled },
];
const allRenders = [...renders, { name: 'a justified paragraph', render: renderJustified }];

const before = new Map<string, Rendered>();
const after = new Map<string, Rendered>();

beforeAll(async () => {
  // pdfmake as it ships: the shortcut is marked as installed, so renderPdf does not install it.
  renderer.prototype.inlineMergeShortcut = true;
  for (const { name, render } of allRenders) before.set(name, await recorded(render));
  delete renderer.prototype.inlineMergeShortcut;
  expect(installInlineMergeShortcut()).toBe(true);
  for (const { name, render } of allRenders) after.set(name, await recorded(render));
}, 120_000);

const words = (pieces: readonly string[]) => pieces.join(' ').split(/\s+/).filter(Boolean);

function saved(pdf: Buffer, name: string): string {
  const file = path.join(temp, `${name.replace(/\W+/g, '-')}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

const pdftotext = (pdf: Buffer, name: string) => execFileSync('pdftotext', ['-layout', saved(pdf, name), '-'], { encoding: 'utf8' });

/** The pages as poppler draws them at 100 dpi, as raw image files. */
function pages(pdf: Buffer, name: string): Buffer[] {
  const prefix = path.join(temp, name.replace(/\W+/g, '-'));
  execFileSync('pdftoppm', ['-r', '100', saved(pdf, name), prefix]);
  return readdirSync(temp)
    .filter((file) => file.startsWith(path.basename(prefix)) && file.endsWith('.ppm'))
    .sort()
    .map((file) => readFileSync(path.join(temp, file)));
}

describe.each(renders.map(({ name }) => name))('%s', (name) => {
  it('draws words in fewer text() calls', () => {
    const old = before.get(name)!;
    const merged = after.get(name)!;
    expect(merged.calls.length).toBeLessThan(old.calls.length);
    expect(merged.calls.map((call) => call.text).join('')).toBe(old.calls.map((call) => call.text).join(''));
  });

  it('has the same text, read back by the self-check and by poppler', () => {
    const old = before.get(name)!.pdf;
    const merged = after.get(name)!.pdf;
    expect(words(extractPdfText(merged))).toEqual(words(extractPdfText(old)));
    expect(pdftotext(merged, `${name}-after`)).toBe(pdftotext(old, `${name}-before`));
  });

  it('draws every glyph where pdfmake draws it, to within 0.01 pt', () => {
    const old = placedGlyphs(before.get(name)!.pdf);
    const merged = placedGlyphs(after.get(name)!.pdf);
    expect(old.length).toBeGreaterThan(100);
    expect(largestShift(old, merged)).toBeLessThan(0.01);
    expect(largestShift(old, old.map((glyph, i) => (i === 50 ? { ...glyph, x: glyph.x + 0.02 } : glyph)))).toBeGreaterThan(0.01);
  });
});

describe('the reports', () => {
  it('are found whole by the self-check', () => {
    expect(missingText(formal, extractPdfText(after.get('the formal report')!.pdf))).toEqual([]);
    expect(missingText(arabic, extractPdfText(after.get('the Arabic summary')!.pdf))).toEqual([]);
  });

  it('still miss a title and a number left out of the drawn text', () => {
    const joined = extractPdfText(after.get('the formal report')!.pdf).join(' ');
    // The longest title the self-check looks for (a table cell's first line), of words now read
    // back joined in pieces of several words, and a finding's number.
    const title = expectedText(formal).texts.sort((a, b) => b.length - a.length)[0];
    const number = expectedText(formal).numbers.find((token) => token.startsWith('F'))!;
    expect(title.split(' ').length).toBeGreaterThan(4);
    expect(missingText(formal, [joined])).toEqual([]);
    // Every drawing of them taken out, also where a line break splits the title.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const drawn = new RegExp(`${title.split(' ').map(escape).join('\\s+')}|\\b${number}\\b`, 'g');
    expect(missingText(formal, [joined.replace(drawn, '')])).toEqual(expect.arrayContaining([number, title]));
  });
});

describe('styled words', () => {
  it('look the same, underline and link included', () => {
    const old = before.get('styled words')!.pdf;
    const merged = after.get('styled words')!.pdf;
    // The underline and every other path, and the link's area, exactly as before.
    const paths = (pdf: Buffer) => pdfContents(pdf).split('\n').filter((line) => / (m|l|re|c)$/.test(line));
    const links = (pdf: Buffer) => pdf.toString('latin1').match(/\/Rect \[[^\]]*\]/g);
    expect(paths(old).length).toBeGreaterThan(0);
    expect(paths(merged)).toEqual(paths(old));
    expect(links(old)?.length).toBe(3);
    expect(links(merged)).toEqual(links(old));
    // The glyphs: a position the viewer sums may differ from the one pdfkit wrote by 1e-13 pt, which
    // can put a glyph on the other side of poppler's sub-pixel rounding (its anti-aliased edges
    // change): a few glyphs' pixels of the page at most.
    const oldPages = pages(old, 'styled-before');
    const mergedPages = pages(merged, 'styled-after');
    expect(oldPages.length).toBe(1);
    expect(mergedPages.length).toBe(1);
    let differ = 0;
    for (let i = 0; i < oldPages[0].length; i++) if (oldPages[0][i] !== mergedPages[0][i]) differ++;
    expect(differ / oldPages[0].length).toBeLessThan(0.0005);
  });

  const calls = () => after.get('styled words')!.calls;
  const texts = () => calls().map((call) => call.text);

  it('joins the words of a style and keeps other styles apart', () => {
    expect(texts()).toContain('Alle arbeidstakere skal ha et ');
    expect(texts()).toContain('fullt forsvarlig');
    expect(texts()).toContain('rød tekst her');
    expect(texts()).toContain('Høyrestilt linje med flere ord');
    expect(texts()).toContain('Midtstilt linje med flere ord');
  });

  it('draws linked, underlined, half-transparent, super- and subscript and spaced words as pdfmake does', () => {
    const old = before.get('styled words')!.calls;
    for (const word of ['lenke ', 'til ', 'Arbeidstilsynet', 'understreket ', 'tekst', 'gjennomsiktig', 'Over', 'under', 'bokstavavstand']) {
      expect(texts(), word).toContain(word);
      expect(old.map((call) => call.text)).toContain(word);
    }
    expect(calls().filter((call) => call.options.link).map((call) => call.text)).toEqual(['lenke ', 'til ', 'Arbeidstilsynet']);
  });

  it('leaves a justified paragraph word by word, the same PDF byte for byte', () => {
    const old = before.get('a justified paragraph')!;
    const merged = after.get('a justified paragraph')!;
    expect(merged.calls.map((call) => call.text)).toEqual(old.calls.map((call) => call.text));
    expect(merged.calls.length).toBeGreaterThan(40);
    expect(merged.pdf.equals(old.pdf)).toBe(true);
  });

  it('joins nothing across a word that pdfkit would lay out as one piece', () => {
    const line = {
      inlines: [
        { text: 'self-', width: 20, font: 'f', fontSize: 10, color: 'black' },
        { text: 'check ', width: 25, font: 'f', fontSize: 10, color: 'black' },
        { text: 'done', width: 20, font: 'f', fontSize: 10, color: 'black' },
      ],
    };
    expect(joinedInlines(line)?.map((inline) => inline.text)).toEqual(['self-', 'check done']);
    expect(joinedInlines(line)?.[1]).toMatchObject({ width: 45 });
  });
});
