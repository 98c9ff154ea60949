// Cells and headings as the survey tools write them: language names and codes (only languages that exist),
// timestamps of Google Forms, Microsoft Forms and Excel, numbered and grid headings with close matches only
// suggested, and answer labels with their numbers, punctuation and "don't know" in the guide's languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide } from '../../src-main/core/guide';
import { findLanguage } from '../../src-main/core/language-table';
import { readDate, slashOrder } from '../../src-main/core/survey-dates';
import { foldHeading, suggestTargets } from '../../src-main/core/survey-headings';
import { readAnswer, readRespondents, scaleReader, type CellValue } from '../../src-main/core/survey-mapping';
import { findAppRoot } from '../../src-main/paths';

const guide: Guide = guideSchema.parse(JSON.parse(readFileSync(`${findAppRoot()}/templates/interviews/psychosocial-cleaning.json`, 'utf8')));
const frequency = scaleReader(guide.scales.find((scale) => scale.id === 'frequency')!);
const none = new Map<string, string>();

describe('languages', () => {
  it.each([
    ['Norsk', 'nb'],
    ['Bokmål', 'nb'],
    ['Norwegian', 'nb'],
    ['norsk (bokmål)', 'nb'],
    ['nob', 'nb'],
    ['nor', 'nb'],
    ['NO', 'nb'],
    ['Nynorsk', 'nn'],
    ['Polsk', 'pl'],
    ['Polski', 'pl'],
    ['POL', 'pl'],
    ['العربية', 'ar'],
    ['ara', 'ar'],
    ['Tigrinja', 'ti'],
    ['ትግርኛ', 'ti'],
    ['Tigrinya', 'ti'],
    ['tir', 'ti'],
    ['Soomaali', 'so'],
    ['Litauisk', 'lt'],
    ['Lietuvių', 'lt'],
    ['Українська', 'uk'],
    ['Farsi', 'fa'],
    ['Dari', 'prs'],
    ['Svensk', 'sv'],
    ['ger', 'de'],
    ['en_GB', 'en'],
  ])('%s is %s', (text, code) => {
    expect(findLanguage(text)).toBe(code);
  });

  it.each(['klingon', 'xx', 'qq', 'abc', 'xyz', 'Annet', 'Other', '12', '', 'nb-NO-x'.repeat(20)])('%s is no language', (text) => {
    expect(findLanguage(text)).toBeNull();
  });
});

describe('timestamps', () => {
  it.each<[CellValue, string]>([
    ['31.01.25', '2025-01-31'],
    ['31.01.25 14:03', '2025-01-31'],
    ['31.01.2025 14:03:59', '2025-01-31'],
    ['31.01.2025 kl. 14.03', '2025-01-31'],
    ['2025/01/31 10:15:00 AM GMT+1', '2025-01-31'],
    ['2025-01-31T09:15:00.000Z', '2025-01-31'],
    ['31-01-2025', '2025-01-31'],
    [45688.4375, '2025-01-31'],
    ['45688,4375', '2025-01-31'],
    [new Date(Date.UTC(2025, 0, 31, 23, 30)), '2025-01-31'],
  ])('%s is %s', (cell, date) => {
    expect(readDate(cell)).toEqual({ ok: true, value: date });
  });

  it('reads slash dates in the order the column shows: a day over 12, or a 12-hour clock, decides', () => {
    const microsoftUs = ['1/31/25 10:15:00', '2/3/25 9:00:00'];
    expect(slashOrder(microsoftUs)).toBe('mdy');
    expect(microsoftUs.map((cell) => readDate(cell, slashOrder(microsoftUs)))).toEqual([
      { ok: true, value: '2025-01-31' },
      { ok: true, value: '2025-02-03' },
    ]);
    expect(slashOrder(['3/2/2025 10:15:00 AM'])).toBe('mdy');
    expect(slashOrder(['03/02/2025 10:15', '13/02/2025'])).toBe('dmy');
    expect(slashOrder(['03/02/2025'])).toBe('dmy');
    expect(readDate('03/02/2025', 'mdy')).toEqual({ ok: true, value: '2025-03-02' });
  });

  it.each<CellValue>(['31.02.25', '99999', 1.5, '13/13/2025', 'i går'])('%s is not a date', (cell) => {
    expect(readDate(cell)).toEqual({ ok: false, reason: 'badDate' });
  });

  it('take the completion time of Microsoft Forms over its start time, and Google’s timestamp', () => {
    const microsoft = suggestTargets(guide, ['ID', 'Starttidspunkt', 'Fullføringstidspunkt', 'E-post', 'Navn'], none);
    expect(microsoft.map((t) => t.target)).toEqual(['ignore', 'ignore', 'date', 'ignore', 'ignore']);
    expect(suggestTargets(guide, ['Start time', 'Completion time'], none).map((t) => t.target)).toEqual(['ignore', 'date']);
    expect(suggestTargets(guide, ['Starttidspunkt', 'Gruppe'], none).map((t) => t.target)).toEqual(['date', 'group']);
    expect(suggestTargets(guide, ['Tidsmerke'], none)[0].target).toBe('date');
    expect(suggestTargets(guide, ['Timestamp'], none)[0].target).toBe('date');
  });
});

