// Reports and employee summaries in a language whose guide translation is a draft say so; reviewed ones do not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Guide } from '../../src-main/core/guide';
import { guideTranslationIsDraft } from '../../src-main/core/guide-texts';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import type { ReportTemplate } from '../../src-main/reports/template';
import { plainText } from '../../src-main/reports/template-text';
import { appRoot, builtInGuide, fixtureReportData } from '../fixtures/report-fixture';

function template(id: string): ReportTemplate {
  const file = path.join(appRoot, 'templates', 'reports', `${id}.json`);
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.template;
}

const paragraphs = (id: string, guide: Guide, language?: string) =>
  buildReportDocument(template(id), { ...fixtureReportData(), guide }, language ? { language } : {}).blocks.flatMap((block) =>
    block.kind === 'paragraph' ? [plainText(block.runs)] : [],
  );

/** The built-in guide with its Polish translation reviewed as a whole. */
function reviewedPolish(): Guide {
  const guide = structuredClone(builtInGuide());
  guide.languages = guide.languages.map((l) => (l.code === 'pl' ? { code: 'pl', status: 'reviewed', reviewedBy: 'Jan Kowalski', reviewedOn: '2026-12-01' } : l));
  return guide;
}

describe('the draft translation notice', () => {
  it('follows the status of the translation and of each of its texts', () => {
    const guide = reviewedPolish();
    expect(guideTranslationIsDraft(guide, 'pl')).toBe(false);
    expect(guideTranslationIsDraft(builtInGuide(), 'pl')).toBe(true);
    expect(guideTranslationIsDraft(builtInGuide(), 'nb')).toBe(false);
    // A language the guide does not have is shown in the source language: no draft.
    expect(guideTranslationIsDraft(builtInGuide(), 'de')).toBe(false);
    guide.textStatus = { pl: { 'items.workload.1.text': { status: 'draft' } } };
    expect(guideTranslationIsDraft(guide, 'pl')).toBe(true);
  });

  it('is in an employee summary in a draft language, and not in a reviewed one', () => {
    const draft = paragraphs('employee-summary', builtInGuide(), 'pl');
    expect(draft).toContain('Uwaga: tłumaczenie pytań na ten język jest wersją roboczą, której nie sprawdził jeszcze wykwalifikowany tłumacz.');
    expect(paragraphs('employee-summary', reviewedPolish(), 'pl').some((text) => text.startsWith('Uwaga: tłumaczenie'))).toBe(false);
    expect(paragraphs('employee-summary', builtInGuide(), 'nb').some((text) => text.startsWith('Merk: Oversettelsen'))).toBe(false);
  });

  it('is in the English formal report while the guide\'s English is a draft; the bokmål report is unchanged', () => {
    expect(paragraphs('risk-assessment-en', builtInGuide())).toContain(
      'Note: the translation of the questions into this language is a draft that a qualified translator has not yet checked.',
    );
    expect(paragraphs('risk-assessment-nb', builtInGuide()).some((text) => text.startsWith('Merk: Oversettelsen'))).toBe(false);
  });
});
