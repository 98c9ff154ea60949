// `kartlegg results`: an assessment's results, suppression applied, as results.get gives them.
import { AppError } from '../../core/errors';
import { formatScore } from '../../core/score-format';
import type { FactorResult } from '../../core/scoring';
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';

function line(result: FactorResult): string {
  if (result.suppressed) return `${result.factorId.padEnd(24)} withheld (${result.reason})`;
  const parts = [result.factorId.padEnd(24), `score ${formatScore(result.score, { locale: 'en' }).padStart(3)}`, `n ${String(result.n).padStart(3)}`, `light ${result.light ?? '-'}`];
  if (result.exposure) parts.push(`exposed ${result.exposure.exposed} of ${result.exposure.answered}`);
  for (const count of result.knowledge ?? []) parts.push(`${count.itemId}: yes ${count.yes} of ${count.answered}`);
  for (const item of result.items) if (item.shortTally) parts.push(`${item.itemId}: ${item.shortTally.votes} of ${item.shortTally.present} voted`);
  return parts.join('  ');
}

export const resultsCommand: CliCommand = {
  name: 'results',
  usage: 'results <assessment-id> [--json]',
  summary: "Print an assessment's results (suppression applied); --json gives the results.get shape",
  options: { json: { type: 'boolean' } },
  async run({ dataDir, values, args }) {
    if (args.length !== 1) throw new AppError('bad_request', 'Name one assessment id (see "kartlegg assessments list").');
    const results = await withRuntime(dataDir, (runtime) => call(runtime, 'results.get', { assessmentId: args[0] }));
    if (values.json) {
      console.log(JSON.stringify(results, null, 2));
      return;
    }
    console.log(`Guide ${results.guideId} ${results.guideVersion}, minimum group size ${results.result.minimumGroupSize}`);
    console.log('Whole assessment:');
    for (const factor of results.result.factors) console.log(`  ${line(factor)}`);
    for (const group of results.result.groups) {
      console.log(`${group.group}:`);
      for (const factor of group.factors) console.log(`  ${line(factor)}`);
    }
  },
};
