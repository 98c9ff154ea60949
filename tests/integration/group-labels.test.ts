// Groups as people mean them: "Åsen" entered as one character or as A + ring is one group, stored once;
// managers' and safety representatives' answers are kept out of the employees' results and shown apart.
import { expect, it } from 'vitest';
import type { AssessmentResults } from '../../src-main/api/methods/results';
import { withRawDb } from './fixtures/data-folder';
import { ok } from './fixtures/transfer-data';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime();

async function newAssessment(): Promise<string> {
  const client = await ok<{ id: string }>(app.runtime, 'clients.create', { name: 'Åsen Renhold AS' });
  const assessment = await ok<{ id: string }>(app.runtime, 'assessments.create', {
    clientId: client.id,
    title: 'Kartlegging 2026',
    method: 'group',
    guideId: 'psychosocial-cleaning',
    guideVersion: '1.0.0',
  });
  return assessment.id;
}

async function interview(assessmentId: string, groupName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await ok<{ id: string }>(app.runtime, 'interviews.create', { assessmentId, groupName, kind: 'group', participants: { employee: 3 }, ...extra });
  for (const itemId of ['workload.1', 'workload.2']) {
    await ok(app.runtime, 'answers.save', { interviewId: created.id, itemId, answer: { kind: 'tally', votes: { '2': 1, '4': 2 } } });
  }
  return created.id;
}

it('two interviews whose group labels differ only in Unicode form give one group', async () => {
  const assessment = { id: await newAssessment() };
  for (const groupName of ['\u00c5sen', 'A\u030asen ']) await interview(assessment.id, groupName);
  withRawDb(app.dataDir, (db) => {
    expect(db.prepare('SELECT DISTINCT group_name AS g FROM interviews').all()).toEqual([{ g: '\u00c5sen' }]);
  });
  const results = await ok<AssessmentResults>(app.runtime, 'results.get', { assessmentId: assessment.id });
  expect(results.result.groups.map((g) => g.group)).toEqual(['\u00c5sen']);
  expect(results.result.groups[0].factors.find((f) => f.factorId === 'workload')).toMatchObject({ suppressed: false, n: 6 });
});

it('keeps managers out of the employees’ results, scores them apart, and keeps the role when an edit leaves it out', async () => {
  const assessmentId = await newAssessment();
  // Two interviews of 3 in one group: 6 employees.
  await interview(assessmentId, 'Dagskift');
  await interview(assessmentId, 'Dagskift');
  const managers = await interview(assessmentId, 'Ledere', { respondentRole: 'managers', participants: { manager: 3 } });
  await ok(app.runtime, 'interviews.update', { id: managers, groupName: 'Ledere', kind: 'group', participants: { manager: 3 } });
  const results = await ok<AssessmentResults>(app.runtime, 'results.get', { assessmentId });
  expect(results.result.groups.map((g) => g.group)).toEqual(['Dagskift']);
  expect(results.result.factors.find((f) => f.factorId === 'workload')).toMatchObject({ suppressed: false, n: 6 });
  expect(results.result.apart?.map((r) => r.role)).toEqual(['managers']);
  expect(results.result.apart?.[0].factors.find((f) => f.factorId === 'workload')).toEqual({ suppressed: true, factorId: 'workload', reason: 'belowMinimumGroupSize' });
});
