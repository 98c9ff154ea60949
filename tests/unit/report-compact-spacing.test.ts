// A template's compact page spacing (the employees' one-page summary) sets headings and blocks
// closer but keeps the body text's size: the rights list's words are as tall as with the usual
// spacing, and the page holds more. Reads word boxes back with poppler's pdftotext (-bbox).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guideSchema } from '../../src-main/core/guide';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { loadReportFonts } from '../../src-main/reports/fonts';
import type { ReportDocument } from '../../src-main/reports/model';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { appRoot, fixtureReportData, fontDir } from '../fixtures/report-fixture';

const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-compact-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Word {
  page: number;
  text: string;
  yMin: number;
  yMax: number;
}

function summary(language: string): ReportDocument {
  const file = path.join(appRoot, 'templates', 'reports', 'employee-summary.json');
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error('employee-summary.json is not valid');
  const guide2 = guideSchema.parse(JSON.parse(readFileSync(path.join(appRoot, 'templates', 'interviews', 'psychosocial-cleaning-2.0.0.json'), 'utf8')));
  const data = fixtureReportData();
  return buildReportDocument(parsed.template, { ...data, guide: { ...data.guide, rightsInfo: guide2.rightsInfo } }, { language });
}

async function words(doc: ReportDocument, name: string): Promise<Word[]> {
  const pdf = path.join(temp, `${name}.pdf`);
  writeFileSync(pdf, await renderPdf(doc, await loadReportFonts(fontDir)));
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return html.split('<page ').slice(1).flatMap((page, p) =>
    [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ page: p + 1, text: m[3], yMin: Number(m[1]), yMax: Number(m[2]) })),
  );
}

describe('compact page spacing', () => {
  it.each(['nb', 'ar'])('keeps the body text’s size and takes less room in the %s employee summary', async (language) => {
    const compact = summary(language);
    expect(compact.page.spacing).toBe('compact');
    const { spacing: _spacing, ...usualPage } = compact.page;
    const usual: ReportDocument = { ...compact, page: usualPage };
    const [tight, loose] = await Promise.all([words(compact, `compact-${language}`), words(usual, `usual-${language}`)]);
    // "(BHT)" and "(RVO)" stand in the rights list only, in the body text's size.
    for (const marker of ['(BHT)', '(RVO)']) {
      const inTight = tight.find((word) => word.text === marker)!;
      const inLoose = loose.find((word) => word.text === marker)!;
      expect(inTight, marker).toBeDefined();
      expect(inTight.yMax - inTight.yMin).toBeCloseTo(inLoose.yMax - inLoose.yMin, 1);
    }
    // Where the rights list's last word ends: higher on the page (or on an earlier page) when compact.
    const end = (list: Word[]) => list.filter((word) => word.text.includes('Arbeidstilsynet')).at(-1)!;
    const [a, b] = [end(tight), end(loose)];
    expect(a.page * 10_000 + a.yMax).toBeLessThan(b.page * 10_000 + b.yMax);
  }, 120_000);
});
