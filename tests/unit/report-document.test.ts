// The document model a template makes of a frozen assessment: deterministic, in the report's
// language, and with no number anywhere for a withheld result.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src-main/core/charts';
import { buildReportDocument } from '../../src-main/reports/build-document';
import type { DocumentBlock, ReportDocument, TableBlock } from '../../src-main/reports/model';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import type { ReportTemplate } from '../../src-main/reports/template';
import { plainText } from '../../src-main/reports/template-text';
import {
  appRoot,
  builtInGuide,
  dismissedFindingTitle,
  droppedMeasureTitle,
  fixtureQuote,
  fixtureReportData,
  privateNoteText,
} from '../fixtures/report-fixture';

function template(id: string): ReportTemplate {
  const file = path.join(appRoot, 'templates', 'reports', `${id}.json`);
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.template;
}

/** All the text a document shows, block by block. */
function texts(document: ReportDocument): string[] {
  const of = (block: DocumentBlock): string[] => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return [plainText(block.runs)];
      case 'list':
        return block.items.map(plainText);
      case 'table':
        return [...block.columns.map((c) => plainText(c.header)), ...block.rows.flatMap((row) => row.map((cell) => plainText(cell.runs)))];
      case 'toc':
        return [block.title, ...block.entries.map((e) => e.text)];
      case 'image':
        return [block.alt, chartSvg(block.chart)];
      default:
        return [];
    }
  };
  return [document.header, document.footer, ...document.blocks.flatMap(of)];
}

const tables = (document: ReportDocument) => document.blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('the formal report', () => {
  const data = fixtureReportData({ withPrior: true });
  const document = buildReportDocument(template('risk-assessment-nb'), data);
  const all = texts(document).join('\n');

  it('is the same every time for the same input', () => {
    expect(buildReportDocument(template('risk-assessment-nb'), fixtureReportData({ withPrior: true }))).toEqual(document);
  });

  it('has every factor, the accepted findings, the measures and quotes, and nothing that must stay out', () => {
    for (const factor of builtInGuide().factors) expect(all).toContain(factor.title.nb);
    expect(all).toContain('Tidspress på dagskiftet');
    expect(all).toContain(fixtureQuote);
    expect(all).not.toContain(dismissedFindingTitle);
    expect(all).not.toContain(droppedMeasureTitle);
    expect(all).not.toContain(privateNoteText);
    expect(document.footer).toBe('Rapport DF2A9C1B-R2 · revisjon 2 · Utstedt 20. mars 2027 · side {page} av {pages}');
  });

  it('shows a group below the minimum size, and one that would reveal it, as withheld in every table', () => {
    const groups = tables(document).find((t) => t.columns.some((c) => plainText(c.header) === 'Helg'))!;
    for (const group of ['Helg', 'Kveldsskift']) {
      const column = groups.columns.findIndex((c) => plainText(c.header) === group);
      for (const row of groups.rows) expect(plainText(row[column].runs)).toBe('Skjult');
    }
  });

  it('lists the table of contents from the headings', () => {
    const toc = document.blocks.find((b) => b.kind === 'toc');
    expect(toc?.kind === 'toc' && toc.entries.map((e) => e.text).slice(0, 3)).toEqual(['1 Sammendrag', 'Viktigste funn', 'Konsulentens konklusjoner']);
  });
});

describe('a fully withheld assessment', () => {
  // Two groups of 2 and 2: the whole is 4, under the minimum of 5, so every result is withheld.
  const data = fixtureReportData({
    groups: [
      { name: 'A', people: 2, language: 'pl' },
      { name: 'B', people: 2, language: 'ar' },
    ],
  });
  const document = buildReportDocument(template('risk-assessment-nb'), data);

  it('has no score, n or distribution anywhere', () => {
    expect(data.result.factors.every((f) => f.suppressed)).toBe(true);
    const factorTable = tables(document).find((t) => plainText(t.columns[0].header) === 'Faktor' && plainText(t.columns[1].header) === 'Skår (0–100)')!;
    for (const row of factorTable.rows) expect(row.slice(1).map((cell) => plainText(cell.runs))).toEqual(['Skjult', '–', '–']);
    // No distribution table or chart per factor, and the sentence says why.
    expect(tables(document).some((t) => t.caption?.includes('Fordeling'))).toBe(false);
    expect(document.blocks.filter((b) => b.kind === 'image')).toHaveLength(1);
    expect(texts(document).filter((t) => /^Skår \d/.test(t))).toEqual([]);
    expect(texts(document)).toContain('Resultatet er skjult fordi gruppen er for liten.');
  });

  it('draws no bar and no score in the chart', () => {
    const chart = document.blocks.find((b) => b.kind === 'image');
    expect(chart?.kind === 'image' && chartSvg(chart.chart)).not.toMatch(/>\d+ (Grønn|Gul|Rød)</);
  });
});

describe('the employees’ summary', () => {
  const data = fixtureReportData();

  it('is right to left in Arabic, with the guide’s factor titles and measures in Arabic', () => {
    const document = buildReportDocument(template('employee-summary'), data, { language: 'ar' });
    expect(document.dir).toBe('rtl');
    expect(document.blocks.every((b) => !('dir' in b) || b.dir === 'rtl')).toBe(true);
    const all = texts(document).join('\n');
    const guide = builtInGuide();
    const flagged = data.result.factors.filter((f) => !f.suppressed && (f.light === 'red' || f.light === 'yellow'));
    expect(flagged.length).toBeGreaterThan(0);
    for (const result of flagged) expect(all).toContain(guide.factors.find((f) => f.id === result.factorId)!.title.ar);
    expect(all).toContain(guide.factors[0].measures[0].text.ar);
    expect(all).toContain('ممثل السلامة (verneombud):');
  });

  it('is in Tigrinya too, and refuses a language it has no texts in', () => {
    expect(texts(buildReportDocument(template('employee-summary'), data, { language: 'ti' })).join('\n')).toContain('እንታይ ረኺብና');
    expect(() => buildReportDocument(template('employee-summary'), data, { language: 'fa' })).toThrow('has no texts in "fa"');
  });
});

describe('placeholders', () => {
  it('inserts values as plain text: markup or braces in a name stay as they are', () => {
    const data = fixtureReportData();
    data.snapshot.client.name = '**Vask** {{consultant}}';
    const document = buildReportDocument(template('action-plan'), data);
    const title = document.blocks.find((b) => b.kind === 'heading' && b.level === 0);
    expect(title?.kind === 'heading' && title.runs).toEqual([{ text: 'Handlingsplan: **Vask** {{consultant}}' }]);
  });
});
