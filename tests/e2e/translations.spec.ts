// Reviewing a translation in the guide screen: the status of each text, a broken file refused with
// every problem listed, and a reviewed file imported as a new version whose texts show as reviewed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { callApi } from './api';
import { freshServerPerTest } from './fresh-server';
import { expectNoSeriousAxeViolations } from './pages';

const root = fileURLToPath(new URL('../..', import.meta.url));
const modularGuide = readFileSync(path.join(root, 'tests/fixtures/modular-guide/with-modules.json'), 'utf8');
const fresh = freshServerPerTest();

const setTarget = (xliff: string, key: string, target: string) =>
  xliff.replace(new RegExp(`(<unit id="${key.replace(/\./g, '\\.')}">[\\s\\S]*?<target>)[^<]*(</target>)`), `$1${target}$2`);

test('a translation is reviewed from the guide screen: refused with every problem, then imported as a new version', async ({ page }) => {
  await callApi(fresh.server, 'guides.import', { fileName: 'with-modules.json', content: modularGuide });
  const exported = await callApi(fresh.server, 'guides.exportTranslation', { id: 'modular-example', language: 'pl', format: 'xliff' });
  const xliff = Buffer.from(exported.contentBase64, 'base64').toString('utf8');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-xliff-'));
  try {
    const broken = path.join(dir, 'broken.xlf');
    writeFileSync(broken, setTarget(setTarget(xliff, 'items.workload-time.text', ''), 'items.workload-rooms.text', 'Ile pomieszczeń?'));
    const reviewed = path.join(dir, 'reviewed.xlf');
    writeFileSync(reviewed, setTarget(xliff, 'items.lone-night.text', 'Czy pracujesz w nocy bez nikogo w pobliżu?'));

    await page.goto(fresh.server.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Intervjuguider' }).click();
    await page.getByRole('button', { name: 'Vis Eksempel med moduler 1.0.0' }).click();
    await page.getByLabel('Andre språk').selectOption('pl');
    const review = page.getByRole('region', { name: 'Faglig gjennomgang av oversettelsen: Polsk' });
    await expect(review.getByTestId('text-status-summary')).toHaveText('0 av 20 tekster på Polsk er kontrollert');

    await review.getByLabel('Oversettelsesfil (XLIFF eller CSV)').setInputFiles(broken);
    await review.getByLabel('Kontrollert av').fill('Jan Kowalski');
    await review.getByRole('button', { name: 'Importer oversettelsen' }).click();
    const problems = review.getByRole('alert');
    await expect(problems).toContainText('Filen ble avvist på grunn av 2 feil. Ingenting er endret.');
    await expect(problems.getByRole('listitem')).toHaveText([
      'items.workload-time.text: Oversettelsen er tom.',
      'items.workload-rooms.text: Oversettelsen har ikke de samme plassholderne (som {n}) som kildeteksten.',
    ]);

    await review.getByLabel('Oversettelsesfil (XLIFF eller CSV)').setInputFiles(reviewed);
    await review.getByLabel('Dato for gjennomgangen').fill('2026-12-03');
    await review.getByRole('button', { name: 'Importer oversettelsen' }).click();
    await expect(review.getByRole('status')).toContainText('Importert som versjon 1.0.0.1: 1 tekster endret, 20 av 20 kontrollert.');
    await expectNoSeriousAxeViolations(page);
    await review.getByRole('button', { name: 'Vis den nye versjonen' }).click();
    await page.getByLabel('Andre språk').selectOption('pl');
    const copy = page.getByRole('region', { name: 'Faglig gjennomgang av oversettelsen: Polsk' });
    await expect(copy.getByTestId('text-status-summary')).toHaveText('20 av 20 tekster på Polsk er kontrollert');
    await copy.getByTestId('text-status-summary').click();
    const row = copy.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'items.lone-night.text' }) });
    await expect(row).toContainText('Czy pracujesz w nocy bez nikogo w pobliżu?');
    await expect(row).toContainText('✓ Kontrollert av Jan Kowalski, 2026-12-03');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
