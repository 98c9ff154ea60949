// A private round for a sensitive question with six participants, in Polish and in Arabic, by
// keyboard and by mouse: nothing on screen shows a single vote before the round closes, and the
// stored tally is exactly the votes cast. The guide is a format 2 fixture, imported like any guide.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Guide } from '../../src-main/core/guide';
import { knownLanguages } from '../../src-main/core/languages';
import { callApi } from './api';
import { AssessmentsPage, expectNoSeriousAxeViolations, InterviewPage } from './pages';
import { freshServerPerTest } from './fresh-server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guideFile = path.join(root, 'tests/fixtures/guides-format-2/format-2-exposure.json');
const guide = JSON.parse(readFileSync(guideFile, 'utf8')) as Guide;
const sensitive = guide.items.find((item) => item.id === 'sexual-attention')!;
const eventScale = guide.scales.find((scale) => scale.id === sensitive.scale)!;
const present = 6;

const fresh = freshServerPerTest();

type Vote = { language: 'pl' | 'ar'; by: 'keyboard' | 'mouse'; value: number | 'dontKnow' };

/** Six participants: Polish and Arabic, keyboard and mouse, one "Vet ikke". */
const votes: Vote[] = [
  { language: 'pl', by: 'keyboard', value: 1 },
  { language: 'pl', by: 'keyboard', value: 2 },
  { language: 'pl', by: 'mouse', value: 1 },
  { language: 'ar', by: 'mouse', value: 3 },
  { language: 'ar', by: 'keyboard', value: 1 },
  { language: 'ar', by: 'mouse', value: 'dontKnow' },
];

/** Everything a person at the screen can read: the ballot and, were it not covered, the interview. */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Nothing on screen may tell a vote: no tally counts, no "har stemt", no answer label, only
 * "k av 6 har svart". (The question itself may show: it is no vote.) */
async function expectNoVoteShown(page: Page, ballot: Locator, turns: number) {
  await expect(ballot.getByTestId('ballot-progress')).toHaveText(`${turns} av ${present} har svart`);
  await expect(page.getByTestId('private-round-progress')).toHaveText(`${turns} av ${present} har svart`);
  await expect(page.locator('[data-testid^="votes-"]')).toHaveCount(0);
  await expect(page.getByTestId('overview-votes')).toHaveCount(0);
  const text = await screenText(page);
  expect(text).not.toMatch(/har stemt/);
  for (const point of eventScale.points) {
    expect(text).not.toContain(point.label.pl);
    expect(text).not.toContain(point.label.ar);
  }
}

