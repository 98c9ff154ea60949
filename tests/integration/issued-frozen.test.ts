// An issued assessment stays as it was issued while its interviews are opened and moved through:
// no new revision, no status change, no new updatedAt; reopening is the explicit status change.
import { describe, expect, it } from 'vitest';
import type { AssessmentDetails, InterviewDetails, InterviewSummary } from '../../src-main/core/assessments';
import type { Guide } from '../../src-main/core/guide';
import { apiCalls } from './fixtures/api-calls';
import { snapshotDataFolder, withRawDb } from './fixtures/data-folder';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime();


const { ok, fails } = apiCalls(() => app);

async function issuedAssessment(): Promise<{ assessment: AssessmentDetails; interview: InterviewSummary; guide: Guide }> {
  const client = await ok<{ id: string }>('clients.create', { name: 'Frosset Renhold AS' });
  const created = await ok<AssessmentDetails>('assessments.create', {
    clientId: client.id,
    title: 'Kartlegging 2026',
    method: 'group',
    guideId: 'psychosocial-cleaning',
    guideVersion: '1.0.0',
  });
  const guide = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning' });
  const interview = await ok<InterviewSummary>('interviews.create', {
    assessmentId: created.id,
    groupName: 'Dagskift',
    kind: 'group',
    participants: { employee: 6 },
  });
  for (const item of guide.items.slice(0, 5)) {
    await ok('answers.save', { interviewId: interview.id, itemId: item.id, answer: { kind: 'consensus', value: 3, participants: 6 } });
  }
  await ok('interviews.setProgress', { id: interview.id, currentItemId: null, status: 'completed' });
  await ok('revisions.issue', { assessmentId: created.id, revision: 1, acceptGaps: true });
  return { assessment: await ok<AssessmentDetails>('assessments.get', { id: created.id }), interview, guide };
}

describe('an issued assessment', () => {
  it('is unchanged after its interviews are opened and navigated, and an unchanged answer saved again', async () => {
    const { assessment, interview, guide } = await issuedAssessment();
    expect(assessment.status).toBe('issued');
    const before = snapshotDataFolder(app.dataDir);

    const opened = await ok<InterviewDetails>('interviews.get', { id: interview.id });
    for (const item of guide.items.slice(0, 8)) {
      await ok('interviews.setProgress', { id: interview.id, currentItemId: item.id, status: opened.status });
    }
    await ok('interviews.setProgress', { id: interview.id, currentItemId: null, status: 'completed' });
    await ok('answers.save', { interviewId: interview.id, itemId: guide.items[0].id, answer: { kind: 'consensus', value: 3, participants: 6 } });
    await ok('revisions.get', { assessmentId: assessment.id, number: assessment.revision });
    await ok('reports.list', { assessmentId: assessment.id });

    const after = await ok<AssessmentDetails>('assessments.get', { id: assessment.id });
    expect(after.status).toBe('issued');
    expect(after.revision).toBe(assessment.revision);
    expect(after.updatedAt).toBe(assessment.updatedAt);
    // Not one row of any table changed.
    expect(snapshotDataFolder(app.dataDir)).toEqual(before);
  });

  it('refuses an interview status change until the assessment is reopened on purpose', async () => {
    const { assessment, interview } = await issuedAssessment();
    const refused = await fails('interviews.setProgress', { id: interview.id, currentItemId: null, status: 'in_progress' });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('reopen');

    const reopened = await ok<AssessmentDetails>('assessments.setStatus', { id: assessment.id, status: 'in_progress' });
    expect(reopened.revision).toBe(assessment.revision + 1);
    const moved = await ok<InterviewDetails>('interviews.setProgress', { id: interview.id, currentItemId: null, status: 'in_progress' });
    expect(moved.status).toBe('in_progress');
    // The issued revision is still there as it was frozen.
    await ok('revisions.get', { assessmentId: assessment.id, number: assessment.revision });
  });

  it('opens the next revision when an answer really changes (an edit, as every other edit after issuing)', async () => {
    const { assessment, interview, guide } = await issuedAssessment();
    await ok('answers.save', { interviewId: interview.id, itemId: guide.items[0].id, answer: { kind: 'consensus', value: 4, participants: 6 } });
    const after = await ok<AssessmentDetails>('assessments.get', { id: assessment.id });
    expect(after.revision).toBe(assessment.revision + 1);
    expect(after.status).toBe('in_progress');
  });

  it('refuses a frozen revision from a newer format, and names a damaged one, when it is read', async () => {
    const { assessment } = await issuedAssessment();
    const rewrite = (edit: (snapshot: Record<string, unknown>) => unknown) =>
      withRawDb(app.dataDir, (db) => {
        const row = db.prepare('SELECT snapshot FROM revisions WHERE assessment_id = ?').get(assessment.id) as { snapshot: string };
        db.prepare('UPDATE revisions SET snapshot = ? WHERE assessment_id = ?').run(JSON.stringify(edit(JSON.parse(row.snapshot))), assessment.id);
      });
    const read = () => fails('revisions.get', { assessmentId: assessment.id, number: assessment.revision });

    rewrite((snapshot) => ({ ...snapshot, formatVersion: 2 }));
    const newer = await read();
    expect(newer.code).toBe('database_too_new');
    expect(newer.message).toContain('format 2');

    rewrite((snapshot) => ({ ...snapshot, formatVersion: 1, interviews: 'gone' }));
    const damaged = await read();
    expect(damaged.code).toBe('database_corrupt');
    expect(damaged.message).toContain('interviews');
    expect((await fails('reports.preview', { assessmentId: assessment.id, templateId: 'risk-assessment-nb', language: 'nb' })).code).toBe('database_corrupt');
  });
});
