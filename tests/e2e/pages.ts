// Page objects: what a consultant sees and does, so the tests read like the workflow.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export class ClientsPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async openNewClient() {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Kunder' }).click();
    await this.page.getByRole('button', { name: 'Ny kunde' }).click();
    await expect(this.heading()).toHaveText('Ny kunde');
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fillClient(values: { name: string; orgNumber?: string; nace?: string; city?: string }) {
    await this.field('Navn *').fill(values.name);
    if (values.orgNumber !== undefined) await this.field('Organisasjonsnummer').fill(values.orgNumber);
    if (values.nace !== undefined) await this.field('Næringskode (NACE)').fill(values.nace);
    if (values.city !== undefined) await this.field('Poststed').fill(values.city);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Lagre' }).click();
  }

  async search(text: string) {
    await this.page.getByLabel('Søk i kunder').fill(text);
  }

  clientLink(name: string) {
    return this.page.getByRole('button', { name });
  }
}
