// The team server section of the settings: a consultant sets the firm's server and sees what waits to
// be sent; browser mode keeps no password, so "sync now" says so plainly instead of trying. Records
// set aside and conflicts (a deletion against an edit too) are listed and resolved there.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { callApi } from './api';
import { ClientsPage, expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';
import { startServer } from './server';

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

test('records set aside and a deletion conflict are shown, and the deletion is taken by choice', async ({ page }) => {
  const client = await callApi(fresh.server, 'clients.create', { name: 'Slettet der AS' });
  const assessment = await callApi(fresh.server, 'assessments.create', { clientId: client.id, title: 'Endret her', method: 'group', guideId: 'psychosocial-cleaning', guideVersion: '1.0.0' });
  await callApi(fresh.server, 'sync.configure', { host: 'db.firma.no', port: 5432, database: 'kartlegg', role: 'ola', caPem: null, sslMode: 'verify-full' });
  // What a sync against a server would have left: a damaged record set aside, and an assessment
  // changed here that a colleague deleted there.
  await fresh.server.stop();
  const db = new Database(path.join(fresh.dataDir, 'kartlegg.sqlite'));
  const now = '2026-12-06T03:00:00.000Z';
  db.prepare("INSERT INTO team_sync_quarantine (kind, record_id, server_version, reason, detail, detected_at) VALUES ('assessment', ?, 2, 'notARecord', 'parts/assessment-0.json does not have the form the package format requires', ?)").run(
    '6f1c1d9e-0000-4000-8000-000000000001',
    now,
  );
  db.prepare("INSERT INTO team_sync_records (kind, record_id, server_version, local_sha256, synced_at) VALUES ('assessment', ?, 1, ?, ?)").run(assessment.id, 'a'.repeat(64), now);
  db.prepare(
    "INSERT INTO team_sync_conflicts (kind, record_id, title, change, server_version, server_record, server_updated_by, server_updated_at, detected_at) VALUES ('assessment', ?, 'Endret her', 'deletedThere', 2, 'null', 'kari', ?, ?)",
  ).run(assessment.id, now, now);
  db.close();
  fresh.server = await startServer(fresh.dataDir);

  await page.goto(fresh.server.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Innstillinger' }).click();
  const section = page.getByRole('region', { name: 'Teamserver (valgfritt)' });
  await expect(section).toContainText('Satt til side');
  await expect(section.locator('.team-quarantine li')).toHaveText([/Kartlegging 6f1c1d9e-0000-4000-8000-000000000001: ikke en post Kartlegg kan lese \(skadet\)/]);
  const conflict = section.locator('.team-conflicts li');
  await expect(conflict).toContainText('Endret her, men slettet på serveren (av kari');
  await expect(conflict.getByRole('button', { name: 'Behold begge' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await conflict.getByRole('button', { name: 'Ta deres' }).click();
  await expect(section).toContainText('Ingen konflikter.');
  expect(await callApi(fresh.server, 'assessments.list', {})).toEqual([]);
});
