// Survey exports as the common tools write them (fixtures from scripts/make-survey-tool-fixtures.ts): each is
// previewed and imported through the API with every item column mapped by itself, the answer dates, languages and
// answers read right, and a respondent whose language does not exist kept with the language unknown.
import { beforeEach, describe, expect, it } from 'vitest';
import type { SurveyImportResult, SurveyPreview } from '../../src-main/api/methods/transfer';
import { withRawDb } from './fixtures/data-folder';
import { fixtureBase64, ok } from './fixtures/transfer-data';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime();

let clientId: string;
const guide = { guideId: 'psychosocial-cleaning', guideVersion: '1.0.0' };
const itemIds = ['workload.1', 'workload.2', 'workload.3', 'workload.4', 'pace.1', 'pace.2', 'pace.3', 'pace.4'];
/** As the fixture script writes them: respondent 3 answers "don't know" to the last item. */
const answerFor = (respondent: number, item: number): number | null => (respondent === 3 && item === 7 ? null : ((respondent * 3 + item * 2) % 5) + 1);
const expectedAnswers = [...Array(10).keys()].map((r) => Object.fromEntries(itemIds.map((id, i) => [id, answerFor(r + 1, i)])));

beforeEach(async () => {
  clientId = (await ok<{ id: string }>(app.runtime, 'clients.create', { name: 'Glans Renhold AS' })).id;
});

interface ToolFile {
  name: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheetName?: string;
  languages: (string | null)[];
}

const tools: [tool: string, file: ToolFile][] = [
  ['Google Forms (Norwegian)', { name: 'google-forms-nb.csv', format: 'csv', encoding: 'utf-8', delimiter: ',', languages: ['nb', 'pl', 'ti', 'nb', 'pl', 'ti', 'ar', null, 'nb', 'lt'] }],
  ['Google Forms (English)', { name: 'google-forms-en.csv', format: 'csv', encoding: 'utf-8', delimiter: ',', languages: ['en', 'pl', 'nb', 'pl', 'nb', 'ti', 'ar', 'pl', 'en', 'ro'] }],
  ['Microsoft Forms (Norwegian XLSX)', { name: 'microsoft-forms-nb.xlsx', format: 'xlsx', encoding: null, delimiter: null, sheetName: 'Sheet1', languages: ['nb', 'nb', 'pl', 'nb', 'nb', 'pl', 'nb', 'nb', 'pl', 'nb'] }],
  ['Microsoft Forms (English, Unicode text)', { name: 'microsoft-forms-en.txt', format: 'csv', encoding: 'utf-16le', delimiter: '\t', languages: [...Array(10).keys()].map((r) => (r % 2 ? 'pl' : 'en')) }],
  ['Questback (Windows-1252)', { name: 'questback.csv', format: 'csv', encoding: 'windows-1252', delimiter: ';', languages: Array(10).fill(null) }],
  ['Netigate (UTF-16 BE)', { name: 'netigate.txt', format: 'csv', encoding: 'utf-16be', delimiter: '\t', languages: [...Array(10).keys()].map((r) => (r % 2 ? 'lt' : 'nb')) }],
  ['SurveyXact (UTF-8 with BOM, serial dates)', { name: 'surveyxact.csv', format: 'csv', encoding: 'utf-8', delimiter: ';', languages: Array(10).fill(null) }],
  ['a hand-typed workbook (merged headings, formulas, second sheet)', { name: 'hand-typed.xlsx', format: 'xlsx', encoding: null, delimiter: null, sheetName: 'Svar', languages: Array(10).fill(null) }],
];

const upload = (name: string) => ({ fileName: name, contentBase64: fixtureBase64('surveys', 'tools', name) });

