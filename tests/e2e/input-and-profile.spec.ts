// Less typing and input that says what it does: the consultant profile fills a new assessment, a text
// over its limit shows its counter and a message and is never cut off, the focus goes to the first
// error; the interview list shows when an interview was held, editable; results say per factor which
// way a score is good. axe stays clean on each of these screens.
import { expect, test } from '@playwright/test';
import type { Guide } from '../../src-main/core/guide';
import { callApi, seedAssessment } from './api';
import { freshServerPerTest } from './fresh-server';
import { AssessmentsPage, expectNoSeriousAxeViolations } from './pages';

const fresh = freshServerPerTest();

test('the profile fills a new assessment; a text over its limit shows the counter and a message, and the focus goes to the first error', async ({ page }) => {
  await callApi(fresh.server, 'clients.create', { name: 'Glans Renhold AS' });
  const assessments = new AssessmentsPage(page);
  await page.goto(fresh.server.url);
  await expect(assessments.heading()).toHaveText('Oversikt');

  await page.getByRole('navigation').getByRole('button', { name: 'Innstillinger' }).click();
  const profile = page.getByRole('region', { name: 'Din konsulentprofil' });
  await profile.getByLabel('Navn', { exact: true }).fill('K'.repeat(71));
  // Typing past the limit is kept and said, not cut off.
  await expect(profile.getByLabel('Navn', { exact: true })).toHaveValue('K'.repeat(71));
  await expect(profile.getByText('71 av høyst 70 tegn')).toBeVisible();
  await expect(profile.getByRole('alert').filter({ hasText: 'For lang: høyst 70 tegn. Fjern 1 tegn før du lagrer.' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await profile.getByLabel('Navn', { exact: true }).fill('Kari Nordmann');
  await profile.getByLabel('Stilling', { exact: true }).fill('Seniorrådgiver');
  await profile.getByLabel('Firma (BHT)', { exact: true }).fill('Trygg BHT AS');
  await profile.getByRole('button', { name: 'Lagre profilen' }).click();
  await expect(page.getByText('Profilen er lagret.')).toBeVisible();
  const settings = await callApi(fresh.server, 'settings.get', {});
  expect(settings.consultantProfile).toEqual({ name: 'Kari Nordmann', title: 'Seniorrådgiver', firm: 'Trygg BHT AS' });

  await assessments.openOverview();
  await page.getByRole('button', { name: 'Ny kartlegging' }).click();
  await expect(assessments.heading()).toHaveText('Ny kartlegging');
  await expect(assessments.field('Konsulent')).toHaveValue('Kari Nordmann, Seniorrådgiver, Trygg BHT AS');

  await assessments.field('Kunde *').selectOption({ label: 'Glans Renhold AS' });
  const title = `Kartlegging ${'x'.repeat(193)}`;
  await assessments.fillAssessment({ title, start: '1999-03-01' });
  await expect(assessments.field('Tittel *')).toHaveValue(title);
  await expect(page.getByText('205 av høyst 200 tegn')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'For lang: høyst 200 tegn. Fjern 5 tegn før du lagrer.' })).toBeVisible();
  await assessments.create();
  // The API refuses both; the focus goes to the first field in error, the year is named as the problem.
  await expect(page.getByRole('alert').filter({ hasText: 'Datoen er før år 2000. Sjekk årstallet.' })).toBeVisible();
  await expect(assessments.field('Tittel *')).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  expect(await callApi(fresh.server, 'assessments.list', {})).toEqual([]);

  await assessments.fillAssessment({ title: 'Kartlegging 2027', start: '2027-03-01' });
  await assessments.create();
  await expect(assessments.heading()).toHaveText('Kartlegging 2027');
  const [created] = await callApi(fresh.server, 'assessments.list', {});
  expect(created.consultant).toBe('Kari Nordmann, Seniorrådgiver, Trygg BHT AS');
});

test('the interview list shows when an interview was held and takes a correction; results say which way a score is good', async ({ page }) => {
  const guide: Guide = await callApi(fresh.server, 'guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const assessment = await seedAssessment(fresh.server, 'Glans Renhold AS', 'Kartlegging 2027', guide);
  const interview = await callApi(fresh.server, 'interviews.create', { assessmentId: assessment.id, groupName: 'Dagskift', kind: 'group', participants: { employee: 6 } });
  await callApi(fresh.server, 'answers.save', { interviewId: interview.id, itemId: guide.items[0].id, answer: { kind: 'consensus', value: 3, participants: 6 } });

  await page.goto(`${fresh.server.url}&screen=results&assessment=${assessment.id}`);
  const scores = page.getByRole('table', { name: 'Faktorskårer', exact: true });
  await expect(scores.getByRole('rowheader', { name: 'Arbeidsmengde og tid Lav skår er bra', exact: true })).toBeVisible();
  await expect(scores.getByRole('rowheader', { name: 'Støtte fra leder Høy skår er bra', exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const assessments = new AssessmentsPage(page);
  await assessments.openOverview();
  await page.getByRole('button', { name: 'Kartlegging 2027', exact: true }).click();
  await expect(assessments.heading()).toHaveText('Kartlegging 2027');
  await expect(assessments.interviewRow('Dagskift')).toContainText(/Holdt .+, \d{2}:\d{2}–\d{2}:\d{2}/);
  await page.getByRole('button', { name: 'Tidspunkt for intervjuet Dagskift' }).click();
  const form = page.getByRole('region', { name: 'Når ble intervjuet Dagskift holdt?' });
  await form.getByLabel('Dato').fill('2027-03-02');
  await form.getByLabel('Start').fill('09:00');
  await form.getByLabel('Slutt').fill('08:30');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Slutten er før starten.' })).toBeVisible();
  await expect(form.getByLabel('Slutt')).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await form.getByLabel('Slutt').fill('10:30');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(assessments.interviewRow('Dagskift')).toContainText('Holdt 2. mars 2027, 09:00–10:30');
});
