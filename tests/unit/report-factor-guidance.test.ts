// The formal report's appendix with the guide's guidance for those who must act: on a guide with
// guidance (2.0.0) every factor has its meaning, the law and the steps for the employer and the
// safety representative, in nb and en, in the model and in the rendered PDF and DOCX; a guide
// without guidance (1.0.0) gets no appendix and no empty heading.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localize, type Guide } from '../../src-main/core/guide';
import { scoreAssessment } from '../../src-main/core/scoring';
import { parseGuide } from '../../src-main/guides/parse-guide';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { extractDocxText } from '../../src-main/reports/docx/docx-extract';
import { renderDocx } from '../../src-main/reports/docx/render-docx';
import { loadReportFonts } from '../../src-main/reports/fonts';
import type { ReportDocument } from '../../src-main/reports/model';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { extractPdfText } from '../../src-main/reports/pdf/pdf-extract';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { missingText } from '../../src-main/reports/self-check';
import { plainText } from '../../src-main/reports/template-text';
import { appRoot, fixtureReportData, fontDir } from '../fixtures/report-fixture';

function template(id: string) {
  const file = path.join(appRoot, 'templates', 'reports', `${id}.json`);
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.template;
}

function guide2(): Guide {
  const file = path.join(appRoot, 'templates', 'interviews', 'psychosocial-cleaning-2.0.0.json');
  const parsed = parseGuide(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.guide;
}

/** The fixture's assessment on guide 2.0.0 (no answers to its items: the appendix needs none). */
function dataOnGuide2() {
  const data = fixtureReportData({ findings: 1, measures: 1 });
  const guide = guide2();
  return { ...data, guide, result: scoreAssessment(guide, [], { minimumGroupSize: 5 }) };
}

const headings = (document: ReportDocument) => document.blocks.flatMap((block) => (block.kind === 'heading' ? [{ level: block.level, text: plainText(block.runs) }] : []));

/** Every text of the document after the appendix heading, in order. */
function appendixTexts(document: ReportDocument, title: string): string[] {
  const start = document.blocks.findIndex((block) => block.kind === 'heading' && plainText(block.runs) === title);
  if (start < 0) return [];
  return document.blocks.slice(start).flatMap((block) =>
    block.kind === 'heading' || block.kind === 'paragraph' ? [plainText(block.runs)] : block.kind === 'list' ? block.items.map(plainText) : [],
  );
}

const cases = [
  { language: 'nb', id: 'risk-assessment-nb', title: 'Vedlegg: Veiledning for dem som skal gjøre noe', employer: 'Arbeidsgiver og leder kan', safety: 'Verneombudet kan' },
  { language: 'en', id: 'risk-assessment-en', title: 'Appendix: Guidance for those who must act', employer: 'The employer and the manager can', safety: 'The safety representative can' },
] as const;

describe.each(cases)('the guidance appendix in $language', ({ language, id, title, employer, safety }) => {
  const data = dataOnGuide2();
  const document = buildReportDocument(template(id), data);

  it('has every factor of the guide with its meaning, the law and both lists of steps', () => {
    const texts = appendixTexts(document, title);
    expect(texts.length).toBeGreaterThan(0);
    expect(headings(document).find((heading) => heading.text === title)?.level).toBe(1);
    for (const factor of data.guide.factors) {
      const guidance = factor.guidance!;
      const at = texts.indexOf(localize(factor.title, language, 'nb'));
      expect(at, localize(factor.title, language, 'nb')).toBeGreaterThan(0);
      const own = texts.slice(at, at + 5 + guidance.employerSteps.length + guidance.safetyRepresentativeSteps.length);
      expect(own.join('\n')).toContain(localize(guidance.meaning, language, 'nb'));
      expect(own.join('\n')).toContain(localize(guidance.law, language, 'nb'));
      expect(own).toContain(employer);
      expect(own).toContain(safety);
      for (const step of [...guidance.employerSteps, ...guidance.safetyRepresentativeSteps]) expect(own).toContain(localize(step, language, 'nb'));
    }
  });

  it('is in the rendered PDF and DOCX, and the self-check finds nothing missing', async () => {
    const pdf = await renderPdf(document, loadReportFonts(fontDir));
    const docx = await renderDocx(document, { fontDir });
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    const factor = data.guide.factors[0];
    for (const pieces of [extractPdfText(pdf), extractDocxText(docx)]) {
      const all = squeeze(pieces.join(' '));
      expect(all).toContain(squeeze(title));
      expect(all).toContain(squeeze(localize(factor.guidance!.employerSteps[0], language, 'nb')));
      expect(all).toContain(squeeze(localize(factor.guidance!.safetyRepresentativeSteps[0], language, 'nb')));
      expect(missingText(document, pieces)).toEqual([]);
    }
  }, 300_000);
});

describe('an assessment on a guide without guidance (1.0.0)', () => {
  it('has no appendix and no empty heading', () => {
    for (const { id, title, employer } of cases) {
      const document = buildReportDocument(template(id), fixtureReportData({ findings: 1, measures: 1 }));
      const texts = headings(document).map((heading) => heading.text);
      expect(texts).not.toContain(title);
      expect(texts).not.toContain(employer);
      // The guide items appendix is still the document's last heading of level 1.
      expect(headings(document).filter((heading) => heading.level === 1).at(-1)!.text).toMatch(/^(Vedlegg: Spørsmålene|Appendix)/);
    }
  });
});
