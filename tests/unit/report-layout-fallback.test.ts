// When fontkit throws while shaping a text (src-main/reports/layout-fallback.ts): the text is laid
// out again without the positioning features, so the report is issued with the text as written and
// its self-check passes; when that throws too, the export stops with an error naming the text. A
// fault is simulated in fontkit's GPOS processing (the real ones are fixed, see
// report-mark-attachment.test.ts). The culprit of the real fault exports to PDF as written as well.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { fallbackOffFeatures } from '../../src-main/reports/layout-fallback';
import { extractPdfText } from '../../src-main/reports/pdf/pdf-extract';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { loadFontkit } from '../../src-main/reports/report-libraries';
import { missingText } from '../../src-main/reports/self-check';
import { builtInTemplate, fixtureReportData, fontDir } from '../fixtures/report-fixture';
import { simulateFontkitFault, type SimulatedFault } from '../fixtures/fontkit-fault';
import { pristineFontkit } from '../fixtures/pristine-fontkit';
import { shape } from '../fixtures/shaped-run';

const reportFonts = loadReportFonts(fontDir);
reportFonts.prepareShaping();
const fontkit = loadFontkit();
const boldBytes = readFileSync(path.join(fontDir, 'NotoSans-Bold.ttf'));
const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-layout-fallback-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const culprit = 'ĽAVff\u0323';

let fault: SimulatedFault | null = null;
afterEach(() => {
  fault?.restore();
  fault = null;
});
const simulateFault = (scope: 'mark' | 'all') => {
  fault = simulateFontkitFault(scope);
};
const faults = () => fault?.count ?? 0;

const codePointsOf = (text: string) => [...text].map((char) => char.codePointAt(0));

describe('a text fontkit throws on', () => {
  it('is laid out without the positioning features: the glyphs and positions an untouched fontkit gives without them', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    simulateFault('mark');
    const font = fontkit.create(boldBytes) as Fontkit.Font;
    const shaped = shape(font, culprit);
    expect(faults()).toBe(1);
    // Logged once per process, with the font and the reason, not the text.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain('NotoSans-Bold');
    expect(String(warn.mock.calls[0][0])).toContain('simulated fault in fontkit');
    expect(String(warn.mock.calls[0][0])).not.toContain(culprit);
    shape(font, `Merket ${culprit}`);
    expect(faults()).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    // The run lists the features applied: ligatures, kerning and mark positioning are not.
    const features = font.layout(culprit).features as Record<string, boolean>;
    for (const tag of fallbackOffFeatures) expect(features, tag).not.toHaveProperty(tag);
    expect(features).toHaveProperty('ccmp', true);
    const off = Object.fromEntries(fallbackOffFeatures.map((tag) => [tag, false]));
    const reference = pristineFontkit().create(boldBytes) as Fontkit.Font;
    const run = reference.layout(culprit, off);
    expect(shaped.glyphs).toEqual(run.glyphs.map((glyph) => glyph.id));
    expect(shaped.positions).toEqual(run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]));
    // Every character is there, in order: "f" and "f" stay two glyphs.
    expect(shaped.codePoints.flat()).toEqual(codePointsOf(culprit));
  });

  it('that cannot be laid out at all stops with an error naming the text and the font', () => {
    simulateFault('all');
    let error: unknown;
    try {
      (fontkit.create(boldBytes) as Fontkit.Font).layout(culprit);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    const data = (error as AppError).toData();
    expect(data.code).toBe('report_not_typeset');
    expect(data.message).toContain(`"${culprit}"`);
    expect(data.message).toContain('NotoSans-Bold');
    // The user's text, not the library's message.
    expect(data.issues).toEqual([{ path: 'text', key: 'reportTextNotTypeset', message: `"${culprit}"` }]);
    expect(JSON.stringify(data)).not.toContain('simulated fault');
  });
});

/** The fixture's report, its first finding's title and hazard holding the culprit. */
function culpritDocument() {
  const data = fixtureReportData({ findings: 2, measures: 2 });
  data.snapshot.findings[0].title = `Støy ved ${culprit}-linjen`;
  data.snapshot.findings[0].hazard = `Merket ${culprit} på verkstedet`;
  return buildReportDocument(builtInTemplate('risk-assessment-nb'), data);
}

async function exportedText(name: string): Promise<{ poppler: string; missing: string[] }> {
  const document = culpritDocument();
  const pdf = await renderPdf(document, reportFonts);
  const file = path.join(temp, `${name}.pdf`);
  writeFileSync(file, pdf);
  // poppler puts a space before a combining mark drawn back over the glyph before it in a bold line
  // (the page's positions are fontkit's own, as on a fresh font): such spaces are taken out.
  const poppler = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/ (?=\p{M})/gu, '');
  return { poppler, missing: missingText(document, extractPdfText(pdf)) };
}

describe('an error outside fontkit\'s shaping', () => {
  it('is not caught by the fallback: it fails as it is', () => {
    const font = fontkit.create(boldBytes) as Fontkit.Font;
    const prototype = Object.getPrototypeOf(font) as { glyphsForString(text: string): unknown };
    const glyphsForString = prototype.glyphsForString;
    const bug = new TypeError('a bug outside shaping');
    prototype.glyphsForString = function (this: Fontkit.Font, text: string) {
      if (text.includes('Ω')) throw bug;
      return glyphsForString.call(this, text);
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(() => font.layout('Ωhm')).toThrow(bug);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      prototype.glyphsForString = glyphsForString;
      warn.mockRestore();
    }
  });
});

describe('a formal report whose finding holds the culprit', () => {
  it.each([
    ['as fontkit shapes it', false],
    ['when fontkit throws on it', true],
  ])('exports to PDF with the text %s, and passes the self-check', async (name, withFault) => {
    if (withFault) simulateFault('mark');
    const { poppler, missing } = await exportedText(withFault ? 'culprit-fault' : 'culprit');
    if (withFault) expect(faults(), 'the culprit was shaped, and fontkit threw').toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(poppler).toContain(`Støy ved ${culprit}-linjen`);
    expect(poppler).toContain(`Merket ${culprit} på`);
  }, 300_000);

  it('is not exported, with the error naming the text, when it cannot be laid out at all', async () => {
    simulateFault('all');
    const error = await renderPdf(culpritDocument(), reportFonts).catch((caught: unknown) => caught);
    expect(faults()).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain(culprit);
    expect((error as AppError).issues?.[0].key).toBe('reportTextNotTypeset');
  }, 300_000);
});
