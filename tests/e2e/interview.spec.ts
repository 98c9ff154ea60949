// Running an interview at the client's site: planning it, answering by keyboard in Polish and
// Norwegian, surviving a crashed server, and showing the question to the group in Arabic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { Answer } from '../../src-main/core/answers';
import type { Guide } from '../../src-main/core/guide';
import { knownLanguages } from '../../src-main/core/languages';
import { callApi, seedAssessment } from './api';
import { AssessmentsPage, ClientsPage, expectNoSeriousAxeViolations, InterviewPage } from './pages';
import { freshServerPerTest } from './fresh-server';
import { startServer } from './server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guide = JSON.parse(readFileSync(path.join(root, 'templates/interviews/psychosocial-cleaning.json'), 'utf8')) as Guide;
const item = (id: string) => guide.items.find((i) => i.id === id)!;
const factor = (id: string) => guide.factors.find((f) => f.id === id)!;
const scaleOf = (itemId: string) => guide.scales.find((s) => s.id === item(itemId).scale)!;
const itemCount = guide.items.length;
/** Screenshots for the docs are taken only when asked for, so ordinary runs leave the tree alone. */
const screenshots = process.env.KARTLEGG_SCREENSHOTS === '1';

const fresh = freshServerPerTest();

/** A factor score computed here from the guide file, independently of the app's scoring code:
 * 1..5 → 0..100 with reverse scoring, the mean of the answered items if at least half of the
 * factor's items are answered, n = the mean number of people behind the items (never more than present). */
function expectedFactor(factorId: string, answers: Record<string, Answer>, present: number) {
  const items = guide.items.filter((i) => i.factor === factorId);
  const scored = items.flatMap((guideItem) => {
    const answer = answers[guideItem.id];
    if (!answer || answer.kind === 'notApplicable') return [];
    const values = guide.scales.find((s) => s.id === guideItem.scale)!.points.map((p) => p.value);
    const [min, max] = [Math.min(...values), Math.max(...values)];
    const toScore = (value: number) => {
      const score = ((value - min) / (max - min)) * 100;
      return guideItem.reverse ? 100 - score : score;
    };
    if (answer.kind === 'consensus') return [{ score: toScore(answer.value), people: answer.participants }];
    const votes = Object.entries(answer.votes).filter(([, count]) => count > 0);
    const people = votes.reduce((sum, [, count]) => sum + count, 0);
    return [{ score: votes.reduce((sum, [value, count]) => sum + toScore(Number(value)) * count, 0) / people, people }];
  });
  if (scored.length * 2 < items.length) return null;
  const score = scored.reduce((sum, s) => sum + s.score, 0) / scored.length;
  const n = Math.min(present, Math.round(scored.reduce((sum, s) => sum + s.people, 0) / scored.length));
  const { lower, upper } = factor(factorId).thresholds;
  const better = factor(factorId).direction === 'higherIsBetter';
  const light = better ? (score >= upper ? 'Grønn' : score >= lower ? 'Gul' : 'Rød') : score <= lower ? 'Grønn' : score <= upper ? 'Gul' : 'Rød';
  return { score: Math.round(score), n, light };
}

