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

  /** The overview is the first screen; the clients are one menu entry away. */
  async open() {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Kunder' }).click();
    await expect(this.heading()).toHaveText('Kunder');
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

export class AssessmentsPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async openOverview() {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Oversikt' }).click();
    await expect(this.heading()).toHaveText('Oversikt');
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fillAssessment(values: { title: string; mandate?: string; start?: string; end?: string; consultant?: string }) {
    await this.field('Tittel *').fill(values.title);
    if (values.mandate !== undefined) await this.field('Formål og mandat').fill(values.mandate);
    if (values.start !== undefined) await this.field('Planlagt start').fill(values.start);
    if (values.end !== undefined) await this.field('Planlagt slutt').fill(values.end);
    if (values.consultant !== undefined) await this.field('Konsulent').fill(values.consultant);
  }

  async create() {
    await this.page.getByRole('button', { name: 'Opprett kartleggingen' }).click();
  }

  async planInterview(values: { group: string; expected: number; language: string; plannedAt?: string }) {
    await this.page.getByRole('button', { name: 'Planlegg intervju' }).click();
    await this.field('Gruppe *').fill(values.group);
    await this.field('Forventet antall deltakere').fill(String(values.expected));
    await this.field('Spørsmålsspråk').selectOption({ label: values.language });
    if (values.plannedAt) await this.field('Planlagt dato').fill(values.plannedAt);
    // The button that opened the form is hidden while it is open; this one submits it.
    await this.page.getByRole('button', { name: 'Planlegg intervju' }).click();
    await expect(this.interviewRow(values.group)).toBeVisible();
  }

  interviewRow(group: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: group, exact: true }) });
  }

  startButton(group: string) {
    return this.page.getByRole('button', { name: `Start intervjuet ${group}`, exact: true });
  }

  resumeButton(group: string) {
    return this.page.getByRole('button', { name: `Fortsett intervjuet ${group}`, exact: true });
  }
}

export class InterviewPage {
  constructor(readonly page: Page) {}

  async recordParticipants(counts: { employees?: number; safetyRepresentatives?: number }) {
    if (counts.employees !== undefined) await this.page.getByLabel('Ansatte', { exact: true }).fill(String(counts.employees));
    if (counts.safetyRepresentatives !== undefined) await this.page.getByLabel('Verneombud', { exact: true }).fill(String(counts.safetyRepresentatives));
  }

  async begin() {
    await this.page.getByRole('button', { name: 'Begynn intervjuet' }).click();
    await expect(this.progress()).toBeVisible();
  }

  progress() {
    return this.page.getByText(/^Spørsmål \d+ av \d+ · Faktor \d+ av \d+$/);
  }

  async expectAt(item: number, of: number) {
    await expect(this.progress()).toHaveText(new RegExp(`^Spørsmål ${item} av ${of} ·`));
  }

  factorHeading() {
    return this.page.locator('#question-factor');
  }

  questionText(language: string) {
    return this.page.getByTestId(`question-${language}`);
  }

  saveStatus() {
    return this.page.getByTestId('save-status');
  }

  async expectSaved() {
    await expect(this.saveStatus()).toHaveText(/Lagret$/);
  }

  votes(value: number) {
    return this.page.getByTestId(`votes-${value}`);
  }

  /** Presses keys one after another, as a consultant would type them. */
  async keys(...keys: string[]) {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  overviewItem(number: number) {
    return this.page.getByRole('navigation', { name: 'Alle spørsmål' }).getByRole('button', { name: new RegExp(`^Spørsmål ${number}:`) });
  }

  noteField() {
    return this.page.getByLabel('Nytt notat eller sitat', { exact: true });
  }

  respondentView() {
    return this.page.getByRole('dialog', { name: 'Spørsmålet vist for deltakerne' });
  }
}
