import { expect, test } from '@playwright/test';
import { ClientsPage, expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';
import { startServer } from './server';

const fresh = freshServerPerTest();

test('a consultant registers a client with units, and finds it again after a restart', async ({ page }) => {
  const clients = new ClientsPage(page);
  await page.goto(fresh.server.url);
  await clients.open();
  await expect(page.getByText('Ingen kunder ennå')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await clients.openNewClient();
  await clients.fillClient({ name: 'Glans Renhold AS', orgNumber: '912 345 687', nace: '81.21', city: 'Drammen' });
  await expect(page.getByText('Kontrollsifferet stemmer ikke.')).toBeVisible();
  await expect(page.getByText('Rengjøring av bygninger', { exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The API refuses the number too, not only the form.
  await clients.save();
  await expect(page.getByRole('alert').filter({ hasText: 'Kontrollsifferet stemmer ikke.' })).toBeVisible();
  await expect(clients.heading()).toHaveText('Ny kunde');

  await clients.field('Organisasjonsnummer').fill('912 345 688');
  await expect(page.getByText('Gyldig organisasjonsnummer')).toBeVisible();
  await clients.save();
  await expect(clients.heading()).toHaveText('Glans Renhold AS');
  await expect(page.getByRole('status').filter({ hasText: 'Kunden er opprettet.' })).toBeVisible();

  await page.getByLabel('Navn på enhet *').fill('Kontorbygg sentrum');
  await page.getByRole('button', { name: 'Legg til enhet' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Kontorbygg sentrum' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await fresh.server.stop();
  fresh.server = await startServer(fresh.dataDir);
  await page.goto(fresh.server.url);
  await clients.open();
  await expect(clients.clientLink('Glans Renhold AS')).toBeVisible();
  await expect(page.getByRole('cell', { name: '912 345 688' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '1 enhet' })).toBeVisible();

  await clients.search('345688');
  await expect(clients.clientLink('Glans Renhold AS')).toBeVisible();
  await clients.search('Bergen');
  await expect(page.getByText('Ingen kunder passer til søket.')).toBeVisible();
});

test('the same organisation number cannot be registered twice', async ({ page }) => {
  const clients = new ClientsPage(page);
  await page.goto(fresh.server.url);
  for (const name of ['Første Renhold AS', 'Andre Renhold AS']) {
    await clients.openNewClient();
    await clients.fillClient({ name, orgNumber: '912345688' });
    await clients.save();
  }
  await expect(page.getByRole('alert').filter({ hasText: 'allerede registrert' })).toBeVisible();
  await expect(clients.heading()).toHaveText('Ny kunde');
});

test('a client is edited, and deleted only after confirming', async ({ page }) => {
  const clients = new ClientsPage(page);
  await page.goto(fresh.server.url);
  await clients.openNewClient();
  await clients.fillClient({ name: 'Skinn og Glans AS' });
  await clients.save();
  await expect(clients.heading()).toHaveText('Skinn og Glans AS');

  await clients.field('Navn *').fill('Skinn & Glans AS');
  await clients.save();
  await expect(clients.heading()).toHaveText('Skinn & Glans AS');

  await page.getByRole('button', { name: 'Slett' }).click();
  const dialog = page.getByRole('dialog', { name: 'Slette Skinn & Glans AS?' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(clients.heading()).toHaveText('Skinn & Glans AS');

  await page.getByRole('button', { name: 'Slett' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Slett' }).click();
  await expect(clients.heading()).toHaveText('Kunder');
  await expect(page.getByText('Ingen kunder ennå')).toBeVisible();
});

test('the interface switches to English and stays so after a reload', async ({ page }) => {
  await page.goto(fresh.server.url);
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('English').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
