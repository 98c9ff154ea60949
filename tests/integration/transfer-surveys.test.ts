// Survey files through the API: Norwegian Excel's CSV and LibreOffice's XLSX import correctly, rejected cells
// are reported by row, column and reason, the mapping is remembered, and respondents are scored one by one.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentDetails } from '../../src-main/core/assessments';
import type { AssessmentResults } from '../../src-main/api/methods/results';
import type { ExportedFile, PriorSuggestion, SurveyImportResult, SurveyPreview } from '../../src-main/api/methods/transfer';
import { withRawDb } from './fixtures/data-folder';
import { dataChecksum, fails, fixture, fixtureBase64, importNorwegianSurvey, ok } from './fixtures/transfer-data';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime();

let clientId: string;
const guide = { guideId: 'psychosocial-cleaning', guideVersion: '1.0.0' };

beforeEach(async () => {
  clientId = (await ok<{ id: string }>(app.runtime, 'clients.create', { name: 'Glans Renhold AS' })).id;
});

const file = (name: string) => ({ fileName: name, contentBase64: fixtureBase64('surveys', name) });
const csv = (text: string) => ({ fileName: 'svar.csv', contentBase64: Buffer.from(text, 'utf8').toString('base64') });
const newAssessment = (title: string) => ({ kind: 'new', clientId, title, ...guide });

describe('Norwegian Excel CSV (semicolons, Windows-1252, labels as answers)', () => {
  it('maps the columns by item text and heading, and reads every row', async () => {
    const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...file('norsk-excel.csv'), guide });
    expect(preview).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', rowCount: 12, validRows: 12, rejectedTotal: 0 });
    expect(preview.columns.map((c) => [c.header, c.target, c.source])).toEqual([
      ['Respondent', 'ignore', 'none'],
      ['Gruppe', 'group', 'heading'],
      ['Språk', 'language', 'heading'],
      ['Dato', 'date', 'heading'],
      ['Jeg har for mye arbeid på en vakt.', 'item:workload.1', 'itemText'],
      ['Jeg må jobbe lenger enn planlagt for å bli ferdig.', 'item:workload.2', 'itemText'],
      ['Området jeg skal vaske, er for stort for tiden jeg har.', 'item:workload.3', 'itemText'],
      ['Jeg har nok tid til å gjøre jobben ordentlig.', 'item:workload.4', 'itemText'],
      ['Jeg må jobbe veldig fort.', 'item:pace.1', 'itemText'],
      ['Jeg får tatt pausene mine.', 'item:pace.2', 'itemText'],
      ['Jeg må skynde meg mellom stedene jeg skal vaske.', 'item:pace.3', 'itemText'],
      ['Jeg blir stresset av tempoet på jobben.', 'item:pace.4', 'itemText'],
      ['Kommentar', 'ignore', 'none'],
    ]);
    expect(preview.groups).toEqual([
      { group: 'Nattskift', respondents: 6 },
      { group: 'Dagskift', respondents: 6 },
    ]);
    expect(preview.languages).toEqual(['nb', 'pl']);
    expect([preview.firstDate, preview.lastDate]).toEqual(['2025-01-01', '2025-01-12']);
  });

  it('becomes a new assessment with one survey interview per group, each respondent scored as one person', async () => {
    const result = await importNorwegianSurvey(app.runtime, newAssessment('Spørreundersøkelse 2025'));
    expect(result).toMatchObject({ created: true, interviews: 2, respondents: 12, leftOut: 0 });
    const assessment = await ok<AssessmentDetails>(app.runtime, 'assessments.get', { id: result.assessmentId });
    expect(assessment).toMatchObject({ method: 'survey', status: 'completed', plannedStart: '2025-01-01', plannedEnd: '2025-01-12' });
    expect(assessment.interviews.map((i) => [i.groupName, i.kind, i.status, i.participants.employee])).toEqual([
      ['Nattskift', 'survey', 'completed', 6],
      ['Dagskift', 'survey', 'completed', 6],
    ]);
    const results = await ok<AssessmentResults>(app.runtime, 'results.get', { assessmentId: result.assessmentId });
    const workload = results.result.factors.find((f) => f.factorId === 'workload');
    expect(workload).toMatchObject({ suppressed: false, n: 12 });
    // Row 2 (R1) answered "Ofte" (4) to item workload.1 … the fixture's answers follow ((row·7 + column·3) mod 5) + 1.
    const expected = [1, 2, 3, 4, 5].map((value) => ({ value, count: [...Array(12).keys()].filter((i) => ((i + 1) * 7) % 5 + 1 === value).length }));
    if (!workload || workload.suppressed) throw new Error('the workload result is withheld');
    expect(workload.items.find((item) => item.itemId === 'workload.1')?.options).toEqual(expected);
    withRawDb(app.dataDir, (db) => {
      const row = db.prepare(`SELECT position, language, answered_on, answers FROM survey_responses ORDER BY position LIMIT 1`).get() as Record<string, unknown>;
      expect(row).toMatchObject({ position: 2, language: 'nb', answered_on: '2025-01-01' });
      expect(JSON.parse(row.answers as string)['workload.1']).toBe(((1 * 7) % 5) + 1);
    });
  });
});

