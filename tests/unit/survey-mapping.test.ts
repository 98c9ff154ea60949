// Survey columns onto a guide and cells into answers: tables of the forms people and tools write, and
// property tests with random cells (every cell is accepted as a value on the scale or rejected with a reason).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide } from '../../src-main/core/guide';
import { readDate } from '../../src-main/core/survey-dates';
import { foldHeading, suggestTargets } from '../../src-main/core/survey-headings';
import {
  columnLetter,
  readAnswer,
  readLanguage,
  readRespondents,
  rejectReasons,
  scaleReader,
  type CellValue,
  type ColumnTarget,
} from '../../src-main/core/survey-mapping';
import { findAppRoot } from '../../src-main/paths';

const guide: Guide = guideSchema.parse(JSON.parse(readFileSync(`${findAppRoot()}/templates/interviews/psychosocial-cleaning.json`, 'utf8')));
const frequency = scaleReader(guide.scales.find((scale) => scale.id === 'frequency')!);

describe('headings', () => {
  it('fold case, spacing, numbering and a final question mark', () => {
    expect(foldHeading('  1. Jeg må  jobbe VELDIG fort? ')).toBe('jeg må jobbe veldig fort');
    expect(foldHeading('Q12: Jeg må jobbe veldig fort.')).toBe('jeg må jobbe veldig fort');
    expect(foldHeading('Spørsmål 3) Tempo')).toBe('tempo');
  });

  it('map by item id, by item text in any of the guide’s languages, by known heading, or as saved', () => {
    const saved = new Map([['mitt spørsmål', 'item:control.1']]);
    const targets = suggestTargets(guide, ['PACE.1', 'Muszę pracować bardzo szybko.', 'Avdeling', 'Dato', 'Mitt spørsmål', 'Navn', 'pace.1'], saved);
    expect(targets.map(({ target, source }) => ({ target, source }))).toEqual([
      { target: 'item:pace.1', source: 'itemId' },
      { target: 'ignore', source: 'none' },
      { target: 'group', source: 'heading' },
      { target: 'date', source: 'heading' },
      { target: 'item:control.1', source: 'saved' },
      { target: 'ignore', source: 'none' },
      { target: 'ignore', source: 'none' },
    ]);
    // The Polish text names pace.1 too, but pace.1 went to the first column: the second is left for the consultant.
  });

  it('name columns as the spreadsheet does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('answers', () => {
  const cases: [CellValue, number | null | string][] = [
    [4, 4],
    ['4', 4],
    [' 4 ', 4],
    ['4,0', 4],
    ['4.00', 4],
    ['Ofte', 4],
    ['OFTE', 4],
    ['Often', 4],
    ['Często', 4],
    ['4 - Ofte', 4],
    ['4 = Often', 4],
    ['ikke relevant', null],
    ['N/A', null],
    ['Vet ikke', null],
    [4.5, 'notWholeNumber'],
    ['4,5', 'notWholeNumber'],
    [6, 'notOnScale'],
    ['0', 'notOnScale'],
    ['kanskje', 'unknownLabel'],
    ['2 - Ofte', 'ambiguousLabel'],
    [true, 'wrongType'],
    [new Date('2025-01-01'), 'wrongType'],
    ['x'.repeat(2000), 'tooLong'],
  ];
  for (const [cell, expected] of cases) {
    it(`${JSON.stringify(cell).slice(0, 30)} → ${JSON.stringify(expected)}`, () => {
      const result = readAnswer(cell, frequency);
      if (typeof expected === 'string') expect(result).toEqual({ ok: false, reason: expected });
      else expect(result).toEqual({ ok: true, value: expected });
    });
  }

  it('any cell is a value on the scale, "not applicable", or rejected with a known reason', () => {
    const labels = guide.scales.flatMap((scale) => scale.points.flatMap((point) => Object.values(point.label)));
    const cell = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(...labels),
      fc.integer({ min: -5, max: 15 }).map(String),
      fc.double({ noNaN: true, min: -10, max: 10 }),
      fc.integer({ min: -5, max: 15 }),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(cell, (value) => {
        const result = readAnswer(value, frequency);
        if (result.ok) expect(result.value === null || frequency.values.has(result.value)).toBe(true);
        else expect(rejectReasons).toContain(result.reason);
      }),
    );
  });
});

describe('dates and languages', () => {
  it.each([
    ['31.01.2025', '2025-01-31'],
    ['1.2.2025', '2025-02-01'],
    ['31/01/2025', '2025-01-31'],
    ['2025-01-31', '2025-01-31'],
    ['2025-01-31 14:03:00', '2025-01-31'],
    [45688, '2025-01-31'],
  ])('%s is %s', (cell, date) => {
    expect(readDate(cell)).toEqual({ ok: true, value: date });
  });

  it.each(['31.02.2025', '2025-13-01', 'i går', '12345678901'])('%s is not a date', (cell) => {
    expect(readDate(cell)).toEqual({ ok: false, reason: 'badDate' });
  });

  it.each([
    ['pl', 'pl'],
    ['PL', 'pl'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['Polski', 'pl'],
    ['Polish', 'pl'],
    ['polsk', 'pl'],
    ['Norsk bokmål', 'nb'],
    ['العربية', 'ar'],
  ])('language %s is %s', (cell, code) => {
    expect(readLanguage(cell)).toEqual({ ok: true, value: code });
  });
});

describe('rows', () => {
  const targets: ColumnTarget[] = ['group', 'item:pace.1', 'item:pace.2'];

  it('leave out a row with any rejected cell, skip blank rows, and refuse a row without answers', () => {
    const reading = readRespondents(
      guide,
      {
        headers: ['gruppe', 'pace.1', 'pace.2'],
        rows: [
          { number: 2, cells: ['Natt', 'Ofte', '2'] },
          { number: 3, cells: ['Natt', 'Ofte', 'hmm'] },
          { number: 4, cells: [null, '', '  '] },
          { number: 5, cells: ['Dag', '', ''] },
        ],
      },
      targets,
    );
    expect(reading.respondents).toEqual([{ row: 2, group: 'Natt', language: null, answeredOn: null, answers: { 'pace.1': 4, 'pace.2': 2 } }]);
    expect(reading.rejected).toEqual([
      { row: 3, column: 3, header: 'pace.2', value: 'hmm', reason: 'unknownLabel' },
      { row: 5, column: 0, header: '', value: '', reason: 'noAnswers' },
    ]);
    expect([reading.rowsWithProblems, reading.emptyRows]).toEqual([2, 1]);
  });

  it('every row is a respondent, a row with problems or an empty row, whatever the cells', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Ofte', 'Aldri', '3', '9', ''), fc.integer({ min: 0, max: 6 }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 30 }), (cells) => {
        const rows = cells.map((row, i) => ({ number: i + 2, cells: row }));
        const reading = readRespondents(guide, { headers: ['g', 'a', 'b'], rows }, targets);
        expect(reading.respondents.length + reading.rowsWithProblems + reading.emptyRows).toBe(rows.length);
        for (const respondent of reading.respondents) {
          for (const value of Object.values(respondent.answers)) expect(value === null || (value >= 1 && value <= 5)).toBe(true);
        }
        for (const rejected of reading.rejected) expect(rejected.row).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});
