// Survey imports count people once: a file already imported into an assessment (the same file, or the
// same rows in another file) is refused unless it replaces the earlier import; each import is a batch
// that can be listed and undone as a whole.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentResults } from '../../src-main/api/methods/results';
import type { SurveyImportResult, SurveyPreview, SurveyUndoResult } from '../../src-main/api/methods/transfer';
import type { SurveyImportBatch } from '../../src-main/core/survey-duplicates';
import { withRawDb } from './fixtures/data-folder';
import { fails, fixtureBase64, ok } from './fixtures/transfer-data';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime();

let assessmentId: string;

beforeEach(async () => {
  const client = await ok<{ id: string }>(app.runtime, 'clients.create', { name: 'Glans Renhold AS' });
  assessmentId = (
    await ok<{ id: string }>(app.runtime, 'assessments.create', {
      clientId: client.id,
      title: 'Spørreundersøkelse 2025',
      method: 'survey',
      guideId: 'psychosocial-cleaning',
      guideVersion: '1.0.0',
    })
  ).id;
});

type Upload = { fileName: string; contentBase64: string };
const norwegianExcel: Upload = { fileName: 'norsk-excel.csv', contentBase64: fixtureBase64('surveys', 'norsk-excel.csv') };
const csv = (fileName: string, text: string): Upload => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });

/** Rows of (group, date, answer to workload.1..4), as a survey tool would export them. */
const rows = [
  ['Dagskift', '2025-03-01', 4, 3, 2, 5],
  ['Dagskift', '2025-03-02', 2, 2, 3, 4],
  ['Nattskift', '2025-03-02', 5, 4, 4, 1],
  ['Nattskift', '2025-03-03', 1, 3, 5, 2],
] as const;
const commaFile = (name: string, which: readonly (typeof rows)[number][]) =>
  csv(name, ['Group,Date,workload.1,workload.2,workload.3,workload.4', ...which.map((r) => r.join(','))].join('\n'));
/** The same rows, saved another way: semicolons and the items in another order. */
const semicolonFile = (name: string, which: readonly (typeof rows)[number][]) =>
  csv(name, ['workload.4;workload.3;workload.2;workload.1;Date;Group', ...which.map((r) => [r[5], r[4], r[3], r[2], r[1], r[0]].join(';'))].join('\n'));

async function preview(upload: Upload): Promise<SurveyPreview> {
  return ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...upload, guide: { assessmentId } });
}

async function importInput(upload: Upload, replaceEarlier?: boolean) {
  const found = await preview(upload);
  return {
    ...upload,
    targets: found.columns.map((c) => c.target),
    destination: { kind: 'existing', assessmentId },
    defaultGroup: 'Alle',
    ...(replaceEarlier === undefined ? {} : { replaceEarlier }),
  };
}

async function workloadN(): Promise<number> {
  const results = await ok<AssessmentResults>(app.runtime, 'results.get', { assessmentId });
  const workload = results.result.factors.find((f) => f.factorId === 'workload')!;
  if (workload.suppressed) throw new Error('workload withheld');
  return workload.n;
}

const respondentRows = () => withRawDb(app.dataDir, (db) => (db.prepare('SELECT count(*) AS n FROM survey_responses').get() as { n: number }).n);

describe('the same file twice', () => {
  it('is refused with the earlier import named, and nothing changes', async () => {
    const first = await ok<SurveyImportResult>(app.runtime, 'surveys.import', await importInput(norwegianExcel));
    expect(first).toMatchObject({ respondents: 12, replacedRespondents: 0 });
    expect(await workloadN()).toBe(12);

    const again = await preview(norwegianExcel);
    expect(again.duplicates).toEqual([{ importId: first.importId, fileName: 'norsk-excel.csv', importedAt: expect.any(String), reason: 'sameFile', sharedRows: 12 }]);
    const refused = await fails(app.runtime, 'surveys.import', await importInput(norwegianExcel));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('"norsk-excel.csv"');
    expect(refused.issues?.[0]).toMatchObject({ path: 'file', key: 'duplicateFile' });
    expect(await workloadN()).toBe(12);
    expect(respondentRows()).toBe(12);
  });

  it('replaces the earlier import in one step when asked: each person counted once', async () => {
    const first = await ok<SurveyImportResult>(app.runtime, 'surveys.import', await importInput(norwegianExcel));
    const second = await ok<SurveyImportResult>(app.runtime, 'surveys.import', await importInput(norwegianExcel, true));
    expect(second).toMatchObject({ respondents: 12, replacedRespondents: 12 });
    expect(await workloadN()).toBe(12);
    expect(respondentRows()).toBe(12);
    const batches = await ok<SurveyImportBatch[]>(app.runtime, 'surveys.imports', { assessmentId });
    expect(batches.map((b) => b.id)).toEqual([second.importId]);
    expect(batches[0]).toMatchObject({ fileName: 'norsk-excel.csv', respondents: 12, groups: [{ group: 'Dagskift', respondents: 6 }, { group: 'Nattskift', respondents: 6 }] });
    withRawDb(app.dataDir, (db) => {
      expect(db.prepare('SELECT undone_at FROM imports WHERE id = ?').get(first.importId)).toMatchObject({ undone_at: expect.any(String) });
    });
  });
});

