// The risk assessment, action plan and revisions, from a completed interview to an issued and
// edited assessment, in the real UI against browser mode.
import { expect, test, type Page } from '@playwright/test';
import type { Guide } from '../../src-main/core/guide';
import { callApi, seedAssessment } from './api';
import { expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';

const fresh = freshServerPerTest();

/** A completed group interview of six where workload and control are red and pace is yellow. */
async function completedInterview(): Promise<string> {
  const guide: Guide = await callApi(fresh.server, 'guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const assessment = await seedAssessment(fresh.server, 'Glans Renhold AS', 'Kartlegging 2026', guide);
  const interview = await callApi(fresh.server, 'interviews.create', {
    assessmentId: assessment.id,
    groupName: 'Kveldsskift',
    kind: 'group',
    participants: { employee: 5, safetyRepresentative: 1 },
  });
  const lights = { workload: 'red', control: 'red', pace: 'yellow' } as const;
  for (const item of guide.items) {
    const light = lights[item.factor as keyof typeof lights];
    if (!light) continue;
    const factor = guide.factors.find((f) => f.id === item.factor)!;
    const values = guide.scales.find((s) => s.id === item.scale)!.points.map((p) => p.value);
    const [min, max] = [Math.min(...values), Math.max(...values)];
    // Red: the worst end of the scale for the factor's direction; yellow: the middle.
    const worstHigh = (factor.direction === 'higherIsWorse') !== item.reverse;
    const value = light === 'yellow' ? (min + max) / 2 : worstHigh ? max : min;
    await callApi(fresh.server, 'answers.save', { interviewId: interview.id, itemId: item.id, answer: { kind: 'consensus', value, participants: 6 } });
  }
  await callApi(fresh.server, 'interviews.setProgress', { id: interview.id, currentItemId: null, status: 'completed' });
  await callApi(fresh.server, 'assessments.setStatus', { id: assessment.id, status: 'completed' });
  return assessment.id;
}

class RiskPages {
  constructor(readonly page: Page) {}

  /** Opens a screen by its deep link, as a fresh start of the app (a new fragment alone would not reload it). */
  async open(screen: 'risk' | 'actionPlan' | 'revisions', assessmentId: string) {
    await this.page.goto('about:blank');
    await this.page.goto(`${fresh.server.url}&screen=${screen}&assessment=${assessmentId}`);
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async tab(name: 'Risikovurdering' | 'Tiltaksplan' | 'Revisjoner') {
    await this.page.getByRole('navigation', { name: 'Risikovurdering, tiltaksplan og revisjoner' }).getByRole('button', { name }).click();
    await expect(this.heading()).toHaveText(name);
  }

  findingsTable() {
    return this.page.getByRole('table', { name: 'Funn', exact: true });
  }

  matrixCell(likelihood: number, consequence: number) {
    // Rows run from the highest likelihood down; the first cell of a row is its header.
    const size = 5;
    return this.page
      .getByRole('table', { name: /Risikomatrise/ })
      .getByRole('row')
      .nth(1 + size - likelihood)
      .getByRole('cell')
      .nth(consequence - 1);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Lagre', exact: true }).click();
  }
}

test('a consultant assesses the risks, agrees an action plan, issues it, and edits it into revision 2', async ({ page }) => {
  // A long workflow with the issuing checklist in it: give a busy machine room.
  test.slow();
  const assessmentId = await completedInterview();
  const risk = new RiskPages(page);
  await risk.open('risk', assessmentId);
  await expect(risk.heading()).toHaveText('Risikovurdering');
  await expect(page.getByText('Ingen funn ennå.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Proposals from the red and yellow factors, and proposing again adds nothing.
  await page.getByRole('button', { name: 'Foreslå funn fra røde og gule faktorer' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 nye funn er foreslått.' })).toBeVisible();
  await expect(risk.findingsTable().getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Foreslå funn fra røde og gule faktorer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ingen nye forslag.' })).toBeVisible();
  await expect(risk.findingsTable().getByRole('row')).toHaveCount(4);
  await expectNoSeriousAxeViolations(page);

  // Two proposals accepted at once; a finding is accepted only with a rating, so the unrated ones get one first.
  await page.getByRole('checkbox', { name: 'Velg Arbeidsmengde og tid' }).check();
  await page.getByRole('checkbox', { name: 'Velg Innflytelse og kontroll' }).check();
  await page.getByRole('group', { name: '2 funn valgt' }).getByRole('button', { name: 'Godta valgte' }).click();
  const rate = page.getByRole('dialog', { name: 'Vurder risikoen før funnene godtas' });
  await expect(rate).toContainText('«Arbeidsmengde og tid», «Innflytelse og kontroll»');
  await expectNoSeriousAxeViolations(page);
  await rate.getByLabel('Sannsynlighet').selectOption('2');
  await rate.getByLabel('Konsekvens').selectOption('2');
  await rate.getByRole('button', { name: 'Vurder og godta' }).click();
  await expect(rate).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '2 funn er godtatt.' })).toBeVisible();
  await expect(risk.findingsTable().getByRole('row', { name: /Arbeidsmengde og tid/ })).toContainText('Godtatt');
  await expect(risk.findingsTable().getByRole('row', { name: /Innflytelse og kontroll/ })).toContainText('Godtatt');
  await expect(risk.findingsTable().getByRole('row', { name: /Innflytelse og kontroll/ })).toContainText('2 × 2');

  // Dismissing needs a reason; the reason stays on record.
  await page.getByRole('button', { name: 'Avvis «Arbeidstempo»' }).click();
  const dialog = page.getByRole('dialog', { name: 'Avvise «Arbeidstempo»?' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: 'Avvis', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Må fylles ut.');
  await dialog.getByLabel('Begrunnelse').fill('Tempoet er allerede tatt opp i AMU i mars');
  await dialog.getByRole('button', { name: 'Avvis', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Avviste funn' })).toContainText('Tempoet er allerede tatt opp i AMU i mars');

  // Rating a finding places it on the matrix.
  await page.getByRole('button', { name: 'Rediger «Arbeidsmengde og tid»' }).click();
  await page.getByLabel('Hvem er utsatt').fill('Renholdere på kveldsskift');
  await page.getByLabel('Sannsynlighet', { exact: true }).selectOption('4');
  await page.getByLabel('Konsekvens', { exact: true }).selectOption('4');
  await expect(page.getByText('Risikonivå:')).toContainText('Høy');
  await page.getByLabel('Begrunnelse for vurderingen').fill('Gjelder hele gruppen på hver vakt.');
  await expectNoSeriousAxeViolations(page);
  await risk.save();
  await expect(page.getByRole('status').filter({ hasText: 'Funnet er lagret.' })).toBeVisible();
  await expect(risk.matrixCell(4, 4)).toContainText('1 funn');
  await expect(risk.matrixCell(4, 4)).toContainText('F1');
  await expect(risk.matrixCell(4, 4)).toContainText('Høy');

  // A finding made by hand.
  await page.getByRole('button', { name: 'Nytt funn' }).click();
  await page.getByLabel('Tittel').fill('Alenearbeid i kjelleren');
  await page.getByRole('checkbox', { name: 'Alenearbeid og arbeid kveld, natt og tidlig morgen' }).check();
  await page.getByLabel('Sannsynlighet', { exact: true }).selectOption('2');
  await page.getByLabel('Konsekvens', { exact: true }).selectOption('3');
  await risk.save();
  await expect(page.getByRole('status').filter({ hasText: 'Funnet er lagt til.' })).toBeVisible();
  await expect(risk.findingsTable().getByRole('row', { name: /Alenearbeid i kjelleren/ })).toContainText('Middels');
  await expect(risk.matrixCell(2, 3)).toContainText('F4');
  await expectNoSeriousAxeViolations(page);

  // The action plan: measures with deadlines, one from the guide's library.
  await risk.tab('Tiltaksplan');
  await expect(page.getByText('Ingen tiltak ennå.')).toBeVisible();
  await page.getByRole('button', { name: 'Nytt tiltak' }).click();
  await page.getByLabel('Funn', { exact: true }).selectOption({ label: 'F1 Arbeidsmengde og tid' });
  await expect(page.getByRole('heading', { name: 'Forslag for Arbeidsmengde og tid' })).toBeVisible();
  await page.getByRole('button', { name: /^Bruk forslaget «Gå gjennom arealnormen/ }).click();
  await expect(page.getByLabel('Hva skal gjøres')).toHaveValue(/^Gå gjennom arealnormen/);
  await page.getByLabel('Ansvarlig rolle').selectOption({ label: 'Arbeidsgiver' });
  await page.getByLabel('Prioritet').selectOption({ label: 'Høy' });
  await page.getByLabel('Status').selectOption({ label: 'Avtalt' });
  await page.getByRole('checkbox', { name: 'Arbeidsgiver' }).check();
  await expect(page.getByText('Avtalt uten Verneombud.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Verneombud' }).check();
  await expect(page.getByText('Avtalt uten Verneombud.')).toBeHidden();
  await expectNoSeriousAxeViolations(page);
  // Without a deadline the API refuses, at the field.
  await risk.save();
  await expect(page.getByRole('alert').filter({ hasText: 'Må fylles ut.' })).toBeVisible();
  await page.getByLabel('Frist').fill('2026-09-01');
  await risk.save();
  await expect(page.getByRole('status').filter({ hasText: 'Tiltaket er lagt til.' })).toBeVisible();

  await page.getByRole('button', { name: 'Nytt tiltak' }).click();
  await page.getByLabel('Funn', { exact: true }).selectOption({ label: 'F4 Alenearbeid i kjelleren' });
  await page.getByLabel('Hva skal gjøres').fill('Innfør fast ringerunde for den som jobber alene');
  await page.getByLabel('Ansvarlig rolle').selectOption({ label: 'Leder' });
  await page.getByLabel('Frist').fill('2026-06-15');
  await risk.save();
  await expect(page.getByRole('status').filter({ hasText: 'Tiltaket er lagt til.' })).toBeVisible();

  const plan = page.getByRole('table', { name: 'Tiltak', exact: true });
  const firstMeasure = () => plan.getByRole('row').nth(1);
  await expect(firstMeasure()).toContainText('Innfør fast ringerunde');
  await expect(plan.getByRole('columnheader', { name: 'Frist' })).toHaveAttribute('aria-sort', 'ascending');
  await plan.getByRole('button', { name: 'Prioritet' }).click();
  await expect(plan.getByRole('columnheader', { name: 'Prioritet' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(plan.getByRole('columnheader', { name: 'Frist' })).toHaveAttribute('aria-sort', 'none');
  await expect(firstMeasure()).toContainText('Gå gjennom arealnormen');
  await plan.getByRole('button', { name: 'Prioritet' }).press('Enter');
  await expect(plan.getByRole('columnheader', { name: 'Prioritet' })).toHaveAttribute('aria-sort', 'descending');
  await expect(firstMeasure()).toContainText('Innfør fast ringerunde');

  await page.getByLabel('Dato for oppfølging av kartleggingen').fill('2026-12-01');
  await page.getByRole('button', { name: 'Lagre dato' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Oppfølgingsdatoen er lagret.' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Issuing freezes revision 1.
  await risk.tab('Revisjoner');
  await expect(page.getByText('Revisjon 1 er under arbeid og ikke utstedt.')).toBeVisible();
  await page.getByRole('button', { name: 'Utsted revisjon 1' }).click();
  // No approvals are given here, so the checklist has a gap to acknowledge.
  await page.getByRole('dialog').getByRole('checkbox', { name: 'Jeg har sett det som mangler og vil utstede likevel' }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Utsted revisjon 1' }).click();
  await expect(page.getByText('Revisjon 1 er utstedt, og ingenting er endret siden.')).toBeVisible();
  const revisions = page.getByRole('table', { name: 'Revisjoner', exact: true });
  await expect(revisions.getByRole('row', { name: /^1 / })).toContainText('4');
  await expect(page.getByText('Revisjon 1 er utstedt. En endring nå lager revisjon 2.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // An edit afterwards opens revision 2; revision 1 stays as it was.
  await risk.tab('Risikovurdering');
  await page.getByRole('button', { name: 'Rediger «Alenearbeid i kjelleren»' }).click();
  await page.getByLabel('Tittel').fill('Alenearbeid i kjelleren om kvelden');
  await risk.save();
  await expect(risk.findingsTable()).toContainText('Alenearbeid i kjelleren om kvelden');
  await expect(page.getByText('Revisjon 2', { exact: true })).toBeVisible();

  await risk.tab('Revisjoner');
  await expect(page.getByText('Revisjon 2 er under arbeid og ikke utstedt.')).toBeVisible();
  await page.getByRole('button', { name: 'Vis revisjon 1' }).click();
  const frozen = page.getByRole('region', { name: /^Revisjon 1, utstedt/ });
  await expect(frozen.getByRole('rowheader', { name: 'Alenearbeid i kjelleren', exact: true })).toBeVisible();
  await expect(frozen).not.toContainText('om kvelden');
  await expect(frozen).toContainText('Tempoet er allerede tatt opp i AMU i mars');

  await expect(page.getByLabel('Fra revisjon')).toHaveValue('1');
  await expect(page.getByLabel('Til revisjon')).toHaveValue('2');
  await page.getByRole('button', { name: 'Sammenlign' }).click();
  const comparison = page.getByRole('region', { name: 'Endringer fra revisjon 1 til revisjon 2' });
  await expect(comparison.getByText('Endret: Alenearbeid i kjelleren om kvelden')).toBeVisible();
  const titleRow = comparison.getByRole('row', { name: /Tittel/ });
  await expect(titleRow.getByRole('cell').nth(0)).toHaveText('Alenearbeid i kjelleren');
  await expect(titleRow.getByRole('cell').nth(1)).toHaveText('Alenearbeid i kjelleren om kvelden');
  await expectNoSeriousAxeViolations(page);

  // The assessment screen links to the risk screens.
  await page.getByRole('button', { name: 'Til kartleggingen' }).click();
  await expect(risk.heading()).toHaveText('Kartlegging 2026');
  await page.getByRole('navigation', { name: 'Risiko og tiltak' }).getByRole('button', { name: 'Tiltaksplan' }).click();
  await expect(risk.heading()).toHaveText('Tiltaksplan');
  await expect(page.getByRole('table', { name: 'Tiltak', exact: true }).getByRole('row')).toHaveCount(3);
});

test('overdue measures show on the home screen, and a new matrix flags rated findings for review', async ({ page }) => {
  const assessmentId = await completedInterview();
  const { created } = await callApi(fresh.server, 'findings.propose', { assessmentId });
  const workload = created[0];
  await callApi(fresh.server, 'findings.update', { id: workload.id, title: workload.title, factorIds: workload.factorIds, likelihood: 5, consequence: 4, accept: true });
  await callApi(fresh.server, 'measures.create', {
    assessmentId,
    findingId: workload.id,
    title: 'Juster arealnormen',
    responsibleRole: 'employer',
    deadline: '2025-01-15',
  });

  await page.goto(fresh.server.url);
  const panel = page.getByRole('region', { name: 'Forfalte tiltak' });
  await expect(panel).toContainText('1 tiltak har passert fristen.');
  await expect(panel).toContainText('Juster arealnormen');
  await expectNoSeriousAxeViolations(page);
  await panel.getByRole('button', { name: 'Åpne tiltaksplanen med «Juster arealnormen»' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiltaksplan');
  await expect(page.getByRole('table', { name: 'Tiltak', exact: true }).getByRole('row', { name: /Juster arealnormen/ })).toContainText('Forfalt');

  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('button', { name: 'Innstillinger' }).click();
  await page.getByLabel('Størrelse').selectOption({ label: '3 × 3' });
  await expect(page.getByRole('table', { name: /Risikomatrise 3 × 3/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Lagre risikomatrisen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Risikomatrisen er lagret.' })).toBeVisible();

  await new RiskPages(page).open('risk', assessmentId);
  const row = page.getByRole('table', { name: 'Funn', exact: true }).getByRole('row', { name: /Arbeidsmengde og tid/ });
  await expect(row).toContainText('5 × 4 (vurdert på 5 × 5)');
  await expect(row).toContainText('Må vurderes på nytt');
  await expect(page.getByText('1 funn er vurdert på en annen matrise')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Rediger «Arbeidsmengde og tid»' }).click();
  await page.getByLabel('Sannsynlighet', { exact: true }).selectOption('3');
  await page.getByLabel('Konsekvens', { exact: true }).selectOption('2');
  await new RiskPages(page).save();
  await expect(row).not.toContainText('Må vurderes på nytt');
  await expect(row).toContainText('Høy');
});
