// Deciding on proposed findings: accepted only with a rating, several at once, all or none.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../src-main/api/contract';
import type { AssessmentDetails, InterviewSummary } from '../../src-main/core/assessments';
import type { Guide } from '../../src-main/core/guide';
import type { Finding } from '../../src-main/core/risk';
import { snapshotDataFolder } from './fixtures/data-folder';
import { fails as failingCall, ok as okCall } from './fixtures/transfer-data';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime('all');

let proposed: Finding[];
const ok = <T>(method: MethodName, input: unknown) => okCall<T>(app.runtime, method, input);
const fails = (method: MethodName, input: unknown) => failingCall(app.runtime, method, input);

beforeAll(async () => {
  const guide = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const client = await ok<{ id: string }>('clients.create', { name: 'Vaskeriet Ålesund AS' });
  const assessment = await ok<AssessmentDetails>('assessments.create', { clientId: client.id, title: 'Kartlegging', method: 'group', guideId: guide.id, guideVersion: guide.version });
  const interview = await ok<InterviewSummary>('interviews.create', { assessmentId: assessment.id, groupName: 'Dagskift', kind: 'group', participants: { employee: 6 } });
  // Every answer at the bad end, so every factor is red and proposes a finding.
  for (const item of guide.items) {
    const values = guide.scales.find((scale) => scale.id === item.scale)!.points.map((point) => point.value);
    const worst = item.reverse ? Math.max(...values) : Math.min(...values);
    await ok('answers.save', { interviewId: interview.id, itemId: item.id, answer: { kind: 'consensus', value: worst, participants: 6 } });
  }
  proposed = (await ok<{ created: Finding[] }>('findings.propose', { assessmentId: assessment.id })).created;
}, 120_000);

describe('accepting findings', () => {
  it('refuses a finding without a rating, alone or with others, and changes nothing', async () => {
    expect(proposed.length).toBeGreaterThan(3);
    const before = snapshotDataFolder(app.dataDir);
    const one = await fails('findings.accept', { id: proposed[0].id });
    expect(one.issues?.[0]).toMatchObject({ path: 'likelihood', key: 'ratingRequired' });
    const many = await fails('findings.acceptMany', { ids: [proposed[0].id, proposed[1].id] });
    expect(many.message).toContain(proposed[0].title);
    expect(many.message).toContain(proposed[1].title);
    const viaUpdate = await fails('findings.update', { id: proposed[0].id, title: proposed[0].title, factorIds: proposed[0].factorIds, accept: true });
    expect(viaUpdate.issues?.[0]?.key).toBe('ratingRequired');
    expect(snapshotDataFolder(app.dataDir)).toEqual(before);
  });

  it('accepts several at once, rating the unrated ones and keeping a rating already made', async () => {
    await ok('findings.update', { id: proposed[1].id, title: proposed[1].title, factorIds: proposed[1].factorIds, likelihood: 4, consequence: 5 });
    const accepted = await ok<Finding[]>('findings.acceptMany', { ids: [proposed[0].id, proposed[1].id], likelihood: 2, consequence: 3 });
    expect(accepted.map((f) => [f.status, f.likelihood, f.consequence])).toEqual([
      ['accepted', 2, 3],
      ['accepted', 4, 5],
    ]);
    expect(accepted[0].level).not.toBeNull();
    // Accepted already: all or none, so the proposed one in the same call stays proposed.
    const again = await fails('findings.acceptMany', { ids: [proposed[2].id, proposed[0].id], likelihood: 1, consequence: 1 });
    expect(again.code).toBe('conflict');
    const third = (await ok<Finding[]>('findings.list', { assessmentId: proposed[2].assessmentId })).find((f) => f.id === proposed[2].id)!;
    expect(third.status).toBe('proposed');
  });

  it('refuses a half rating and a rating off the matrix', async () => {
    expect((await fails('findings.acceptMany', { ids: [proposed[2].id], likelihood: 2 })).issues?.[0]?.path).toBe('consequence');
    expect((await fails('findings.acceptMany', { ids: [proposed[2].id], likelihood: 6, consequence: 2 })).code).toBe('invalid_input');
  });
});

describe('dismissing findings', () => {
  it('dismisses several at once with one reason', async () => {
    const dismissed = await ok<Finding[]>('findings.dismissMany', { ids: [proposed[2].id, proposed[3].id], reason: 'Tatt opp i AMU' });
    expect(dismissed.map((f) => [f.status, f.dismissalReason])).toEqual([
      ['dismissed', 'Tatt opp i AMU'],
      ['dismissed', 'Tatt opp i AMU'],
    ]);
    expect((await fails('findings.dismissMany', { ids: [proposed[2].id], reason: 'igjen' })).code).toBe('conflict');
    expect((await fails('findings.dismissMany', { ids: [proposed[4].id], reason: ' ' })).code).toBe('invalid_input');
  });
});
