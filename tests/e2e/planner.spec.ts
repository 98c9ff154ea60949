// The planner in the assessment form: choosing a guide's optional modules changes the estimated
// session length at once, the choice is stored, and the interview asks the core set plus those modules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { callApi } from './api';
import { freshServerPerTest } from './fresh-server';
import { AssessmentsPage, InterviewPage, expectNoSeriousAxeViolations } from './pages';

const root = fileURLToPath(new URL('../..', import.meta.url));
const modularGuide = readFileSync(path.join(root, 'tests/fixtures/modular-guide/with-modules.json'), 'utf8');

const fresh = freshServerPerTest();

test('choosing modules in the planner changes the estimate, and the interview asks the chosen set', async ({ page }) => {
  await callApi(fresh.server, 'guides.import', { fileName: 'with-modules.json', content: modularGuide });
  await callApi(fresh.server, 'clients.create', { name: 'Natt og Dag Renhold AS' });
  const assessments = new AssessmentsPage(page);
  await page.goto(fresh.server.url);
  await expect(assessments.heading()).toHaveText('Oversikt');
  await page.getByRole('button', { name: 'Ny kartlegging' }).click();
  await expect(assessments.heading()).toHaveText('Ny kartlegging');
  await assessments.field('Kunde *').selectOption({ label: 'Natt og Dag Renhold AS' });
  await assessments.fillAssessment({ title: 'Kartlegging med moduler' });
  await assessments.field('Intervjuguide *').selectOption('modular-example@1.0.0');

  const planner = page.getByRole('region', { name: 'Spørsmål og varighet' });
  const estimate = planner.getByTestId('planner-estimate');
  await expect(planner.getByText('Kjernesettet har 3 spørsmål')).toBeVisible();
  // 3 questions with an interpreter, counting votes: 15 min intro and close + 3 × 2 min = 21 → 25.
  await expect(estimate).toHaveText('3 spørsmål, anslått ca. 25 minutter per gruppesamling.');

  await planner.getByRole('checkbox', { name: /Alenearbeid, kveld og natt/ }).check();
  await expect(estimate).toHaveText('5 spørsmål, anslått ca. 25 minutter per gruppesamling.');
  await planner.getByRole('checkbox', { name: /Kunder og følelsesmessige krav/ }).check();
  // 7 × 2 min + 15 = 29 → 30.
  await expect(estimate).toHaveText('7 spørsmål, anslått ca. 30 minutter per gruppesamling.');
  await planner.getByRole('checkbox', { name: 'Med tolk' }).uncheck();
  await expect(estimate).toHaveText('7 spørsmål, anslått ca. 25 minutter per gruppesamling.');
  await planner.getByLabel('Svarmåte i gruppa').selectOption({ label: 'Felles svar etter samtale' });
  // 7 × 1.25 min + 15 = 23.75 → 25; unticking customers: 5 × 1.25 + 15 = 21.25 → 25, with an interpreter 27.5 → 30.
  await expect(estimate).toHaveText('7 spørsmål, anslått ca. 25 minutter per gruppesamling.');
  await planner.getByRole('checkbox', { name: /Kunder og følelsesmessige krav/ }).uncheck();
  await planner.getByRole('checkbox', { name: 'Med tolk' }).check();
  await expect(estimate).toHaveText('5 spørsmål, anslått ca. 30 minutter per gruppesamling.');
  await expectNoSeriousAxeViolations(page);

  await assessments.create();
  await expect(assessments.heading()).toHaveText('Kartlegging med moduler');
  const [stored] = await callApi(fresh.server, 'assessments.list', {});
  expect(stored.modules).toEqual(['lone-work']);

  // The interview asks the 3 core questions and the 2 of the lone-work module, not the customers module.
  await assessments.planInterview({ group: 'Nattskift', expected: 5, language: 'Polsk – Polski' });
  await assessments.startButton('Nattskift').click();
  const interview = new InterviewPage(page);
  await interview.recordParticipants({ employees: 5 });
  await interview.begin();
  await interview.expectAt(1, 5);
});

test('over 75 minutes the planner says what to do: count votes for the core set, drop modules, or split the session', async ({ page }) => {
  await callApi(fresh.server, 'clients.create', { name: 'Natt og Dag Renhold AS' });
  const assessments = new AssessmentsPage(page);
  await page.goto(fresh.server.url);
  await page.getByRole('button', { name: 'Ny kartlegging' }).click();
  await assessments.field('Kunde *').selectOption({ label: 'Natt og Dag Renhold AS' });
  await assessments.fillAssessment({ title: 'Kartlegging med tolk' });
  await assessments.field('Intervjuguide *').selectOption('psychosocial-cleaning@2.0.0');

  const planner = page.getByRole('region', { name: 'Spørsmål og varighet' });
  const estimate = planner.getByTestId('planner-estimate');
  const advice = planner.getByTestId('planner-over-limit');
  // The core set with an interpreter and counted votes: 75 minutes, within one session.
  await expect(estimate).toHaveText('27 spørsmål, anslått ca. 75 minutter per gruppesamling.');
  await expect(advice).toHaveCount(0);

  // Agreeing one answer with an interpreter: 85 minutes, and no module choice can help.
  await planner.getByLabel('Svarmåte i gruppa').selectOption({ label: 'Felles svar etter samtale' });
  await expect(estimate).toHaveText('27 spørsmål, anslått ca. 85 minutter per gruppesamling.');
  await expect(planner.getByText(/75 sekunder per spørsmål .* ingen samling har tidtatt/)).toBeVisible();
  await expect(advice).toContainText('Telle stemmer i stedet for felles svar: ca. 75 minutter.');
  await expect(advice).toContainText('Kjernesettet alene tar ca. 85 minutter');
  await expect(advice).toContainText('Med tolk anbefaler veilederen å telle stemmer for kjernesettet.');
  await expect(advice).toContainText('Eller del spørsmålene på to samlinger.');

  // Counting votes without an interpreter, with two modules: the planner names what to drop.
  await planner.getByLabel('Svarmåte i gruppa').selectOption({ label: 'Telle stemmer' });
  await planner.getByRole('checkbox', { name: 'Med tolk' }).uncheck();
  await expect(advice).toHaveCount(0);
  for (const module of (await planner.getByRole('checkbox').all()).slice(0, 6)) await module.check();
  await expect(estimate).toContainText('anslått ca. 85 minutter');
  await expect(advice).toContainText(/Ta bort «.+», så holder det seg innenfor 75 minutter\./);
  await expect(advice.getByText(/^Uten «/)).toHaveCount(6);
  await expectNoSeriousAxeViolations(page);
});
