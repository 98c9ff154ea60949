// Benchmarks of report generation: the formal report as DOCX and as PDF, from the document model,
// for 200 respondents, 25 findings and 40 measures. The first render of a process is measured too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
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

/** The formal report's document model for `respondents` survey respondents in four groups. */
export function formalReportDocument(respondents: number) {
  const file = path.join(appRoot, 'templates', 'reports', 'risk-assessment-nb.json');
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} is not a valid template`);
  const groups = ['Dagskift', 'Kveldsskift', 'Helg', 'Natt'].map((name, i) => ({ name, people: respondents / 4, language: ['pl', 'ar', 'ti', 'es'][i], survey: true }));
  return { template: parsed.template, data: fixtureReportData({ groups, findings: 25, measures: 40 }) };
}

/** What a consultant would otherwise do to get a PDF: LibreOffice converting the DOCX, timed here. */
function libreOfficeConversion(docx: Buffer, runs: number): number[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-soffice-'));
  try {
    const input = path.join(dir, 'rapport.docx');
    writeFileSync(input, docx);
    return Array.from({ length: runs }, () => {
      const start = performance.now();
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, input], {
        stdio: 'ignore',
        timeout: 120_000,
      });
      return performance.now() - start;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function hasLibreOffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function reportBench(guide: Guide, options: BenchOptions): Promise<Measurement[]> {
  const respondents = options.quick ? 20 : 200;
  const { template, data } = formalReportDocument(respondents);
  const detail = `${respondents} respondents × ${guide.items.length} items, 25 findings, 40 measures`;
  const fontDir = reportFontDir(appRoot);
  const fonts = loadReportFonts(fontDir);

  const model = await timeRuns(options.quick ? 2 : 5, () => buildReportDocument(template, data));
  const document = buildReportDocument(template, data);
  const [firstPdf] = await timeRuns(1, () => renderPdf(document, fonts));
  const [firstDocx] = await timeRuns(1, () => renderDocx(document, { fontDir }));
  const runs = options.quick ? 2 : 7;
  const pdf = await timeRuns(runs, () => renderPdf(document, fonts));
  const docx = await timeRuns(runs, () => renderDocx(document, { fontDir }));
  const rows: Measurement[] = [
    { name: 'Report: document model (formal report)', detail, start: 'warm', value: median(model), unit: 'ms' },
    { name: 'Report: formal report as DOCX', detail, start: 'warm', value: median(docx), unit: 'ms', target: options.quick ? undefined : { limit: 1000, atMost: true } },
    { name: 'Report: formal report as PDF', detail, start: 'warm', value: median(pdf), unit: 'ms', target: options.quick ? undefined : { limit: 2000, atMost: true } },
    { name: 'Report: first DOCX of a process', detail, start: 'first', value: firstDocx, unit: 'ms' },
    { name: 'Report: first PDF of a process', detail, start: 'first', value: firstPdf, unit: 'ms' },
  ];
  if (hasLibreOffice()) {
    // The first conversion also creates LibreOffice's profile; a consultant's machine has one already.
    const [, ...warm] = libreOfficeConversion(await renderDocx(document, { fontDir }), options.quick ? 2 : 4);
    const soffice = median(warm);
    rows.push(
      { name: 'LibreOffice headless converting our DOCX to PDF', detail: `${detail}; a new process each time, profile exists`, start: 'cold', value: soffice, unit: 'ms' },
      // Not like with like (a new LibreOffice process against our warm render), so no target here:
      // the cold-against-cold comparison is in cases/runtime.ts.
      { name: 'LibreOffice (new process) / our PDF (warm, in-process)', detail: 'LibreOffice time / our PDF time', start: 'warm', value: soffice / median(pdf), unit: '×' },
    );
  } else {
    console.warn('soffice is not installed: the LibreOffice comparison is left out (apt-get install libreoffice-writer-nogui).');
  }
  return rows;
}
