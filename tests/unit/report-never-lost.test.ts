// Nothing of a report may go missing without a word: a finding whose row is taller than a page and a
// client with a very long name are rendered in both formats, and every finding and measure number is
// found in the text poppler and the app's own reader take back out of the files. The self-check
// that guards issuing finds what a renderer drops.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { extractDocxText } from '../../src-main/reports/docx/docx-extract';
import { renderDocx } from '../../src-main/reports/docx/render-docx';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { extractPdfText } from '../../src-main/reports/pdf/pdf-extract';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { expectedText, missingText } from '../../src-main/reports/self-check';
import { appRoot, fixtureReportData, fontDir } from '../fixtures/report-fixture';

const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-never-lost-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function template(id: string) {
  const file = path.join(appRoot, 'templates', 'reports', `${id}.json`);
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${id}.json is not valid`);
  return parsed.template;
}

/** One finding with a 10,000-character hazard, one measure with a long rationale, a 2,000-character client name. */
function longData() {
  const data = fixtureReportData({ findings: 2, measures: 2 });
  const words = 'Renholderne rekker ikke arealet på vakten og hopper over pausen.';
  data.snapshot.findings[0].hazard = `${words} `.repeat(Math.ceil(10_000 / (words.length + 1))).slice(0, 10_000);
  data.snapshot.measures[0].rationale = `${words} `.repeat(60);
  data.snapshot.client.name = 'Renhold og Vedlikehold Sør-Øst AS '.repeat(60).slice(0, 2_000);
  return data;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
/** poppler drops a hyphen that ends a line ("Sør-" / "Øst" reads "SørØst"). */
const squeezeHyphens = (text: string) => text.replace(/[\s-]+/g, '');

/** Every F/T number drawn in the text, as poppler reads it. */
function numbersIn(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\p{L}\p{N}])[FT]\d+(?!\p{N})/gu)].map((m) => m[0]));
}

/** The long texts every template shows: the hazard (in the action plan's list of risks too) and the rationale. */
function longTexts(): string[] {
  const data = longData();
  return [data.snapshot.findings[0].hazard, data.snapshot.measures[0].rationale];
}

describe.each(['risk-assessment-nb', 'risk-assessment-en', 'action-plan'])('%s with a 10,000-character hazard and a 2,000-character client name', (id) => {
  const document = buildReportDocument(template(id), longData());
  const expected = expectedText(document).numbers;

  it('has finding and measure numbers to look for', () => {
    expect(expected).toEqual(expect.arrayContaining(['F1', 'T1']));
  });

  it('keeps every finding and measure number in the PDF', async () => {
    const pdf = await renderPdf(document, loadReportFonts(fontDir));
    const file = path.join(temp, `${id}.pdf`);
    writeFileSync(file, pdf);
    const poppler = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const found = numbersIn(poppler);
    for (const number of expected) expect(found.has(number), `${number} in the PDF`).toBe(true);
    expect(missingText(document, extractPdfText(pdf))).toEqual([]);
    // The cover title shrinks and the page header wraps: the whole name is drawn, in both.
    const name = longData().snapshot.client.name;
    expect(squeezeHyphens(poppler).split(squeezeHyphens(name)).length - 1, 'the whole name, on the cover and in the headers').toBeGreaterThan(1);
  }, 300_000);

  it('keeps every finding and measure number in the DOCX', async () => {
    const docx = await renderDocx(document, { fontDir });
    const file = path.join(temp, `${id}.docx`);
    writeFileSync(file, docx);
    execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', temp, file], { stdio: 'ignore' });
    const text = readFileSync(path.join(temp, `${id}.txt`), 'utf8');
    const found = numbersIn(text);
    for (const number of expected) expect(found.has(number), `${number} in the DOCX`).toBe(true);
    for (const long of longTexts()) expect(squeeze(text).includes(squeeze(long)), `${long.slice(0, 40)}… whole in the DOCX`).toBe(true);
    expect(missingText(document, extractDocxText(docx))).toEqual([]);
  }, 300_000);
});

describe('the employees’ summary with a 2,000-character client name', () => {
  const document = buildReportDocument(template('employee-summary'), longData());
  const name = longData().snapshot.client.name;

  it('draws the whole name in the PDF, and the self-check finds nothing missing', async () => {
    const pdf = await renderPdf(document, loadReportFonts(fontDir));
    const file = path.join(temp, 'employee-summary.pdf');
    writeFileSync(file, pdf);
    const poppler = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    // The title and every page's footer hold the name.
    expect(squeezeHyphens(poppler).split(squeezeHyphens(name)).length - 1).toBeGreaterThan(1);
    expect(missingText(document, extractPdfText(pdf))).toEqual([]);
  }, 300_000);

  it('draws the whole name in the DOCX, and the self-check finds nothing missing', async () => {
    const docx = await renderDocx(document, { fontDir });
    expect(squeeze(extractDocxText(docx).join(' ')).includes(squeeze(name))).toBe(true);
    expect(missingText(document, extractDocxText(docx))).toEqual([]);
  }, 300_000);
});

describe('the self-check', () => {
  const document = buildReportDocument(template('risk-assessment-nb'), fixtureReportData({ findings: 3, measures: 3 }));

  it('names a finding row the file lacks', async () => {
    // The file of a report with one finding fewer stands in for a renderer that dropped a row.
    const shorter = fixtureReportData({ findings: 3, measures: 3 });
    shorter.snapshot.findings = shorter.snapshot.findings.filter((finding) => finding.id !== 'f3');
    const pdf = await renderPdf(buildReportDocument(template('risk-assessment-nb'), shorter), loadReportFonts(fontDir));
    const missing = missingText(document, extractPdfText(pdf));
    expect(missing).toContain('F3');
    expect(missing).toContain('Alenearbeid om kvelden');
  }, 300_000);

  it('names a measure the DOCX lacks', async () => {
    const shorter = fixtureReportData({ findings: 3, measures: 3 });
    shorter.snapshot.measures = shorter.snapshot.measures.filter((measure) => measure.id !== 'm2');
    const docx = await renderDocx(buildReportDocument(template('risk-assessment-nb'), shorter), { fontDir });
    expect(missingText(document, extractDocxText(docx))).toEqual(expect.arrayContaining(['T2', 'Faste møter med kunden om hva som skal prioriteres']));
  }, 300_000);

  it('finds nothing missing in a whole report', async () => {
    const pdf = await renderPdf(document, loadReportFonts(fontDir));
    expect(missingText(document, extractPdfText(pdf))).toEqual([]);
  }, 300_000);

  it('reads a word broken over lines and a row split over pages as whole (the demo could not be issued)', async () => {
    // A compound wider than its column is broken mid-word, and a row taller than what is left of
    // the page is drawn cell by cell on each page: neither loses text, so neither may stop issuing.
    const data = fixtureReportData({ findings: 3, measures: 3 });
    const long = data.snapshot.findings[1];
    long.existingMeasures = 'Arbeidsmiljøutvalgsmøtereferatgjennomgangsrutinebeskrivelsene ligger i personalhåndboken.';
    long.exposed = 'Renholdere som arbeider alene i kundenes bygg, særlig kveld og helg.';
    long.hazard = 'Renholderne rekker ikke arealet på vakten og hopper over pausen. '.repeat(40);
    const split = buildReportDocument(template('risk-assessment-nb'), data);
    const pdf = await renderPdf(split, loadReportFonts(fontDir));
    const pieces = extractPdfText(pdf);
    expect(pieces.join(' ')).not.toContain('Arbeidsmiljøutvalgsmøtereferatgjennomgangsrutinebeskrivelsene');
    expect(missingText(split, pieces)).toEqual([]);
    // Pieces of a word that are not the word in a row are still missing.
    long.existingMeasures = 'Arbeidsmiljø utvalg';
    expect(missingText(split, extractPdfText(await renderPdf(buildReportDocument(template('risk-assessment-nb'), data), loadReportFonts(fontDir))))).toContain(
      'Arbeidsmiljøutvalgsmøtereferatgjennomgangsrutinebeskrivelsene ligger i personalhåndboken.',
    );
  }, 300_000);
});
