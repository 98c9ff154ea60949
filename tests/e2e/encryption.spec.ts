// Encryption at rest through the UI: encrypt in the settings, restart on the same folder, and unlock.
import { expect, type Page, test } from '@playwright/test';
import { ClientsPage, expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';
import { startServer } from './server';

const clientName = 'Glans Renhold AS';
const passphrase = 'blåbær i fjellheimen';
const fresh = freshServerPerTest();

async function addClient(page: Page, name: string): Promise<void> {
  const clients = new ClientsPage(page);
  await clients.openNewClient();
  await clients.fillClient({ name });
  await clients.save();
  await expect(clients.heading()).toHaveText(name);
}

/** Encrypting and unlocking run scrypt at its real cost (128 MB, about a second when idle) and re-key
 * every file: on a busy machine that takes many seconds, so those steps wait longer than the default. */
const cryptoStep = { timeout: 60_000 };

test('a consultant encrypts the data, restarts, and unlocks it with the passphrase', async ({ page }) => {
  test.slow();
  await page.goto(fresh.server.url);
  await addClient(page, clientName);

  await page.getByRole('navigation').getByRole('button', { name: 'Innstillinger' }).click();
  const section = page.getByRole('region', { name: 'Kryptering av data' });
  await expect(section).toContainText('Hvis passordfrasen går tapt, er dataene tapt for godt');
  await section.getByLabel('Ny passordfrase').fill(passphrase);
  await section.getByLabel('Gjenta passordfrasen').fill('noe helt annet her');
  await section.getByRole('button', { name: 'Krypter dataene' }).click();
  await expect(section.getByText('Passordfrasene er ikke like.')).toBeVisible();
  await section.getByLabel('Gjenta passordfrasen').fill(passphrase);
  await section.getByRole('button', { name: 'Krypter dataene' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dataene er kryptert.' })).toBeVisible(cryptoStep);
  await expect(section.getByRole('button', { name: 'Bytt passordfrase' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await fresh.server.stop();
  fresh.server = await startServer(fresh.dataDir);
  expect(fresh.server.output()).toContain('encrypted');
  await page.goto(fresh.server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dataene er kryptert');
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel('Passordfrase').fill('ikke riktig frase');
  await page.getByRole('button', { name: 'Lås opp' }).click();
  await expect(page.getByRole('alert')).toHaveText('Feil passordfrase. Prøv igjen.', cryptoStep);
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel('Passordfrase').fill(passphrase);
  await page.getByRole('button', { name: 'Lås opp' }).click();
  await expect(page.getByRole('navigation')).toBeVisible(cryptoStep);
  await page.getByRole('navigation').getByRole('button', { name: 'Kunder' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kunder');
  await expect(page.getByText(clientName)).toBeVisible();
});
