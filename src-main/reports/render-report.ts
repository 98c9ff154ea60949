// One document model to the chosen formats. The renderers get the model and give bytes back; they
// never see a path, and the fonts are read once per process.
import type { ReportFormat } from '../core/issued-reports';
import { renderDocx } from './docx/render-docx';
import { loadReportFonts, reportFontDir } from './fonts';
import type { ReportDocument } from './model';
import { renderPdf } from './pdf/render-pdf';

export async function renderReport(document: ReportDocument, formats: readonly ReportFormat[], appRoot: string, createdAt?: Date): Promise<Map<ReportFormat, Buffer>> {
  const fontDir = reportFontDir(appRoot);
  const rendered = await Promise.all(
    formats.map(async (format) => {
      const data = format === 'pdf' ? await renderPdf(document, loadReportFonts(fontDir), { createdAt }) : await renderDocx(document, { fontDir });
      return [format, data] as const;
    }),
  );
  return new Map(rendered);
}
