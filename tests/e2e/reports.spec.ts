// Reports in the real UI against browser mode: preview the employees' summary in Arabic, export the
// formal report as PDF, see it listed with its SHA-256, and download it.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { Guide } from '../../src-main/core/guide';
import { callApi, seedAssessment } from './api';
import { expectNoSeriousAxeViolations } from './pages';
import { freshServerPerTest } from './fresh-server';

const fresh = freshServerPerTest();

/** An assessment with one interview of six, every item answered in the middle, and an agreed
 * measure taken from the guide's library. */
async function assessmentWithAnswers(guide: Guide): Promise<string> {
  const assessment = await seedAssessment(fresh.server, 'Glans Renhold AS', 'Kartlegging 2027', guide);
  const interview = await callApi(fresh.server, 'interviews.create', { assessmentId: assessment.id, groupName: 'Dagskift', kind: 'group', participants: { employee: 6 } });
  for (const item of guide.items) {
    await callApi(fresh.server, 'answers.save', { interviewId: interview.id, itemId: item.id, answer: { kind: 'consensus', value: 3, participants: 6 } });
  }
  await callApi(fresh.server, 'measures.create', {
    assessmentId: assessment.id,
    findingId: null,
    title: guide.factors[0].measures[0].text.nb,
    responsibleRole: 'employer',
    deadline: '2027-05-01',
    priority: 'high',
    // The employees' summary lists agreed measures only.
    status: 'agreed',
    agreedBy: ['employer', 'safetyRepresentative'],
  });
  return assessment.id;
}

test('a consultant previews the summary in Arabic, exports the formal report and downloads it', async ({ page }) => {
  // Issuing is a step of its own now, and renders the whole formal report: give a busy machine room.
  test.slow();
  const guide: Guide = await callApi(fresh.server, 'guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const assessmentId = await assessmentWithAnswers(guide);
  await page.goto(`${fresh.server.url}&screen=reports&assessment=${assessmentId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapporter: Kartlegging 2027');
  await expect(page.getByText('Ingen rapporter er utstedt ennå.')).toBeVisible();

  await page.getByLabel('Mal').selectOption({ label: 'Oppsummering for de ansatte (én side)' });
  await page.getByLabel('Språk i rapporten').selectOption({ label: 'العربية – Arabisk (utkast til oversettelse)' });
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByRole('region', { name: 'Forhåndsvisning av rapporten' });
  await expect(preview).toHaveAttribute('dir', 'rtl');
  await expect(preview).toHaveAttribute('lang', 'ar');
  await expect(preview.getByRole('heading', { name: 'ماذا وجدنا' })).toBeVisible();
  await expect(preview.getByText(guide.factors[0].measures[0].text.ar, { exact: false })).toBeVisible();
  await expect(page.getByText('Utkast: endringer etter siste utstedte revisjon er med.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel('Mal').selectOption({ label: 'Risikovurdering, formell rapport (bokmål)' });
  await page.getByRole('checkbox', { name: 'DOCX' }).uncheck();
  // Issuing is its own step: the checklist shows the measure not yet agreed and asks to acknowledge it.
  await page.getByRole('button', { name: 'Utsted revisjon 1 …' }).click();
  const issuing = page.getByRole('dialog', { name: 'Utstede revisjon 1?' });
  await issuing.getByRole('checkbox', { name: 'Jeg har sett det som mangler og vil utstede likevel' }).check();
  await issuing.getByRole('button', { name: 'Utsted revisjon 1' }).click();
  // Issuing, then rendering the report: slow on a busy machine, so the wait for the listed report is generous.
  await expect(page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Filer' }) }).getByRole('row')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Rapporten er eksportert (revisjon 1).' })).toBeVisible();

  const issued = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Filer' }) });
  await expect(issued.getByRole('row')).toHaveCount(2);
  const [report] = await callApi(fresh.server, 'reports.list', { assessmentId });
  await expect(issued.getByText(report.files[0].sha256)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const downloading = page.waitForEvent('download');
  await issued.getByRole('button', { name: /^Last ned PDF/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(report.files[0].fileName);
  const bytes = readFileSync((await download.path())!);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(report.files[0].sha256);
});
