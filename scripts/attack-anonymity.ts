// The attacker of docs/scoring.md rules 7.4 and 7.5 on many generated assessments, and how much stays visible:
// npm run attack [-- --runs 20000 --seed 1]. Exits 1 if any withheld answer or score can be worked out.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiRuntime } from '../src-main/api/runtime';
import { call } from '../src-main/cli/api';
import { totalParticipants } from '../src-main/core/assessments';
import type { Answer } from '../src-main/core/answers';
import type { ResponseSet } from '../src-main/core/response-set';
import { scoreAssessment, type AssessmentResult } from '../src-main/core/scoring';
import { createDemo } from '../src-main/demo/demo-data';
import { arbitrarySmallAssessment, attack, resultUnderFormerRules } from '../tests/unit/fixtures/anonymity-attacker';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = option('runs', 10000);
const seed = option('seed', 1);

/** Shown factor results with answers behind them, of all such results (total and groups). */
function visible(result: AssessmentResult, sets: readonly ResponseSet[], count: { shown: number; all: number }): void {
  const withAnswers = (group: string | null, factorIndex: number) => {
    const factorResult = group === null ? result.factors[factorIndex] : result.groups.find((g) => g.group === group)!.factors[factorIndex];
    return factorResult.suppressed || factorResult.n > 0;
  };
  const groups = [null, ...new Set(sets.map((set) => set.group))];
  result.factors.forEach((_, f) => {
    for (const group of groups) {
      if (!withAnswers(group, f)) continue;
      const factorResult = group === null ? result.factors[f] : result.groups.find((g) => g.group === group)!.factors[f];
      count.all++;
      if (!factorResult.suppressed) count.shown++;
    }
  });
}
const share = (count: { shown: number; all: number }) => `${((100 * count.shown) / Math.max(1, count.all)).toFixed(1)} % (${count.shown} of ${count.all})`;

// Half the cases have a format 2 exposure factor and a knowledge item besides (rule 7.5).
const cases = [
  ...fc.sample(arbitrarySmallAssessment(), { numRuns: Math.ceil(runs / 2), seed }),
  ...fc.sample(arbitrarySmallAssessment(5, { format2: true }), { numRuns: Math.floor(runs / 2), seed }),
];
let leakyNow = 0;
let leakyBefore = 0;
const now = { shown: 0, all: 0 };
const before = { shown: 0, all: 0 };
for (const { guide, sets, minimumGroupSize } of cases) {
  const result = scoreAssessment(guide, sets, { minimumGroupSize });
  const former = resultUnderFormerRules(guide, sets, minimumGroupSize);
  const leaks = attack(guide, sets, result);
  if (leaks.length > 0) {
    leakyNow++;
    if (leakyNow === 1) console.log('LEAK under the current rules:', JSON.stringify({ sets, minimumGroupSize, leaks }));
  }
  if (attack(guide, sets, former).length > 0) leakyBefore++;
  visible(result, sets, now);
  visible(former, sets, before);
}
console.log(`generated assessments: ${cases.length}, half with exposure and knowledge items (seed ${seed})`);
console.log(`  former rules: a withheld answer or score worked out in ${leakyBefore} (${((100 * leakyBefore) / cases.length).toFixed(1)} %)`);
console.log(`  rules 7.4–7.6: a withheld answer or score worked out in ${leakyNow}`);
console.log(`  results shown, former rules: ${share(before)}; rules 7.4–7.6: ${share(now)}`);

// The demo company (kartlegg demo), through the API.
const root = fileURLToPath(new URL('..', import.meta.url));
const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-attack-'));
const runtime = await openApiRuntime({ dataDir: path.join(temp, 'data'), appRoot: root });
try {
  const demo = await createDemo(runtime);
  const results = await call(runtime, 'results.get', { assessmentId: demo.assessmentId });
  const guide = await call(runtime, 'guides.get', { id: results.guideId, version: results.guideVersion });
  const sets: ResponseSet[] = [];
  for (const id of demo.interviewIds) {
    const interview = await call(runtime, 'interviews.get', { id });
    const answers: Record<string, Answer> = Object.fromEntries(interview.answers.map((a) => [a.itemId, a.answer]));
    sets.push({ id, group: interview.groupName, respondents: totalParticipants(interview.participants), answers });
  }
  const demoNow = { shown: 0, all: 0 };
  const demoBefore = { shown: 0, all: 0 };
  visible(results.result, sets, demoNow);
  visible(resultUnderFormerRules(guide, sets, results.result.minimumGroupSize), sets, demoBefore);
  console.log(`demo company: results shown, former rules: ${share(demoBefore)}; rules 7.4–7.6: ${share(demoNow)}`);
} finally {
  await runtime.close();
  rmSync(temp, { recursive: true, force: true });
}
process.exitCode = leakyNow > 0 ? 1 : 0;
