// The interview guides screens: the built-in guide and its translations, two languages side by side, importing a file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import type { Guide } from '../../src-main/core/guide';
import { knownLanguages } from '../../src-main/core/languages';
import { expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';
import { startServer } from './server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const builtIn = JSON.parse(readFileSync(path.join(root, 'templates/interviews/psychosocial-cleaning.json'), 'utf8')) as Guide;
const fixture = (name: string) => path.join(root, 'tests/fixtures/guides', name);

const fresh = freshServerPerTest();

class GuidesPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto(fresh.server.url);
    await this.page.getByRole('navigation').getByRole('button', { name: 'Intervjuguider' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Intervjuguider');
  }

  guideCards() {
    return this.page.getByRole('article');
  }

  translations(title: string) {
    return this.page.getByRole('table', { name: `Oversettelser i ${title}` });
  }

  async importFile(file: string) {
    await this.page.getByLabel('Guidefil', { exact: true }).setInputFiles(file);
    await this.page.getByRole('button', { name: 'Importer', exact: true }).click();
  }
}

test('the built-in guide is listed with its ten languages and the status of each translation', async ({ page }) => {
  const guides = new GuidesPage(page);
  await guides.open();
  // Two built-in versions: 2.0.0 and this test's 1.0.0.
  await expect(guides.guideCards()).toHaveCount(2);
  const card = guides.guideCards().filter({ hasText: `Versjon${builtIn.version}` });
  await expect(card.getByRole('heading', { name: builtIn.title.nb })).toBeVisible();
  await expect(card).toContainText(`Versjon${builtIn.version}`);
  await expect(card).toContainText('Innebygd');

  const table = card.getByRole('table', { name: `Oversettelser i ${builtIn.title.nb}` });
  await expect(table.getByRole('row')).toHaveCount(1 + 10);
  for (const translation of builtIn.languages) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: knownLanguages[translation.code].norwegianName }) });
    await expect(row).toHaveCount(1);
    if (translation.status === 'reviewed') {
      await expect(row.getByRole('cell').nth(0)).toHaveText('✓ Kontrollert');
      await expect(row.getByRole('cell').nth(1)).toHaveText(translation.reviewedBy!);
    } else {
      await expect(row.getByRole('cell').nth(0)).toHaveText('✎ Utkast');
      await expect(row.getByRole('cell').nth(1)).toHaveText('–');
    }
  }
  await expectNoSeriousAxeViolations(page);
});

