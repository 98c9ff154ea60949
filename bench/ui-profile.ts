// `npx tsx bench/ui-profile.ts [runs]`: a Chromium CPU profile of the interview screen's first render
// (deep link to question shown), summed over runs: self time per script and the heaviest functions.
// CPU, not wall time, so before/after figures compare on a busy machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { guideSchema } from '../src-main/core/guide';
import { findAppRoot } from '../src-main/paths';
import { ensureBuilt, openBenchInterview } from './cases/ui';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const guide = guideSchema.parse(JSON.parse(readFileSync(`${findAppRoot()}/templates/interviews/psychosocial-cleaning.json`, 'utf8')));
ensureBuilt();
const runs = Number(process.argv[2] ?? 3);
const { server, browser, address, close } = await openBenchInterview(guide);
const byScript = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(address);
    await page.getByTestId('question-nb').waitFor();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (process.env.UI_PROFILE_OUT) writeFileSync(`${process.env.UI_PROFILE_OUT}-${run}.cpuprofile`, JSON.stringify(profile));
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id)!;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)') return;
      const script = url ? url.replace(server.origin, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') : functionName;
      byScript.set(script, (byScript.get(script) ?? 0) + ms);
      const key = `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}:${columnNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
      total += ms;
    });
    await context.close();
  }
} finally {
  await close();
}
const top = (map: Map<string, number>, count: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `  ${(ms / runs).toFixed(1).padStart(7)} ms  ${name}`)
    .join('\n');
console.log(`busy CPU per run (not idle, not "program"): ${(total / runs).toFixed(1)} ms`);
console.log(`self time by script, per run:\n${top(byScript, 20)}`);
console.log(`self time by function, per run:\n${top(byFunction, 25)}`);
