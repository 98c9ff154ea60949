// `npx tsx bench/ui-timeline.ts`: where the interview screen's first render goes, request by request
// and how much main-thread work the page did (a diagnostic beside the ui bench case; no target).
import { readFileSync } from 'node:fs';
import { guideSchema } from '../src-main/core/guide';
import { findAppRoot } from '../src-main/paths';
import { ensureBuilt, openBenchInterview } from './cases/ui';

const guide = guideSchema.parse(JSON.parse(readFileSync(`${findAppRoot()}/templates/interviews/psychosocial-cleaning.json`, 'utf8')));
ensureBuilt();
const { server, browser, address, close } = await openBenchInterview(guide);
try {
  for (let run = 0; run < Number(process.argv[2] ?? 3); run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const start = Date.now();
    const lines: string[] = [];
    page.on('requestfinished', (request) => {
      const timing = request.timing();
      const body = request.postData() ?? '';
      const method = /"method":"([^"]+)"/.exec(body)?.[1] ?? '';
      void request.sizes().then((sizes) => {
        const startAt = timing.startTime - start;
        lines.push(
          `${String(Math.round(startAt)).padStart(5)} → ${String(Math.round(startAt + timing.responseEnd)).padStart(5)} ms  ${String(sizes.responseBodySize).padStart(8)} B  ${request.url().replace(server.origin, '').slice(0, 50)} ${method}`,
        );
      });
    });
    await page.goto(address);
    const loaded = Date.now() - start;
    await page.getByTestId('question-nb').waitFor();
    const shown = Date.now() - start;
    const paint = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation').map((e) => ({ dcl: Math.round((e as PerformanceNavigationTiming).domContentLoadedEventEnd), load: Math.round((e as PerformanceNavigationTiming).loadEventEnd) }))));
    // The page's own main-thread work (CPU, not wall time): comparable on a busy machine.
    const { metrics } = await cdp.send('Performance.getMetrics');
    const work = Object.fromEntries(
      metrics.filter((m) => ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'].includes(m.name)).map((m) => [m.name, Math.round(m.value * 1000)]),
    );
    console.log(`run ${run}: goto resolved ${loaded} ms, question shown ${shown} ms, navigation ${paint}, main thread ms ${JSON.stringify(work)}`);
    for (const line of lines.sort((a, b) => parseInt(a) - parseInt(b))) console.log('  ' + line);
    await context.close();
  }
} finally {
  await close();
}
