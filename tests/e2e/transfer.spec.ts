// Import and export through the UI: a survey from Norwegian Excel with its column mapping and rejected-cell
// report, and a package exported from one data folder and imported into another.
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectNoSeriousAxeViolations } from './pages';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from './server';
import { createClient, TransferPage } from './transfer-page';

const folders: string[] = [];
const servers: RunningServer[] = [];

async function server(): Promise<RunningServer> {
  const dataDir = makeDataDir();
  folders.push(dataDir);
  const running = await startServer(dataDir);
  servers.push(running);
  return running;
}

test.afterEach(async () => {
  for (const running of servers.splice(0)) await running.stop();
  for (const folder of folders.splice(0)) removeDataDir(folder);
});

test('a survey file with problems lists every rejected cell and imports nothing until the consultant decides', async ({ page }) => {
  const running = await server();
  await page.goto(running.url);
  await createClient(page, 'Glans Renhold AS');
  const transfer = new TransferPage(page);
  await transfer.open();
  await expectNoSeriousAxeViolations(page);

  // A file with problems first: every rejected cell is listed, and nothing is imported until the consultant decides.
  await transfer.readSurvey('med-feil.csv', { client: 'Glans Renhold AS', title: 'Med feil' });
  const survey = transfer.survey();
  const rejected = survey.getByRole('table', { name: 'Avviste celler' });
  await expect(rejected.getByRole('row')).toHaveCount(5);
  // The unknown language is listed on its own: it would not leave a row out by itself.
  await expect(survey.getByRole('table', { name: 'Ukjente språk' }).getByRole('row').filter({ hasText: 'klingon' })).toContainText('Ukjent språk');
  await expect(rejected.getByRole('row').filter({ hasText: 'kanskje' })).toContainText('Ukjent svar');
  await expect(rejected.getByRole('row').filter({ hasText: '32.01.2025' })).toContainText('Ikke en gyldig dato');
  await expect(survey.getByRole('button', { name: 'Importer 2 svar' })).toBeDisabled();
  await expectNoSeriousAxeViolations(page);
});

