// Right-to-left lists as a reader sees them on the page: each marker on the right, just before its
// item's text, on the same line and page, in the PDF and in the DOCX as LibreOffice lays it out.
// Reads word positions back with poppler's pdftotext (-bbox).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { renderDocx } from '../../src-main/reports/docx/render-docx';
import { loadReportFonts } from '../../src-main/reports/fonts';
import type { ListBlock, ReportDocument } from '../../src-main/reports/model';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { appRoot, fixtureReportData, fontDir } from '../fixtures/report-fixture';

interface Word {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-rtl-lists-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const numbered: ListBlock = {
  kind: 'list',
  ordered: true,
  items: [[{ text: 'تحدث مع المشرف' }], [{ text: 'اكتب ما حدث' }], [{ text: 'اتصل بممثل السلامة' }]],
  lang: 'ar',
  dir: 'rtl',
};

/** The employee summary in Arabic with a long bulleted list running over onto page 2, and a numbered list. */
function arabicSummary(): ReportDocument {
  const file = path.join(appRoot, 'templates', 'reports', 'employee-summary.json');
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error('employee-summary.json is not valid');
  const document = buildReportDocument(parsed.template, fixtureReportData({ withPrior: true }), { language: 'ar' });
  // The summary fits one page; a long list of its own makes the markers run over onto page 2.
  document.blocks.push({ kind: 'list', ordered: false, items: Array.from({ length: 30 }, () => [{ text: 'تحدث مع المشرف عن وقت العمل والاستراحة' }]), lang: 'ar', dir: 'rtl' });
  document.blocks.push(numbered);
  return document;
}

function words(pdfFile: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', pdfFile, '-'], { encoding: 'utf8' });
  const found: Word[] = [];
  for (const [i, page] of html.split('<page ').slice(1).entries()) {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      found.push({ page: i + 1, text: m[5], xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
  }
  return found;
}

const isMarker = (word: Word) => word.text === '•' || /^\.?\d+\.?$/.test(word.text);

/** The words on a marker's line: same page, their middles within the marker's line height. */
function lineOf(marker: Word, all: readonly Word[]): Word[] {
  const middle = (marker.yMin + marker.yMax) / 2;
  return all.filter((w) => w !== marker && w.page === marker.page && w.yMin - 3 <= middle && middle <= w.yMax + 3);
}

/** Each of the document's list items has one marker, right of its line's text and close to it. */
function expectMarkersOnTheRight(all: readonly Word[], itemCount: number, textWidth: number): void {
  const markers = all.filter((word) => isMarker(word) && (word.text === '•' || lineOf(word, all).every((w) => w.xMax < word.xMin)));
  expect(markers).toHaveLength(itemCount);
  for (const marker of markers) {
    const line = lineOf(marker, all);
    expect(line.length, `a marker alone on page ${marker.page}`).toBeGreaterThan(0);
    const textEnd = Math.max(...line.map((w) => w.xMax));
    expect(textEnd).toBeLessThan(marker.xMin);
    // Just before the text, not across the page from it.
    expect(marker.xMin - textEnd).toBeLessThan(textWidth * 0.1);
  }
}

const document = arabicSummary();
const itemCount = document.blocks.reduce((sum, block) => sum + (block.kind === 'list' ? block.items.length : 0), 0);
const textWidthPoints = 595.28 - ((document.page.margins.left + document.page.margins.right) * 72) / 25.4;

describe('a right-to-left list', () => {
  it('in the PDF has every bullet and number on the right of its text, none left alone at a page end', async () => {
    const file = path.join(temp, 'summary-ar.pdf');
    writeFileSync(file, await renderPdf(document, loadReportFonts(fontDir)));
    const all = words(file);
    expect(new Set(all.filter(isMarker).map((w) => w.page)).size, 'the list runs over two pages').toBe(2);
    expectMarkersOnTheRight(all, itemCount, textWidthPoints);
  });

  it('in the DOCX is drawn the same way by LibreOffice', async () => {
    if (spawnSync('soffice', ['--version']).error) {
      if (process.env.CI) throw new Error('LibreOffice (soffice) is missing; CI must install libreoffice-writer-nogui');
      console.warn('Skipped: LibreOffice (soffice) is not installed here.');
      return;
    }
    const docx = path.join(temp, 'summary-ar.docx');
    writeFileSync(docx, await renderDocx(document, { fontDir }));
    const run = spawnSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(temp, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', temp, docx],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expectMarkersOnTheRight(words(path.join(temp, 'summary-ar.pdf')), itemCount, textWidthPoints);
  }, 150_000);
});
