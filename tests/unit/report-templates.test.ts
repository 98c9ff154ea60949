// Report templates are data, checked before anything is rendered: the built-in ones are valid, a
// broken one gets every problem listed with its path, and the docs and JSON Schema stay in step.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConditions } from '../../src-main/reports/conditions';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { describePlaceholders } from '../../src-main/reports/placeholders';
import { blockTypes } from '../../src-main/reports/template';
import { reportTemplateJsonSchema } from '../../src-main/reports/template-json-schema';
import { appRoot } from '../fixtures/report-fixture';

const templateDir = path.join(appRoot, 'templates', 'reports');
const read = (name: string) => JSON.parse(readFileSync(path.join(templateDir, name), 'utf8'));
const summaryLanguages = ['nb', 'en', 'pl', 'lt', 'ro', 'uk', 'ar', 'so', 'ti', 'es'];

function problemsOf(template: unknown): string[] {
  const result = parseReportTemplate(JSON.stringify(template), 'test.json');
  if (result.ok) return [];
  return result.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

describe('built-in templates', () => {
  it.each(readdirSync(templateDir).filter((name) => name.endsWith('.json')))('%s is valid', (name) => {
    const result = parseReportTemplate(readFileSync(path.join(templateDir, name), 'utf8'), name);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has the employees’ summary in every guide language, translations marked as drafts', () => {
    const summary = read('employee-summary.json');
    expect(summary.languages.map((l: { code: string }) => l.code)).toEqual(summaryLanguages);
    expect(summary.languages.filter((l: { status: string }) => l.status === 'reviewed').map((l: { code: string }) => l.code)).toEqual(['nb']);
    // A text missing in one language would make the template invalid (see above); so would a block
    // with fixed texts, which exist only in nb and en.
    const guide = JSON.parse(readFileSync(path.join(appRoot, 'templates', 'interviews', 'psychosocial-cleaning.json'), 'utf8'));
    expect(guide.languages.map((l: { code: string }) => l.code).sort()).toEqual([...summaryLanguages].sort());
  });
});

describe('a broken template', () => {
  it('lists every problem with its path, not just the first', () => {
    const template = read('action-plan.json');
    template.page.size = 'A5';
    template.sections[0].blocks.push(
      { type: 'paragraph', text: { nb: 'Hei {{clientNmae}}', en: 'Side {{page}}' } },
      { type: 'barChart' },
      { type: 'list', items: [{ nb: 'bare bokmål' }] },
      { type: 'paragraph', text: 'Åpen {{client' },
    );
    template.sections.push({ id: 'plan', blocks: [{ type: 'pageBreak' }] });
    expect(problemsOf(template)).toEqual([
      'page.size: expected one of "A4", "Letter", got "A5"',
      `sections[0].blocks[9].type: unknown block type "barChart"; one of: ${blockTypes.join(', ')}`,
      'sections[0].blocks[8].text.nb: unknown placeholder "{{clientNmae}}"',
      'sections[0].blocks[8].text.en: placeholder "{{page}}" is only allowed in the header and footer',
      'sections[0].blocks[10].items[0].en: missing en text',
      'sections[0].blocks[11].text: "{{" at character 6 is not closed with "}}"',
      'sections[1].id: duplicate section id "plan"',
    ]);
  });

  it('refuses fixed-text blocks and placeholders in a template that goes beyond nb and en', () => {
    const template = read('employee-summary.json');
    const added = template.sections[0].blocks.push({ type: 'factorTable' }) - 1;
    template.footer = Object.fromEntries(summaryLanguages.map((code) => [code, '{{method}}']));
    const problems = problemsOf(template);
    expect(problems).toContain(
      `sections[0].blocks[${added}].type: block "factorTable" writes fixed texts that exist only in nb and en, but the template's languages (nb, en, pl, lt, ro, uk, ar, so, ti, es) go beyond nb and en`,
    );
    expect(problems.filter((p) => p.startsWith('footer.'))).toHaveLength(summaryLanguages.length);
  });

  it('says where the JSON breaks', () => {
    const result = parseReportTemplate('{\n  "format": "kartlegg-report-template/1",\n  "id": "x",\n}', 'broken.json');
    expect(result.ok ? [] : result.problems).toEqual([
      { source: 'broken.json', path: '', message: "invalid JSON at line 3, column 12: a comma before '}' (JSON allows no trailing comma)" },
    ]);
  });

  it('refuses a text that is not text: a template cannot hold code or markup', () => {
    const template = read('action-plan.json');
    template.sections[0].blocks.push({ type: 'paragraph', text: { nb: 'x', en: 'y' }, onClick: 'alert(1)' });
    expect(problemsOf(template)).toEqual(['sections[0].blocks[8].onClick: unknown field "onClick"']);
  });
});

describe('docs', () => {
  it('docs/report-template.schema.json matches the template schema', () => {
    const written = JSON.parse(readFileSync(path.join(appRoot, 'docs', 'report-template.schema.json'), 'utf8'));
    expect(written, 'regenerate with: npx tsx scripts/generate-report-template-schema.ts').toEqual(reportTemplateJsonSchema());
  });

  it('docs/reports.md names every placeholder, condition and block', () => {
    const docs = readFileSync(path.join(appRoot, 'docs', 'reports.md'), 'utf8');
    for (const { name } of describePlaceholders()) expect(docs).toContain(`\`{{${name}}}\``);
    for (const { name } of describeConditions()) expect(docs).toContain(`\`${name}\``);
    for (const type of blockTypes) expect(docs).toContain(`\`${type}\``);
  });
});
