// Page object for the import and export screen: what a consultant does there, in the words on the screen.
import { expect, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixture = (...parts: string[]) => path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', ...parts);

export class TransferPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Import og eksport' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Import og eksport');
  }

  section(title: string) {
    return this.page.getByRole('region', { name: title });
  }

  survey() {
    return this.section('Importer spørreundersøkelse');
  }

  async readSurvey(file: string, values: { client: string; title: string }) {
    const survey = this.survey();
    await survey.getByLabel('Fil med svar').setInputFiles(fixture('surveys', file));
    await survey.getByLabel('Kunde *').selectOption({ label: values.client });
    await survey.getByLabel('Navn på kartleggingen *').fill(values.title);
    // The survey fixtures were made for guide 1.0.0; a new assessment gets the newest guide by default.
    await survey.getByLabel('Intervjuguide *').selectOption('psychosocial-cleaning@1.0.0');
    await survey.getByRole('button', { name: 'Les filen' }).click();
    await expect(survey.getByRole('heading', { name: 'Kobling av kolonner' })).toBeVisible();
  }

  mappingFor(letter: string) {
    return this.survey().getByLabel(new RegExp(`^Kobling for kolonne ${letter} `));
  }

  exportPackage() {
    return this.section('Eksporter pakke');
  }

  importPackage() {
    return this.section('Importer pakke');
  }
}

/** A client made the way a consultant makes one. */
export async function createClient(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name: 'Kunder' }).click();
  await page.getByRole('button', { name: 'Ny kunde' }).click();
  await page.getByLabel('Navn *', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}