async function createClientAndAssessment(page: Page) {
  const clients = new ClientsPage(page);
  const assessments = new AssessmentsPage(page);
  await clients.openNewClient();
  await clients.fillClient({ name: 'Glans Renhold AS', city: 'Drammen' });
  await clients.save();
  await expect(clients.heading()).toHaveText('Glans Renhold AS');
  await expect(page.getByText('Ingen kartlegginger for denne kunden ennå.')).toBeVisible();

  await page.getByRole('button', { name: 'Ny kartlegging' }).click();
  await expect(assessments.heading()).toHaveText('Ny kartlegging');
  await expect(assessments.field('Kunde *')).toHaveValue(/.+/);
  await expect(assessments.field('Minste gruppestørrelse')).toHaveValue('5');
  // The newest built-in guide (2.0.0) is chosen; this flow answers the items of 1.0.0, so it picks
  // that version, and sees its languages and what a translator has checked.
  await expect(assessments.field('Intervjuguide *')).toHaveValue(`${guide.id}@2.0.0`);
  await assessments.field('Intervjuguide *').selectOption(`${guide.id}@${guide.version}`);
  await expect(assessments.field('Intervjuguide *')).toHaveValue(`${guide.id}@${guide.version}`);
  await expect(page.getByRole('list', { name: 'Språk i guiden' }).getByRole('listitem').filter({ hasText: 'Polsk' })).toContainText('utkast');
  await expect(page.getByRole('list', { name: 'Språk i guiden' }).getByRole('listitem').filter({ hasText: 'Norsk bokmål' })).toContainText('kontrollert');
  await assessments.fillAssessment({
    title: 'Psykososial kartlegging 2026',
    mandate: 'Kartlegge tidspress og samarbeid.\nAvtalt med daglig leder og verneombud.',
    start: '2026-03-02',
    end: '2026-03-20',
    consultant: 'Kari Konsulent',
  });
  await expectNoSeriousAxeViolations(page);
  await assessments.create();
  await expect(assessments.heading()).toHaveText('Psykososial kartlegging 2026');
  await expect(page.getByText('Avtalt med daglig leder og verneombud.')).toBeVisible();
}

