// A finding typed with emoji presentation selectors ("⚠️", "1️⃣", "❤️", as phones and the web write
// them) or a variation selector after a letter exports to PDF: the self-check looks for its visible
// text, which the PDF holds, whether or not fontkit kept the invisible selector; and it still finds
// a visible text that is missing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { extractPdfText } from '../../src-main/reports/pdf/pdf-extract';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { missingText } from '../../src-main/reports/self-check';
import { installVariationSelectorGlyphs } from '../../src-main/reports/variation-selector-glyphs';
import { loadFontkit } from '../../src-main/reports/report-libraries';
import { builtInTemplate, fixtureReportData, fontDir } from '../fixtures/report-fixture';

const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-variation-selectors-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const selectors = /[\uFE00-\uFE0F]/gu;

describe('findings with variation selectors', () => {
  it.each([
    ['a warning sign', '\u26A0\uFE0F Glatt gulv ved inngangen'],
    ['a keycap digit', 'Steg 1\uFE0F\u20E3 i vaskerutinen'],
    ['a heart', 'Godt samhold \u2764\uFE0F i kveldsteamet'],
    ['a letter', 'Of\uFE00 tittel på kjellerfunnet'],
  ])('%s: the report exports to PDF with the text and passes the self-check', async (name, title) => {
    const data = fixtureReportData({ findings: 2, measures: 2 });
    data.snapshot.findings[1].title = title;
    const document = buildReportDocument(builtInTemplate('risk-assessment-nb'), data);
    const pdf = await renderPdf(document, loadReportFonts(fontDir));
    const pieces = extractPdfText(pdf);
    expect(missingText(document, pieces)).toEqual([]);
    const file = path.join(temp, `${name.replace(/\W+/g, '-')}.pdf`);
    writeFileSync(file, pdf);
    const poppler = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(selectors, '');
    expect(poppler).toContain(title.replace(selectors, ''));
    // With the title's last word gone from the text read back, the self-check names the title.
    const lastWord = title.split(' ').at(-1)!;
    expect(missingText(document, pieces.map((piece) => piece.split(lastWord).join('')))).toContain(title);
  }, 300_000);
});

describe('a variation selector that does not change the glyph', () => {
  const shape = (run: { glyphs: { id: number; codePoints: number[] }[]; positions: object[] }) =>
    run.glyphs.map((glyph, i) => ({ id: glyph.id, codePoints: [...glyph.codePoints], ...run.positions[i] }));

  it('leaves the rest of the text as it is: every other "f" reads back as "f", and marks on "ff" sit as without it', () => {
    const fonts = loadReportFonts(fontDir);
    fonts.prepareShaping();
    const fontkit = loadFontkit();
    const fresh = fontkit.create(fonts.file('NotoSans-Regular')!) as Fontkit.Font;
    const afterSelector = fontkit.create(fonts.file('NotoSans-Regular')!) as Fontkit.Font;
    const selected = afterSelector.layout('Of\uFE00');
    // Noto Sans has no variant of "f" for VS1: the glyph is the plain "f", made for "f" alone.
    expect(selected.glyphs.map((glyph) => [...glyph.codePoints])).toEqual([[0x4f], [0x66]]);
    for (const text of ['f', 'offentlig', 'ff\u0323i', 'Bedriftshelsetjeneste']) {
      expect(shape(afterSelector.layout(text)), text).toEqual(shape(fresh.layout(text)));
    }
  });

  it('a report with "f" + VS1 early in it has a PDF text layer without the selector, and passes the self-check', async () => {
    const data = fixtureReportData({ findings: 2, measures: 2 });
    data.snapshot.assessment.title = 'Of\uFE00 kartlegging';
    data.snapshot.findings[0].title = 'Ufullstendig opplæring i forflytning';
    const document = buildReportDocument(builtInTemplate('risk-assessment-nb'), data);
    const pdf = await renderPdf(document, loadReportFonts(fontDir));
    const pieces = extractPdfText(pdf);
    expect(missingText(document, pieces)).toEqual([]);
    const file = path.join(temp, 'letter-selector-first.pdf');
    writeFileSync(file, pdf);
    const poppler = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(poppler).not.toMatch(selectors);
    expect(poppler).toContain('Of kartlegging');
    expect(poppler).toContain('Ufullstendig opplæring i forflytning');
    // A word truly missing from the PDF is still named.
    expect(missingText(document, pieces.map((piece) => piece.split('forflytning').join('')))).toContain('Ufullstendig opplæring i forflytning');
  }, 300_000);
});

describe('a variation selector that picks a glyph of its own', () => {
  it('keeps both code points on that glyph, and the plain character its own glyph', () => {
    // No report font maps a sequence to a glyph of its own (Noto Emoji's VS15 sequences are its
    // default glyphs), so a font class with such a cmap stands in: "⚠" is glyph 7, "⚠" + VS15 glyph 9.
    class VariantFont {
      glyphs = new Map<number, { id: number; codePoints: number[] }>();
      _cmapProcessor = { lookup: (code: number, selector?: number) => (code === 0x26a0 ? (selector === 0xfe0e ? 9 : 7) : 0) };
      getGlyph(id: number, codePoints: number[] = []) {
        if (!this.glyphs.has(id)) this.glyphs.set(id, { id, codePoints });
        return this.glyphs.get(id)!;
      }
    }
    const font = new VariantFont();
    expect(installVariationSelectorGlyphs(font as unknown as Fontkit.Font)).toBe(true);
    expect(font.getGlyph(9, [0x26a0, 0xfe0e]).codePoints).toEqual([0x26a0, 0xfe0e]);
    expect(font.getGlyph(7, [0x26a0, 0xfe0f]).codePoints).toEqual([0x26a0]);
    expect(font.getGlyph(7, [0x26a0]).codePoints).toEqual([0x26a0]);
  });
});

describe('a text with an emoji selector split by a page foot', () => {
  it('is found word by word without its invisible characters, and a missing word is still named', async () => {
    const title = 'Advarsel \u26A0\uFE0F glatt gulv ved inngangen til lageret';
    const data = fixtureReportData({ findings: 2, measures: 2 });
    data.snapshot.findings[1].title = title;
    const document = buildReportDocument(builtInTemplate('risk-assessment-nb'), data);
    const pieces = extractPdfText(await renderPdf(document, loadReportFonts(fontDir)));
    // As a table cell runs onto the next page: the foot and the next page's head between two words.
    const split = (read: string[]) => read.map((piece) => piece.replace(/glatt/g, 'glatt Side 3 av 9 Kartlegging'));
    expect(missingText(document, split(pieces))).toEqual([]);
    // Read back with the selector, too (a font where it picks a glyph of its own), or with a joiner.
    expect(missingText(document, split(pieces.map((piece) => piece.replace('\u26A0', '\u26A0\uFE0F'))))).toEqual([]);
    expect(missingText(document, split(pieces.map((piece) => piece.replace('glatt', 'gl\u200Datt'))))).toEqual([]);
    expect(missingText(document, split(pieces).map((piece) => piece.split('inngangen').join('')))).toContain(title);
  }, 300_000);
});
