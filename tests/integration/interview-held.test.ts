// When an interview was held: recorded from its first and last answer, corrected by the consultant
// (then answers no longer move it), and the corrected day is the one the formal report lists.
import { describe, expect, it } from 'vitest';
import type { ReportPreview } from '../../src-main/api/methods/reports';
import type { AssessmentDetails, InterviewDetails, InterviewSummary } from '../../src-main/core/assessments';
import { localIsoDate } from '../../src-main/core/dates';
import type { Guide } from '../../src-main/core/guide';
import { apiCalls } from './fixtures/api-calls';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime();


const { ok, fails } = apiCalls(() => app);

async function startedInterview() {
  const client = await ok<{ id: string }>('clients.create', { name: 'Tidlig Renhold AS' });
  const assessment = await ok<AssessmentDetails>('assessments.create', {
    clientId: client.id,
    title: 'Kartlegging 2027',
    method: 'group',
    guideId: 'psychosocial-cleaning',
    guideVersion: '1.0.0',
  });
  const guide = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const interview = await ok<InterviewSummary>('interviews.create', { assessmentId: assessment.id, groupName: 'Dagskift', kind: 'group', participants: { employee: 6 } });
  const answer = (index: number, value: number) =>
    ok('answers.save', { interviewId: interview.id, itemId: guide.items[index].id, answer: { kind: 'consensus', value, participants: 6 } });
  return { assessment, interview, answer };
}

const held = async (id: string) => (await ok<InterviewDetails>('interviews.get', { id })).held;

describe('interview held date and times', () => {
  it('are recorded from the first and last answer, in local time', async () => {
    const { interview, answer } = await startedInterview();
    expect(await held(interview.id)).toBeUndefined();
    const before = new Date();
    await answer(0, 3);
    await answer(1, 4);
    const recorded = await held(interview.id);
    expect(recorded).toMatchObject({ date: localIsoDate(before), edited: false });
    expect(recorded!.start).toMatch(/^\d{2}:\d{2}$/);
    expect(recorded!.end >= recorded!.start).toBe(true);
  });

  it('take the consultant\'s correction, which later answers leave alone, and the report lists that day', async () => {
    const { assessment, interview, answer } = await startedInterview();
    await answer(0, 3);
    const corrected = await ok<InterviewDetails>('interviews.setHeld', { id: interview.id, date: '2027-03-02', start: '09:00', end: '10:30' });
    expect(corrected.held).toEqual({ date: '2027-03-02', start: '09:00', end: '10:30', edited: true });
    await answer(1, 4);
    expect(await held(interview.id)).toEqual({ date: '2027-03-02', start: '09:00', end: '10:30', edited: true });
    await ok('interviews.setProgress', { id: interview.id, currentItemId: null, status: 'completed' });
    const preview = await ok<ReportPreview>('reports.preview', { assessmentId: assessment.id, templateId: 'risk-assessment-nb' });
    expect(JSON.stringify(preview.document)).toContain('2. mars 2027');
  });

  it('refuses an end before the start, a time not in HH:MM, and an implausible year, naming the field', async () => {
    const { interview } = await startedInterview();
    const endFirst = await fails('interviews.setHeld', { id: interview.id, date: '2027-03-02', start: '10:00', end: '09:00' });
    expect(endFirst.issues).toEqual([expect.objectContaining({ path: 'end', key: 'endBeforeStart' })]);
    const time = await fails('interviews.setHeld', { id: interview.id, date: '2027-03-02', start: '9', end: '25:00' });
    expect(time.issues?.map((issue) => [issue.path, issue.key])).toEqual([
      ['start', 'clockTime'],
      ['end', 'clockTime'],
    ]);
    const year = await fails('interviews.setHeld', { id: interview.id, date: '1927-03-02', start: '09:00', end: '10:00' });
    expect(year.issues).toEqual([expect.objectContaining({ path: 'date', key: 'dateTooEarly' })]);
    expect(await held(interview.id)).toBeUndefined();
  });
});
