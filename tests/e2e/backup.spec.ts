// Backups through the UI: back up, restore from the settings screen, and recover from a damaged database.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { callApi } from './api';
import { ClientsPage, expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';
import { startServer } from './server';

const fresh = freshServerPerTest();

async function addClient(page: Page, name: string): Promise<void> {
  const clients = new ClientsPage(page);
  await clients.openNewClient();
  await clients.fillClient({ name });
  await clients.save();
  await expect(clients.heading()).toHaveText(name);
}

async function openBackups(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Innstillinger' }).click();
  const section = page.getByRole('region', { name: 'Sikkerhetskopier' });
  await expect(section).toBeVisible();
  return section;
}

async function showClients(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Kunder' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kunder');
}

test('a consultant backs up, changes the data, and restores the backup from the settings', async ({ page }) => {
  await page.goto(fresh.server.url);
  await addClient(page, 'Glans Renhold AS');

  const backups = await openBackups(page);
  await expect(backups.getByText('Ingen sikkerhetskopier ennå.')).toBeVisible();
  await backups.getByRole('button', { name: 'Ta sikkerhetskopi nå' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sikkerhetskopien er tatt og kontrollert.' })).toBeVisible();
  const manualRow = backups.getByRole('row').filter({ hasText: 'Tatt for hånd' });
  await expect(manualRow).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);

  await addClient(page, 'Etter kopien AS');

  await openBackups(page);
  await manualRow.getByRole('button', { name: /^Gjenopprett kopien fra / }).click();
  const dialog = page.getByRole('dialog', { name: 'Gjenopprette sikkerhetskopien?' });
  await expect(dialog).toContainText('tar først en sikkerhetskopi av dataene slik de er nå');
  await expectNoSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: 'Gjenopprett' }).click();

  // The UI starts afresh on the backups, which say what happened and keep the data from before.
  const after = page.getByRole('region', { name: 'Sikkerhetskopier' });
  await expect(after.getByText(/Sikkerhetskopien fra .+ er gjenopprettet\./)).toBeVisible();
  await expect(after.getByText('Dataene fra før gjenopprettingen ligger i en egen sikkerhetskopi.')).toBeVisible();
  await expect(after.getByRole('row').filter({ hasText: 'Før gjenoppretting' })).toHaveCount(1);

  await showClients(page);
  await expect(page.getByRole('button', { name: 'Glans Renhold AS' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Etter kopien AS' })).toHaveCount(0);

  // The restored data is what the app now writes to, also after a restart.
  await addClient(page, 'Etter gjenopprettingen AS');
  await fresh.server.stop();
  fresh.server = await startServer(fresh.dataDir);
  await page.goto(fresh.server.url);
  await showClients(page);
  await expect(page.getByRole('button', { name: 'Etter gjenopprettingen AS' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Etter kopien AS' })).toHaveCount(0);
});

test('a damaged database opens on the recovery screen, which restores the newest good backup', async ({ page }) => {
  await page.goto(fresh.server.url);
  await addClient(page, 'Glans Renhold AS');
  const backups = await openBackups(page);
  await backups.getByRole('button', { name: 'Ta sikkerhetskopi nå' }).click();
  await expect(backups.getByRole('row').filter({ hasText: 'Tatt for hånd' })).toHaveCount(1);
  await fresh.server.stop();

  // A flat battery during a disk write, a bad sector, a half-finished copy: the file is no database any more.
  writeFileSync(path.join(fresh.dataDir, 'kartlegg.sqlite'), 'ødelagt '.repeat(4000));
  fresh.server = await startServer(fresh.dataDir);
  expect(fresh.server.output()).toContain('THE DATABASE COULD NOT BE OPENED');
  expect(fresh.server.output()).toMatch(/The newest good backup is kartlegg-.+-manual\.sqlite/);

  await page.goto(fresh.server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dataene kan ikke åpnes');
  await expect(page.getByText('programmet har ikke startet med en tom database')).toBeVisible();
  await expect(page.getByText('file is not a database')).toBeVisible();
  const recommended = page.getByRole('row').filter({ hasText: 'Anbefalt: den nyeste gode kopien' });
  await expect(recommended).toHaveCount(1);
  await expect(recommended).toContainText('✓ God');
  // Nothing else of the app is reachable until a backup is restored.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await recommended.getByRole('button', { name: /^Gjenopprett kopien fra / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Gjenopprett' }).click();

  await expect(page.getByRole('region', { name: 'Sikkerhetskopier' }).getByText(/er gjenopprettet\./)).toBeVisible();
  await showClients(page);
  await expect(page.getByRole('button', { name: 'Glans Renhold AS' })).toBeVisible();
});

test('a missing database beside backups opens on the recovery screen; an empty start is only on request', async ({ page }) => {
  await callApi(fresh.server, 'clients.create', { name: 'Glans Renhold AS' });
  await callApi(fresh.server, 'backups.create', {});
  await fresh.server.stop();

  // A sync tool or a careless clean-up took the database file but left the backups.
  rmSync(path.join(fresh.dataDir, 'kartlegg.sqlite'));
  fresh.server = await startServer(fresh.dataDir);
  expect(fresh.server.output()).toContain('THE DATABASE COULD NOT BE OPENED');

  await page.goto(fresh.server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dataene kan ikke åpnes');
  await expect(page.getByText('Databasefilen mangler eller er tom')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Anbefalt: den nyeste gode kopien' })).toHaveCount(1);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Start med tom database …' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('sikkerhetskopiene beholdes');
  await dialog.getByRole('button', { name: 'Start med tom database' }).click();

  await showClients(page);
  await expect(page.getByRole('button', { name: 'Glans Renhold AS' })).toHaveCount(0);
  const kept = await openBackups(page);
  await expect(kept.getByRole('row').filter({ hasText: 'Tatt for hånd' })).toHaveCount(1);
});