describe('headings', () => {
  it('fold numbering like "Q5.", "5.3" and "12)"', () => {
    expect(foldHeading('Q5. Jeg må jobbe veldig fort.')).toBe('jeg må jobbe veldig fort');
    expect(foldHeading('5.3 Jeg må jobbe veldig fort')).toBe('jeg må jobbe veldig fort');
    expect(foldHeading('12) Jeg må jobbe veldig fort')).toBe('jeg må jobbe veldig fort');
  });

  it('map grid rows exactly: "<stem> [<item>]", "<stem> - <item>", and the template’s "<id> – <text>"', () => {
    const headers = [
      'Arbeidstempo [Jeg må jobbe veldig fort.]',
      'Arbeidstempo - Jeg får tatt pausene mine',
      'workload.1 – Jeg har for mye arbeid på en vakt.',
      '5.3 Jeg blir stresset av tempoet på jobben?',
      'Kommentar: Jeg har nok tid til å gjøre jobben ordentlig.',
      'role-clarity.1 – Vet du hva du skal gjøre? (teksten er endret)',
      '[role-clarity.2] Renhetskrav',
    ];
    const targets = suggestTargets(guide, headers, none);
    expect(targets.map((t) => [t.target, t.source])).toEqual([
      ['item:pace.1', 'itemText'],
      ['item:pace.2', 'itemText'],
      ['item:workload.1', 'itemId'],
      ['item:pace.4', 'itemText'],
      // A free-text column after a colon is not mapped by itself: it is only suggested.
      ['ignore', 'none'],
      ['item:role-clarity.1', 'itemId'],
      ['item:role-clarity.2', 'itemId'],
    ]);
    expect(targets[4].suggestion?.target).toBe('item:workload.4');
  });

  it('only suggest a close match, with how sure it is; never map it', () => {
    const targets = suggestTargets(guide, ['Jeg har for mye arbeid på vakta', 'Hvor fornøyd er du med kantina?', 'Arbeidstempo [Jeg må jobe veldig fort]'], none);
    expect(targets[0]).toMatchObject({ target: 'ignore', source: 'none', suggestion: { target: 'item:workload.1' } });
    expect(targets[0].suggestion!.confidence).toBeGreaterThan(0.7);
    expect(targets[0].suggestion!.confidence).toBeLessThan(1);
    expect(targets[1]).toEqual({ target: 'ignore', source: 'none', suggestion: null });
    expect(targets[2]).toMatchObject({ target: 'ignore', suggestion: { target: 'item:pace.1' } });
  });

  it('do not suggest an item another column already maps, nor guess for a question that is there twice', () => {
    const targets = suggestTargets(guide, ['pace.1', 'Jeg må jobbe veldig fort!!', 'Jeg må jobbe veldig fort'], none);
    expect(targets[1].suggestion?.target).not.toBe('item:pace.1');
    expect(targets[2]).toEqual({ target: 'ignore', source: 'none', suggestion: null });
  });
});

describe('answer labels', () => {
  it.each<[CellValue, number | null]>([
    ['  ofte. ', 4],
    ['«Ofte»', 4],
    ['OFTE!', 4],
    ['Ofte (4)', 4],
    ['Ofte [4]', 4],
    ['4 - Ofte', 4],
    ['4. Ofte', 4],
    ['4 – Often', 4],
    ['Często', 4],
    ['Vet ikke', null],
    ['vet ikke.', null],
    ['Ikke aktuelt', null],
    ["Don't know", null],
    ['Nie wiem', null],
    ['Nie dotyczy', null],
    ['No sé', null],
    ['Vet ikke (6)', null],
  ])('%s is %s', (cell, value) => {
    expect(readAnswer(cell, frequency)).toEqual({ ok: true, value });
  });

  it.each<[CellValue, string]>([
    ['Ofte (2)', 'ambiguousLabel'],
    ['Ofte (9)', 'notOnScale'],
    ['Vet ikke (3)', 'ambiguousLabel'],
  ])('%s is rejected: %s', (cell, reason) => {
    expect(readAnswer(cell, frequency)).toEqual({ ok: false, reason });
  });
});

describe('a language that does not exist', () => {
  it('keeps the respondent with the language unknown and notes the cell', () => {
    const reading = readRespondents(
      guide,
      {
        headers: ['Språk', 'pace.1'],
        rows: [
          { number: 2, cells: ['Norsk', 'Ofte'] },
          { number: 3, cells: ['klingon', 'Aldri'] },
          { number: 4, cells: ['xx', 'hmm'] },
        ],
      },
      ['language', 'item:pace.1'],
    );
    expect(reading.respondents.map((r) => [r.row, r.language, r.answers['pace.1']])).toEqual([
      [2, 'nb', 4],
      [3, null, 1],
    ]);
    expect(reading.noted).toEqual([
      { row: 3, column: 1, header: 'Språk', value: 'klingon', reason: 'unknownLanguage' },
      { row: 4, column: 1, header: 'Språk', value: 'xx', reason: 'unknownLanguage' },
    ]);
    // Row 4 is left out for its answer, not its language.
    expect(reading.rejected).toEqual([{ row: 4, column: 2, header: 'pace.1', value: 'hmm', reason: 'unknownLabel' }]);
  });
});
