// `npm run bench`: builds synthetic data, measures, prints a table and writes docs/benchmarks.md.
// `--quick` runs small sizes only and writes nothing (CI checks that the benchmarks work).
// `--only team-sync [--assessments N] [--consultants N]` runs the team server case alone (it starts its
// own PostgreSQL; docs/team-server.md) and writes nothing.
// `--case <name>` (repeatable) runs only the named cases and writes nothing, e.g. `npm run bench -- --case ui`.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { guideSchema } from '../src-main/core/guide';
import { findAppRoot } from '../src-main/paths';
import { cliStartupBench } from './cases/cli-startup';
import { answerSaveBench, listingBench, scoringBench, startupBench } from './cases/core';
import { packageBench, packagePartsBench, reportMemoryBench, surveyImportBench } from './cases/heavy';
import { coldReportBench, coldStartupBench, servingEventLoopBench } from './cases/runtime';
import { reportBench } from './cases/reports';
import { interviewUiBench } from './cases/ui';
import { formatTable, machine, passes, type Measurement } from './measure';

const onlyAt = process.argv.indexOf('--only');
if (onlyAt !== -1) {
  const only = process.argv[onlyAt + 1];
  if (only !== 'team-sync') throw new Error(`--only runs one case on its own: team-sync (not "${only ?? ''}").`);
  const { teamSyncBench } = await import('./cases/team-sync');
  await teamSyncBench(process.argv.slice(2).filter((_, i) => i !== onlyAt - 2 && i !== onlyAt - 1));
  process.exit(0);
}

const quick = process.argv.includes('--quick');
const appRoot = findAppRoot();
const guide = guideSchema.parse(JSON.parse(readFileSync(`${appRoot}/templates/interviews/psychosocial-cleaning.json`, 'utf8')));

type Run = () => Promise<Measurement[]>;
const cases: Record<string, Run> = {
  startup: () => startupBench(guide, { quick }),
  'answer-save': () => answerSaveBench(guide, { quick }),
  scoring: () => scoringBench(guide, { quick }),
  listing: () => listingBench(guide, { quick }),
  reports: () => reportBench(guide, { quick }),
  ui: () => interviewUiBench(guide, { quick }),
  'cold-report': () => coldReportBench(guide, { quick }),
  'cold-startup': () => coldStartupBench(guide, { quick }),
  'serving-event-loop': () => servingEventLoopBench(guide, { quick }),
  'cli-startup': () => cliStartupBench({ quick }),
  'report-memory': () => reportMemoryBench({ quick }),
  'survey-import': () => surveyImportBench({ quick }),
  package: () => packageBench({ quick }),
  'package-parts': () => packagePartsBench({ quick }),
};
const chosen = process.argv.flatMap((arg, i) => (arg === '--case' ? [process.argv[i + 1]] : []));
const unknown = chosen.filter((name) => !(name in cases));
if (unknown.length) {
  console.error(`Unknown bench case: ${unknown.join(', ')}. Cases: ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
const rows: Measurement[] = [];
for (const [name, run] of Object.entries(cases)) if (chosen.length === 0 || chosen.includes(name)) rows.push(...(await run()));

const table = formatTable(rows);
console.log(`Machine: ${machine()}\n`);
console.log(table);
const missed = rows.filter((row) => passes(row) === false);
console.log(`\n${rows.length} measurements, ${missed.length} over target${quick ? ' (quick run: small sizes, targets not meaningful)' : ''}`);

if (!quick && chosen.length === 0) {
  const notes = readFileSync(`${appRoot}/bench/NOTES.md`, 'utf8');
  writeFileSync(
    `${appRoot}/docs/benchmarks.md`,
    `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.\n\nMachine: ${machine()}; load average at the end of the run ${os.loadavg()[0].toFixed(1)}\n\n` +
      `Each value is the median of several runs unless it says p95 or max. Start: warm = repeated in a process that has done it before; first = the first time in a process whose modules are loaded; cold = a new process, timed whole from spawn to exit (the operating system's file cache is warm in every case).\n\n${table}\n\n${notes}`,
  );
}