async function castVote(page: Page, ballot: Locator, vote: Vote) {
  const languageButton = ballot.getByRole('button', { name: knownLanguages[vote.language].nativeName, exact: true });
  if (vote.by === 'keyboard') {
    await ballot.focus();
    // The languages come first: Polish (the interview's language) and then Arabic.
    await page.keyboard.press('Tab');
    if (vote.language === 'ar') await page.keyboard.press('Tab');
    await expect(languageButton).toBeFocused();
    await page.keyboard.press('Enter');
  } else {
    await languageButton.click();
  }

  const question = ballot.locator('#ballot-question');
  await expect(question).toHaveText(sensitive.text[vote.language]);
  // The guide's instruction in the participant's language (guide ballotTexts).
  await expect(ballot.getByText(guide.ballotTexts!.chooseOne[vote.language], { exact: true })).toBeVisible();
  await expect(ballot.locator('.ballot-question')).toHaveAttribute('dir', vote.language === 'ar' ? 'rtl' : 'ltr');
  // Each answer in the participant's language and in Norwegian, with its number.
  for (const point of eventScale.points) {
    const answer = ballot.getByRole('button', { name: new RegExp(point.label[vote.language].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
    await expect(answer).toContainText(String(point.value));
    await expect(answer).toContainText(point.label.nb);
  }
  const hasVoice = await page.evaluate(
    (code) => 'speechSynthesis' in window && speechSynthesis.getVoices().some((v) => v.localService && v.lang.startsWith(code)),
    vote.language,
  );
  await expect(ballot.getByRole('button', { name: /Les høyt/ })).toHaveCount(hasVoice ? 1 : 0);

  if (vote.by === 'keyboard') {
    await page.keyboard.press(vote.value === 'dontKnow' ? '0' : String(vote.value));
  } else if (vote.value === 'dontKnow') {
    await ballot.getByRole('button', { name: new RegExp(eventScale.dontKnowLabel![vote.language]) }).click();
  } else {
    const label = eventScale.points.find((p) => p.value === vote.value)!.label[vote.language];
    await ballot.getByRole('button', { name: new RegExp(label) }).first().click();
  }

  await expect(ballot.getByText('Takk — gi videre')).toBeVisible();
  await expect(ballot.getByText(guide.ballotTexts!.thanks[vote.language], { exact: true })).toBeVisible();
  await expect(question).toHaveCount(0);
  if (vote.by === 'keyboard') await page.keyboard.press('Enter');
  else {
    // The hand-over button in the participant's language beside the Norwegian.
    await expect(ballot.getByRole('button', { name: /Neste person/ })).toContainText(guide.ballotTexts!.next[vote.language]);
    await ballot.getByRole('button', { name: /Neste person/ }).click();
  }
  await expect(ballot.getByText('Takk — gi videre')).toHaveCount(0);
}

test('a private round with six participants in Polish and Arabic, by keyboard and mouse, shows only how many have answered and stores the tally', async ({ page }) => {
  await callApi(fresh.server, 'guides.import', { fileName: 'format-2-exposure.json', content: readFileSync(guideFile, 'utf8') });
  const client = await callApi(fresh.server, 'clients.create', { name: 'Glans Renhold AS' });
  const assessment = await callApi(fresh.server, 'assessments.create', {
    clientId: client.id,
    title: 'Kartlegging med privat runde',
    method: 'group',
    guideId: guide.id,
    guideVersion: guide.version,
  });
  const planned = await callApi(fresh.server, 'interviews.create', {
    assessmentId: assessment.id,
    groupName: 'Kveldsskift',
    kind: 'group',
    respondentLanguage: 'pl',
    languages: ['pl', 'ar'],
    expectedParticipants: present,
  });

  const assessments = new AssessmentsPage(page);
  const interview = new InterviewPage(page);
  await page.goto(fresh.server.url);
  await page.getByRole('button', { name: 'Kartlegging med privat runde' }).click();
  // Planning shows the guide's sensitive question and offers ballot cards per interview language.
  await expect(page.getByRole('heading', { name: 'Private svar' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stemmekort for Kveldsskift på Arabisk' })).toBeVisible();
  await assessments.startButton('Kveldsskift').click();
  await interview.recordParticipants({ employees: present });
  await page.getByRole('radio', { name: 'Stemmer' }).check();
  await interview.begin();

  // To the sensitive question (number 2 in the guide).
  await page.getByRole('button', { name: /^Spørsmål 2\b/ }).click();
  await interview.expectAt(2, guide.items.length);
  await expect(page.getByRole('heading', { name: /Privat runde/ })).toBeVisible();
  await page.getByRole('button', { name: 'Start privat runde' }).click();

  const ballot = page.getByTestId('ballot');
  await expect(ballot).toBeVisible();
  await expectNoVoteShown(page, ballot, 0);
  // "Your turn" in each of the interview's languages and in Norwegian, before anyone picks one.
  for (const code of ['pl', 'ar', 'nb']) await expect(ballot.getByText(guide.ballotTexts!.yourTurn[code], { exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  for (const [i, vote] of votes.entries()) {
    await castVote(page, ballot, vote);
    await expectNoVoteShown(page, ballot, i + 1);
  }
  await expect(ballot.getByText('Alle har svart. Konsulenten lukker runden.')).toBeVisible();
  await expect(ballot.getByText(guide.ballotTexts!.allAnswered.ar, { exact: true })).toBeVisible();
  // The stored answers hold nothing of the round before it closes.
  const before = await callApi(fresh.server, 'interviews.get', { id: planned.id });
  expect(before.answers.find((a) => a.itemId === sensitive.id)).toBeUndefined();

  await ballot.getByRole('button', { name: 'Lukk runden' }).click();
  await expect(ballot).toHaveCount(0);
  await interview.expectSaved();

  // The stored tally is the votes cast: "Vet ikke" is no vote, so 5 of the 6 present.
  const expected: Record<string, number> = {};
  for (const vote of votes) if (vote.value !== 'dontKnow') expected[vote.value] = (expected[vote.value] ?? 0) + 1;
  const stored = await callApi(fresh.server, 'interviews.get', { id: planned.id });
  expect(stored.answers.find((a) => a.itemId === sensitive.id)?.answer).toEqual({ kind: 'tally', votes: expected });
  // An honest tally in the item grid: 5 of 6.
  await expect(page.getByTestId('overview-votes')).toHaveText(`5 av ${present}`);

  // One "Ja, en sjelden gang" and one "Månedlig": the harassment factor is red, whatever its mean.
  const results = await callApi(fresh.server, 'results.get', { assessmentId: assessment.id });
  const harassment = results.result.factors.find((factor) => factor.factorId === 'harassment')!;
  expect(harassment).toMatchObject({ suppressed: false, n: 5, light: 'red', exposure: { exposed: 2, answered: 5 } });
  expect(harassment.suppressed === false && harassment.items.find((item) => item.itemId === sensitive.id)?.shortTally).toEqual({ votes: 5, present });
});

test('the results screen gives exposure as a count in a plain sentence with the red light, and knowledge as yes of answered', async ({ page }) => {
  await callApi(fresh.server, 'guides.import', { fileName: 'format-2-exposure.json', content: readFileSync(guideFile, 'utf8') });
  const client = await callApi(fresh.server, 'clients.create', { name: 'Glans Renhold AS' });
  const assessment = await callApi(fresh.server, 'assessments.create', {
    clientId: client.id,
    title: 'Kartlegging med hendelser',
    method: 'group',
    guideId: guide.id,
    guideVersion: guide.version,
  });
  const planned = await callApi(fresh.server, 'interviews.create', { assessmentId: assessment.id, groupName: 'Dagskift', kind: 'group', participants: { employee: 7 } });
  const save = (itemId: string, votes: Record<string, number>) => callApi(fresh.server, 'answers.save', { interviewId: planned.id, itemId, answer: { kind: 'tally', votes } });
  await save('sexual-attention', { 1: 6, 2: 1 });
  await save('bullying', { 1: 7 });
  await save('knows-safety-rep', { 1: 4, 2: 2, 3: 1 });
  // One of the seven did not vote on this question: an incomplete tally, shown as such.
  await save('workload-time', { 4: 3, 5: 3 });

  await page.goto(fresh.server.url);
  await page.getByRole('button', { name: 'Kartlegging med hendelser' }).click();
  await page.getByRole('button', { name: 'Vis resultater' }).click();
  const counted = page.getByTestId('counted-results');
  await expect(counted).toContainText(`I hele kartleggingen svarte 1 av 7 (14 %) at de har opplevd dette det siste året: «${sensitive.text.nb}»`);
  await expect(counted.getByRole('heading', { name: /Trakassering/ })).toContainText('Rød');
  const knows = guide.items.find((item) => item.id === 'knows-safety-rep')!;
  await expect(counted).toContainText(`4 av 7 (57 %) svarte «Ja» på «${knows.text.nb}»`);
  await expect(page.getByText('Grønn')).toHaveCount(0);
  // The answers behind a score: 6 of the 7 present voted on the workload question.
  const workload = guide.factors.find((factor) => factor.id === 'workload')!;
  const workloadItem = guide.items.find((item) => item.id === 'workload-time')!;
  await page.locator('summary', { hasText: workload.title.nb }).click();
  const row = page.getByRole('table', { name: `Svarfordeling: ${workload.title.nb}`, exact: false }).getByRole('row').filter({ hasText: workloadItem.text.nb });
  await expect(row.getByTestId('short-tally')).toHaveText('(6 av 7 stemte)');
  await expect(page.getByTestId('short-tally')).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);
});