describe('LibreOffice XLSX (item ids as headings, English labels and numbers, date cells)', () => {
  it('imports correctly', async () => {
    const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...file('libreoffice.xlsx'), guide });
    expect(preview).toMatchObject({ format: 'xlsx', validRows: 10, rejectedTotal: 0, firstDate: '2025-02-01', lastDate: '2025-02-10' });
    expect(preview.columns.slice(0, 4).map((c) => [c.header, c.target, c.source])).toEqual([
      ['Group', 'group', 'heading'],
      ['Language', 'language', 'heading'],
      ['Date', 'date', 'heading'],
      ['workload.1', 'item:workload.1', 'itemId'],
    ]);
    expect(preview.groups).toEqual([
      { group: 'Kontor', respondents: 5 },
      { group: 'Sykehus', respondents: 5 },
    ]);
    const result = await ok<SurveyImportResult>(app.runtime, 'surveys.import', {
      ...file('libreoffice.xlsx'),
      targets: preview.columns.map((c) => c.target),
      destination: newAssessment('Undersøkelse 2025'),
      defaultGroup: 'Alle',
    });
    expect(result).toMatchObject({ interviews: 2, respondents: 10 });
  });
});

describe('rejected cells', () => {
  it('are reported with row, column and reason; the consultant imports the valid rows or nothing', async () => {
    const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...file('med-feil.csv'), guide });
    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: ',', validRows: 2, rowsWithProblems: 4, emptyRows: 1, rejectedTotal: 4, notedTotal: 1 });
    expect(preview.rejected.map((r) => [r.row, r.column, r.header, r.value, r.reason])).toEqual([
      [3, 4, 'workload.1', '6', 'notOnScale'],
      [4, 5, 'workload.2', 'kanskje', 'unknownLabel'],
      [5, 4, 'workload.1', '3,5', 'notWholeNumber'],
      [6, 3, 'date', '32.01.2025', 'badDate'],
    ]);
    // The unknown language is reported, but row 5 is left out for its "3,5", not for its language.
    expect(preview.noted.map((r) => [r.row, r.column, r.value, r.reason])).toEqual([[5, 2, 'klingon', 'unknownLanguage']]);
    expect(preview.languageUnknown).toBe(0);
    const input = { ...file('med-feil.csv'), targets: preview.columns.map((c) => c.target), destination: newAssessment('Med feil'), defaultGroup: 'Alle' };
    const checksum = dataChecksum(app.dataDir);
    const refused = await fails(app.runtime, 'surveys.import', input);
    expect(refused).toMatchObject({ code: 'conflict', issues: [{ key: 'rejectedCells' }] });
    expect(dataChecksum(app.dataDir)).toBe(checksum);
    const result = await ok<SurveyImportResult>(app.runtime, 'surveys.import', { ...input, onlyValidRows: true });
    expect(result).toMatchObject({ respondents: 2, leftOut: 4 });
  });

  it('a mapping with an item twice, or without items, is refused before anything is read', async () => {
    const text = 'a;b\nOfte;Ofte\n';
    const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...csv(text), guide, targets: ['item:workload.1', 'item:workload.1'] });
    expect(preview.mappingProblems).toEqual([{ kind: 'duplicateTarget', target: 'item:workload.1', columns: [1, 2] }]);
    const none = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...csv(text), guide, targets: ['ignore', 'group'] });
    expect(none.mappingProblems).toEqual([{ kind: 'noItems' }]);
    const unknown = await fails(app.runtime, 'surveys.preview', { ...csv(text), guide, targets: ['item:nope', 'ignore'] });
    expect(unknown.issues?.[0]).toMatchObject({ path: 'targets[0]', key: 'unknownTarget' });
  });
});

