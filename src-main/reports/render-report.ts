// One document model to the chosen formats. The renderers get the model and give bytes back; they
// never see a path, and the fonts are read once per process.
import type { ReportFormat } from '../core/issued-reports';
import type { ReplacedCharacter, ReportDocument } from './model';

export async function renderReport(document: ReportDocument, formats: readonly ReportFormat[], appRoot: string, createdAt?: Date): Promise<Map<ReportFormat, Buffer>> {
  const { loadReportFonts, reportFontDir } = await import('./fonts');
  const fontDir = reportFontDir(appRoot);
  const rendered = await Promise.all(
    formats.map(async (format) => {
      // Loaded when first needed: the renderers and their libraries are large, and the app's start
      // should not wait for them.
      if (format === 'pdf') {
        const { renderPdf } = await import('./pdf/render-pdf');
        return [format, await renderPdf(document, loadReportFonts(fontDir), { createdAt })] as const;
      }
      const { renderDocx } = await import('./docx/render-docx');
      return [format, await renderDocx(document, { fontDir })] as const;
    }),
  );
  return new Map(rendered);
}

/** The document as the report fonts can draw it: characters no font has are replaced, and listed. */
export async function fitReportToFonts(document: ReportDocument, appRoot: string): Promise<{ document: ReportDocument; replaced: ReplacedCharacter[] }> {
  const { loadReportFonts, reportFontDir } = await import('./fonts');
  const { fitDocumentToFonts } = await import('./glyph-coverage');
  return fitDocumentToFonts(document, loadReportFonts(reportFontDir(appRoot)));
}
