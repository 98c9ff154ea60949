// Risk assessment, action plan and revisions through the API on a real data folder: proposals from
// red and yellow factors, refusals that write nothing, and issued revisions that stay frozen.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProposeFindingsResult } from '../../src-main/api/methods/risk';
import type { AssessmentDetails, InterviewSummary } from '../../src-main/core/assessments';
import type { Guide } from '../../src-main/core/guide';
import type { IssuedSnapshot, RevisionComparison, RevisionsOverview, RevisionSummary } from '../../src-main/core/revisions';
import type { Finding, MeasureView, OverdueMeasure } from '../../src-main/core/risk';
import type { Settings } from '../../src-main/core/settings';
import { apiCalls } from './fixtures/api-calls';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime();

const guideId = 'psychosocial-cleaning';
let guide: Guide;

beforeEach(async () => {
  guide = await ok<Guide>('guides.get', { id: guideId, version: '1.0.0' });
});

const { ok, fails, refusedWithoutWriting } = apiCalls(() => app);

/** The scale value that gives an item this score (0, 50 or 100) after reverse scoring. */
function valueFor(itemId: string, score: 0 | 50 | 100): number {
  const item = guide.items.find((i) => i.id === itemId)!;
  const values = guide.scales.find((s) => s.id === item.scale)!.points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (score === 50) return (min + max) / 2;
  return (score === 100) !== item.reverse ? max : min;
}

/** The factor score that makes a factor's light red, yellow or green. */
function scoreFor(factorId: string, light: 'red' | 'yellow' | 'green'): 0 | 50 | 100 {
  if (light === 'yellow') return 50;
  const worseIsHigh = guide.factors.find((f) => f.id === factorId)!.direction === 'higherIsWorse';
  return (light === 'red') === worseIsHigh ? 100 : 0;
}

async function assessmentWithInterview(people: number): Promise<{ assessment: AssessmentDetails; interview: InterviewSummary }> {
  const client = await ok<{ id: string }>('clients.create', { name: 'Glans Renhold AS' });
  const assessment = await ok<AssessmentDetails>('assessments.create', {
    clientId: client.id,
    title: 'Kartlegging 2026',
    method: 'group',
    guideId,
    guideVersion: guide.version,
  });
  const interview = await ok<InterviewSummary>('interviews.create', {
    assessmentId: assessment.id,
    groupName: 'Dagskift',
    kind: 'group',
    participants: { employee: people },
  });
  return { assessment, interview };
}

async function answerFactor(interviewId: string, factorId: string, light: 'red' | 'yellow' | 'green', people: number): Promise<void> {
  for (const item of guide.items.filter((i) => i.factor === factorId)) {
    await ok('answers.save', {
      interviewId,
      itemId: item.id,
      answer: { kind: 'consensus', value: valueFor(item.id, scoreFor(factorId, light)), participants: people },
    });
  }
}

/** An assessment of 6 people where workload and control are red, pace yellow, community green. */
async function scoredAssessment(): Promise<{ assessmentId: string; interviewId: string }> {
  const { assessment, interview } = await assessmentWithInterview(6);
  await answerFactor(interview.id, 'workload', 'red', 6);
  await answerFactor(interview.id, 'pace', 'yellow', 6);
  await answerFactor(interview.id, 'control', 'red', 6);
  await answerFactor(interview.id, 'community', 'green', 6);
  await ok('interviews.setProgress', { id: interview.id, currentItemId: null, status: 'completed' });
  return { assessmentId: assessment.id, interviewId: interview.id };
}

const measureInput = (assessmentId: string, findingId: string | null, extra: Record<string, unknown> = {}) => ({
  assessmentId,
  findingId,
  title: 'Gå gjennom arealnormen med renholderne',
  responsibleRole: 'employer',
  deadline: '2026-09-01',
  priority: 'high',
  ...extra,
});

const measureUpdate = (id: string, findingId: string | null, extra: Record<string, unknown> = {}) => {
  const { assessmentId: _assessmentId, ...values } = measureInput('', findingId, extra);
  return { id, ...values };
};