describe('hostile survey files', () => {
  it.each([
    ['a cut-short XLSX', () => readFileSync(fixture('surveys', 'libreoffice.xlsx')).subarray(0, 3000), 'truncated'],
    ['a zip with a path out of the folder', () => readFileSync(fixture('packages', 'path-escape.kartlegg')), 'unsafeEntryName'],
    ['a zip bomb', () => readFileSync(fixture('packages', 'zip-bomb-entry.kartlegg')), 'entryTooLarge'],
    ['an old .xls file', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'notASpreadsheet'],
    ['a quote that never closes', () => Buffer.from('a;b\n"Ofte;2\n'), 'notASpreadsheet'],
  ])('%s is refused with its reason and nothing changes', async (_name, bytes, key) => {
    const upload = { fileName: 'svar.xlsx', contentBase64: bytes().toString('base64') };
    const checksum = dataChecksum(app.dataDir);
    const preview = await fails(app.runtime, 'surveys.preview', { ...upload, guide });
    expect(preview.issues?.[0].key).toBe(key);
    const refused = await fails(app.runtime, 'surveys.import', { ...upload, targets: [], destination: newAssessment('X'), defaultGroup: 'Alle' });
    expect(refused.issues?.[0].key).toBe(key);
    expect(dataChecksum(app.dataDir)).toBe(checksum);
  });
});

describe('column mappings', () => {
  it('are remembered per guide for the next file', async () => {
    const text = 'Avdeling;Spm A;Spm B\nLager;Ofte;Aldri\n';
    const first = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...csv(text), guide });
    expect(first.columns.map((c) => c.target)).toEqual(['group', 'ignore', 'ignore']);
    await ok(app.runtime, 'surveys.import', {
      ...csv(text),
      targets: ['group', 'item:workload.1', 'item:pace.1'],
      destination: newAssessment('Første'),
      defaultGroup: 'Alle',
    });
    const next = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...csv('spm a;SPM B;Ekstra\n3;4;x\n'), guide });
    expect(next.columns.map((c) => [c.target, c.source])).toEqual([
      ['item:workload.1', 'saved'],
      ['item:pace.1', 'saved'],
      ['ignore', 'none'],
    ]);
  });
});

describe('many respondents', () => {
  it('2,000 rows become two interviews, not 2,000, and every respondent counts once', async () => {
    const lines = ['gruppe;workload.1;workload.2;workload.3'];
    for (let i = 0; i < 2000; i++) lines.push(`${i % 2 ? 'Dag' : 'Natt'};${(i % 5) + 1};${((i + 1) % 5) + 1};${((i + 2) % 5) + 1}`);
    const upload = csv(lines.join('\r\n'));
    const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...upload, guide });
    const result = await ok<SurveyImportResult>(app.runtime, 'surveys.import', {
      ...upload,
      targets: preview.columns.map((c) => c.target),
      destination: newAssessment('Stor undersøkelse'),
      defaultGroup: 'Alle',
    });
    expect(result).toMatchObject({ interviews: 2, respondents: 2000 });
    const results = await ok<AssessmentResults>(app.runtime, 'results.get', { assessmentId: result.assessmentId });
    expect(results.result.factors.find((f) => f.factorId === 'workload')).toMatchObject({ n: 2000 });
    expect(results.result.groups.map((g) => g.group).sort()).toEqual(['Dag', 'Natt']);
  });
});

