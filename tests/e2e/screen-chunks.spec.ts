// Each screen's code is its own chunk, loaded when the screen opens: under the strict CSP in
// browser mode, and as the app:// protocol handler serves the same build to the Electron window.
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { createAppRequestHandler } from '../../src-main/app-protocol';
import { callApi, seedAssessment } from './api';
import { freshServerPerTest } from './fresh-server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rendererDir = path.join(root, process.env.KARTLEGG_OUT_DIR ?? 'out', 'renderer');

/** Everything the page reports that would mean a chunk did not load: CSP violations, script errors.
 * zod asks once whether it may compile with eval (the CSP says no, and zod works without): that
 * refusal is the CSP doing its job and is not counted. */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /CSP violation|Refused to|Failed to fetch dynamically imported module|MIME type/i.test(message.text())) problems.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      if (event.blockedURI !== 'eval') console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

const fresh = freshServerPerTest();

test('browser mode loads each screen chunk on first use, under the CSP', async ({ page }) => {
  const problems = await watchProblems(page);
  const scripts: string[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') scripts.push(path.basename(new URL(request.url()).pathname));
  });
  await page.goto(fresh.server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The overview is the first screen; the settings' code has not been asked for yet.
  expect(scripts.some((name) => name.startsWith('SettingsScreen-'))).toBe(false);

  const menu = page.getByRole('navigation');
  for (const [entry, heading] of [
    ['Innstillinger', 'Innstillinger'],
    ['Kunder', 'Kunder'],
    ['Intervjuguider', 'Intervjuguider'],
    ['Import og eksport', 'Import og eksport'],
  ]) {
    await menu.getByRole('button', { name: entry }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  expect(scripts.some((name) => name.startsWith('SettingsScreen-'))).toBe(true);
  expect(scripts.some((name) => name.startsWith('TransferScreen-'))).toBe(true);
  expect(problems).toEqual([]);
});

test('an interview deep link starts its data and screen code before the rest of the app, under the CSP', async ({ page }) => {
  const guide = await callApi(fresh.server, 'guides.get', { id: 'psychosocial-cleaning' });
  const assessment = await seedAssessment(fresh.server, 'Lenke Renhold AS', 'Lenke', guide);
  const planned = await callApi(fresh.server, 'interviews.create', { assessmentId: assessment.id, groupName: 'Dag', kind: 'group', respondentLanguage: 'pl', languages: ['pl'], participants: { employee: 5 } });
  await callApi(fresh.server, 'interviews.setProgress', { id: planned.id, currentItemId: guide.items[0].id, status: 'in_progress' });
  const problems = await watchProblems(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(path.basename(new URL(request.url()).pathname)));
  await page.goto(`${fresh.server.url}&screen=interview&interview=${planned.id}`);
  await expect(page.getByTestId('question-pl')).toHaveText(guide.items[0].text.pl);
  // One call for the screen's data, asked for first, and with the settings before the screen's code:
  // the small entry sends them as soon as it runs, without waiting for the rest of the app's code
  // (src-renderer/main.tsx), which index.html preloads meanwhile.
  expect(requests.filter((name) => name === 'interviews.open')).toHaveLength(1);
  expect(requests.indexOf('interviews.open')).toBeLessThan(requests.indexOf('settings.get'));
  expect(requests.indexOf('settings.get')).toBeLessThan(requests.findIndex((name) => name.startsWith('InterviewScreen-')));
  expect(requests.some((name) => name.startsWith('InterviewScreen-'))).toBe(true);
  expect(problems).toEqual([]);
});

test('the entry imports no other chunk, so the start-up calls never wait for the app code, which index.html preloads', () => {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+)"/.exec(html)?.[1];
  expect(entry).toBeDefined();
  // Static imports only (a dynamic import( ) of the app and the screens is what the entry does).
  expect(readFileSync(path.join(rendererDir, 'assets', entry!), 'utf8')).not.toMatch(/(^|[;}])\s*import\s*(\{[^}]*\}\s*from\s*)?["'`]/m);
  expect(html).toMatch(/<link rel="modulepreload"[^>]*href="\.\/assets\/app-[^"]+\.js"/);
  expect(html).toMatch(/<link rel="modulepreload"[^>]*href="\.\/assets\/start-[^"]+\.js"/);
});

test('the app:// handler serves every chunk of the build so that the page can import it under its CSP', async ({ page }) => {
  // The handler the Electron window uses, behind plain HTTP so Chromium can load it here: same
  // files, same headers (the CSP on index.html, nosniff, the content types).
  const handle = createAppRequestHandler(rendererDir);
  const server: Server = createServer((request, response) => {
    void handle(new Request(`app://kartlegg${request.url ?? '/'}`, { method: request.method })).then(async (answer) => {
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const problems = await watchProblems(page);
    const index = await page.goto(`${origin}/`);
    expect(index?.headers()['content-security-policy']).toContain("script-src 'self'");
    const chunks = readdirSync(path.join(rendererDir, 'assets')).filter((name) => name.endsWith('.js'));
    expect(chunks.filter((name) => /Screen-/.test(name)).length).toBeGreaterThan(10);
    const failed = await page.evaluate(
      async (names) => {
        const results = await Promise.allSettled(names.map((name) => import(`./assets/${name}`)));
        return results.flatMap((result, i) => (result.status === 'rejected' ? [`${names[i]}: ${String(result.reason)}`] : []));
      },
      chunks,
    );
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
