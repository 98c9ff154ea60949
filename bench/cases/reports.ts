// Benchmarks of report generation: the formal report as DOCX and as PDF, from the document model,
// for 200 respondents, 25 findings and 40 measures. The first render of a process is measured too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Guide } from '../../src-main/core/guide';
import { findAppRoot } from '../../src-main/paths';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { renderDocx } from '../../src-main/reports/docx/render-docx';
import { loadReportFonts, reportFontDir } from '../../src-main/reports/fonts';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { fixtureReportData } from '../../tests/fixtures/report-fixture';
import { median, timeRuns, type Measurement } from '../measure';
import type { BenchOptions } from './core';

const appRoot = findAppRoot();

export async function reportBench(guide: Guide, options: BenchOptions): Promise<Measurement[]> {
  const file = path.join(appRoot, 'templates', 'reports', 'risk-assessment-nb.json');
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} is not a valid template`);
  const respondents = options.quick ? 20 : 200;
  // Survey respondents, one response set each, in four groups.
  const groups = ['Dagskift', 'Kveldsskift', 'Helg', 'Natt'].map((name, i) => ({ name, people: respondents / 4, language: ['pl', 'ar', 'ti', 'es'][i], survey: true }));
  const data = fixtureReportData({ groups, findings: 25, measures: 40 });
  const detail = `${respondents} respondents × ${guide.items.length} items, 25 findings, 40 measures`;
  const fontDir = reportFontDir(appRoot);
  const fonts = loadReportFonts(fontDir);

  const model = await timeRuns(options.quick ? 2 : 5, () => buildReportDocument(parsed.template, data));
  const document = buildReportDocument(parsed.template, data);
  const [firstPdf] = await timeRuns(1, () => renderPdf(document, fonts));
  const [firstDocx] = await timeRuns(1, () => renderDocx(document, { fontDir }));
  const runs = options.quick ? 2 : 7;
  const pdf = await timeRuns(runs, () => renderPdf(document, fonts));
  const docx = await timeRuns(runs, () => renderDocx(document, { fontDir }));
  return [
    { name: 'Report: document model (formal report)', detail, value: median(model), unit: 'ms' },
    { name: 'Report: formal report as DOCX', detail, value: median(docx), unit: 'ms', target: options.quick ? undefined : { limit: 1000, atMost: true } },
    { name: 'Report: formal report as PDF', detail, value: median(pdf), unit: 'ms', target: options.quick ? undefined : { limit: 2000, atMost: true } },
    { name: 'Report: first DOCX of a process', detail, value: firstDocx, unit: 'ms' },
    { name: 'Report: first PDF of a process', detail, value: firstPdf, unit: 'ms' },
  ];
}
