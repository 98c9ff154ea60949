// Renders the README's report pictures (docs/images/report-page-*.png) from the test fixture:
// npx tsx scripts/render-report-images.ts (needs pdftoppm from poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReportDocument } from '../src-main/reports/build-document';
import { loadReportFonts, reportFontDir } from '../src-main/reports/fonts';
import { parseReportTemplate } from '../src-main/reports/parse-template';
import { renderPdf } from '../src-main/reports/pdf/render-pdf';
import { fixtureReportData } from '../tests/fixtures/report-fixture';

const root = fileURLToPath(new URL('..', import.meta.url));
const images = path.join(root, 'docs', 'images');
const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-report-images-'));

async function render(templateId: string, language: string, pages: number[], name: (index: number) => string): Promise<void> {
  const file = path.join(root, 'templates', 'reports', `${templateId}.json`);
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} is not valid`);
  const document = buildReportDocument(parsed.template, fixtureReportData({ withPrior: true }), { language });
  const pdf = path.join(temp, `${templateId}-${language}.pdf`);
  writeFileSync(pdf, await renderPdf(document, loadReportFonts(reportFontDir(root))));
  pages.forEach((page, index) => {
    execFileSync('pdftoppm', ['-png', '-r', '90', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(images, name(index))]);
  });
}

try {
  // Cover, results, one factor, the risk matrix.
  await render('risk-assessment-nb', 'nb', [1, 5, 7, 15], (i) => `report-page-${i + 1}`);
  await render('employee-summary', 'ar', [1], () => 'report-employee-summary-ar');
  console.log(`wrote ${images}/report-page-1.png … and report-employee-summary-ar.png`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
