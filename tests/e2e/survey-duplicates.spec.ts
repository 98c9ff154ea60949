// A survey file imported twice into an assessment: the second time is refused and the numbers stay;
// replacing the earlier import leaves each person counted once; an import is undone as a whole.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Guide } from '../../src-main/core/guide';
import { callApi, seedAssessment } from './api';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from './server';
import { fixture, TransferPage } from './transfer-page';

const guide = JSON.parse(readFileSync(fileURLToPath(new URL('../../templates/interviews/psychosocial-cleaning.json', import.meta.url)), 'utf8')) as Guide;

let running: RunningServer;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = makeDataDir();
  running = await startServer(dataDir);
});

test.afterEach(async () => {
  await running.stop();
  removeDataDir(dataDir);
});

/** Respondents behind the whole assessment's workload score, and the stored respondent rows, read through the API. */
async function counted(assessmentId: string): Promise<{ n: number | 'withheld'; batches: number[] }> {
  const results = await callApi(running, 'results.get', { assessmentId });
  const workload = results.result.factors.find((f) => f.factorId === 'workload')!;
  const batches = await callApi(running, 'surveys.imports', { assessmentId });
  return { n: workload.suppressed ? 'withheld' : workload.n, batches: batches.map((b) => b.respondents) };
}

/** Chooses the survey file and the existing assessment on the import screen; the earlier imports are listed. */
async function chooseFileFor(transfer: TransferPage, title: string) {
  const survey = transfer.survey();
  await survey.getByLabel('Fil med svar').setInputFiles(fixture('surveys', 'norsk-excel.csv'));
  await survey.getByLabel('Legg til som grupper i en kartlegging som finnes').check();
  await survey.getByLabel('Kartlegging *').selectOption({ label: `${title} (Glans Renhold AS)` });
  await survey.getByRole('button', { name: 'Les filen' }).click();
  await expect(survey.getByRole('heading', { name: 'Kobling av kolonner' })).toBeVisible();
}

/** A new assessment, and the survey file imported into it once through the screen. */
async function importFileOnce(page: Page) {
  const assessment = await seedAssessment(running, 'Glans Renhold AS', 'Undersøkelse 2025', guide);
  await page.goto(running.url);
  const transfer = new TransferPage(page);
  const survey = transfer.survey();
  await transfer.open();
  await chooseFileFor(transfer, 'Undersøkelse 2025');
  await expect(survey.getByRole('alert')).toHaveCount(0);
  await survey.getByRole('button', { name: 'Importer 12 svar' }).click();
  await expect(survey.getByText('12 svar er importert i 2 grupper.')).toBeVisible();
  return { assessment, transfer, survey };
}

test('a survey file imported twice is refused with the numbers unchanged; replacing it counts each person once', async ({ page }) => {
  const { assessment, transfer, survey } = await importFileOnce(page);
  expect(await counted(assessment.id)).toEqual({ n: 12, batches: [12] });
  const batches = survey.getByRole('table', { name: 'Importerte filer i kartleggingen' });
  await expect(batches.getByRole('row', { name: /norsk-excel\.csv/ })).toContainText('12');

  // The same file again, into the same assessment: named as already imported.
  await chooseFileFor(transfer, 'Undersøkelse 2025');
  const warning = survey.getByRole('alert').filter({ hasText: 'Allerede importert' });
  await expect(warning).toContainText('Denne filen er allerede importert i kartleggingen: «norsk-excel.csv»');
  await expect(warning).toContainText('telles hver person to ganger');

  // Importing anyway is refused, and nothing changes.
  await survey.getByRole('button', { name: 'Importer 12 svar' }).click();
  await expect(survey.getByRole('alert').filter({ hasText: 'Filen er allerede importert i kartleggingen. Erstatt den tidligere importen, eller importer ingenting.' })).toBeVisible();
  expect(await counted(assessment.id)).toEqual({ n: 12, batches: [12] });

  // Replacing the earlier import: the same 12 people, once.
  await survey.getByLabel('Erstatt den tidligere importen med denne filen').check();
  await survey.getByRole('button', { name: 'Importer 12 svar' }).click();
  await expect(survey.getByText('12 svar fra den tidligere importen er erstattet.')).toBeVisible();
  expect(await counted(assessment.id)).toEqual({ n: 12, batches: [12] });
  await expect(batches.getByRole('row')).toHaveCount(2);
});

test('an import is undone as a whole', async ({ page }) => {
  const { assessment, transfer, survey } = await importFileOnce(page);

  const batches = survey.getByRole('table', { name: 'Importerte filer i kartleggingen' });
  await batches.getByRole('button', { name: 'Angre importen av norsk-excel.csv' }).click();
  const dialog = page.getByRole('dialog', { name: 'Angre importen' });
  await expect(dialog).toContainText('Fjerne alle 12 svar fra «norsk-excel.csv»?');
  await dialog.getByRole('button', { name: 'Angre importen' }).click();
  await expect(survey.getByText('Ingen filer er importert i denne kartleggingen.')).toBeVisible();
  expect(await counted(assessment.id)).toEqual({ n: 0, batches: [] });
  // Undone, the file is no longer a repeat.
  await chooseFileFor(transfer, 'Undersøkelse 2025');
  await expect(survey.getByRole('alert')).toHaveCount(0);
});