describe('proposed findings', () => {
  it('proposes a finding for each red and yellow factor, red first, with the guide’s text', async () => {
    const { assessmentId } = await scoredAssessment();
    const proposed = await ok<ProposeFindingsResult>('findings.propose', { assessmentId });
    expect(proposed.created.map((f) => f.factorIds)).toEqual([['workload'], ['control'], ['pace']]);
    expect(proposed.withheldFactorIds).toEqual([]);
    const workload = proposed.created[0];
    expect(workload).toMatchObject({ title: 'Arbeidsmengde og tid', origin: 'proposed', status: 'proposed', likelihood: null, level: null });
    expect(workload.hazard).toContain(guide.factors.find((f) => f.id === 'workload')!.hazard!.nb);
    expect(workload.hazard).toContain('rødt nivå');
    expect(workload.hazard).toContain('Rettslig grunnlag: Arbeidsmiljøloven § 4-3');
  });

  it('writes proposals in the UI language', async () => {
    const { assessmentId } = await scoredAssessment();
    await ok<Settings>('settings.update', { language: 'en' });
    const proposed = await ok<ProposeFindingsResult>('findings.propose', { assessmentId });
    expect(proposed.created[0]).toMatchObject({ title: 'Workload and time' });
    expect(proposed.created[0].hazard).toContain('Legal basis:');
  });

  it('is idempotent: proposing again adds nothing, not even for a dismissed or hand-made finding', async () => {
    const { assessmentId, interviewId } = await scoredAssessment();
    const first = await ok<ProposeFindingsResult>('findings.propose', { assessmentId });
    await ok('findings.dismiss', { id: first.created[1].id, reason: 'Dekket av lederavtalen fra mars' });
    const again = await ok<ProposeFindingsResult>('findings.propose', { assessmentId });
    expect(again.created).toEqual([]);
    expect(again.coveredFactorIds.sort()).toEqual(['control', 'pace', 'workload']);

    // A new red factor, already covered by a finding made by hand, is not proposed either.
    await ok('findings.create', { assessmentId, title: 'Alenearbeid på kveld', factorIds: ['lone-work'] });
    await answerFactor(interviewId, 'lone-work', 'red', 6);
    await answerFactor(interviewId, 'harassment', 'red', 6);
    const third = await ok<ProposeFindingsResult>('findings.propose', { assessmentId });
    expect(third.created.map((f) => f.factorIds)).toEqual([['harassment']]);
    expect(await ok<Finding[]>('findings.list', { assessmentId })).toHaveLength(5);
  });

  it('proposes nothing from a withheld result, and says which factors are withheld', async () => {
    const { assessment, interview } = await assessmentWithInterview(3);
    await answerFactor(interview.id, 'workload', 'red', 3);
    const proposed = await ok<ProposeFindingsResult>('findings.propose', { assessmentId: assessment.id });
    expect(proposed).toEqual({ created: [], coveredFactorIds: [], withheldFactorIds: ['workload'] });
    expect(await ok<Finding[]>('findings.list', { assessmentId: assessment.id })).toEqual([]);
  });

  it('accepts, edits and dismisses proposals; a dismissal needs a reason', async () => {
    const { assessmentId } = await scoredAssessment();
    const [workload, control, pace] = (await ok<ProposeFindingsResult>('findings.propose', { assessmentId })).created;
    // A finding is accepted only with a rating.
    await refusedWithoutWriting('findings.accept', { id: workload.id });
    await ok('findings.update', { id: workload.id, title: workload.title, factorIds: workload.factorIds, likelihood: 3, consequence: 3 });
    await expect(ok('findings.accept', { id: workload.id })).resolves.toMatchObject({ status: 'accepted' });

    const edited = await ok<Finding>('findings.update', {
      id: control.id,
      title: 'Lite innflytelse over egen arbeidsdag',
      factorIds: ['control'],
      exposed: 'Renholdere på dagskift',
      likelihood: 4,
      consequence: 3,
      justification: 'Gjelder hele gruppen hver dag.',
      accept: true,
    });
    expect(edited).toMatchObject({ status: 'accepted', likelihood: 4, consequence: 3, matrixSize: 5, level: 'high', needsReview: false });

    for (const reason of [undefined, '', '   ']) {
      const error = await refusedWithoutWriting('findings.dismiss', reason === undefined ? { id: pace.id } : { id: pace.id, reason });
      expect(error).toMatchObject({ code: 'invalid_input', issues: [expect.objectContaining({ path: 'reason', key: 'required' })] });
    }
    await expect(ok('findings.dismiss', { id: pace.id, reason: 'Tempoet er allerede tatt opp i AMU' })).resolves.toMatchObject({
      status: 'dismissed',
      dismissalReason: 'Tempoet er allerede tatt opp i AMU',
    });
  });

  it('refuses a rating off the current matrix, half a rating, or an unknown factor, writing nothing', async () => {
    const { assessmentId } = await scoredAssessment();
    await ok<Settings>('settings.update', { riskMatrix: { size: 3, mediumFrom: 3, highFrom: 6 } });
    const offMatrix = await refusedWithoutWriting('findings.create', { assessmentId, title: 'Vold', likelihood: 4, consequence: 2 });
    expect(offMatrix.issues).toEqual([expect.objectContaining({ path: 'likelihood', key: 'notOnMatrix', message: '4 is not on the 3 × 3 matrix (1–3)' })]);
    const half = await refusedWithoutWriting('findings.create', { assessmentId, title: 'Vold', likelihood: 2 });
    expect(half.issues).toEqual([expect.objectContaining({ path: 'consequence', key: 'ratingIncomplete' })]);
    const unknown = await refusedWithoutWriting('findings.create', { assessmentId, title: 'Vold', factorIds: ['violence', 'weather'] });
    expect(unknown.issues).toEqual([expect.objectContaining({ path: 'factorIds[1]', key: 'unknownFactor' })]);
  });
});

