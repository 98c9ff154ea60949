// Counts in the employees' summary follow each language's plural rules (Intl.PluralRules): the
// sentence on how many took part, for 0, 1, 2 and 5 people, in bokmål, English, Polish and Arabic
// (whose six categories are all used).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noParticipants } from '../../src-main/core/assessments';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { plainText } from '../../src-main/reports/template-text';
import { appRoot, fixtureReportData } from '../fixtures/report-fixture';

const file = path.join(appRoot, 'templates', 'reports', 'employee-summary.json');
const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const summary = parsed.template;

/** The summary's opening paragraph when `people` took part in the one interview. */
function opening(language: string, people: number): string {
  const data = fixtureReportData();
  const [first] = data.snapshot.interviews;
  data.snapshot.interviews = [{ ...first, participants: { ...noParticipants, employee: people } }];
  const document = buildReportDocument(summary, data, { language });
  const lead = document.blocks.find((block) => block.kind === 'paragraph' && block.style === 'lead');
  if (!lead || lead.kind !== 'paragraph') throw new Error('no opening paragraph');
  return plainText(lead.runs);
}

describe('how many took part, in the plural form each language needs', () => {
  it.each([
    ['nb', 0, '0 personer deltok.'],
    ['nb', 1, '1 person deltok.'],
    ['nb', 2, '2 personer deltok.'],
    ['nb', 5, '5 personer deltok.'],
    ['en', 0, '0 people took part.'],
    ['en', 1, '1 person took part.'],
    ['en', 2, '2 people took part.'],
    ['en', 5, '5 people took part.'],
    ['pl', 0, 'Wzięło udział 0 osób.'],
    ['pl', 1, 'Wzięła udział 1 osoba.'],
    ['pl', 2, 'Wzięły udział 2 osoby.'],
    ['pl', 5, 'Wzięło udział 5 osób.'],
    ['pl', 22, 'Wzięły udział 22 osoby.'],
    ['ar', 0, 'لم يشارك أحد.'],
    ['ar', 1, 'شارك شخص واحد.'],
    ['ar', 2, 'شارك شخصان.'],
    ['ar', 5, 'شارك 5 أشخاص.'],
    ['ar', 11, 'شارك 11 شخصًا.'],
    ['ar', 100, 'شارك 100 شخص.'],
  ])('%s, %i people: "%s"', (language, people, sentence) => {
    const text = opening(language, people);
    expect(text).toContain(sentence);
    // The sentences around it stay: the thanks after it starts a sentence of its own.
    expect(text.indexOf(sentence)).toBeGreaterThan(0);
    expect(text.length).toBeGreaterThan(text.indexOf(sentence) + sentence.length + 10);
  });

  it('every language of the summary prints the count in the form its rules choose, for every category', () => {
    for (const { code } of summary.languages) {
      const rules = new Intl.PluralRules(code);
      for (const people of [3, 5, 11, 21, 22, 100, 101]) {
        expect(opening(code, people), `${code} ${people}`).toMatch(new RegExp(`(^|\\D)${people}(\\D|$)`));
      }
      // One and the other forms differ where the language has more than one category.
      if (rules.resolvedOptions().pluralCategories.length > 1 && code !== 'so') expect(opening(code, 1), code).not.toBe(opening(code, 5).replace('5', '1'));
    }
  });
});
