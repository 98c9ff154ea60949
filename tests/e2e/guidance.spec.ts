// Guide 2.0.0 on the results screen: each factor's answers come with what the factor means, what
// the law requires, and the steps for the employer and the safety representative.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Guide } from '../../src-main/core/guide';
import { callApi, seedAssessment } from './api';
import { expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';

const guide = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../templates/interviews/psychosocial-cleaning-2.0.0.json', import.meta.url)), 'utf8'),
) as Guide;

const fresh = freshServerPerTest();

test('the results of a 2.0.0 assessment show the guidance for each factor, for the employer and the safety representative', async ({ page }) => {
  const assessment = await seedAssessment(fresh.server, 'Glans Renhold AS', 'Kartlegging 2027', guide);
  expect(assessment.guideVersion).toBe('2.0.0');
  const interview = await callApi(fresh.server, 'interviews.create', {
    assessmentId: assessment.id,
    groupName: 'Dagskift',
    kind: 'group',
    participants: { employee: 6 },
  });
  const workloadItems = guide.items.filter((item) => item.factor === 'workload' && item.module === undefined);
  for (const item of workloadItems) {
    await callApi(fresh.server, 'answers.save', { interviewId: interview.id, itemId: item.id, answer: { kind: 'consensus', value: 4, participants: 6 } });
  }

  await page.goto(`${fresh.server.url}&screen=results&assessment=${assessment.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resultater: Kartlegging 2027');

  const workload = guide.factors.find((factor) => factor.id === 'workload')!;
  const guidance = workload.guidance!;
  await page.locator('summary').filter({ hasText: workload.title.nb }).click();
  const section = page.getByRole('region', { name: `Veiledning: ${workload.title.nb}` });
  await expect(section.getByRole('heading', { name: 'Hva betyr dette, og hva kan gjøres?' })).toBeVisible();
  await expect(section).toContainText(guidance.meaning.nb);
  await expect(section).toContainText(guidance.law.nb);
  const lists = section.getByRole('list');
  await expect(lists).toHaveCount(2);
  await expect(lists.nth(0).getByRole('listitem')).toHaveText(guidance.employerSteps.map((step) => step.nb));
  await expect(lists.nth(1).getByRole('listitem')).toHaveText(guidance.safetyRepresentativeSteps.map((step) => step.nb));
  await expect(section.getByRole('heading', { name: 'Arbeidsgiver og leder (ansvarlig)' })).toBeVisible();
  await expect(section.getByRole('heading', { name: 'Verneombudet' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