describe('a change of risk matrix', () => {
  it('keeps every rating and flags for review those on another size or in another band', async () => {
    const { assessmentId } = await scoredAssessment();
    const create = (title: string, likelihood: number, consequence: number) =>
      ok<Finding>('findings.create', { assessmentId, title, likelihood, consequence });
    const low = await create('Lav', 1, 2); // 2: low in any 5 × 5 band here
    const edge = await create('Kant', 2, 4); // 8: medium by default, high from 8
    const high = await create('Høy', 5, 5);
    expect([low.level, edge.level, high.level]).toEqual(['low', 'medium', 'high']);

    await ok<Settings>('settings.update', { riskMatrix: { size: 5, mediumFrom: 4, highFrom: 8 } });
    const afterBands = await ok<Finding[]>('findings.list', { assessmentId });
    const byTitle = (findings: Finding[], title: string) => findings.find((f) => f.title === title)!;
    expect(byTitle(afterBands, 'Kant')).toMatchObject({ likelihood: 2, consequence: 4, level: 'medium', needsReview: true });
    expect(byTitle(afterBands, 'Lav').needsReview).toBe(false);
    expect(byTitle(afterBands, 'Høy').needsReview).toBe(false);

    // Confirming takes the level the new bands give; editing the text alone keeps the flag.
    await ok('findings.update', { ...pick(byTitle(afterBands, 'Lav')), hazard: 'Ny tekst' });
    await expect(ok('findings.confirmRating', { id: edge.id })).resolves.toMatchObject({ level: 'high', needsReview: false });

    await ok<Settings>('settings.update', { riskMatrix: { size: 3, mediumFrom: 3, highFrom: 6 } });
    const afterSize = await ok<Finding[]>('findings.list', { assessmentId });
    expect(afterSize.map((f) => [f.title, f.likelihood, f.consequence, f.matrixSize, f.needsReview])).toEqual([
      ['Lav', 1, 2, 5, true],
      ['Kant', 2, 4, 5, true],
      ['Høy', 5, 5, 5, true],
    ]);
    expect((await fails('findings.confirmRating', { id: high.id })).message).toContain('Rate the finding again');
    await expect(ok('findings.confirmRating', { id: low.id })).resolves.toMatchObject({ matrixSize: 3, level: 'low', needsReview: false });
    const rerated = await ok<Finding>('findings.update', { ...pick(byTitle(afterSize, 'Høy')), likelihood: 3, consequence: 3 });
    expect(rerated).toMatchObject({ matrixSize: 3, level: 'high', needsReview: false });
  });

  it('refuses bands that do not fit the size, writing nothing', async () => {
    for (const riskMatrix of [
      { size: 6, mediumFrom: 5, highFrom: 10 },
      { size: 3, mediumFrom: 5, highFrom: 10 },
      { size: 4, mediumFrom: 8, highFrom: 8 },
    ]) {
      expect(await refusedWithoutWriting('settings.update', { riskMatrix })).toMatchObject({ code: 'invalid_input' });
    }
  });
});

function pick(finding: Finding) {
  const { id, title, factorIds, hazard, causes, exposed, existingMeasures, likelihood, consequence, justification } = finding;
  return { id, title, factorIds, hazard, causes, exposed, existingMeasures, likelihood, consequence, justification };
}