describe('the same rows in another file', () => {
  it('is refused: the same export saved another way', async () => {
    await ok(app.runtime, 'surveys.import', await importInput(commaFile('uke-10.csv', rows)));
    expect((await preview(semicolonFile('uke-10-lagret-på-nytt.csv', rows))).duplicates).toMatchObject([{ reason: 'sameRows', sharedRows: 4 }]);
    const refused = await fails(app.runtime, 'surveys.import', await importInput(semicolonFile('uke-10-lagret-på-nytt.csv', rows)));
    expect(refused.issues?.[0]).toMatchObject({ key: 'duplicateRows' });
    expect(respondentRows()).toBe(4);
  });

  it('is refused: a later export that still holds the earlier rows; replacing it leaves each person once', async () => {
    await ok(app.runtime, 'surveys.import', await importInput(commaFile('uke-10.csv', rows.slice(0, 3))));
    await fails(app.runtime, 'surveys.import', await importInput(commaFile('uke-11.csv', rows)));
    expect(respondentRows()).toBe(3);
    const replaced = await ok<SurveyImportResult>(app.runtime, 'surveys.import', await importInput(commaFile('uke-11.csv', rows), true));
    expect(replaced).toMatchObject({ respondents: 4, replacedRespondents: 3 });
    expect(respondentRows()).toBe(4);
  });

  it('different people are imported side by side', async () => {
    await ok(app.runtime, 'surveys.import', await importInput(commaFile('dag.csv', rows.slice(0, 2))));
    expect((await preview(commaFile('natt.csv', rows.slice(2)))).duplicates).toEqual([]);
    await ok(app.runtime, 'surveys.import', await importInput(commaFile('natt.csv', rows.slice(2))));
    expect(await ok<SurveyImportBatch[]>(app.runtime, 'surveys.imports', { assessmentId })).toHaveLength(2);
    expect(respondentRows()).toBe(4);
  });
});

describe('undoing an import', () => {
  it('removes its interviews and respondents as a whole, once', async () => {
    const kept = await ok<SurveyImportResult>(app.runtime, 'surveys.import', await importInput(commaFile('dag.csv', rows.slice(0, 2))));
    const undone = await ok<SurveyImportResult>(app.runtime, 'surveys.import', await importInput(norwegianExcel));
    expect(respondentRows()).toBe(14);
    const result = await ok<SurveyUndoResult>(app.runtime, 'surveys.undoImport', { importId: undone.importId });
    expect(result).toMatchObject({ assessmentId, interviews: 2, respondents: 12, backup: expect.any(String) });
    expect(respondentRows()).toBe(2);
    expect((await ok<SurveyImportBatch[]>(app.runtime, 'surveys.imports', { assessmentId })).map((b) => b.id)).toEqual([kept.importId]);
    expect(await fails(app.runtime, 'surveys.undoImport', { importId: undone.importId })).toMatchObject({ code: 'conflict', issues: [{ key: 'importUndone' }] });
    // Undone, the file may come in again.
    await ok(app.runtime, 'surveys.import', await importInput(norwegianExcel));
    expect(respondentRows()).toBe(14);
  });

  it('refuses an unknown import', async () => {
    expect(await fails(app.runtime, 'surveys.undoImport', { importId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'not_found' });
  });
});
