import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiRuntime, type ApiRuntime } from '../../src-main/api/runtime';
import type { AssessmentResults } from '../../src-main/api/methods/results';
import type { AssessmentDetails, InterviewDetails } from '../../src-main/core/assessments';
import { localIsoDate } from '../../src-main/core/dates';
import type { Guide } from '../../src-main/core/guide';
import { isItemAsked } from '../../src-main/core/guide-modules';
import { privateRoundItems } from '../../src-main/core/private-answering';
import type { Finding, MeasureView, OverdueMeasure } from '../../src-main/core/risk';
import type { ShownFactorResult } from '../../src-main/core/scoring';
import { trafficLight } from '../../src-main/core/traffic-light';
import { createDemo, type DemoIds } from '../../src-main/demo/demo-data';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';

let dataDir: string;
let runtime: ApiRuntime;

afterAll(async () => {
  await runtime?.close();
  removeTempDir(dataDir);
});

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await runtime.call(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

function shown(result: AssessmentResults['result'], factorId: string): ShownFactorResult {
  const factor = result.factors.find((f) => f.factorId === factorId)!;
  if (factor.suppressed) throw new Error(`${factorId} is withheld`);
  return factor;
}

/** A fixed "today" far from the real one, so every date the demo writes must follow from it. */
const today = new Date(2031, 4, 20, 9, 30);
const todayIso = localIsoDate(today);

describe('kartlegg demo', () => {
  let ids: DemoIds;
  let assessment: AssessmentDetails;
  let guide: Guide;
  let interviews: InterviewDetails[];
  let results: AssessmentResults;

  // One demo for all the checks: it is what a user gets, and making it takes a while on a busy machine.
  beforeAll(async () => {
    dataDir = makeTempDir();
    runtime = await openApiRuntime({ dataDir, appRoot: findAppRoot() });
    ids = await createDemo(runtime, today);
    assessment = await value<AssessmentDetails>('assessments.get', { id: ids.assessmentId });
    guide = await value<Guide>('guides.get', { id: assessment.guideId, version: assessment.guideVersion });
    interviews = await Promise.all(ids.interviewIds.map((id) => value<InterviewDetails>('interviews.get', { id })));
    results = await value<AssessmentResults>('results.get', { assessmentId: ids.assessmentId });
  }, 300_000);

  it('maps a fictional cleaning company with guide 2.0.0, its core set and chosen modules, in three groups and four languages', () => {
    expect(assessment.clientName).toContain('(demo)');
    expect(assessment.guideVersion).toBe('2.0.0');
    expect(assessment.modules.length).toBeGreaterThanOrEqual(1);
    expect(assessment.modules.every((id) => guide.modules?.some((module) => module.id === id))).toBe(true);
    const asked = guide.items.filter((item) => isItemAsked(item, assessment.modules));
    expect(asked.length).toBeLessThan(guide.items.length);
    expect(assessment.interviews).toHaveLength(3);
    expect(new Set(assessment.interviews.flatMap((i) => i.languages.filter((l) => l !== 'nb')))).toEqual(new Set(['pl', 'ar', 'ti', 'ro']));
    for (const interview of interviews) {
      expect(interview.status).toBe('completed');
      expect(interview.answerMode).toBeDefined();
      // Every item asked is answered, and nothing outside the plan.
      expect(new Set(interview.answers.map((a) => a.itemId))).toEqual(new Set(asked.map((item) => item.id)));
    }
  });

  it('asks exposure and other sensitive items in a private round: tallies of ballots, never a group consensus', async () => {
    const sensitive = await value<{ markedItemIds: string[] }>('assessments.sensitiveItems', { assessmentId: ids.assessmentId });
    const privateItems = privateRoundItems(guide, sensitive.markedItemIds).filter((item) => isItemAsked(item, assessment.modules));
    expect(privateItems.some((item) => item.exposure)).toBe(true);
    expect(sensitive.markedItemIds.length).toBeGreaterThan(0);
    const consensusGroup = interviews.find((i) => i.answerMode === 'consensus');
    expect(consensusGroup, 'one group answered its open questions by agreement').toBeDefined();
    for (const interview of interviews) {
      for (const item of privateItems) {
        expect(interview.answers.find((a) => a.itemId === item.id)?.answer.kind, `${interview.groupName}: ${item.id}`).toBe('tally');
      }
    }
  });

  it('shows one honestly incomplete tally (5 of 6) with the consultant’s note on why', () => {
    const incomplete = interviews.flatMap((interview) => {
      const present = interview.participants.employee;
      return interview.answers
        .filter((a) => a.answer.kind === 'tally' && Object.values(a.answer.votes).reduce((x, y) => x + y, 0) < present)
        .map((a) => ({ interview, itemId: a.itemId, votes: a.answer.kind === 'tally' ? Object.values(a.answer.votes).reduce((x, y) => x + y, 0) : 0 }));
    });
    expect(incomplete).toHaveLength(1);
    const [{ interview, itemId, votes }] = incomplete;
    expect(`${votes} av ${interview.participants.employee}`).toBe('5 av 6');
    const factorId = guide.items.find((item) => item.id === itemId)!.factor;
    expect(interview.notes.some((note) => note.factorId === factorId && note.text.includes('5 av 6'))).toBe(true);
  });

  it('counts reported exposure: 3 of 19 on unwanted sexual attention makes harassment red, whatever its mean, and proposes a finding', async () => {
    const harassment = shown(results.result, 'harassment');
    const sexualAttention = harassment.exposure!.items.find((item) => item.itemId === 'harassment.2')!;
    expect(sexualAttention).toMatchObject({ exposed: 3, answered: 19 });
    expect(harassment.light).toBe('red');
    // The mean alone would not say red: the light comes from the count.
    const factor = guide.factors.find((f) => f.id === 'harassment')!;
    expect(trafficLight(factor, harassment.score)).not.toBe('red');
    expect(shown(results.result, 'violence')).toMatchObject({ light: 'red', exposure: { exposed: 1, answered: 18 } });

    const findings = await value<Finding[]>('findings.list', { assessmentId: ids.assessmentId });
    const finding = findings.find((f) => f.factorIds.includes('harassment'))!;
    expect(finding.status).toBe('accepted');
    expect(finding.hazard).toContain(
      'I hele kartleggingen svarte 3 av 19 (16 %) at de har opplevd dette det siste året: «Har du fått uønsket seksuell oppmerksomhet',
    );
    expect(finding.consequence).toBeGreaterThanOrEqual(4);
  });

  it('says so in the formal report in plain sentences, as counts and shares', async () => {
    const preview = await value<{ document: unknown }>('reports.preview', { assessmentId: ids.assessmentId, templateId: 'risk-assessment-nb', language: 'nb' });
    const text = JSON.stringify(preview.document);
    expect(text).toContain('I hele kartleggingen svarte 3 av 19 (16 %) at de har opplevd dette det siste året: «Har du fått uønsket seksuell oppmerksomhet');
    expect(text).toContain('6 av 19 (32 %) svarte «Ja» på «Vet du hvem verneombudet ditt er?»');
    expect(text).toContain('Uønsket seksuell oppmerksomhet og nedsettende kommentarer i kundenes bygg');
  });

  it('reports knowledge items as counts and shares, not as a light', () => {
    const participation = shown(results.result, 'participation');
    expect(participation.knowledge?.find((k) => k.itemId === 'participation.2')).toEqual({ itemId: 'participation.2', yes: 6, answered: 19 });
    expect(participation.knowledge?.find((k) => k.itemId === 'participation.5')).toEqual({ itemId: 'participation.5', yes: 1, answered: 19 });
    expect(shown(results.result, 'rights').knowledge).toHaveLength(4);
  });

  it('withholds nothing, because every group it shows meets the minimum group size', () => {
    const minimum = results.result.minimumGroupSize;
    expect(minimum).toBe(5);
    for (const factors of [results.result.factors, ...results.result.groups.map((g) => g.factors)]) {
      for (const factor of factors) {
        expect(factor.suppressed).toBe(false);
        if (!factor.suppressed && factor.n > 0) expect(factor.n).toBeGreaterThanOrEqual(minimum);
      }
    }
  });

  it('writes each finding in its own words, and an action plan with the employer responsible and deadlines ahead', async () => {
    const findings = await value<Finding[]>('findings.list', { assessmentId: ids.assessmentId });
    const factorTitles = new Set(guide.factors.map((f) => f.title.nb));
    const guideHazards = guide.factors.map((f) => f.hazard?.nb).filter(Boolean) as string[];
    expect(findings.filter((f) => f.status === 'accepted').length).toBeGreaterThanOrEqual(5);
    expect(findings.some((f) => f.origin === 'manual')).toBe(true);
    expect(findings.filter((f) => f.status === 'dismissed').length).toBeGreaterThanOrEqual(1);
    expect(findings.filter((f) => f.status === 'dismissed').every((f) => f.dismissalReason)).toBe(true);
    for (const finding of findings) {
      expect(factorTitles.has(finding.title), finding.title).toBe(false);
      expect(guideHazards.some((hazard) => finding.hazard.startsWith(hazard)), finding.title).toBe(false);
    }
    expect(new Set(findings.map((f) => f.title)).size).toBe(findings.length);
    expect(new Set(findings.map((f) => f.hazard.split('\n\n')[0])).size).toBe(findings.length);

    const measures = await value<MeasureView[]>('measures.list', { assessmentId: ids.assessmentId });
    expect(measures.length).toBeGreaterThanOrEqual(8);
    for (const measure of measures) {
      expect(measure.responsibleRole).toBe('employer');
      expect(measure.responsibleName).toMatch(/\S+ \S+, \S/);
      expect(measure.deadline).not.toBeNull();
      if (measure.status !== 'proposed') {
        expect(measure.agreedBy).toEqual(expect.arrayContaining(['employer', 'safetyRepresentative']));
        expect(measure.agreedOn! <= todayIso).toBe(true);
      }
    }
    // One measure is meant to be late, and says so; every other deadline is ahead.
    const overdue = await value<OverdueMeasure[]>('measures.overdue', { today: todayIso });
    expect(overdue).toHaveLength(1);
    expect(overdue[0].rationale).toMatch(/Fristen er passert/);
    expect(measures.filter((m) => m.id !== overdue[0].id).every((m) => m.deadline! > todayIso)).toBe(true);
  });

  it('dates everything from today: interviews in the last weeks, follow-up ahead', () => {
    const threeWeeksAgo = localIsoDate(new Date(2031, 3, 29));
    for (const interview of assessment.interviews) {
      expect(interview.plannedAt! >= threeWeeksAgo && interview.plannedAt! < todayIso, interview.plannedAt!).toBe(true);
    }
    expect(assessment.plannedStart! < todayIso).toBe(true);
    expect(assessment.followUpDate! > todayIso).toBe(true);
    expect(assessment.title).toContain('2031');
  });

  it('records each interview as held on its planned day, at the times the consultant wrote down', () => {
    for (const interview of interviews) {
      expect(interview.held?.date).toBe(interview.plannedAt);
      expect(interview.held!.start < interview.held!.end).toBe(true);
    }
  });

  it('issues, and every report passes the self-check in both formats (nothing dropped without a word)', async () => {
    const { currentRevision } = await value<{ currentRevision: number }>('revisions.list', { assessmentId: ids.assessmentId });
    await value('revisions.issue', { assessmentId: ids.assessmentId, revision: currentRevision, acceptGaps: true });
    for (const templateId of ['risk-assessment-nb', 'risk-assessment-en', 'action-plan', 'employee-summary']) {
      const result = await runtime.call('reports.export', { assessmentId: ids.assessmentId, templateId, formats: ['pdf', 'docx'] });
      expect(result.ok ? [] : [templateId, result.error.message, JSON.stringify(result.error.issues)]).toEqual([]);
    }
  }, 300_000);

  it('can be created twice in one data folder: the organisation number is then refused as taken', async () => {
    await expect(createDemo(runtime)).rejects.toThrow(/already registered/);
  });
});
