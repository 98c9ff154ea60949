// The results screen against scores worked out here from the answers, with small groups withheld.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { Guide, GuideFactor } from '../../src-main/core/guide';
import { callApi, seedAssessment } from './api';
import { expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';

const guide = JSON.parse(readFileSync(fileURLToPath(new URL('../../templates/interviews/psychosocial-cleaning.json', import.meta.url)), 'utf8')) as Guide;

const fresh = freshServerPerTest();

// --- The answers, and the scores worked out from them independently of the app (docs/scoring.md) ---

type Answer =
  | { kind: 'consensus'; value: number; participants: number }
  | { kind: 'tally'; votes: Record<string, number> }
  | { kind: 'notApplicable' };

interface Interview {
  group: string;
  present: number;
  answers: Map<string, Answer>;
}

/** Nobody gets to this factor; the day shift answers too little of this one to score it. */
const unanswered = 'participation';
const dayShiftSkips = 'training';

function votes(entries: [number, number][]): Answer {
  const counted: Record<string, number> = {};
  for (const [value, count] of entries) counted[String(value)] = (counted[String(value)] ?? 0) + count;
  return { kind: 'tally', votes: counted };
}

/** Both shifts vote by show of hands on every item of this factor, everyone voting, so the total can be
 * shown without giving either shift away (docs/scoring.md, rule 7.4). */
const votedByAll = guide.factors[0].id;

function dayShiftAnswer(k: number, factorId: string, indexInFactor: number): Answer | undefined {
  if (factorId === unanswered) return undefined;
  if (factorId === votedByAll) return votes([[((k + 0) % 5) + 1, 2], [((k + 2) % 5) + 1, 3], [((k + 4) % 5) + 1, 1]]);
  if (factorId === dayShiftSkips) return indexInFactor === 0 ? { kind: 'consensus', value: 4, participants: 6 } : undefined;
  if (k % 11 === 5) return { kind: 'notApplicable' };
  const value = (shift: number) => ((k + shift) % 5) + 1;
  switch (k % 3) {
    case 0:
      return { kind: 'consensus', value: ((k * 7) % 5) + 1, participants: 6 };
    case 1:
      return votes([[value(0), 2], [value(2), 3], [value(4), 1]]);
    default:
      // One of the six abstains.
      return votes([[value(1), 3], [value(3), 2]]);
  }
}

function eveningShiftAnswer(k: number, factorId: string): Answer | undefined {
  if (factorId === unanswered) return undefined;
  if (factorId === votedByAll) return votes([[((k * 3 + 1) % 5) + 1, 2], [((k * 3 + 3) % 5) + 1, 1]]);
  if (k % 13 === 0) return { kind: 'notApplicable' };
  return { kind: 'consensus', value: ((k * 3 + 1) % 5) + 1, participants: 3 };
}

function buildInterviews(): Interview[] {
  const day: Interview = { group: 'Dagskift', present: 6, answers: new Map() };
  const evening: Interview = { group: 'Kveldsskift', present: 3, answers: new Map() };
  guide.items.forEach((item, k) => {
    const indexInFactor = guide.items.filter((other) => other.factor === item.factor).indexOf(item);
    const dayAnswer = dayShiftAnswer(k, item.factor, indexInFactor);
    const eveningAnswer = eveningShiftAnswer(k, item.factor);
    if (dayAnswer) day.answers.set(item.id, dayAnswer);
    if (eveningAnswer) evening.answers.set(item.id, eveningAnswer);
  });
  return [day, evening];
}

/** 1..5 onto 0..100, upside down for a reverse-scored item. */
const valueScore = (value: number, reverse: boolean) => ((reverse ? 6 - value : value) - 1) * 25;

function itemScore(answer: Answer | undefined, reverse: boolean): { score: number; weight: number } | null {
  if (!answer || answer.kind === 'notApplicable') return null;
  if (answer.kind === 'consensus') return { score: valueScore(answer.value, reverse), weight: answer.participants };
  let sum = 0;
  let count = 0;
  for (const [value, n] of Object.entries(answer.votes)) {
    sum += valueScore(Number(value), reverse) * n;
    count += n;
  }
  return count ? { score: sum / count, weight: count } : null;
}

/** A factor in one interview: mean of the answered items when at least half are answered, weighted
 * by the people behind it (never more than were present). */
function factorInInterview(factor: GuideFactor, interview: Interview): { score: number; weight: number } | null {
  const items = guide.items.filter((item) => item.factor === factor.id);
  const scored = items.map((item) => itemScore(interview.answers.get(item.id), item.reverse ?? false)).filter((s) => s !== null);
  if (scored.length === 0 || scored.length * 2 < items.length) return null;
  const score = scored.reduce((sum, s) => sum + s.score, 0) / scored.length;
  const weight = Math.min(interview.present, Math.round(scored.reduce((sum, s) => sum + s.weight, 0) / scored.length));
  return { score, weight };
}

function expectedTotal(factor: GuideFactor, interviews: Interview[]): { score: number | null; n: number } {
  const parts = interviews.map((interview) => factorInInterview(factor, interview)).filter((p) => p !== null && p.weight > 0);
  const n = parts.reduce((sum, p) => sum + p!.weight, 0);
  if (n === 0) return { score: null, n: 0 };
  return { score: parts.reduce((sum, p) => sum + p!.score * p!.weight, 0) / n, n };
}

/**
 * Rule 7.4 for these two shifts, worked out here: with the evening shift withheld and the day shift
 * withheld to protect it, the total is shown only if on every item the two shifts could trade answers
 * without changing any published count or score: a vote for a vote, or the evening's block of 3 for
 * 3 of the day's votes on another value, and only where one person's answer weighs the same.
 */
function totalKeepsShiftsHidden(factor: GuideFactor, interviews: Interview[]): boolean {
  const [day, evening] = interviews.map((interview) => ({ interview, part: factorInInterview(factor, interview) }));
  const items = guide.items.filter((item) => item.factor === factor.id);
  const answered = (interview: Interview) => items.filter((item) => itemScore(interview.answers.get(item.id), false) !== null).length;
  const personWeight = (side: typeof day, answer: Answer) => side.part!.weight / (answered(side.interview) * itemScore(answer, false)!.weight);
  return items.every((item) => {
    const a = evening.interview.answers.get(item.id);
    const b = day.interview.answers.get(item.id);
    if (!a && !b) return true;
    if (!a || !b || a.kind === 'notApplicable' || b.kind === 'notApplicable' || b.kind === 'consensus') return false;
    if (personWeight(evening, a) !== personWeight(day, b)) return false;
    const dayValues = Object.entries(b.votes).filter(([, n]) => n > 0);
    if (a.kind === 'consensus') return dayValues.some(([value, n]) => Number(value) !== a.value && n >= a.participants);
    const eveningValues = Object.entries(a.votes).filter(([, n]) => n > 0);
    return eveningValues.some(([u]) => dayValues.some(([v]) => u !== v));
  });
}

function expectedLight(factor: GuideFactor, score: number): string {
  const { lower, upper } = factor.thresholds;
  if (factor.direction === 'higherIsBetter') return score >= upper ? 'Grønn' : score < lower ? 'Rød' : 'Gul';
  return score <= lower ? 'Grønn' : score > upper ? 'Rød' : 'Gul';
}

// --- Setting up the assessment through the API ---

async function recordInterview(assessmentId: string, interview: Interview) {
  const { id } = await callApi(fresh.server, 'interviews.create', {
    assessmentId,
    groupName: interview.group,
    kind: 'group',
    participants: { employee: interview.present },
  });
  for (const [itemId, answer] of interview.answers) await callApi(fresh.server, 'answers.save', { interviewId: id, itemId, answer });
}

async function setUpAssessments(): Promise<{ assessmentId: string; interviews: Interview[] }> {
  const client = await callApi(fresh.server, 'clients.create', { name: 'Glans Renhold AS' });
  const common = { clientId: client.id, method: 'group' as const, guideId: guide.id, guideVersion: guide.version, minGroupSize: 5 };
  const prior = await callApi(fresh.server, 'assessments.create', { ...common, title: 'Kartlegging 2025' });
  await recordInterview(prior.id, {
    group: 'Alle',
    present: 8,
    answers: new Map(guide.items.map((item) => [item.id, { kind: 'consensus', value: 3, participants: 8 } as Answer])),
  });
  const current = await callApi(fresh.server, 'assessments.create', { ...common, title: 'Kartlegging 2026', priorAssessmentId: prior.id });
  const interviews = buildInterviews();
  for (const interview of interviews) await recordInterview(current.id, interview);
  return { assessmentId: current.id, interviews };
}

async function openResults(page: Page, assessmentId: string) {
  await page.goto(`${fresh.server.url}&screen=results&assessment=${assessmentId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resultater: Kartlegging 2026');
}

const revealing = 'Ikke vist (personvern: ville avsløre en annen gruppe ved subtraksjon)';

/** The factor's row header: its title, in the scores table followed by which way its score is good. */
const factorHeader = (factor: GuideFactor) => new RegExp(`^${factor.title.nb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( (Høy|Lav) skår er bra)?$`);

const cellTexts = async (page: Page, table: string, factor: GuideFactor) =>
  page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: factorHeader(factor) }) }).getByRole('cell').allTextContents();

test('the results show the scores worked out from the answers, and withhold both small and revealing groups', async ({ page }) => {
  const { assessmentId, interviews } = await setUpAssessments();
  await openResults(page, assessmentId);
  await expect(page).toHaveURL(/\/$/); // the deep link is used once, then cleared from the address

  const scores = page.getByRole('table', { name: 'Faktorskårer', exact: true });
  await expect(scores.getByRole('row')).toHaveCount(1 + guide.factors.length);
  for (const factor of guide.factors) {
    const expected = expectedTotal(factor, interviews);
    const cells = await cellTexts(page, 'Faktorskårer', factor);
    if (expected.n > 0 && expected.n < 5) {
      expect(cells, factor.id).toEqual(['Ikke vist (personvern: for få svar)']);
    } else if (expected.score === null) {
      expect(cells, factor.id).toEqual(['–', '0', '–']);
    } else if (!totalKeepsShiftsHidden(factor, interviews)) {
      expect(cells, factor.id).toEqual([revealing]);
    } else {
      expect(cells, factor.id).toEqual([String(Math.round(expected.score)), String(expected.n), expectedLight(factor, expected.score)]);
    }
  }
  // The data covers all three cases.
  const training = guide.factors.find((f) => f.id === dayShiftSkips)!;
  const nobody = guide.factors.find((f) => f.id === unanswered)!;
  expect(await cellTexts(page, 'Faktorskårer', training)).toEqual(['Ikke vist (personvern: for få svar)']);
  expect(await cellTexts(page, 'Faktorskårer', nobody)).toEqual(['–', '0', '–']);
  await expect(page.getByRole('img', { name: 'Stolpediagram med faktorskårene. Tallene står i tabellen «Faktorskårer».' })).toBeVisible();

  // Rule 7.4 decides both ways in this data.
  expect(guide.factors.filter((factor) => totalKeepsShiftsHidden(factor, interviews)).length).toBeGreaterThan(0);
  expect(guide.factors.filter((factor) => expectedTotal(factor, interviews).n >= 5 && !totalKeepsShiftsHidden(factor, interviews)).length).toBeGreaterThan(0);

  // Groups: the evening shift is too small; the day shift would give it away by subtraction from the
  // total, or, where the total is withheld, is shown.
  const groups = page.getByRole('table', { name: 'Faktorskårer per gruppe' });
  await expect(groups.getByRole('columnheader')).toHaveText(['Faktor', 'Hele kartleggingen', 'Dagskift', 'Kveldsskift']);
  for (const factor of guide.factors) {
    const [, day, evening] = await cellTexts(page, 'Faktorskårer per gruppe', factor);
    if (factor.id === unanswered) {
      expect([day, evening]).toEqual(['–', '–']);
    } else if (factor.id === dayShiftSkips) {
      expect([day, evening]).toEqual(['–', 'Ikke vist (personvern: for få svar)']);
    } else if (totalKeepsShiftsHidden(factor, interviews)) {
      expect(day, factor.id).toBe(revealing);
      expect(evening, factor.id).toBe('Ikke vist (personvern: for få svar)');
    } else {
      const own = expectedTotal(factor, [interviews[0]]);
      expect(day, factor.id).toBe(own.score === null ? '–' : `${Math.round(own.score)} ${expectedLight(factor, own.score)} n = ${own.n}`);
      expect(evening, factor.id).toBe('Ikke vist (personvern: for få svar)');
    }
    expect(evening).not.toMatch(/\d/);
  }

  // Compared with last year, when everyone answered "3" (a score of 50) to everything.
  const workload = guide.factors[0];
  const now = expectedTotal(workload, interviews).score!;
  const difference = now - 50;
  const change = Math.abs(difference) < 5 ? 'Uendret' : difference > 0 === (workload.direction === 'higherIsBetter') ? 'Bedre' : 'Verre';
  const [previous, current, shownDifference, shownChange] = await cellTexts(page, 'Endring fra «Kartlegging 2025»', workload);
  expect([previous, current]).toEqual(['50', String(Math.round(now))]);
  expect(shownDifference.replace('−', '-')).toBe(`${difference > 0 ? '+' : ''}${Math.round(difference)}`);
  expect(shownChange).toContain(change);
  expect(await cellTexts(page, 'Endring fra «Kartlegging 2025»', training)).toEqual(['Ikke vist (personvern: for få svar)']);

  // The answers behind a score, per question.
  await page.locator('summary', { hasText: workload.title.nb }).click();
  const distribution = page.getByRole('table', { name: `Svarfordeling: ${workload.title.nb}`, exact: false }).first();
  const firstItem = guide.items.find((item) => item.factor === workload.id)!;
  const row = distribution.getByRole('row').filter({ has: page.getByRole('rowheader', { name: firstItem.text.nb, exact: true }) });
  const counts = [1, 2, 3, 4, 5].map((value) =>
    interviews.reduce((sum, interview) => {
      const answer = interview.answers.get(firstItem.id);
      if (answer?.kind === 'consensus') return sum + (answer.value === value ? answer.participants : 0);
      if (answer?.kind === 'tally') return sum + (answer.votes[String(value)] ?? 0);
      return sum;
    }, 0),
  );
  const notApplicable = interviews.reduce((sum, i) => sum + (i.answers.get(firstItem.id)?.kind === 'notApplicable' ? i.present : 0), 0);
  await expect(row.getByRole('cell')).toHaveText([...counts, notApplicable].map(String));
  await expect(page.getByRole('img', { name: `Stablede stolper med svarfordelingen for ${workload.title.nb}. Tallene står i tabellen.` })).toBeVisible();

  await expectNoSeriousAxeViolations(page);
});

test('an assessment without answers says so, and shows no scores', async ({ page }) => {
  const assessment = await seedAssessment(fresh.server, 'Tomt Renhold AS', 'Kartlegging 2026', guide);
  await openResults(page, assessment.id);
  await expect(page.getByText('Ingen svar er registrert ennå.')).toBeVisible();
  for (const factor of guide.factors.slice(0, 3)) expect(await cellTexts(page, 'Faktorskårer', factor)).toEqual(['–', '0', '–']);
  await expect(page.getByRole('table', { name: 'Faktorskårer per gruppe' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
});
