// The residual risk of a finding through the API, on a real database file: both values or neither,
// on the current matrix, only for an accepted finding; kept in the database and in the issuing
// checklist's warning (which never blocks).
import { beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../src-main/api/contract';
import type { AssessmentDetails } from '../../src-main/core/assessments';
import type { Guide } from '../../src-main/core/guide';
import type { IssueCheck } from '../../src-main/core/issuing';
import type { Finding } from '../../src-main/core/risk';
import { withRawDb } from './fixtures/data-folder';
import { fails as failingCall, ok as okCall } from './fixtures/transfer-data';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime('all');

let assessmentId: string;
let accepted: Finding;

const ok = <T>(method: MethodName, input: unknown) => okCall<T>(app.runtime, method, input);
const fails = (method: MethodName, input: unknown) => failingCall(app.runtime, method, input);

beforeAll(async () => {
  const guide = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const client = await ok<{ id: string }>('clients.create', { name: 'Vaskeriet Ålesund AS' });
  const assessment = await ok<AssessmentDetails>('assessments.create', { clientId: client.id, title: 'Kartlegging 2027', method: 'group', guideId: guide.id, guideVersion: guide.version });
  assessmentId = assessment.id;
  accepted = await ok<Finding>('findings.create', { assessmentId, title: 'Tidspress', factorIds: ['workload'], likelihood: 4, consequence: 4 });
}, 120_000);

const residualCheck = async () => (await ok<IssueCheck[]>('revisions.checklist', { assessmentId })).find((check) => check.id === 'residualRated')!;

describe('findings.setResidual', () => {
  it('a new finding has none, and the checklist names it without blocking', async () => {
    expect(accepted).toMatchObject({ residualLikelihood: null, residualConsequence: null, residualLevel: null });
    expect(await residualCheck()).toEqual({ id: 'residualRated', ok: false, missing: ['Tidspress'] });
  });

  it('sets likelihood and consequence with the level they give on the current matrix, and keeps them', async () => {
    const rated = await ok<Finding>('findings.setResidual', { id: accepted.id, likelihood: 2, consequence: 3 });
    expect(rated).toMatchObject({ likelihood: 4, consequence: 4, level: 'high', residualLikelihood: 2, residualConsequence: 3, residualLevel: 'medium' });
    const [listed] = await ok<Finding[]>('findings.list', { assessmentId });
    expect(listed).toMatchObject({ residualLikelihood: 2, residualConsequence: 3, residualLevel: 'medium' });
    withRawDb(app.dataDir, (db) => {
      expect(db.prepare('SELECT residual_likelihood, residual_consequence, residual_level FROM findings WHERE id = ?').get(accepted.id)).toEqual({
        residual_likelihood: 2,
        residual_consequence: 3,
        residual_level: 'medium',
      });
    });
    expect((await residualCheck()).ok).toBe(true);
  });

  it('refuses one value without the other, a value off the matrix, and a finding not accepted', async () => {
    const half = await fails('findings.setResidual', { id: accepted.id, likelihood: 2, consequence: null });
    expect(half.code).toBe('invalid_input');
    expect(half.issues?.[0]).toMatchObject({ path: 'consequence', message: 'rate both likelihood and consequence, or neither' });
    expect((await fails('findings.setResidual', { id: accepted.id, likelihood: 6, consequence: 2 })).code).toBe('invalid_input');
    await ok('settings.update', { riskMatrix: { size: 3, mediumFrom: 3, highFrom: 6 } });
    expect((await fails('findings.setResidual', { id: accepted.id, likelihood: 2, consequence: 2 })).message).toContain('review its rating on the current matrix first');
    await ok('settings.update', { riskMatrix: { size: 5, mediumFrom: 5, highFrom: 10 } });
    const other = await ok<Finding>('findings.create', { assessmentId, title: 'Trakassering', factorIds: ['harassment'], likelihood: 2, consequence: 2 });
    withRawDb(app.dataDir, (db) => db.prepare("UPDATE findings SET status = 'proposed' WHERE id = ?").run(other.id));
    expect((await fails('findings.setResidual', { id: other.id, likelihood: 1, consequence: 1 })).code).toBe('conflict');
    withRawDb(app.dataDir, (db) => db.prepare('DELETE FROM findings WHERE id = ?').run(other.id));
    const [kept] = await ok<Finding[]>('findings.list', { assessmentId });
    expect(kept).toMatchObject({ residualLikelihood: 2, residualConsequence: 3 });
  });

  it('clears with null for both', async () => {
    expect(await ok<Finding>('findings.setResidual', { id: accepted.id, likelihood: null, consequence: null })).toMatchObject({ residualLikelihood: null, residualLevel: null });
  });
});