test('a group interview in Polish is run by keyboard, survives a server crash, and is stored and scored exactly', async ({ page }) => {
  // A long workflow (with the finish check in it): give a busy machine room.
  test.slow();
  const assessments = new AssessmentsPage(page);
  const interview = new InterviewPage(page);
  await page.goto(fresh.server.url);
  await expect(assessments.heading()).toHaveText('Oversikt');
  await expect(page.getByText('Ingen kartlegginger ennå.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await createClientAndAssessment(page);
  await assessments.planInterview({ group: 'Dagskift, kontorrenhold', expected: 7, language: 'Polsk – Polski', plannedAt: '2026-03-03' });
  const row = assessments.interviewRow('Dagskift, kontorrenhold');
  await expect(row).toContainText('Gruppeintervju');
  await expect(row).toContainText('Polsk');
  await expect(row).toContainText('7 forventet');
  await expectNoSeriousAxeViolations(page);

  await assessments.startButton('Dagskift, kontorrenhold').click();
  await expect(page.getByRole('heading', { name: 'Hvem er til stede?' })).toBeVisible();
  await interview.recordParticipants({ employees: 6, safetyRepresentatives: 1 });
  await expect(page.getByText('7 til stede')).toBeVisible();
  await interview.begin();
  await interview.expectAt(1, itemCount);

  // Norwegian and Polish side by side, straight from the guide file, with the scale in both.
  const first = item('workload.1');
  await expect(interview.factorHeading()).toHaveText(factor('workload').title.nb);
  await expect(interview.questionText('nb')).toHaveText(first.text.nb);
  await expect(interview.questionText('pl')).toHaveText(first.text.pl);
  await expect(interview.questionText('pl')).toHaveAttribute('lang', 'pl');
  for (const point of scaleOf('workload.1').points) {
    await expect(page.locator('.tally').getByText(point.label.nb, { exact: true })).toBeVisible();
    await expect(page.locator('.tally').getByText(point.label.pl, { exact: true })).toBeVisible();
  }
  await expectNoSeriousAxeViolations(page);

  // Item 1: a tally; Shift+digit takes a vote back.
  await interview.keys('4', '4', '4', '3', '3', '5', 'Shift+5', '2');
  await expect(interview.votes(2)).toHaveText('1');
  await expect(interview.votes(3)).toHaveText('2');
  await expect(interview.votes(4)).toHaveText('3');
  await expect(interview.votes(5)).toHaveText('0');
  await expect(page.getByText('6 av 7 har stemt')).toBeVisible();
  await interview.expectSaved();

  // Item 2: one vote too many is caught and not saved until it is taken back.
  await interview.keys('ArrowRight');
  await interview.expectAt(2, itemCount);
  await expect(interview.questionText('pl')).toHaveText(item('workload.2').text.pl);
  await interview.keys('1', '1', '2', '2', '2', '3', '3', '4');
  await expect(page.getByRole('alert').filter({ hasText: '8 stemmer, men bare 7 til stede' })).toBeVisible();
  await expect(interview.overviewItem(2)).toHaveAccessibleName(/ikke lagret/);
  await interview.keys('Shift+4');
  await expect(page.getByRole('alert').filter({ hasText: 'til stede' })).toHaveCount(0);
  await interview.expectSaved();

  // Item 3: one answer for the group, which speaks for all present.
  await interview.keys('PageDown', 't', '3');
  await interview.expectAt(3, itemCount);
  await expect(page.getByRole('button', { name: /^3 Noen ganger/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Antall som står bak svaret')).toHaveValue('7');

  // Item 4: not applicable, flagged for follow-up.
  await interview.keys('ArrowRight', '0', 'f');
  await interview.expectAt(4, itemCount);
  await expect(page.getByRole('button', { name: 'Ikke aktuelt (0)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: /Følg opp/ })).toHaveAttribute('aria-pressed', 'true');

  // A note and an anonymised quote for the factor, written without leaving the keyboard.
  await expect(page.getByText('Skriv aldri navn')).toBeVisible();
  await interview.keys('n');
  await expect(interview.noteField()).toBeFocused();
  await page.keyboard.type('Arealet har økt uten at tiden har økt.');
  await interview.keys('Control+Enter', 'Shift+Tab', 'ArrowRight', 'Tab');
  await page.keyboard.type('Vi rekker aldri pausen.');
  await interview.keys('Control+Enter', 'Escape');
  const notes = page.locator('.note-list');
  await expect(notes.getByText('Arealet har økt uten at tiden har økt.')).toBeVisible();
  await expect(notes.locator('.note-quote')).toContainText('«Vi rekker aldri pausen.»');
  await interview.expectSaved();
  // A note past its limit is never cut off: the counter and what to remove show, and it cannot be added.
  await interview.keys('n');
  await interview.noteField().fill('Lang. '.repeat(834));
  await expect(page.getByText('For lang: høyst 5000 tegn. Fjern 3 tegn før du lagrer.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Legg til/ })).toBeDisabled();
  await interview.noteField().fill('');
  await interview.keys('Escape');
  // The N pressed before is done with: back from the participants, the question screen does not hand
  // the note field the focus again (two frames after the notes are there), so keys still navigate.
  await page.getByRole('button', { name: /^Deltakere \(/ }).click();
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(interview.noteField()).toBeAttached();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(interview.noteField()).not.toBeFocused();

  // Item 5 is skipped, item 6 answered, then item 5 is taken after all.
  await interview.keys('ArrowRight', 'ArrowRight');
  await interview.expectAt(6, itemCount);
  await expect(interview.factorHeading()).toHaveText(factor('pace').title.nb);
  // The switch to one answer at item 3 stayed there: item 6 opens in the interview's mode, votes.
  await expect(interview.votes(4)).toHaveText('0');
  await interview.keys('4', '4', '4', '5', '5', '3');
  await expect(interview.overviewItem(5)).toHaveAccessibleName(/hoppet over/);
  await expect(interview.overviewItem(4)).toHaveAccessibleName(/ikke aktuelt, merket for oppfølging/);
  await interview.keys('ArrowLeft');
  await interview.expectAt(5, itemCount);
  await interview.keys('1', '1', '2', '2', '2', '2');
  await expect(interview.overviewItem(5)).toHaveAccessibleName(/besvart/);
  await interview.keys('ArrowRight', 'ArrowRight');
  await interview.expectAt(7, itemCount);
  await interview.expectSaved();
  if (screenshots) {
    await interview.keys('ArrowLeft');
    await interview.expectSaved();
    await page.screenshot({ path: path.join(root, 'docs/images/interview.png'), fullPage: true });
    await interview.keys('ArrowRight');
    await interview.expectSaved();
  }

  // The server dies mid-interview: the next change is not saved, and that is shown, not hidden.
  await fresh.server.stop('SIGKILL');
  await interview.keys('3');
  await expect(interview.saveStatus()).toHaveText(/Ikke lagret – prøver igjen/);
  fresh.server = await startServer(fresh.dataDir);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.goto(fresh.server.url);
  expect(dialogs).toEqual(['beforeunload']);

  // Resumed from the assessment: the same question, with what was answered before.
  await expect(assessments.heading()).toHaveText('Oversikt');
  await page.getByRole('button', { name: 'Psykososial kartlegging 2026' }).click();
  await assessments.resumeButton('Dagskift, kontorrenhold').click();
  await interview.expectAt(7, itemCount);
  await interview.keys('ArrowLeft');
  await interview.expectAt(6, itemCount);
  await expect(interview.votes(3)).toHaveText('1');
  await expect(interview.votes(4)).toHaveText('3');
  await expect(interview.votes(5)).toHaveText('2');
  await interview.overviewItem(1).focus();
  await interview.keys('Enter');
  await interview.expectAt(1, itemCount);
  await expect(interview.votes(4)).toHaveText('3');
  await expect(notes.getByText('Arealet har økt uten at tiden har økt.')).toBeVisible();
  await expect(interview.overviewItem(4)).toHaveAccessibleName(/ikke aktuelt, merket for oppfølging/);
  await interview.expectSaved();

  await page.getByRole('button', { name: 'Avslutt intervjuet … (A)' }).focus();
  await interview.keys('Enter');
  const check = page.getByRole('dialog', { name: 'Avslutte intervjuet?' });
  await expect(check.getByRole('heading', { name: `${itemCount - 6} spørsmål er ikke besvart` })).toBeVisible();
  await check.getByRole('button', { name: 'Avslutt likevel' }).click();
  await expect(assessments.heading()).toHaveText('Psykososial kartlegging 2026');
  await expect(assessments.interviewRow('Dagskift, kontorrenhold')).toContainText('Fullført');

  // What the database holds is exactly what was entered.
  const expected: Record<string, { answer: Answer; followUp: boolean }> = {
    'workload.1': { answer: { kind: 'tally', votes: { 2: 1, 3: 2, 4: 3 } }, followUp: false },
    'workload.2': { answer: { kind: 'tally', votes: { 1: 2, 2: 3, 3: 2 } }, followUp: false },
    'workload.3': { answer: { kind: 'consensus', value: 3, participants: 7 }, followUp: false },
    'workload.4': { answer: { kind: 'notApplicable' }, followUp: true },
    'pace.1': { answer: { kind: 'tally', votes: { 1: 2, 2: 4 } }, followUp: false },
    'pace.2': { answer: { kind: 'tally', votes: { 3: 1, 4: 3, 5: 2 } }, followUp: false },
  };
  const [planned] = await callApi(fresh.server, 'assessments.list', {});
  const details = await callApi(fresh.server, 'assessments.get', { id: planned.id });
  const stored = await callApi(fresh.server, 'interviews.get', { id: details.interviews[0].id });
  expect(stored.status).toBe('completed');
  expect(stored.participants).toEqual({ employee: 6, safetyRepresentative: 1, unionRepresentative: 0, manager: 0, other: 0 });
  expect(stored.respondentLanguage).toBe('pl');
  expect(Object.fromEntries(stored.answers.map((a) => [a.itemId, { answer: a.answer, followUp: a.followUp }]))).toEqual(expected);
  expect(stored.notes.map((n) => ({ factorId: n.factorId, kind: n.kind, text: n.text }))).toEqual([
    { factorId: 'workload', kind: 'note', text: 'Arealet har økt uten at tiden har økt.' },
    { factorId: 'workload', kind: 'quote', text: 'Vi rekker aldri pausen.' },
  ]);

  // The results screen shows the scores computed here from the same answers.
  await page.getByRole('button', { name: 'Vis resultater' }).click();
  const table = page.getByRole('table', { name: 'Faktorskårer' });
  await expect(table).toBeVisible();
  const answers = Object.fromEntries(Object.entries(expected).map(([id, entry]) => [id, entry.answer]));
  for (const factorId of ['workload', 'pace']) {
    const score = expectedFactor(factorId, answers, 7)!;
    // The row header is the factor's title and which way its score is good.
    const scoreRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${factor(factorId).title.nb} (Høy|Lav) skår er bra$`) }) });
    await expect(scoreRow.getByRole('cell')).toHaveText([String(score.score), String(score.n), score.light]);
  }
});

test('the question is shown to the group in Arabic, right to left, in another language with one click, and closed with Esc', async ({ page }) => {
  const client = await callApi(fresh.server, 'clients.create', { name: 'Natt og Dag Renhold AS' });
  const assessment = await callApi(fresh.server, 'assessments.create', {
    clientId: client.id,
    title: 'Kartlegging nattskift',
    method: 'group',
    guideId: guide.id,
    guideVersion: guide.version,
  });
  await callApi(fresh.server, 'interviews.create', {
    assessmentId: assessment.id,
    groupName: 'Nattskift, sykehus',
    kind: 'group',
    respondentLanguage: 'ar',
    languages: ['ar', 'ti'],
    expectedParticipants: 5,
  });
  const assessments = new AssessmentsPage(page);
  const interview = new InterviewPage(page);
  await page.goto(fresh.server.url);
  await page.getByRole('button', { name: 'Kartlegging nattskift' }).click();
  await assessments.startButton('Nattskift, sykehus').click();
  await interview.recordParticipants({ employees: 5 });
  await interview.begin();

  const first = guide.items[0];
  await expect(interview.questionText('ar')).toHaveText(first.text.ar);
  await expect(interview.questionText('ar')).toHaveAttribute('dir', 'rtl');

  // The consultant's help: the shortcuts, and the guide's follow-up prompts in the UI language.
  await interview.keys('?');
  await expect(page.getByRole('heading', { name: 'Hurtigtaster' })).toBeVisible();
  await interview.keys('p');
  for (const prompt of first.followUp) await expect(page.getByText(prompt.nb, { exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await interview.keys('?', 'p');
  await expect(page.getByRole('heading', { name: 'Hurtigtaster' })).toBeHidden();

  await interview.keys('r');
  const view = interview.respondentView();
  await expect(view).toBeVisible();
  const content = view.getByTestId('respondent-content');
  await expect(content).toHaveAttribute('dir', 'rtl');
  await expect(content).toHaveAttribute('lang', 'ar');
  await expect(content.locator('.respondent-question')).toHaveText(first.text.ar);
  for (const point of scaleOf(first.id).points) await expect(content.getByText(point.label.ar, { exact: true })).toBeVisible();
  // Only the respondents' text: no Norwegian question, no consultant's prompts.
  await expect(view.getByText(first.text.nb)).toHaveCount(0);
  await expect(view.getByText(first.followUp[0].nb)).toHaveCount(0);
  const hasArabicVoice = await page.evaluate(
    () => 'speechSynthesis' in window && speechSynthesis.getVoices().some((v) => v.localService && v.lang.startsWith('ar')),
  );
  await expect(view.getByRole('button', { name: /Les høyt/ })).toHaveCount(hasArabicVoice ? 1 : 0);
  await expectNoSeriousAxeViolations(page);
  if (screenshots) await page.screenshot({ path: path.join(root, 'docs/images/respondent-arabic.png') });

  // Another language is one click away, named in its own script.
  await view.getByRole('button', { name: knownLanguages.ti.nativeName }).click();
  await expect(content).toHaveAttribute('lang', 'ti');
  await expect(content).toHaveAttribute('dir', 'ltr');
  await expect(content.locator('.respondent-question')).toHaveText(first.text.ti);
  await view.getByRole('button', { name: knownLanguages.pl.nativeName }).click();
  await expect(content.locator('.respondent-question')).toHaveText(first.text.pl);
  await view.getByRole('button', { name: knownLanguages.ar.nativeName }).click();
  await expect(content).toHaveAttribute('dir', 'rtl');

  // The consultant can move on while the screen is turned to the group.
  await interview.keys('ArrowRight');
  await expect(content.locator('.respondent-question')).toHaveText(guide.items[1].text.ar);

  await interview.keys('Escape');
  await expect(view).toBeHidden();
  await interview.expectAt(2, itemCount);
  await interview.expectSaved();
});

test('the first render loads the interview in one call with the guide in its languages; the participants\' view loads another when it switches to it, saying so, and keeps the last text meanwhile', async ({ page }) => {
  const assessment = await seedAssessment(fresh.server, 'Språk Renhold AS', 'Språk', guide);
  const group = { groupName: 'Morgenskift', kind: 'group', participants: { employee: 6 } } as const;
  const planned = await callApi(fresh.server, 'interviews.create', { assessmentId: assessment.id, ...group, respondentLanguage: 'pl', languages: ['pl', 'nb'] });
  const first = guide.items[0];
  await callApi(fresh.server, 'interviews.setProgress', { id: planned.id, currentItemId: first.id, status: 'in_progress' });
  const guideRequests: { languages?: string[] }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/guides.get')) guideRequests.push(request.postDataJSON() as { languages?: string[] });
  });
  // The Lithuanian texts are held back until the test has seen the loading state; the Romanian ones fail once.
  let releaseLithuanian!: () => void;
  const lithuanianHeld = new Promise<void>((resolve) => (releaseLithuanian = resolve));
  let failRomanian = true;
  await page.route('**/api/guides.get', async (route) => {
    const languages = (route.request().postDataJSON() as { languages?: string[] }).languages ?? [];
    if (languages.includes('lt')) await lithuanianHeld;
    if (languages.includes('ro') && failRomanian) {
      failRomanian = false;
      return route.abort('failed');
    }
    return route.continue();
  });

  const interview = new InterviewPage(page);
  const opening = page.waitForResponse((response) => response.url().endsWith('/api/interviews.open'));
  await page.goto(`${fresh.server.url}&screen=interview&interview=${planned.id}`);
  await expect(interview.questionText('pl')).toHaveText(first.text.pl);
  // One call brought the screen's data, with the guide in the group's languages and the app's own, not all ten.
  const opened = (await (await opening).json()) as { value: { guideLanguages: string[]; guide: Guide } };
  expect([...opened.value.guideLanguages].sort()).toEqual(['en', 'nb', 'pl']);
  expect(Object.keys(opened.value.guide.items[0].text).sort()).toEqual(['en', 'nb', 'pl']);
  expect(guideRequests).toHaveLength(0);

  await interview.keys('r');
  const view = interview.respondentView();
  const content = view.getByTestId('respondent-content');
  await expect(content.locator('.respondent-question')).toHaveText(first.text.pl);

  // Lithuanian was not loaded: the view says it is loading and keeps the Polish text meanwhile.
  await view.getByRole('button', { name: knownLanguages.lt.nativeName }).click();
  await expect(view.getByRole('status')).toHaveText('Henter tekstene på litauisk …');
  await expect(view.getByRole('button', { name: knownLanguages.lt.nativeName })).toHaveAttribute('aria-pressed', 'true');
  await expect(content).toHaveAttribute('lang', 'pl');
  await expect(content.locator('.respondent-question')).toHaveText(first.text.pl);
  releaseLithuanian();
  await expect(content).toHaveAttribute('lang', 'lt');
  await expect(content.locator('.respondent-question')).toHaveText(first.text.lt);
  for (const point of scaleOf(first.id).points) await expect(content.getByText(point.label.lt, { exact: true })).toBeVisible();
  await expect(view.getByRole('status')).toHaveCount(0);

  // Romanian fails to load once: an error in the UI language, the Lithuanian text stays, and "try again" loads it.
  await view.getByRole('button', { name: knownLanguages.ro.nativeName }).click();
  await expect(view.getByRole('alert')).toContainText('Tekstene på rumensk kunne ikke hentes.');
  await expect(content.locator('.respondent-question')).toHaveText(first.text.lt);
  await view.getByRole('button', { name: 'Prøv igjen' }).click();
  await expect(content).toHaveAttribute('lang', 'ro');
  await expect(content.locator('.respondent-question')).toHaveText(first.text.ro);
  await expect(view.getByRole('alert')).toHaveCount(0);

  // A loaded language stays loaded: moving on and back to Lithuanian asks for nothing more.
  const asked = guideRequests.length;
  await interview.keys('ArrowRight');
  await expect(content.locator('.respondent-question')).toHaveText(guide.items[1].text.ro);
  await view.getByRole('button', { name: knownLanguages.lt.nativeName }).click();
  await expect(content.locator('.respondent-question')).toHaveText(guide.items[1].text.lt);
  expect(guideRequests).toHaveLength(asked);
  await expectNoSeriousAxeViolations(page);
  await interview.keys('Escape');
  await expect(view).toBeHidden();
  // The consultant's own view still shows Norwegian and Polish.
  await expect(interview.questionText('nb')).toHaveText(guide.items[1].text.nb);
  await expect(interview.questionText('pl')).toHaveText(guide.items[1].text.pl);
  await interview.expectSaved();
});

test('the question and its answer are painted first; the prompts, the notes and the overview of every question follow, in their place and order', async ({ page }) => {
  const assessment = await seedAssessment(fresh.server, 'Først Renhold AS', 'Først', guide);
  const planned = await callApi(fresh.server, 'interviews.create', {
    assessmentId: assessment.id,
    groupName: 'Kveldsskift',
    kind: 'group',
    respondentLanguage: 'pl',
    languages: ['pl', 'nb'],
    participants: { employee: 5 },
  });
  await callApi(fresh.server, 'interviews.setProgress', { id: planned.id, currentItemId: guide.items[2].id, status: 'in_progress' });
  // What the page held when the question first came into it, recorded by the page itself.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="question-nb"]')) return;
      observer.disconnect();
      (window as unknown as { atFirstQuestion: object }).atFirstQuestion = {
        answerButtons: document.querySelectorAll('.interview-main .answer button').length,
        navigation: document.querySelectorAll('.question-nav button').length,
        sideColumn: document.querySelectorAll('.interview-side').length,
        overview: document.querySelectorAll('.item-overview').length,
        notes: document.querySelectorAll('.notes').length,
      };
    });
    observer.observe(document, { subtree: true, childList: true });
  });

  const interview = new InterviewPage(page);
  await page.goto(`${fresh.server.url}&screen=interview&interview=${planned.id}`);
  await expect(interview.questionText('nb')).toHaveText(guide.items[2].text.nb);
  const atFirstQuestion = await page.evaluate(() => (window as unknown as { atFirstQuestion: Record<string, number> }).atFirstQuestion);
  expect(atFirstQuestion.answerButtons).toBeGreaterThan(0);
  expect(atFirstQuestion).toMatchObject({ navigation: 2, sideColumn: 1, overview: 0, notes: 0 });

  // Then the rest, with every question in the overview and the current one marked.
  await expect(page.getByRole('navigation', { name: 'Alle spørsmål' }).getByRole('button')).toHaveCount(itemCount);
  await expect(interview.overviewItem(3)).toHaveAttribute('aria-current', 'step');
  await expect(interview.noteField()).toBeAttached();
  await expect(page.getByRole('button', { name: /oppfølgingsspørsmål/i })).toBeVisible();
  // The same order as before for the keyboard and screen readers: question, answer, navigation, the side column, the overview.
  const order = await page.evaluate(() =>
    ['#interview-question', '.answer', '.question-nav', '.interview-side .prompts', '.interview-side .notes', '.item-overview'].map((selector) => {
      const all = [...document.querySelectorAll('.interview *')];
      return all.indexOf(document.querySelector(selector)!);
    }),
  );
  expect(order.every((position) => position >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // The answer keys work as before, and the overview follows them: all five present vote, then on to the next question.
  const value = scaleOf(guide.items[2].id).points[0].value;
  await interview.keys(...Array<string>(5).fill(String(value)));
  await expect(interview.votes(value)).toHaveText('5');
  await expect(interview.overviewItem(3)).toHaveAccessibleName(/besvart/);
  await interview.keys('ArrowRight');
  await expect(interview.overviewItem(4)).toHaveAttribute('aria-current', 'step');
  await interview.expectSaved();
  await expectNoSeriousAxeViolations(page);
});

test('an interview planned in a language the guide lacks shows the participants Norwegian, with no error and nothing more asked for', async ({ page }) => {
  const assessment = await seedAssessment(fresh.server, 'Kveld Renhold AS', 'Språk', guide);
  const group = { groupName: 'Kveldsskift', kind: 'group', participants: { employee: 5 } } as const;
  const planned = await callApi(fresh.server, 'interviews.create', { assessmentId: assessment.id, ...group, respondentLanguage: 'vi', languages: ['vi'] });
  const first = guide.items[0];
  await callApi(fresh.server, 'interviews.setProgress', { id: planned.id, currentItemId: first.id, status: 'in_progress' });
  const guideRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/guides.get')) guideRequests.push(request.url());
  });
  const interview = new InterviewPage(page);
  await page.goto(`${fresh.server.url}&screen=interview&interview=${planned.id}`);
  await expect(interview.questionText('nb')).toHaveText(first.text.nb);
  await interview.keys('r');
  const view = interview.respondentView();
  await expect(view.getByTestId('respondent-content').locator('.respondent-question')).toHaveText(first.text.nb);
  await expect(view.getByRole('alert')).toHaveCount(0);
  await expect(view.getByRole('status')).toHaveCount(0);
  expect(guideRequests).toHaveLength(0);
});

test('the overview finds assessments by client, status, planned date and search', async ({ page }) => {
  const glans = await callApi(fresh.server, 'clients.create', { name: 'Glans Renhold AS' });
  const skinn = await callApi(fresh.server, 'clients.create', { name: 'Skinn og Skrubb AS' });
  const base = { method: 'group' as const, guideId: guide.id, guideVersion: guide.version };
  await callApi(fresh.server, 'assessments.create', { ...base, clientId: glans.id, title: 'Vårkartlegging', plannedStart: '2026-03-02' });
  const autumn = await callApi(fresh.server, 'assessments.create', { ...base, clientId: glans.id, title: 'Høstkartlegging', plannedStart: '2026-10-05' });
  await callApi(fresh.server, 'assessments.setStatus', { id: autumn.id, status: 'completed' });
  await callApi(fresh.server, 'assessments.create', { ...base, clientId: skinn.id, title: 'Kontorbygg Skøyen', plannedStart: '2026-04-14' });

  const assessments = new AssessmentsPage(page);
  await page.goto(fresh.server.url);
  const titles = page.locator('.data-table tbody tr td:first-child');
  await expect(page.getByText('3 kartlegginger')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await assessments.field('Kunde').selectOption({ label: 'Glans Renhold AS' });
  await expect(titles).toHaveText(['Høstkartlegging', 'Vårkartlegging']);
  await assessments.field('Status').selectOption({ label: 'Fullført' });
  await expect(titles).toHaveText(['Høstkartlegging']);
  await page.getByRole('button', { name: 'Nullstill filtrene' }).click();
  await expect(page.getByText('3 kartlegginger')).toBeVisible();

  await assessments.field('Planlagt start fra').fill('2026-03-15');
  await assessments.field('Planlagt start til').fill('2026-06-30');
  await expect(titles).toHaveText(['Kontorbygg Skøyen']);
  await page.getByRole('button', { name: 'Nullstill filtrene' }).click();

  await assessments.field('Søk i kartlegginger').fill('skrubb');
  await expect(titles).toHaveText(['Kontorbygg Skøyen']);
  await assessments.field('Søk i kartlegginger').fill('ingen slik');
  await expect(page.getByText('Ingen kartlegginger passer til filtrene.')).toBeVisible();
});
