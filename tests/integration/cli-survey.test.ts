// `kartlegg survey preview` and `kartlegg survey import` as a user types them: a close heading match is only
// suggested until a mapping file confirms it, and the respondents land in the assessment.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiRuntime } from '../../src-main/api/runtime';
import type { SurveyPreview } from '../../src-main/api/methods/transfer';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir, withRawDb } from './fixtures/data-folder';
import { runCli } from './fixtures/cli';

const appRoot = findAppRoot();
let dataDir: string;
let fileDir: string;
let assessmentId: string;

const kartlegg = (...args: string[]) => runCli(dataDir, args);

beforeAll(async () => {
  dataDir = makeTempDir();
  fileDir = makeTempDir();
  const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  try {
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await runtime.call(method, input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as T;
    };
    const client = await call<{ id: string }>('clients.create', { name: 'Vaskeriet Ålesund AS' });
    assessmentId = (await call<{ id: string }>('assessments.create', { clientId: client.id, title: 'Undersøkelse', method: 'survey', guideId: 'psychosocial-cleaning', guideVersion: '1.0.0' })).id;
  } finally {
    await runtime.close();
  }
  // Column B is a close match (a changed word), column C an exact item id; one language does not exist.
  writeFileSync(
    path.join(fileDir, 'svar.csv'),
    ['Gruppe;Jeg har for mye arbeid på vakta;pace.1;Språk', 'Natt;Ofte;3;Polsk', 'Natt;Aldri;Alltid;Klingon', 'Dag;Vet ikke;2;nb'].join('\r\n'),
  );
}, 60_000);

afterAll(() => {
  removeTempDir(dataDir);
  removeTempDir(fileDir);
});

describe('kartlegg survey', () => {
  it('preview shows the suggestion with how sure it is, and maps only the exact matches', () => {
    const text = kartlegg('survey', 'preview', path.join(fileDir, 'svar.csv'), '--assessment', assessmentId);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/B\s+Jeg har for mye arbeid på vakta\s+-> ignore \(none\)\s+suggested: item:workload\.1 \(\d\d % alike/);
    expect(text.stdout).toContain('"Klingon" is no known language');
    const json = kartlegg('survey', 'preview', path.join(fileDir, 'svar.csv'), '--assessment', assessmentId, '--json');
    const preview = JSON.parse(json.stdout) as SurveyPreview;
    expect(preview.columns.map((c) => c.target)).toEqual(['group', 'ignore', 'item:pace.1', 'language']);
    expect(preview.columns[1].suggestion).toMatchObject({ target: 'item:workload.1' });
    expect(preview).toMatchObject({ validRows: 3, languageUnknown: 1 });
  });

  it('import takes the suggestion only when the mapping file confirms it', () => {
    const mapping = path.join(fileDir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ B: 'workload.1' }));
    const bad = path.join(fileDir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ Z: 'workload.1' }));
    const refused = kartlegg('survey', 'import', path.join(fileDir, 'svar.csv'), '--assessment', assessmentId, '--mapping', bad);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('"Z"');

    const done = kartlegg('survey', 'import', path.join(fileDir, 'svar.csv'), '--assessment', assessmentId, '--mapping', mapping);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('Imported 3 respondent(s) in 2 group(s)');
    expect(done.stdout).toContain('1 respondent(s) were imported with the language unknown.');
    withRawDb(dataDir, (db) => {
      const rows = db.prepare(`SELECT position, language, answers FROM survey_responses ORDER BY position`).all() as { position: number; language: string | null; answers: string }[];
      expect(rows.map((row) => [row.position, row.language, JSON.parse(row.answers)])).toEqual([
        [2, 'pl', { 'workload.1': 4, 'pace.1': 3 }],
        [3, null, { 'workload.1': 1, 'pace.1': 5 }],
        [4, 'nb', { 'workload.1': null, 'pace.1': 2 }],
      ]);
    });
  });
});
