// The residual risk of each accepted finding stands beside its initial rating in the report's risk
// table, with the acceptance criterion stated; a finding without one says it is not rated.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../src-main/reports/build-document';
import type { ReportDocument, TableBlock } from '../../src-main/reports/model';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { extractPdfText } from '../../src-main/reports/pdf/pdf-extract';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { missingText } from '../../src-main/reports/self-check';
import { plainText } from '../../src-main/reports/template-text';
import { appRoot, fixtureReportData, fontDir } from '../fixtures/report-fixture';

function template(id: string) {
  const file = path.join(appRoot, 'templates', 'reports', `${id}.json`);
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.template;
}

function build(language: 'nb' | 'en') {
  const data = fixtureReportData({ findings: 2, measures: 2 });
  const [first] = data.snapshot.findings;
  Object.assign(first, { likelihood: 4, consequence: 4, level: 'high', residualLikelihood: 2, residualConsequence: 3, residualLevel: 'low' });
  // The second has no residual rating, like a finding frozen before residual ratings existed.
  for (const finding of data.snapshot.findings.slice(1)) {
    delete finding.residualLikelihood;
    delete finding.residualConsequence;
    delete finding.residualLevel;
  }
  return { data, document: buildReportDocument(template(`risk-assessment-${language}`), data) };
}

function riskTable(document: ReportDocument, header: string): TableBlock {
  const found = document.blocks.find((block): block is TableBlock => block.kind === 'table' && block.columns.some((column) => plainText(column.header) === header));
  if (!found) throw new Error(`no table with the column ${header}`);
  return found;
}

describe.each([
  { language: 'nb' as const, header: 'Restrisiko (S × K)', low: 'Lav', high: 'Høy', notRated: 'Ikke vurdert', criterion: 'Akseptkriterium: sannsynlighet × konsekvens under' },
  { language: 'en' as const, header: 'Residual risk (L × C)', low: 'Low', high: 'High', notRated: 'Not rated', criterion: 'Acceptance criterion: likelihood × consequence below' },
])('the residual risk in $language', ({ language, header, low, high, notRated, criterion }) => {
  const { data, document } = build(language);
  const table = riskTable(document, header);
  const residualColumn = table.columns.findIndex((column) => plainText(column.header) === header);
  const row = (number: string) => table.rows.find((cells) => plainText(cells[0].runs) === number)!;

  it('stands beside the initial rating: likelihood × consequence and its level, shaded by level', () => {
    const first = row(`F${data.snapshot.findings[0].number}`);
    expect(plainText(first[residualColumn - 1].runs)).toBe(`4 × 4\n${high}`);
    expect(first[residualColumn - 1].shade).toBe('high');
    expect(plainText(first[residualColumn].runs)).toBe(`2 × 3\n${low}`);
    expect(first[residualColumn].shade).toBe('low');
  });

  it('says "not rated" for a finding without a residual rating', () => {
    expect(plainText(row(`F${data.snapshot.findings[1].number}`)[residualColumn].runs)).toBe(notRated);
  });

  it('states the acceptance criterion under the table, with the matrix thresholds', () => {
    const at = document.blocks.indexOf(table);
    const note = document.blocks[at + 1];
    expect(note.kind === 'paragraph' && plainText(note.runs)).toContain(`${criterion} ${data.riskMatrix.mediumFrom}`);
  });

  it('is in the PDF, and the self-check passes', async () => {
    const pdf = await renderPdf(document, loadReportFonts(fontDir));
    const text = extractPdfText(pdf).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('2 × 3');
    expect(missingText(document, extractPdfText(pdf))).toEqual([]);
  }, 300_000);
});