test('a guide is shown in Polish and Arabic side by side, the Arabic right to left', async ({ page }) => {
  const guides = new GuidesPage(page);
  await guides.open();
  await page.getByRole('button', { name: `Vis ${builtIn.title.nb} ${builtIn.version}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(builtIn.title.nb);

  // Bokmål and English first.
  await expect(page.getByLabel('Første språk')).toHaveValue('nb');
  await expect(page.getByLabel('Andre språk')).toHaveValue('en');
  await page.getByLabel('Første språk').selectOption('pl');
  await page.getByLabel('Andre språk').selectOption('ar');

  const factor = builtIn.factors[0];
  const items = page.getByRole('table', { name: `Spørsmål om ${factor.title.nb}` });
  await expect(items.getByRole('columnheader')).toHaveText(['Nr.', 'Spørsmål (Polsk)', 'Spørsmål (Arabisk)', 'Merknader']);
  for (const item of builtIn.items.filter((i) => i.factor === factor.id)) {
    const polish = items.getByRole('cell', { name: item.text.pl, exact: true });
    await expect(polish).toHaveAttribute('lang', 'pl');
    await expect(polish).toHaveAttribute('dir', 'ltr');
    const arabic = items.getByRole('cell', { name: item.text.ar, exact: true });
    await expect(arabic).toHaveAttribute('lang', 'ar');
    await expect(arabic).toHaveAttribute('dir', 'rtl');
    const row = items.getByRole('row').filter({ has: page.getByRole('cell', { name: item.text.pl, exact: true }) });
    if (item.reverse) await expect(row).toContainText('Omvendt skåring');
    else await expect(row).not.toContainText('Omvendt skåring');
    for (const prompt of item.followUp ?? []) await expect(row).toContainText(prompt.nb);
  }
  // The factor's own title and description, in both languages, and its legal basis.
  await expect(page.getByText(factor.description.ar, { exact: true })).toHaveAttribute('dir', 'rtl');
  await expect(page.getByText(factor.description.pl, { exact: true })).toHaveAttribute('lang', 'pl');
  const citation = builtIn.legalReferences.find((ref) => ref.id === factor.legalBasis[0])!.citation;
  await expect(page.locator('cite', { hasText: citation }).first()).toBeVisible();
  // The scales' labels, too.
  await expect(page.getByRole('cell', { name: builtIn.scales[0].points[0].label.ar, exact: true }).first()).toHaveAttribute('dir', 'rtl');
  await expectNoSeriousAxeViolations(page);
});

test('a valid guide file is imported, listed, and can be opened', async ({ page }) => {
  const valid = JSON.parse(readFileSync(fixture('valid-minimal.json'), 'utf8')) as Guide;
  const guides = new GuidesPage(page);
  await guides.open();
  await guides.importFile(fixture('valid-minimal.json'));
  await expect(page.getByText(`${valid.title.nb}, versjon ${valid.version}, er importert.`).first()).toBeVisible();
  await expect(guides.guideCards()).toHaveCount(3);
  const card = guides.guideCards().filter({ has: page.getByRole('heading', { name: valid.title.nb }) });
  await expect(card).toContainText('Importert');
  await expect(guides.translations(valid.title.nb).getByRole('row')).toHaveCount(1 + valid.languages.length);
  await expectNoSeriousAxeViolations(page);

  // Still there after a restart: it is stored in the database.
  await fresh.server.stop();
  fresh.server = await startServer(fresh.dataDir);
  await guides.open();
  await expect(guides.guideCards()).toHaveCount(3);
  await page.getByRole('button', { name: `Vis ${valid.title.nb} ${valid.version}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(valid.title.nb);
  await expect(page.getByRole('cell', { name: valid.items[0].text.en, exact: true })).toHaveAttribute('lang', 'en');
});

test('a broken guide file is refused with every problem listed, and nothing is added', async ({ page }) => {
  const guides = new GuidesPage(page);
  await guides.open();
  await guides.importFile(fixture('several-problems.json'));
  const refusal = page.getByRole('alert').filter({ hasText: 'several-problems.json kan ikke brukes som intervjuguide' });
  await expect(refusal).toBeVisible();
  // The same problems, in the same order, as the parser's unit test lists for this fixture.
  await expect(refusal.getByRole('listitem')).toHaveText([
    'version: use a version such as 1.0 or 1.2.3',
    'items[0].reverse: expected boolean, got string',
    'items[0].followUp[0].nb: empty text',
    'items[0].reversed: unknown field "reversed"',
    'items[0].text.en: missing en translation',
    'items[1].factor: unknown factor "workload2"',
  ]);
  await expectNoSeriousAxeViolations(page);

  await guides.importFile(fixture('bad-json.json'));
  await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(["(hele filen): invalid JSON at line 3, column 27: missing ',' between two fields"]);

  // Nothing was stored: a fresh look at the list still has the built-in guides only (1.0.0 and 2.0.0).
  await guides.open();
  await expect(guides.guideCards()).toHaveCount(2);
});

test('a stored guide that no longer loads is listed with its problems', async ({ page }) => {
  await fresh.server.stop();
  const db = new Database(path.join(fresh.dataDir, 'kartlegg.sqlite'));
  db.prepare('INSERT INTO guides (id, version, content, sha256, imported_at) VALUES (?, ?, ?, ?, ?)').run(
    'broken',
    '1.0',
    readFileSync(fixture('thresholds-reversed.json'), 'utf8'),
    'x',
    '2026-01-01T00:00:00.000Z',
  );
  db.close();
  fresh.server = await startServer(fresh.dataDir);

  const guides = new GuidesPage(page);
  await guides.open();
  const problems = page.getByRole('region', { name: 'Guidefiler som ikke kunne lastes' }).getByRole('table');
  await expect(problems.getByRole('row').nth(1).getByRole('cell')).toHaveText(['database: broken 1.0', 'factors[0].thresholds', 'lower must be below upper']);
  await expect(guides.guideCards()).toHaveCount(2);
  await expectNoSeriousAxeViolations(page);
});
