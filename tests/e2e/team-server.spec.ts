// The team server section of the settings: a consultant sets the firm's server and sees what waits to
// be sent; browser mode keeps no password, so "sync now" says so plainly instead of trying.
import { expect, test } from '@playwright/test';
import { ClientsPage, expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';

const fresh = freshServerPerTest();

test('a consultant sets up the team server and sees the queue; without a kept password nothing is sent', async ({ page }) => {
  await page.goto(fresh.server.url);
  const clients = new ClientsPage(page);
  await clients.openNewClient();
  await clients.fillClient({ name: 'Glans Renhold AS' });
  await clients.save();
  await expect(clients.heading()).toHaveText('Glans Renhold AS');

  await page.getByRole('navigation').getByRole('button', { name: 'Innstillinger' }).click();
  const section = page.getByRole('region', { name: 'Teamserver (valgfritt)' });
  await expect(section).toContainText('Uten teamserver sendes ingenting noe sted.');
  await expect(section.getByRole('button', { name: 'Synkroniser nå' })).toHaveCount(0);

  await section.getByLabel('Serveradresse').fill('db.firma.no');
  await section.getByLabel('Database').fill('kartlegg');
  await section.getByLabel('Din innloggingsrolle').fill('kari');
  await section.getByLabel("Virksomhetens CA-sertifikat (PEM)").fill('ikke et sertifikat');
  await section.getByRole('button', { name: 'Lagre teamserver' }).click();
  await expect(section.getByRole('alert')).toBeVisible();
  await section.getByLabel('Virksomhetens CA-sertifikat (PEM)').fill('');
  await section.getByRole('button', { name: 'Lagre teamserver' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Teamserveren er lagret.' })).toBeVisible();

  await expect(section).toContainText('Aldri');
  await expect(section).toContainText('0 kartlegginger, 1 klienter, 0 slettinger');
  await expect(section).toContainText('Intet passord lagret');
  await expect(section).toContainText('Ingen konflikter.');
  await expect(section).toContainText('Ingen poster er satt til side.');
  await expectNoSeriousAxeViolations(page);

  await section.getByRole('button', { name: 'Synkroniser nå' }).click();
  await expect(section.getByRole('alert')).toContainText('No password is kept for the role kari');

  await section.getByRole('button', { name: 'Koble fra teamserveren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Teamserveren er fjernet fra denne maskinen.' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Synkroniser nå' })).toHaveCount(0);
});