test('a survey exported from Norwegian Excel is mapped, checked and imported as a new assessment', async ({ page }) => {
  const running = await server();
  await page.goto(running.url);
  await createClient(page, 'Glans Renhold AS');
  const transfer = new TransferPage(page);
  await transfer.open();
  const survey = transfer.survey();

  // The Norwegian Excel file: semicolons, Windows-1252, the questions' text as headings, labels as answers.
  await transfer.readSurvey('norsk-excel.csv', { client: 'Glans Renhold AS', title: 'Spørreundersøkelse januar 2025' });
  await expect(survey.getByText('12 rader med innhold: 12 gyldige, 0 med feil.')).toBeVisible();
  await expect(survey.getByText('windows-1252')).toBeVisible();
  await expect(transfer.mappingFor('B')).toHaveValue('group');
  await expect(transfer.mappingFor('E')).toHaveValue('item:workload.1');
  await expect(transfer.mappingFor('A')).toHaveValue('ignore');
  const groups = survey.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Svarpersoner' }) });
  await expect(groups.getByRole('row', { name: 'Nattskift 6' })).toBeVisible();
  await expect(groups.getByRole('row', { name: 'Dagskift 6' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The consultant maps a column by hand, and back.
  await transfer.mappingFor('M').selectOption('ignore');
  await transfer.mappingFor('L').selectOption('ignore');
  await expect(transfer.mappingFor('L')).toHaveValue('ignore');
  await transfer.mappingFor('L').selectOption('item:pace.4');

  await survey.getByRole('button', { name: 'Importer 12 svar' }).click();
  await expect(survey.getByText('12 svar er importert i 2 grupper.')).toBeVisible();
  await survey.getByRole('button', { name: 'Åpne kartleggingen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spørreundersøkelse januar 2025');
  await expect(page.getByRole('cell', { name: 'Nattskift' }).or(page.getByRole('rowheader', { name: 'Nattskift' })).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tidligere kartlegging' })).toContainText('Kunden har ingen andre kartlegginger.');
});

test('a package exported with a passphrase is imported into another data folder, once', async ({ page }) => {
  const first = await server();
  await page.goto(first.url);
  await createClient(page, 'Fjordglans Renhold AS');
  const transfer = new TransferPage(page);
  await transfer.open();
  await transfer.readSurvey('norsk-excel.csv', { client: 'Fjordglans Renhold AS', title: 'Undersøkelse 2025' });
  await transfer.survey().getByRole('button', { name: 'Importer 12 svar' }).click();
  await expect(transfer.survey().getByText('12 svar er importert i 2 grupper.')).toBeVisible();

  // The export list is read when the screen opens: open it again to see the new assessment.
  await page.getByRole('navigation').getByRole('button', { name: 'Kunder' }).click();
  await transfer.open();
  const exporter = transfer.exportPackage();
  await exporter.getByLabel('Ta med Undersøkelse 2025 (Fjordglans Renhold AS)').check();
  await exporter.getByLabel('Passordfrase (valgfritt)').fill('blåbær og tyttebær');
  await exporter.getByLabel('Gjenta passordfrasen').fill('blåbær og tyttebær');
  await expectNoSeriousAxeViolations(page);
  const downloading = page.waitForEvent('download');
  await exporter.getByRole('button', { name: 'Lag pakke' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^fjordglans-renhold-as-\d{4}-\d{2}-\d{2}\.kartlegg$/);
  const saveDir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-e2e-download-'));
  folders.push(saveDir);
  const packageFile = path.join(saveDir, download.suggestedFilename());
  await download.saveAs(packageFile);
  await expect(exporter.getByText('Pakken er kryptert.')).toBeVisible();

  const second = await server();
  await page.goto(second.url);
  await transfer.open();
  const importer = transfer.importPackage();
  await importer.getByLabel('Pakkefil').setInputFiles(packageFile);
  await importer.getByLabel('Passordfrase (hvis pakken er kryptert)').fill('feil passord');
  await importer.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(importer.getByRole('alert')).toContainText('Passordfrasen er feil.');

  await importer.getByLabel('Passordfrase (hvis pakken er kryptert)').fill('blåbær og tyttebær');
  await importer.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(importer.getByText('Undersøkelse 2025 (Fjordglans Renhold AS): Ny – legges til')).toBeVisible();
  await expect(importer.getByText('Fjordglans Renhold AS: Ny – legges til')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await importer.getByRole('button', { name: 'Importer' }).click();
  await expect(importer.getByText('Pakken er importert: 1 nye, 0 erstattet, 0 som kopi, 0 uendret.')).toBeVisible();
  await expect(importer.getByText(/Sikkerhetskopi tatt før importen: kartlegg-.*-before-import\.sqlite/)).toBeVisible();

  // The same package again: everything is already here.
  await importer.getByLabel('Pakkefil').setInputFiles(packageFile);
  await importer.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(importer.getByText('Undersøkelse 2025 (Fjordglans Renhold AS): Finnes allerede – uendret')).toBeVisible();
  await expect(importer.getByText('Alt i pakken finnes allerede her.')).toBeVisible();
  await expect(importer.getByRole('button', { name: 'Importer' })).toBeDisabled();

  await page.getByRole('navigation').getByRole('button', { name: 'Kunder' }).click();
  await expect(page.getByRole('button', { name: 'Fjordglans Renhold AS' })).toBeVisible();
  rmSync(packageFile, { force: true });
});

test('a heading close to a question is only suggested, and mapped when the consultant confirms it', async ({ page }) => {
  const running = await server();
  await page.goto(running.url);
  await createClient(page, 'Glans Renhold AS');
  const transfer = new TransferPage(page);
  await transfer.open();
  // A template to start the next survey from.
  const downloading = page.waitForEvent('download');
  await transfer.section('Mal for spørreundersøkelse').getByRole('button', { name: 'Last ned mal (Excel)' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^psychosocial-cleaning-\d+-\d+-\d+-sporreskjema\.xlsx$/);

  await transfer.readSurvey('tools/close-headings.csv', { client: 'Glans Renhold AS', title: 'Skrevet etter hukommelsen' });
  const survey = transfer.survey();

  // Column C is like workload.1 but not the same: suggested with how sure, not mapped. Column D is exact.
  await expect(transfer.mappingFor('C')).toHaveValue('ignore');
  await expect(transfer.mappingFor('D')).toHaveValue('item:pace.1');
  await expect(survey.getByText(/Forslag: workload\.1 – Jeg har for mye arbeid på en vakt\. \(\d\d % likt\)/)).toBeVisible();
  // The respondent whose language does not exist is kept, and that is said.
  await expect(survey.getByText('1 svarperson importeres med ukjent språk.')).toBeVisible();
  await expect(survey.getByRole('table', { name: 'Ukjente språk' }).getByRole('row').filter({ hasText: 'Klingon' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await survey.getByRole('button', { name: /^Bekreft forslaget for kolonne C / }).click();
  await expect(transfer.mappingFor('C')).toHaveValue('item:workload.1');
  await expect(survey.getByText(/Forslag: workload\.1/)).toHaveCount(0);

  await survey.getByRole('button', { name: 'Importer 6 svar' }).click();
  await expect(survey.getByText('6 svar er importert i 2 grupper.')).toBeVisible();
  await expect(survey.getByText('1 svarperson ble importert med ukjent språk.')).toBeVisible();
});
