// The residual risk of an accepted finding, chosen in the risk step's two small selects, is saved,
// shown with its level, and printed beside the initial rating in the formal report's model.
import { expect, test } from '@playwright/test';
import type { Guide } from '../../src-main/core/guide';
import type { Finding } from '../../src-main/core/risk';
import { callApi, seedAssessment } from './api';
import { expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';

const fresh = freshServerPerTest();

test('the consultant rates the residual risk of an accepted finding', async ({ page }) => {
  const guide: Guide = await callApi(fresh.server, 'guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const assessment = await seedAssessment(fresh.server, 'Glans Renhold AS', 'Kartlegging 2026', guide);
  const finding: Finding = await callApi(fresh.server, 'findings.create', { assessmentId: assessment.id, title: 'Tidspress', factorIds: ['workload'], likelihood: 4, consequence: 4 });

  await page.goto(`${fresh.server.url}&screen=risk&assessment=${assessment.id}`);
  const likelihood = page.getByRole('combobox', { name: `Sannsynlighet etter tiltakene for F${finding.number}` });
  const consequence = page.getByRole('combobox', { name: `Konsekvens etter tiltakene for F${finding.number}` });
  await expect(likelihood).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // One value alone is not saved.
  await likelihood.selectOption('2');
  await expect.poll(async () => ((await callApi(fresh.server, 'findings.list', { assessmentId: assessment.id })) as Finding[])[0].residualLikelihood).toBeNull();
  await consequence.selectOption('3');
  await expect(page.getByText('Restrisikoen er lagret.')).toBeVisible();
  const [saved] = (await callApi(fresh.server, 'findings.list', { assessmentId: assessment.id })) as Finding[];
  expect(saved).toMatchObject({ residualLikelihood: 2, residualConsequence: 3, residualLevel: 'medium' });
  await expect(page.locator('.residual-rating')).toContainText('Middels');

  const preview = await callApi(fresh.server, 'reports.preview', { assessmentId: assessment.id, templateId: 'risk-assessment-nb' });
  expect(JSON.stringify(preview.document)).toContain('Restrisiko (S × K)');
  // The residual cell: the rating, then its level on the next line.
  expect(JSON.stringify(preview.document)).toContain('{"text":"2 × 3\\n"},{"text":"Middels"}');
});