describe.each(tools)('%s', (_tool, file) => {
  it('previews with every item column mapped by itself, the group and the answer date', async () => {
    const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...upload(file.name), guide });
    expect(preview).toMatchObject({ format: file.format, encoding: file.encoding, delimiter: file.delimiter, validRows: 10, rejectedTotal: 0, mappingProblems: [] });
    if (file.sheetName) expect(preview.sheetName).toBe(file.sheetName);
    const mapped = preview.columns.filter((column) => column.target !== 'ignore');
    expect(mapped.filter((column) => column.target.startsWith('item:')).map((column) => column.target)).toEqual(itemIds.map((id) => `item:${id}`));
    expect(mapped.every((column) => column.source !== 'none' && column.source !== 'chosen')).toBe(true);
    expect(mapped.some((column) => column.target === 'group')).toBe(true);
    expect([preview.firstDate, preview.lastDate]).toEqual(['2025-03-01', '2025-03-10']);
    expect(preview.groups.map((g) => [g.group, g.respondents]).sort()).toEqual([
      ['Dagskift', 5],
      ['Nattskift', 5],
    ]);
    const unknown = file.languages.filter((language) => language === null).length;
    const hasLanguageColumn = mapped.some((column) => column.target === 'language');
    expect(preview.languageUnknown).toBe(hasLanguageColumn ? unknown : 0);
  });

  it('imports every respondent with the answers, date and language of its row', async () => {
    const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...upload(file.name), guide });
    const result = await ok<SurveyImportResult>(app.runtime, 'surveys.import', {
      ...upload(file.name),
      targets: preview.columns.map((column) => column.target),
      destination: { kind: 'new', clientId, title: file.name, ...guide },
      defaultGroup: 'Alle',
    });
    expect(result).toMatchObject({ created: true, interviews: 2, respondents: 10, leftOut: 0 });
    withRawDb(app.dataDir, (db) => {
      const rows = db.prepare(`SELECT position, language, answered_on, answers FROM survey_responses ORDER BY position`).all() as {
        position: number;
        language: string | null;
        answered_on: string;
        answers: string;
      }[];
      expect(rows.map((row) => JSON.parse(row.answers))).toEqual(expectedAnswers);
      expect(rows.map((row) => row.answered_on)).toEqual([...Array(10).keys()].map((r) => `2025-03-${String(r + 1).padStart(2, '0')}`));
      expect(rows.map((row) => row.language)).toEqual(file.languages);
    });
  });
});

describe('a respondent whose language does not exist', () => {
  it('is imported with the language unknown, and the cell is reported, never dropped', async () => {
    const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...upload('google-forms-nb.csv'), guide });
    expect(preview.noted).toEqual([{ row: 9, column: 3, header: 'Språk', value: 'Klingon', reason: 'unknownLanguage' }]);
    expect(preview).toMatchObject({ validRows: 10, rowsWithProblems: 0, rejectedTotal: 0, languageUnknown: 1 });
    const result = await ok<SurveyImportResult>(app.runtime, 'surveys.import', {
      ...upload('google-forms-nb.csv'),
      targets: preview.columns.map((column) => column.target),
      destination: { kind: 'new', clientId, title: 'Google', ...guide },
      defaultGroup: 'Alle',
    });
    expect(result).toMatchObject({ respondents: 10, leftOut: 0, languageUnknown: 1 });
    withRawDb(app.dataDir, (db) => {
      expect(db.prepare(`SELECT language FROM survey_responses WHERE position = 9`).get()).toEqual({ language: null });
    });
  });
});

describe('workbook sheets', () => {
  it('the first sheet whose headings map is the default; another can be chosen by name; an unknown name is refused', async () => {
    const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...upload('hand-typed.xlsx'), guide });
    expect(preview.sheetNames).toEqual(['Forside', 'Svar']);
    expect(preview.columns.slice(0, 3).map((column) => [column.header, column.target])).toEqual([
      ['Gruppe', 'group'],
      ['Dato', 'date'],
      ['Arbeidsmengde og tid - Jeg har for mye arbeid på en vakt.', 'item:workload.1'],
    ]);
    const cover = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...upload('hand-typed.xlsx'), guide, sheet: 'Forside' });
    expect(cover).toMatchObject({ sheetName: 'Forside', mappingProblems: [{ kind: 'noItems' }] });
    const missing = await app.runtime.call('surveys.preview', { ...upload('hand-typed.xlsx'), guide, sheet: 'Ark3' });
    expect(missing.ok ? null : missing.error.issues?.[0].key).toBe('noSuchSheet');
  });
});
