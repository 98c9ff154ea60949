// "Åsen" entered as one character on one computer and as A + ring on another is one group, stored once.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openApiRuntime, type ApiRuntime } from '../../src-main/api/runtime';
import type { AssessmentResults } from '../../src-main/api/methods/results';
import { makeTempDir, removeTempDir, withRawDb } from './fixtures/data-folder';
import { appRoot, ok } from './fixtures/transfer-data';

let dataDir: string;
let runtime: ApiRuntime;

beforeEach(async () => {
  dataDir = makeTempDir();
  runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
});

afterEach(async () => {
  await runtime.close();
  removeTempDir(dataDir);
});

it('two interviews whose group labels differ only in Unicode form give one group', async () => {
  const client = await ok<{ id: string }>(runtime, 'clients.create', { name: 'Åsen Renhold AS' });
  const assessment = await ok<{ id: string }>(runtime, 'assessments.create', {
    clientId: client.id,
    title: 'Kartlegging 2026',
    method: 'group',
    guideId: 'psychosocial-cleaning',
    guideVersion: '1.0.0',
  });
  for (const groupName of ['\u00c5sen', 'A\u030asen ']) {
    const interview = await ok<{ id: string }>(runtime, 'interviews.create', { assessmentId: assessment.id, groupName, kind: 'group', participants: { employee: 3 } });
    for (const itemId of ['workload.1', 'workload.2']) {
      await ok(runtime, 'answers.save', { interviewId: interview.id, itemId, answer: { kind: 'tally', votes: { '2': 1, '4': 2 } } });
    }
  }
  withRawDb(dataDir, (db) => {
    expect(db.prepare('SELECT DISTINCT group_name AS g FROM interviews').all()).toEqual([{ g: '\u00c5sen' }]);
  });
  const results = await ok<AssessmentResults>(runtime, 'results.get', { assessmentId: assessment.id });
  expect(results.result.groups.map((g) => g.group)).toEqual(['\u00c5sen']);
  expect(results.result.groups[0].factors.find((f) => f.factorId === 'workload')).toMatchObject({ suppressed: false, n: 6 });
});
