// The byte-identity tests of the PDF shortcuts compare PDFs drawn with and without them: they only
// say something if the shortcuts are in fact installed when a report is rendered. After one
// renderPdf, each is on its library (a library update that changes a function a shortcut replaces
// turns its guard off, and this test fails until the shortcut is checked against the new source).
import { describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { pdfShortcutsInstalled, renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { builtInTemplate, fixtureReportData, fontDir } from '../fixtures/report-fixture';

describe('the PDF shortcuts', () => {
  it('are all installed once a report is rendered', async () => {
    const document = buildReportDocument(builtInTemplate('action-plan'), fixtureReportData());
    const pdf = await renderPdf(document, loadReportFonts(fontDir));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfShortcutsInstalled()).toEqual({ styleLookup: true, contentWrite: true, fontLayout: true, inlineMerge: true });
  });
});
