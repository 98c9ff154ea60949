// The employees' summary lists the guide's "your rights and who you can talk to" in the summary's
// language; for a guide without them (1.0.0) the summary is exactly what it was.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideSchema } from '../../src-main/core/guide';
import { buildReportDocument } from '../../src-main/reports/build-document';
import type { ListBlock, ParagraphBlock } from '../../src-main/reports/model';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import type { ReportTemplate } from '../../src-main/reports/template';
import { appRoot, fixtureReportData } from '../fixtures/report-fixture';

function template(): ReportTemplate {
  const file = path.join(appRoot, 'templates', 'reports', 'employee-summary.json');
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error('employee-summary.json is not valid');
  return parsed.template;
}

const guide2 = guideSchema.parse(JSON.parse(readFileSync(path.join(appRoot, 'templates', 'interviews', 'psychosocial-cleaning-2.0.0.json'), 'utf8')));
const listTexts = (blocks: { kind: string }[]) =>
  blocks.filter((block): block is ListBlock => block.kind === 'list').map((list) => list.items.map((item) => item.map((run) => run.text).join('')));

describe('the employees’ summary and the guide’s rights information', () => {
  it.each(['nb', 'es', 'ar', 'ti'])('lists every rights text in %s, in the summary’s language and direction', (language) => {
    const data = fixtureReportData();
    const withRights = { ...data, guide: { ...data.guide, rightsInfo: guide2.rightsInfo } };
    const document = buildReportDocument(template(), withRights, { language });
    const expected = guide2.rightsInfo!.map((text) => text[language]);
    expect(listTexts(document.blocks)).toContainEqual(expected);
    const list = document.blocks.find((block): block is ListBlock => block.kind === 'list' && block.items[0]?.[0]?.text === expected[0])!;
    expect(list.dir).toBe(language === 'ar' ? 'rtl' : 'ltr');
  });

  it('leaves out the summary’s own paragraph on the safety representative when the rights list says who that is', () => {
    const data = fixtureReportData();
    const paragraphs = (blocks: { kind: string }[]) =>
      blocks.filter((block): block is ParagraphBlock => block.kind === 'paragraph').map((p) => p.runs.map((run) => run.text).join(''));
    const own = 'Verneombudet passer på arbeidsmiljøet sammen med deg';
    const withRights = buildReportDocument(template(), { ...data, guide: { ...data.guide, rightsInfo: guide2.rightsInfo } }, { language: 'nb' });
    expect(paragraphs(withRights.blocks).some((text) => text.startsWith(own))).toBe(false);
    expect(listTexts(withRights.blocks)).toContainEqual(guide2.rightsInfo!.map((text) => text.nb));
    expect(guide2.rightsInfo![0].nb).toMatch(/^Verneombudet passer på arbeidsmiljøet\./);
    const without = buildReportDocument(template(), data, { language: 'nb' });
    expect(paragraphs(without.blocks).some((text) => text.startsWith(own))).toBe(true);
  });

  it('adds nothing for a guide without rights information, so a 1.0.0 summary is unchanged', () => {
    const data = fixtureReportData();
    expect(data.guide.rightsInfo).toBeUndefined();
    const withBlock = template();
    const withoutBlock = {
      ...withBlock,
      sections: withBlock.sections.map((section) => ({ ...section, blocks: section.blocks.filter((block) => block.type !== 'rightsInfo') })),
    };
    const count = (t: ReportTemplate) => t.sections.reduce((sum, section) => sum + section.blocks.length, 0);
    expect(count(withoutBlock)).toBe(count(withBlock) - 1);
    for (const language of ['nb', 'ar']) {
      expect(buildReportDocument(withBlock, data, { language })).toEqual(buildReportDocument(withoutBlock, data, { language }));
    }
  });
});