describe('the action plan', () => {
  it('adds measures to findings, warns when an agreed one lacks a party, and suggests measures from the guide', async () => {
    const { assessmentId } = await scoredAssessment();
    const [workload] = (await ok<ProposeFindingsResult>('findings.propose', { assessmentId })).created;
    const proposed = await ok<MeasureView>('measures.create', measureInput(assessmentId, workload.id));
    expect(proposed).toMatchObject({ status: 'proposed', priority: 'high', agreedBy: [], missingParties: [] });
    const agreed = await ok<MeasureView>('measures.update', measureUpdate(proposed.id, workload.id, { status: 'agreed', agreedBy: ['employer'] }));
    expect(agreed.missingParties).toEqual(['safetyRepresentative']);

    const suggestions = await ok<{ id: string; text: Record<string, string> }[]>('measures.suggestions', { findingId: workload.id });
    expect(suggestions.map((s) => s.id)).toEqual(guide.factors.find((f) => f.id === 'workload')!.measures.map((m) => m.id));
    expect(Object.keys(suggestions[0].text)).toEqual(['nb', 'en']);
  });

  it.each([
    ['no title', { title: '' }, 'title', 'required'],
    ['no responsible role', { responsibleRole: undefined }, 'responsibleRole', 'required'],
    ['no deadline', { deadline: undefined }, 'deadline', 'required'],
    ['a date that does not exist', { deadline: '2026-02-30' }, 'deadline', 'notADate'],
    ['a date in another form', { deadline: '30.09.2026' }, 'deadline', undefined],
    ['an unknown role', { responsibleRole: 'ceo' }, 'responsibleRole', undefined],
    ['a drop without a reason', { status: 'dropped' }, 'dropReason', 'dropReasonRequired'],
  ])('refuses a measure with %s, naming the field and writing nothing', async (_what, change, path, key) => {
    const { assessmentId } = await scoredAssessment();
    const [workload] = (await ok<ProposeFindingsResult>('findings.propose', { assessmentId })).created;
    const error = await refusedWithoutWriting('measures.create', measureInput(assessmentId, workload.id, change));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toContainEqual(expect.objectContaining({ path, ...(key ? { key } : {}) }));
    if (key === 'notADate') expect(error.issues?.find((i) => i.path === 'deadline')?.message).toBe('not a real date');
  });

  it('refuses a measure on a dismissed finding or another assessment’s finding', async () => {
    const { assessmentId } = await scoredAssessment();
    const [workload, control] = (await ok<ProposeFindingsResult>('findings.propose', { assessmentId })).created;
    await ok('findings.dismiss', { id: control.id, reason: 'Dekket' });
    const dismissed = await refusedWithoutWriting('measures.create', measureInput(assessmentId, control.id));
    expect(dismissed.issues).toEqual([expect.objectContaining({ path: 'findingId', key: 'findingDismissed' })]);
    const other = await scoredAssessment();
    const elsewhere = await refusedWithoutWriting('measures.create', measureInput(other.assessmentId, workload.id));
    expect(elsewhere.issues).toEqual([expect.objectContaining({ path: 'findingId', key: 'findingNotInAssessment' })]);
  });

  it('lists open measures past their deadline, and sets the follow-up date', async () => {
    const { assessmentId } = await scoredAssessment();
    const late = await ok<MeasureView>('measures.create', measureInput(assessmentId, null, { title: 'Forsinket', deadline: '2026-03-01' }));
    await ok('measures.create', measureInput(assessmentId, null, { title: 'Ferdig', deadline: '2026-03-01', status: 'done' }));
    await ok('measures.create', measureInput(assessmentId, null, { title: 'Droppet', deadline: '2026-03-01', status: 'dropped', dropReason: 'Ikke aktuelt' }));
    await ok('measures.create', measureInput(assessmentId, null, { title: 'I dag', deadline: '2026-03-02' }));
    const overdue = await ok<OverdueMeasure[]>('measures.overdue', { today: '2026-03-02' });
    expect(overdue.map((m) => [m.id, m.assessmentTitle, m.clientName])).toEqual([[late.id, 'Kartlegging 2026', 'Glans Renhold AS']]);

    await ok('assessments.setFollowUpDate', { assessmentId, followUpDate: '2026-12-01' });
    await expect(ok('assessments.get', { id: assessmentId })).resolves.toMatchObject({ followUpDate: '2026-12-01' });
    await refusedWithoutWriting('assessments.setFollowUpDate', { assessmentId, followUpDate: '2026-11-31' });
  });
});

