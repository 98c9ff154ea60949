// `kartlegg results <assessment> --json` as a script reads it: exactly what results.get returns.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApiRuntime } from '../../src-main/api/runtime';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';
import { runCli } from './fixtures/cli';

const appRoot = findAppRoot();
let dataDir: string;
let assessmentId: string;
let expected: unknown;

const kartlegg = (...args: string[]) => runCli(dataDir, args);

beforeAll(async () => {
  dataDir = makeTempDir();
  const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  try {
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await runtime.call(method, input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as T;
    };
    const content = readFileSync(path.join(appRoot, 'tests', 'fixtures', 'guides-format-2', 'format-2-exposure.json'), 'utf8');
    await call('guides.import', { fileName: 'format-2-exposure.json', content });
    const client = await call<{ id: string }>('clients.create', { name: 'Vaskeriet Ålesund AS' });
    const assessment = await call<{ id: string }>('assessments.create', { clientId: client.id, title: 'Kartlegging 2027', method: 'group', guideId: 'exposure-test', guideVersion: '1.0' });
    assessmentId = assessment.id;
    const interview = await call<{ id: string }>('interviews.create', { assessmentId, groupName: 'Dagskift', kind: 'group', participants: { employee: 6 } });
    await call('answers.save', { interviewId: interview.id, itemId: 'sexual-attention', answer: { kind: 'tally', votes: { 1: 5, 2: 1 } } });
    await call('answers.save', { interviewId: interview.id, itemId: 'knows-safety-rep', answer: { kind: 'tally', votes: { 1: 4, 2: 1, 3: 1 } } });
    // An incomplete tally: 5 votes with 6 present, reported as "5 of 6", never as complete. (With 4
    // votes the factor's n would be 4, under the minimum group size of 5, and the result withheld.)
    await call('answers.save', { interviewId: interview.id, itemId: 'workload-time', answer: { kind: 'tally', votes: { 2: 3, 3: 2 } } });
    expected = await call('results.get', { assessmentId });
  } finally {
    await runtime.close();
  }
}, 60_000);

afterAll(() => removeTempDir(dataDir));

it('prints the results.get shape as JSON', () => {
  const { status, stdout, stderr } = kartlegg('results', assessmentId, '--json');
  expect(stderr).toBe('');
  expect(status).toBe(0);
  expect(JSON.parse(stdout)).toEqual(expected);
  const harassment = (JSON.parse(stdout) as { result: { factors: { factorId: string; light: string; exposure: { exposed: number } }[] } }).result.factors.find((f) => f.factorId === 'harassment')!;
  expect(harassment).toMatchObject({ light: 'red', exposure: { exposed: 1 } });
});

it('reports an incomplete tally as votes of those present, in the total and in the shown group', () => {
  type Items = { itemId: string; shortTally?: { votes: number; present: number } }[];
  type Factors = { factorId: string; suppressed: boolean; items?: Items }[];
  const { result } = JSON.parse(kartlegg('results', assessmentId, '--json').stdout) as { result: { factors: Factors; groups: { factors: Factors }[] } };
  for (const factors of [result.factors, result.groups[0].factors]) {
    const workload = factors.find((f) => f.factorId === 'workload')!;
    expect(workload.items![0]).toMatchObject({ itemId: 'workload-time', shortTally: { votes: 5, present: 6 } });
    // Complete tallies (6 of 6) carry no such count.
    const harassment = factors.find((f) => f.factorId === 'harassment')!;
    expect(harassment.items!.find((i) => i.itemId === 'sexual-attention')!.shortTally).toBeUndefined();
  }
  expect(kartlegg('results', assessmentId).stdout).toMatch(/workload-time: 5 of 6 voted/);
});

it('prints a plain summary without --json, and refuses a missing id', () => {
  const plain = kartlegg('results', assessmentId);
  expect(plain.status).toBe(0);
  expect(plain.stdout).toMatch(/harassment\s+score\s+\d+\s+n\s+6\s+light red\s+exposed 1 of 6/);
  expect(plain.stdout).toMatch(/knows-safety-rep: yes 4 of 6/);
  const missing = kartlegg('results');
  expect(missing.status).not.toBe(0);
  expect(missing.stderr).toContain('Name one assessment id');
});
