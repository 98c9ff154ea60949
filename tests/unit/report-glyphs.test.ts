// Emoji and symbols in a consultant's text never print as boxes: the fallback fonts draw what they
// have, and a character no report font has is replaced by its code and reported, in PDF and DOCX.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { extractDocxText } from '../../src-main/reports/docx/docx-extract';
import { renderDocx } from '../../src-main/reports/docx/render-docx';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { fitDocumentToFonts } from '../../src-main/reports/glyph-coverage';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { extractPdfText } from '../../src-main/reports/pdf/pdf-extract';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { missingText } from '../../src-main/reports/self-check';
import { appRoot, fixtureReportData, fontDir } from '../fixtures/report-fixture';

const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-glyphs-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function template(id: string) {
  const file = path.join(appRoot, 'templates', 'reports', `${id}.json`);
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.template;
}

/** Emoji, a check mark, an arrow, and two characters no report font has: a G clef and a hieroglyph. */
const title = 'Stress 😀 ved ✓ rydding 🧹 → 𝄞 og 𓀀';
const drawn = ['😀', '✓', '🧹', '→'];

const fonts = loadReportFonts(fontDir);
const data = fixtureReportData({ findings: 1, measures: 1 });
data.snapshot.findings[0].title = title;
data.snapshot.findings[0].hazard = `Farene 👍 er mange\tog 𝄞 gjentas.`;
const { document, replaced } = fitDocumentToFonts(buildReportDocument(template('risk-assessment-nb'), data), fonts);

const box = /[\u25A1\uFFFD]/u;

describe('characters the text fonts lack', () => {
  it('replaces what no font has by its code, lists it with its count, and keeps the rest', () => {
    expect(replaced).toEqual(
      expect.arrayContaining([
        { character: '𝄞', codePoint: 'U+1D11E', replacement: '[U+1D11E]', count: expect.any(Number) },
        { character: '𓀀', codePoint: 'U+13000', replacement: '[U+13000]', count: expect.any(Number) },
      ]),
    );
    expect(replaced).toHaveLength(2);
    expect(replaced.find((entry) => entry.character === '𝄞')!.count).toBeGreaterThanOrEqual(2);
    const runs = document.blocks.flatMap((block) =>
      block.kind === 'table' ? block.rows.flat().flatMap((cell) => cell.runs) : block.kind === 'heading' || block.kind === 'paragraph' ? block.runs : block.kind === 'list' ? block.items.flat() : [],
    );
    const texts = runs.map((run) => run.text).join('');
    expect(texts).toContain('Stress 😀 ved ✓ rydding 🧹 → [U+1D11E] og [U+13000]');
    expect(texts).toContain('Farene 👍 er mange og [U+1D11E] gjentas.');
    // The emoji's run is marked with its font, for the DOCX.
    expect(runs.find((run) => run.text.includes('😀'))?.font).toBe('Noto Emoji');
  });

  it('keeps text every text font draws as it is: each run one piece, a copy with the same text and style', () => {
    const built = buildReportDocument(template('risk-assessment-nb'), data);
    const fitted = fitDocumentToFonts(built, fonts).document;
    const special = /[😀✓🧹→𝄞𓀀👍\t]/u;
    const plain = built.blocks.flatMap((block, i) => (block.kind === 'paragraph' && block.runs.length && !block.runs.some((run) => special.test(run.text)) ? [[block, fitted.blocks[i]] as const] : []));
    expect(plain.length).toBeGreaterThan(3);
    for (const [before, after] of plain) {
      expect(after).toStrictEqual(before);
      if (after.kind !== 'paragraph' || before.kind !== 'paragraph') throw new Error('not a paragraph');
      after.runs.forEach((run, i) => expect(run).not.toBe(before.runs[i]));
    }
  });

  it('draws emoji and symbols in the PDF with the fallback fonts: no box, and the self-check passes', async () => {
    const pdf = await renderPdf(document, fonts);
    const file = path.join(temp, 'glyphs.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const character of drawn) expect(text, character).toContain(character);
    expect(text).toContain('[U+1D11E]');
    expect(text).not.toContain('𝄞');
    expect(text).not.toMatch(box);
    const embedded = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(embedded).toContain('NotoEmoji-Regular');
    expect(embedded).toMatch(/NotoSansSymbols2?-Regular/);
    expect(missingText(document, extractPdfText(pdf))).toEqual([]);
  }, 300_000);

  it('names the fallback font for emoji in the DOCX, with the same replacements, and the self-check passes', async () => {
    const docx = await renderDocx(document, { fontDir });
    const xml = strFromU8(unzipSync(docx, { filter: (entry) => entry.name === 'word/document.xml' })['word/document.xml']);
    expect(xml).toMatch(/w:ascii="Noto Emoji"[^>]*>(?:(?!<\/w:r>).)*😀/su);
    const text = extractDocxText(docx).join('\n');
    for (const character of drawn) expect(text, character).toContain(character);
    expect(text).toContain('[U+13000]');
    expect(text).not.toMatch(box);
    expect(missingText(document, extractDocxText(docx))).toEqual([]);
  }, 300_000);
});
