// The interview screen in browser mode, driven by Playwright in Chromium: first render and moving on.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { Guide } from '../../src-main/core/guide';
import { findAppRoot } from '../../src-main/paths';
import { callApi } from '../../tests/e2e/api';
import { chromiumLaunchOptions } from '../../tests/e2e/chromium-options';
import { makeDataDir, removeDataDir, startServer } from '../../tests/e2e/server';
import { median, type Measurement } from '../measure';
import type { BenchOptions } from './core';

export function ensureBuilt(): void {
  const appRoot = findAppRoot();
  const out = process.env.KARTLEGG_OUT_DIR ?? 'out';
  if (!existsSync(path.join(appRoot, out, 'renderer', 'index.html'))) {
    execFileSync(process.execPath, [path.join(appRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: appRoot,
      stdio: 'inherit',
    });
  }
}

/** Time from a keypress to the next question's text on screen, measured inside the page. Kept as
 * source text: tsx would wrap a compiled function with helpers the page does not have. */
const nextQuestionInPage = `new Promise((resolve) => {
  const text = () => document.querySelector('[data-testid="question-nb"]')?.textContent;
  const before = text();
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (text() === before) return;
    observer.disconnect();
    // The next frame is when the user sees it.
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
})`;

/** When the question's Norwegian text was first painted, as epoch milliseconds: Chromium's Element
 * Timing entry for it (QuestionText marks it with `elementtiming`), waited for if the paint is still
 * to come. Kept as source text like the one above. The page's time origin and the bench's Date.now()
 * both read this machine's wall clock. */
const questionPaintedInPage = `new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error('The question was not painted within 30 s (no Element Timing entry "question-nb").')), 30000);
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntries().find((e) => e.identifier === 'question-nb');
    if (!entry) return;
    observer.disconnect();
    resolve(performance.timeOrigin + (entry.renderTime || entry.loadTime));
  }).observe({ type: 'element', buffered: true });
})`;

/** A server with one group interview in progress (Polish and Norwegian), Chromium, and the deep
 * link that opens the interview; shared with bench/ui-timeline.ts. */
export async function openBenchInterview(guide: Guide) {
  const dataDir = makeDataDir();
  const server = await startServer(dataDir);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const close = async () => {
    await browser.close();
    await server.stop();
    removeDataDir(dataDir);
  };
  try {
    const client = await callApi(server, 'clients.create', { name: 'Benk Renhold AS' });
    const assessment = await callApi(server, 'assessments.create', {
      clientId: client.id,
      title: 'Benk',
      method: 'group',
      guideId: guide.id,
      guideVersion: guide.version,
    });
    const interview = await callApi(server, 'interviews.create', {
      assessmentId: assessment.id,
      groupName: 'Dagskift',
      kind: 'group',
      respondentLanguage: 'pl',
      languages: ['pl', 'nb'],
      participants: { employee: 7 },
    });
    await callApi(server, 'interviews.setProgress', { id: interview.id, currentItemId: guide.items[0].id, status: 'in_progress' });
    return { server, browser, interview, address: `${server.url}&screen=interview&interview=${interview.id}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function interviewUiBench(guide: Guide, options: BenchOptions): Promise<Measurement[]> {
  ensureBuilt();
  const { server, browser, interview, address, close } = await openBenchInterview(guide);
  try {

    const firstPaints: number[] = [];
    const seenByPlaywright: number[] = [];
    const moves: number[] = [];
    for (let run = 0; run < (options.quick ? 1 : 5); run++) {
      // A fresh context each time: no cached bundle, as when the app starts.
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(address);
      await page.getByTestId('question-nb').waitFor();
      seenByPlaywright.push(Date.now() - start);
      firstPaints.push(((await page.evaluate(questionPaintedInPage)) as number) - start);
      for (let move = 0; move < (options.quick ? 3 : 20); move++) moves.push((await page.evaluate(nextQuestionInPage)) as number);
      // Back to the first item, so every run starts in the same place: after the page is closed, so
      // none of its own progress writes can land after the reset (20 moves × 5 runs is more than the
      // guide has items, and a move past the last one would wait for ever).
      await context.close();
      await callApi(server, 'interviews.setProgress', { id: interview.id, currentItemId: guide.items[0].id, status: 'in_progress' });
    }
    return [
      {
        name: 'UI: first render of the interview screen (load, API calls, question painted)',
        detail: 'browser mode, Chromium, a new browser context (no cached bundle) on a warm server; from opening the deep link to the paint of the question (Element Timing)',
        start: 'first',
        value: median(firstPaints),
        unit: 'ms',
        target: { limit: 700, atMost: true },
      },
      {
        name: 'UI: first render of the interview screen, as Playwright sees it',
        detail: "the same runs, to when Playwright's wait for the question returned: after the page's load event it polls, so it sees the question later than it is painted",
        start: 'first',
        value: median(seenByPlaywright),
        unit: 'ms',
      },
      {
        name: 'UI: moving to the next question (keypress to next frame)',
        detail: `${moves.length} moves`,
        start: 'warm',
        value: median(moves),
        unit: 'ms',
        target: { limit: 50, atMost: true },
      },
    ];
  } finally {
    await close();
  }
}
