// The workflow that guides the consultant: an interview that fits the laptop and asks before it is
// finished or left with unsaved input; a draft report that issues nothing; issuing as its own step
// with the checklist and the approvals, which then stand in the report.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Download, type Page } from '@playwright/test';
import type { Guide } from '../../src-main/core/guide';
import { callApi, seedAssessment } from './api';
import { AssessmentsPage, expectNoSeriousAxeViolations, InterviewPage } from './pages';
import { freshServerPerTest } from './fresh-server';

const fresh = freshServerPerTest();
/** Screenshots are taken only when asked for, so ordinary runs leave the tree alone. */
const screenshots = process.env.KARTLEGG_SCREENSHOTS === '1';

async function screenshot(page: Page, name: string) {
  if (screenshots) await page.screenshot({ path: `test-results/workflow-${name}.png` });
}

async function pdfText(download: Download): Promise<string> {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', (await download.path())!, '-'], { encoding: 'utf8' });
}

/** Every answer option, the vote total and Forrige/Neste are on screen without scrolling. */
async function expectAnswerControlsInView(page: Page, optionCount: number) {
  const rows = page.locator('.tally-row');
  await expect(rows).toHaveCount(optionCount);
  for (let i = 0; i < optionCount; i++) await expect(rows.nth(i)).toBeInViewport({ ratio: 1 });
  await expect(page.locator('.tally-total')).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Forrige' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Neste' })).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}