describe('revisions', () => {
  it('freezes revision 1 on issue; an edit opens revision 2 and leaves 1 as it was; compare shows the change', async () => {
    const { assessmentId, interviewId } = await scoredAssessment();
    const [workload, control] = (await ok<ProposeFindingsResult>('findings.propose', { assessmentId })).created;
    await ok('findings.acceptMany', { ids: [workload.id], likelihood: 3, consequence: 3 });
    const measure = await ok<MeasureView>('measures.create', measureInput(assessmentId, workload.id));

    const issued = await ok<RevisionSummary>('revisions.issue', { assessmentId, revision: 1, acceptGaps: true });
    expect(issued).toMatchObject({ number: 1, findingCount: 3, measureCount: 1 });
    await expect(ok('assessments.get', { id: assessmentId })).resolves.toMatchObject({ status: 'issued', revision: 1 });
    const frozen = await ok<IssuedSnapshot>('revisions.get', { assessmentId, number: 1 });
    expect(frozen.assessment.status).toBe('issued');
    expect(frozen.results.factors.find((f) => f.factorId === 'workload')).toMatchObject({ suppressed: false, light: 'red' });

    const again = await refusedWithoutWriting('revisions.issue', { assessmentId, revision: 1, acceptGaps: true });
    expect(again.code).toBe('conflict');

    // Edits after issuing: a finding dismissed, a measure's deadline moved, an answer changed.
    await ok('findings.dismiss', { id: control.id, reason: 'Tatt opp i AMU' });
    await ok('measures.update', measureUpdate(measure.id, workload.id, { deadline: '2026-10-15' }));
    const paceItem = guide.items.find((i) => i.factor === 'pace')!;
    await ok('answers.save', { interviewId, itemId: paceItem.id, answer: { kind: 'consensus', value: valueFor(paceItem.id, 100), participants: 6 } });

    const overview = await ok<RevisionsOverview>('revisions.list', { assessmentId });
    expect(overview).toMatchObject({ currentRevision: 2, issued: false, revisions: [{ number: 1, findingCount: 3, measureCount: 1 }] });
    expect(await ok('revisions.get', { assessmentId, number: 1 })).toEqual(frozen);

    const comparison = await ok<RevisionComparison>('revisions.compare', { assessmentId, a: 1, b: 2 });
    expect(comparison.a).toEqual({ number: 1, frozenAt: issued.frozenAt });
    expect(comparison.b).toEqual({ number: 2, frozenAt: null });
    expect(comparison.findings.changed).toEqual([
      {
        id: control.id,
        title: control.title,
        changes: [
          { field: 'status', before: 'proposed', after: 'dismissed' },
          { field: 'dismissalReason', before: null, after: 'Tatt opp i AMU' },
        ],
      },
    ]);
    expect(comparison.measures.changed).toEqual([
      { id: measure.id, title: measure.title, changes: [{ field: 'deadline', before: '2026-09-01', after: '2026-10-15' }] },
    ]);
    expect(comparison.answers).toEqual([expect.objectContaining({ interviewId, itemId: paceItem.id, after: expect.objectContaining({ value: valueFor(paceItem.id, 100) }) })]);
    expect(comparison.factorScores.map((f) => f.factorId)).toEqual(['pace']);

    const second = await ok<RevisionSummary>('revisions.issue', { assessmentId, revision: 2, acceptGaps: true });
    expect(second).toMatchObject({ number: 2, findingCount: 3 });
    expect(await ok('revisions.get', { assessmentId, number: 1 })).toEqual(frozen);
    const issuedComparison = await ok<RevisionComparison>('revisions.compare', { assessmentId, a: 1, b: 2 });
    expect(issuedComparison.b.frozenAt).toBe(second.frozenAt);
    expect(issuedComparison.findings.changed).toEqual(comparison.findings.changed);
  });

  it('refuses a revision that was never issued', async () => {
    const { assessmentId } = await scoredAssessment();
    expect(await fails('revisions.get', { assessmentId, number: 1 })).toMatchObject({ code: 'not_found' });
    expect(await fails('revisions.compare', { assessmentId, a: 1, b: 3 })).toMatchObject({ code: 'not_found' });
    expect(await fails('revisions.list', { assessmentId: randomUUID() })).toMatchObject({ code: 'not_found' });
  });
});
