// The sentences the formal report makes from counts, for 0, 1 and 2 of everything, in bokmål and
// English, written out in full so a person can read what the report says. A sentence whose value is
// missing (no period) is left out, never printed with a hole in it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../src-main/reports/build-document';
import type { ReportDocument } from '../../src-main/reports/model';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { appRoot, fixtureReportData } from '../fixtures/report-fixture';

function template(id: string) {
  const file = path.join(appRoot, 'templates', 'reports', `${id}.json`);
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${id}.json is not valid`);
  return parsed.template;
}

const groupsOf = (n: number) => [
  { name: 'Dagskift', people: 7, language: 'pl' },
  { name: 'Kveldsskift', people: 6, language: 'ar' },
].slice(0, n);

function report(language: 'nb' | 'en', n: number): ReportDocument {
  const data = fixtureReportData({ groups: groupsOf(n), findings: n, measures: n });
  return buildReportDocument(template(`risk-assessment-${language}`), data);
}

/** Every paragraph's text, one string each. */
const paragraphs = (doc: ReportDocument) => doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.runs.map((run) => run.text).join('')] : []));

const expected = {
  nb: {
    0: ['Det ble holdt ingen intervjuer.', 'Ingen har deltatt i intervjuer ennå.', 'Det er ingen godtatte funn.', 'Handlingsplanen har ingen tiltak, og ingen er avtalt ennå.'],
    1: [
      'Det ble holdt 1 intervju i 1 gruppe.',
      '7 personer var invitert til intervjuene, og 7 deltok.',
      'Intervjuene ble holdt på dette språket: Polski.',
      'Det er 1 godtatt funn.',
      'Handlingsplanen har 1 tiltak, og 1 av dem er avtalt.',
    ],
    2: [
      'Det ble holdt 2 intervjuer i 2 grupper.',
      '13 personer var invitert til intervjuene, og 13 deltok.',
      'Intervjuene ble holdt på disse språkene: العربية, Polski.',
      'Tolk ble brukt i 1 intervju.',
      'Det er 2 godtatte funn.',
      'Handlingsplanen har 2 tiltak, og 2 av dem er avtalt.',
    ],
  },
  en: {
    0: ['No interviews were held.', 'Nobody has taken part in an interview yet.', 'There are no accepted findings.', 'The action plan has no measures, and none is agreed yet.'],
    1: [
      '1 interview was held in 1 group.',
      '7 people were invited to the interviews, and 7 took part.',
      'The interviews were held in this language: Polski.',
      'There is 1 accepted finding.',
      'The action plan has 1 measure, and 1 of them is agreed.',
    ],
    2: [
      '2 interviews were held in 2 groups.',
      '13 people were invited to the interviews, and 13 took part.',
      'The interviews were held in these languages: العربية, Polski.',
      'An interpreter was used in 1 interview.',
      'There are 2 accepted findings.',
      'The action plan has 2 measures, and 2 of them are agreed.',
    ],
  },
} as const;

describe.each(['nb', 'en'] as const)('the formal report in %s', (language) => {
  describe.each([0, 1, 2] as const)('with %i of everything', (n) => {
    const texts = paragraphs(report(language, n));
    const all = texts.join('\n');

    it.each(expected[language][n].map((sentence) => [sentence]))('says "%s"', (sentence) => {
      expect(all).toContain(sentence);
    });

    it('never leaves a hole where a value is missing', () => {
      for (const text of texts) expect(text).not.toMatch(/\s[.,:]|:\s*\.|\(\s*\)|\s{2,}/u);
    });
  });

  it('leaves out the sentence with the period when no dates are planned', () => {
    const data = fixtureReportData();
    data.snapshot.assessment.plannedStart = null;
    data.snapshot.assessment.plannedEnd = null;
    const texts = paragraphs(buildReportDocument(template(`risk-assessment-${language}`), data));
    const madeBy = language === 'nb' ? 'Kartleggingen ble gjort for' : 'The assessment was made for';
    expect(texts.some((text) => text.includes(madeBy))).toBe(false);
  });

  it('prints the consultant’s reason when no factor has a result to show', () => {
    const data = fixtureReportData({ groups: [] });
    data.snapshot.assessment.noResultsReason = 'Alle gruppene var for små.';
    const texts = paragraphs(buildReportDocument(template(`risk-assessment-${language}`), data));
    expect(texts.join('\n')).toContain('Alle gruppene var for små.');
  });
});

describe('the formal report has the parts an inspector looks for', () => {
  const headings = (doc: ReportDocument) => doc.blocks.flatMap((block) => (block.kind === 'heading' ? [block.runs.map((run) => run.text).join('')] : []));
  const kinds = (doc: ReportDocument) => doc.blocks.map((block) => block.kind);

  it.each([
    [
      'nb',
      [
        '1 Sammendrag',
        'Viktigste funn',
        'Konsulentens konklusjoner',
        'Viktigste tiltak',
        '2 Virksomheten og oppdraget',
        '3 Metode',
        'Deltakere',
        '4 Slik leser du resultatene',
        '7 Risikovurdering',
        'Skalaer og akseptkriterium',
        '8 Handlingsplan',
        '9 Oppfølging',
        'Begrensninger',
        '10 Rettslig grunnlag',
        '11 Godkjenning og underskrifter',
      ],
      ['inspirert av', 'Anonymitet:', 'Begrensninger:', 'Akseptkriterium:', 'Restrisiko:', 'Arbeidsmiljøutvalget (AMU)', 'Tilbakemelding til de ansatte', 'forskrift om organisering, ledelse og medvirkning § 7-1'],
    ],
    [
      'en',
      [
        '1 Summary',
        'Key findings',
        "The consultant's conclusions",
        'Most important measures',
        '2 The organisation and the assignment',
        '3 Method',
        'Participants',
        '4 How to read the results',
        '7 Risk assessment',
        'Scales and acceptance criterion',
        '8 Action plan',
        '9 Follow-up',
        'Limitations',
        '10 Legal basis',
        '11 Approval and signatures',
      ],
      ['inspired by', 'Anonymity:', 'Limits:', 'Acceptance criterion:', 'Residual risk:', 'Working environment committee (AMU)', 'Feedback to the employees', 'Employee Participation section 7-1'],
    ],
  ] as const)('in %s', (language, wantedHeadings, wantedTexts) => {
    const doc = buildReportDocument(template(`risk-assessment-${language}`), fixtureReportData());
    expect(headings(doc)).toEqual(expect.arrayContaining([...wantedHeadings]));
    const text = JSON.stringify(doc.blocks);
    for (const wanted of wantedTexts) expect(text).toContain(wanted);
    // The consultant's conclusions, key findings with their numbers, and the action plan's people.
    expect(text).toContain('Arbeidsmengden og tidspresset på dagskiftet må ned.');
    expect(text).toMatch(/F1 /);
    expect(text).toContain('Kari Nordmann, daglig leder');
    expect(kinds(doc)).toEqual(expect.arrayContaining(['table', 'list', 'toc']));
  });

  it('writes no Norwegian of its own in the English report', () => {
    const doc = buildReportDocument(template('risk-assessment-en'), fixtureReportData());
    const own = doc.blocks.flatMap((block) =>
      // The cover's title is the assessment's own title, as the consultant wrote it.
      block.kind === 'heading' && block.level > 0 ? [block.runs.map((run) => run.text).join('')] : block.kind === 'table' ? block.columns.map((column) => column.header.map((run) => run.text).join('')) : [],
    );
    for (const text of own) expect(text).not.toMatch(/\b(og|av|ikke|tiltak|funn|risiko|ansvarlig|frist)\b|[æøå]/iu);
  });
});
