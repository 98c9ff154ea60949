// Renders the README's report pictures (docs/images/report-*.png) from the demo company
// (`kartlegg demo`), issued through the API as a consultant would: npx tsx scripts/render-report-images.ts
// (needs pdftoppm from poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { call } from '../src-main/cli/api';
import { openApiRuntime, type ApiRuntime } from '../src-main/api/runtime';
import { createDemo } from '../src-main/demo/demo-data';

const root = fileURLToPath(new URL('..', import.meta.url));
const images = path.join(root, 'docs', 'images');
const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-report-images-'));

async function render(
  runtime: ApiRuntime,
  assessmentId: string,
  templateId: string,
  language: 'nb' | 'en' | 'ar',
  pages: number[],
  name: (index: number) => string,
): Promise<void> {
  const issued = await call(runtime, 'reports.export', { assessmentId, templateId, formats: ['pdf'], language });
  const file = await call(runtime, 'reports.download', { reportId: issued.id, format: 'pdf' });
  const pdf = path.join(temp, file.fileName);
  writeFileSync(pdf, Buffer.from(file.contentBase64, 'base64'));
  pages.forEach((page, index) => {
    execFileSync('pdftoppm', ['-png', '-r', '90', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(images, name(index))]);
  });
}

const runtime = await openApiRuntime({ dataDir: path.join(temp, 'data'), appRoot: root });
try {
  const { assessmentId } = await createDemo(runtime);
  const { currentRevision } = await call(runtime, 'revisions.list', { assessmentId });
  await call(runtime, 'revisions.issue', { assessmentId, revision: currentRevision, acceptGaps: true });
  // Cover, the scores, one factor (harassment, with its exposure counts), the risk matrix and findings.
  await render(runtime, assessmentId, 'risk-assessment-nb', 'nb', [1, 7, 11, 15], (i) => `report-page-${i + 1}`);
  await render(runtime, assessmentId, 'employee-summary', 'ar', [1], () => 'report-employee-summary-ar');
  console.log(`wrote ${images}/report-page-1.png … and report-employee-summary-ar.png`);
} finally {
  await runtime.close();
  rmSync(temp, { recursive: true, force: true });
}