test('the interview fits 1280×720, checks before it is finished, and asks before unsaved input is left', async ({ page }) => {
  test.setTimeout(180_000);
  const guide: Guide = await callApi(fresh.server, 'guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const assessment = await seedAssessment(fresh.server, 'Glans Renhold AS', 'Kartlegging 2027', guide);
  const planned = await callApi(fresh.server, 'interviews.create', { assessmentId: assessment.id, groupName: 'Dagskift', kind: 'group' });
  const interview = new InterviewPage(page);
  const options = guide.scales.find((scale) => scale.id === guide.items[0].scale)!.points.length;

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${fresh.server.url}&screen=interview&interview=${planned.id}`);
  await expect(page.getByRole('heading', { name: 'Hvem er til stede?' })).toBeVisible();

  // Nobody present: the interview does not start, and the focus goes to the field to fix.
  await page.getByRole('button', { name: 'Begynn intervjuet' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Et intervju kan ikke begynne uten deltakere.' }).first()).toBeVisible();
  await expect(page.getByLabel('Ansatte', { exact: true })).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await interview.recordParticipants({ employees: 6 });
  await interview.begin();

  await expectAnswerControlsInView(page, options);
  await screenshot(page, 'interview-1280x720');
  await page.setViewportSize({ width: 1366, height: 768 });
  await expectAnswerControlsInView(page, options);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The notes panel folds away, and opens again.
  await page.getByRole('button', { name: /Notater og sitater/ }).click();
  await expect(interview.noteField()).toBeHidden();
  await page.getByRole('button', { name: /Notater og sitater/ }).click();
  await expect(interview.noteField()).toBeVisible();

  // Item 1: four of six vote, flagged for follow-up, and a quote for the factor.
  await interview.keys('3', '3', '4', '4', 'f');
  await expect(page.getByText('4 av 6 har stemt')).toBeVisible();
  await interview.noteField().fill('Vi rekker aldri alle rommene.');
  await interview.noteField().press('Control+Enter');
  await interview.expectSaved();

  // Item 2: seven votes for six people are held back: "not saved" until it is fixed.
  await interview.keys('Escape', 'ArrowRight', '1', '1', '1', '2', '2', '2', '2');
  await expect(page.getByRole('alert').filter({ hasText: '7 stemmer, men bare 6 til stede' })).toBeVisible();
  await expect(interview.saveStatus()).toHaveText(/Ikke lagret$/);
  // The refusal stands next to the votes, and the way on is still on screen.
  await expect(page.getByRole('button', { name: 'Neste' })).toBeInViewport({ ratio: 1 });
  await screenshot(page, 'interview-refused');

  // Leaving now asks first; staying keeps everything as it was.
  await page.getByRole('button', { name: /Til kartleggingen/ }).click();
  const leave = page.getByRole('dialog', { name: 'Forlate intervjuet?' });
  await expect(leave).toBeVisible();
  await expect(leave.getByRole('button', { name: 'Bli i intervjuet' })).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'leave-dialog');
  await leave.getByRole('button', { name: 'Bli i intervjuet' }).click();
  await expect(leave).toBeHidden();
  await interview.expectAt(2, guide.items.length);

  // The finish check (A) lists what is missing and needs a confirmation; Esc goes back.
  await interview.keys('a');
  const check = page.getByRole('dialog', { name: 'Avslutte intervjuet?' });
  await expect(check).toBeVisible();
  await expect(check.getByRole('heading', { name: `${guide.items.length - 2} spørsmål er ikke besvart` })).toBeVisible();
  await expect(check.getByRole('heading', { name: '2 spørsmål har ikke stemmer fra alle' })).toBeVisible();
  await expect(check.getByRole('button', { name: 'Gå til spørsmål 1', exact: true }).filter({ hasText: '4 av 6' })).toBeVisible();
  await expect(check.getByRole('heading', { name: '1 spørsmål er merket for oppfølging' })).toBeVisible();
  await expect(check.getByRole('heading', { name: /1 notat eller sitat å lese over/ })).toBeVisible();
  await expect(check.getByText('Vi rekker aldri alle rommene.')).toBeVisible();
  await expect(check.getByRole('heading', { name: '1 svar er ikke lagret' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'finish-check');
  await interview.keys('Escape');
  await expect(check).toBeHidden();
  let stored = await callApi(fresh.server, 'interviews.get', { id: planned.id });
  expect(stored.status).toBe('in_progress');

  // A link in the check goes to the question; then finishing is confirmed.
  await interview.keys('a');
  await check.getByRole('button', { name: 'Gå til spørsmål 1', exact: true }).first().click();
  await expect(check).toBeHidden();
  await interview.expectAt(1, guide.items.length);
  await page.getByRole('button', { name: /Avslutt intervjuet/ }).click();
  await check.getByRole('button', { name: 'Avslutt likevel' }).click();
  await expect(new AssessmentsPage(page).heading()).toHaveText('Kartlegging 2027');
  // The assessment shows its steps, each with its state, and each opens its screen.
  const steps = page.getByRole('navigation', { name: 'Trinn i kartleggingen' });
  await expect(steps.getByRole('listitem').filter({ hasText: 'Intervjuer' })).toContainText('ferdig');
  await expect(steps.getByRole('listitem').filter({ hasText: 'Rapport' })).toContainText('ikke startet');
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'assessment-steps');
  stored = await callApi(fresh.server, 'interviews.get', { id: planned.id });
  expect(stored.status).toBe('completed');
  // Item 2 keeps its last count that fitted (six votes); the seventh was never saved.
  expect(stored.answers.map((answer) => [answer.itemId, answer.answer])).toEqual([
    [guide.items[0].id, { kind: 'tally', votes: { 3: 2, 4: 2 } }],
    [guide.items[1].id, { kind: 'tally', votes: { 1: 3, 2: 3 } }],
  ]);
});

test('a draft is marked UTKAST and issues nothing; issuing records the approvals, which stand in the report', async ({ page }) => {
  test.setTimeout(300_000);
  const guide: Guide = await callApi(fresh.server, 'guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const assessment = await seedAssessment(fresh.server, 'Glans Renhold AS', 'Kartlegging 2027', guide);
  const group = await callApi(fresh.server, 'interviews.create', { assessmentId: assessment.id, groupName: 'Dagskift', kind: 'group', participants: { employee: 6 } });
  for (const item of guide.items) {
    await callApi(fresh.server, 'answers.save', { interviewId: group.id, itemId: item.id, answer: { kind: 'consensus', value: 3, participants: 6 } });
  }
  await callApi(fresh.server, 'measures.create', { assessmentId: assessment.id, findingId: null, title: 'Faste møter med kunden', responsibleRole: 'employer', deadline: '2027-05-01', priority: 'high' });
  const before = await callApi(fresh.server, 'assessments.get', { id: assessment.id });

  await page.goto(`${fresh.server.url}&screen=reports&assessment=${assessment.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapporter: Kartlegging 2027');
  await page.getByLabel('Mal').selectOption({ label: 'Risikovurdering, formell rapport (bokmål)' });

  // The draft, in both formats: marked on every page, and nothing issued.
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByRole('button', { name: 'Last ned utkast' }).click();
  // Two renderings of the whole report: slow on a busy machine, so the wait is generous.
  await expect.poll(() => downloads.length, { timeout: 120_000 }).toBe(2);
  await expect(page.getByRole('status').filter({ hasText: /UTKAST\.pdf er lastet ned/ })).toBeVisible();
  const [docx, pdf] = downloads;
  expect(docx.suggestedFilename()).toMatch(/^Risikovurdering Glans Renhold AS \d{4}-\d{2}-\d{2} rev 1 UTKAST\.docx$/);
  const pages = (await pdfText(pdf)).split('\f').filter((text) => text.trim());
  expect(pages.length).toBeGreaterThan(3);
  for (const text of pages) expect(text).toContain('UTKAST');
  const zip = unzipSync(readFileSync((await docx.path())!));
  const headers = Object.keys(zip).filter((name) => /^word\/header\d*\.xml$/.test(name));
  expect(headers.length).toBeGreaterThan(0);
  for (const header of headers) expect(strFromU8(zip[header])).toContain('UTKAST');
  const after = await callApi(fresh.server, 'assessments.get', { id: assessment.id });
  expect({ status: after.status, revision: after.revision }).toEqual({ status: before.status, revision: before.revision });
  expect(await callApi(fresh.server, 'revisions.list', { assessmentId: assessment.id })).toMatchObject({ issued: false, revisions: [] });
  await expect(page.getByText('Ingen rapporter er utstedt ennå.')).toBeVisible();

  // Issuing: the checklist names what is missing, and the confirmation names the revision.
  await page.getByRole('checkbox', { name: 'DOCX' }).uncheck();
  await page.getByRole('button', { name: 'Utsted revisjon 1 …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Utstede revisjon 1?' });
  await expect(dialog).toBeVisible();
  const checklist = dialog.getByRole('list', { name: 'Sjekkliste før utstedelse' });
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Tiltakene er avtalt med arbeidsgiver og verneombud' })).toContainText('Mangler: Faste møter med kunden');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Alle tiltak har ansvarlig og frist' })).toContainText('i orden');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Arbeidsgiver og verneombud har godkjent' })).toContainText('Mangler: Arbeidsgiver, Verneombud');
  await expectNoSeriousAxeViolations(page);

  const employer = dialog.getByRole('group', { name: 'Godkjent for Arbeidsgiver' });
  const safety = dialog.getByRole('group', { name: 'Godkjent for Verneombud' });
  await employer.getByLabel('Navn').fill('Kari Nordmann');
  await employer.getByLabel('Stilling').fill('Daglig leder');
  await employer.getByLabel('Dato').fill('2027-03-20');
  await safety.getByLabel('Navn').fill('Ola Hansen');
  await safety.getByLabel('Stilling').fill('Hovedverneombud');
  await safety.getByLabel('Dato').fill('2027-03-21');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Arbeidsgiver og verneombud har godkjent' })).toContainText('i orden');
  await screenshot(page, 'issue-dialog');

  // A gap left open must be acknowledged; the focus goes there.
  await dialog.getByRole('button', { name: 'Utsted revisjon 1' }).click();
  const acknowledge = dialog.getByRole('checkbox', { name: 'Jeg har sett det som mangler og vil utstede likevel' });
  await expect(acknowledge).toBeFocused();
  await expect(dialog.getByRole('alert')).toContainText('Kryss av for at du har sett det som mangler');
  await expectNoSeriousAxeViolations(page);
  expect(await callApi(fresh.server, 'revisions.list', { assessmentId: assessment.id })).toMatchObject({ issued: false });
  await acknowledge.check();
  await dialog.getByRole('button', { name: 'Utsted revisjon 1' }).click();
  await expect(dialog).toBeHidden();
  // Issuing, then rendering the report: slow on a busy machine, so the wait for the listed report is generous.
  await expect(page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Filer' }) }).getByRole('row')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Rapporten er eksportert (revisjon 1).' })).toBeVisible();

  const revision = await callApi(fresh.server, 'revisions.get', { assessmentId: assessment.id, number: 1 });
  expect(revision.approvals).toEqual({
    employer: { name: 'Kari Nordmann', role: 'Daglig leder', date: '2027-03-20' },
    safetyRepresentative: { name: 'Ola Hansen', role: 'Hovedverneombud', date: '2027-03-21' },
  });
  const issued = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Filer' }) });
  const downloading = page.waitForEvent('download');
  await issued.getByRole('button', { name: /^Last ned PDF/ }).click();
  const report = await downloading;
  expect(report.suggestedFilename()).toMatch(/^Risikovurdering Glans Renhold AS \d{4}-\d{2}-\d{2} rev 1\.pdf$/);
  const text = (await pdfText(report)).replace(/\s+/g, ' ');
  expect(text).not.toContain('UTKAST');
  for (const value of ['Kari Nordmann', 'Daglig leder', '2027-03-20', 'Ola Hansen', 'Hovedverneombud', '2027-03-21']) expect(text).toContain(value);
  await expect(page.getByRole('button', { name: 'Lag filer for revisjon 1' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