describe('prior assessments', () => {
  it('suggests the latest earlier assessment of the same client and guide, and results compare with it', async () => {
    const old = await importNorwegianSurvey(app.runtime, newAssessment('Undersøkelse 2025'));
    const older = await ok<{ id: string }>(app.runtime, 'assessments.create', { clientId, title: 'Kartlegging 2023', method: 'group', plannedStart: '2023-01-10', ...guide });
    await ok(app.runtime, 'guides.import', {
      fileName: 'valid-minimal.json',
      content: Buffer.from(fixtureBase64('guides', 'valid-minimal.json'), 'base64').toString('utf8'),
    });
    await ok(app.runtime, 'assessments.create', { clientId, title: 'Annen veileder', method: 'group', plannedStart: '2025-06-01', guideId: 'example-workload', guideVersion: '1.0' });
    const current = await ok<AssessmentDetails>(app.runtime, 'assessments.create', { clientId, title: 'Kartlegging 2026', method: 'group', plannedStart: '2026-01-15', ...guide });

    const suggestion = await ok<PriorSuggestion>(app.runtime, 'assessments.suggestPrior', { assessmentId: current.id });
    expect(suggestion.suggestion?.id).toBe(old.assessmentId);
    expect(suggestion.candidates.map((c) => c.title)).toEqual(['Annen veileder', 'Undersøkelse 2025', 'Kartlegging 2023']);
    expect((await ok<PriorSuggestion>(app.runtime, 'assessments.suggestPrior', { assessmentId: older.id })).suggestion).toBeNull();

    const { id, createdAt: _c, updatedAt: _u, status: _s, revision: _r, clientName: _n, unitName: _un, interviewCount: _i, completedInterviewCount: _ci, interviews: _iv, ...fields } = current;
    await ok(app.runtime, 'assessments.update', { id, ...fields, priorAssessmentId: old.assessmentId });
    const results = await ok<AssessmentResults>(app.runtime, 'results.get', { assessmentId: id });
    expect(results.prior).toMatchObject({ assessmentId: old.assessmentId, title: 'Undersøkelse 2025' });
  });
});

describe('aggregated scores', () => {
  it('are exported as CSV and XLSX with withheld results as empty cells marked "withheld"', async () => {
    const lines = ['gruppe;workload.1;workload.2;workload.3'];
    for (let i = 0; i < 8; i++) lines.push(`Natt;4;4;Ofte`);
    for (let i = 0; i < 2; i++) lines.push(`Dag;1;1;Aldri`);
    const upload = csv(lines.join('\n'));
    const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...upload, guide });
    const { assessmentId } = await ok<SurveyImportResult>(app.runtime, 'surveys.import', {
      ...upload,
      targets: preview.columns.map((c) => c.target),
      destination: newAssessment('Liten gruppe'),
      defaultGroup: 'Alle',
    });
    const exportedCsv = await ok<ExportedFile>(app.runtime, 'transfer.exportResults', { assessmentId, format: 'csv', language: 'nb' });
    expect(exportedCsv.fileName).toBe('liten-gruppe-resultater.csv');
    const text = Buffer.from(exportedCsv.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFNivå;Gruppe;Faktor-ID;Faktor;')).toBe(true);
    const rows = text.trim().split('\r\n').map((line) => line.split(';'));
    const total = rows.find((r) => r[0] === 'Totalt' && r[2] === 'workload')!;
    // (8 people at 75 + 2 at 0) / 10.
    expect(total.slice(4, 6)).toEqual(['60', '10']);
    expect(total[7]).toBe('');
    // The group of two is withheld, and so is the other group, which would reveal it by subtraction.
    for (const group of ['Natt', 'Dag']) {
      const row = rows.find((r) => r[1] === group && r[2] === 'workload')!;
      expect(row.slice(4, 8)).toEqual(['', '', '', 'withheld']);
    }
    // No individual answer is in the file: only factor scores, one row per factor and group.
    expect(rows.length).toBe(1 + 17 * 3);

    const xlsx = await ok<ExportedFile>(app.runtime, 'transfer.exportResults', { assessmentId, format: 'xlsx', language: 'en' });
    expect(xlsx.fileName).toBe('liten-gruppe-results.xlsx');
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
