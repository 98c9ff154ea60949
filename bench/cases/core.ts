// Benchmarks of the core and the API: start-up, saving answers, scoring, listing assessments.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApiRuntime, type ApiRuntime } from '../../src-main/api/runtime';
import type { Guide } from '../../src-main/core/guide';
import { scoreAssessment } from '../../src-main/core/scoring';
import { closeDatabase, openDatabase } from '../../src-main/db/database';
import { findAppRoot } from '../../src-main/paths';
import { median, percentile, timeRuns, type Measurement } from '../measure';
import { insertAssessments, syntheticResponseSets } from '../synthetic';

export interface BenchOptions {
  quick: boolean;
}

const appRoot = findAppRoot();

export async function call(runtime: ApiRuntime, method: string, input: unknown): Promise<unknown> {
  const result = await runtime.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value;
}

export function benchDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'kartlegg-bench-'));
}

async function dataDirWithAssessments(count: number, guide: Guide): Promise<string> {
  const dir = benchDataDir();
  const db = await openDatabase({ dataDir: dir });
  insertAssessments(db, count, guide);
  closeDatabase(db);
  return dir;
}

export async function startupBench(guide: Guide, options: BenchOptions): Promise<Measurement[]> {
  const sizes = options.quick ? [100] : [1_000, 10_000];
  const rows: Measurement[] = [];
  for (const size of sizes) {
    const dir = await dataDirWithAssessments(size, guide);
    const times = await timeRuns(options.quick ? 2 : 7, async () => (await openApiRuntime({ dataDir: dir, appRoot })).close());
    rows.push({
      name: 'Core start-up: open database, check migrations, load guides and templates',
      detail: `${size.toLocaleString('en')} assessments`,
      start: 'warm',
      value: median(times),
      unit: 'ms',
      target: size === 1_000 ? { limit: 300, atMost: true } : undefined,
    });
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export async function answerSaveBench(guide: Guide, options: BenchOptions): Promise<Measurement[]> {
  const dir = benchDataDir();
  const runtime = await openApiRuntime({ dataDir: dir, appRoot });
  try {
    const client = (await call(runtime, 'clients.create', { name: 'Bench AS' })) as { id: string };
    const assessment = (await call(runtime, 'assessments.create', {
      clientId: client.id,
      title: 'Bench',
      method: 'group',
      guideId: guide.id,
      guideVersion: guide.version,
    })) as { id: string };
    const interview = (await call(runtime, 'interviews.create', {
      assessmentId: assessment.id,
      groupName: 'Dagskift',
      kind: 'group',
      participants: { employee: 8 },
    })) as { id: string };
    const saves = options.quick ? 40 : 600;
    const times: number[] = [];
    for (let i = 0; i < saves; i++) {
      const item = guide.items[i % guide.items.length];
      const [time] = await timeRuns(1, () =>
        call(runtime, 'answers.save', {
          interviewId: interview.id,
          itemId: item.id,
          answer: { kind: 'tally', votes: { '2': i % 4, '4': 8 - (i % 4) } },
        }),
      );
      times.push(time);
    }
    return [
      {
        name: 'Saving one answer through the API, committed (p95)',
        detail: `${saves} saves, synchronous=FULL`,
        start: 'warm',
        value: percentile(times, 95),
        unit: 'ms',
        target: { limit: 10, atMost: true },
      },
      { name: 'Saving one answer (median)', start: 'warm', value: median(times), unit: 'ms' },
    ];
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function scoringBench(guide: Guide, options: BenchOptions): Promise<Measurement[]> {
  const sizes = options.quick ? [50] : [200, 2_000];
  const rows: Measurement[] = [];
  for (const respondents of sizes) {
    const sets = syntheticResponseSets(guide, respondents);
    scoreAssessment(guide, sets);
    const times = await timeRuns(options.quick ? 3 : 21, () => scoreAssessment(guide, sets, { minimumGroupSize: 5 }));
    rows.push({
      name: 'Scoring an assessment',
      detail: `${respondents.toLocaleString('en')} respondents × ${guide.items.length} items, 4 groups`,
      start: 'warm',
      value: median(times),
      unit: 'ms',
      target: respondents === 200 ? { limit: 20, atMost: true } : undefined,
    });
  }
  return rows;
}

export async function listingBench(guide: Guide, options: BenchOptions): Promise<Measurement[]> {
  const sizes = options.quick ? [200] : [1_000, 10_000];
  const rows: Measurement[] = [];
  for (const size of sizes) {
    const dir = await dataDirWithAssessments(size, guide);
    const runtime = await openApiRuntime({ dataDir: dir, appRoot });
    try {
      const runs = options.quick ? 2 : 11;
      const page = await timeRuns(runs, () => call(runtime, 'assessments.list', {}));
      const search = await timeRuns(runs, () => call(runtime, 'assessments.list', { search: 'avdeling 17' }));
      const all = await timeRuns(runs, () => call(runtime, 'assessments.list', { limit: 10_000 }));
      const target = size === 10_000 ? { limit: 50, atMost: true } : undefined;
      const of = `${size.toLocaleString('en')} assessments`;
      rows.push({ name: 'Listing assessments: the first page of 200, newest first', detail: of, start: 'warm', value: median(page), unit: 'ms', target });
      rows.push({ name: 'Searching assessments by title, client or unit', detail: of, start: 'warm', value: median(search), unit: 'ms', target });
      rows.push({ name: 'Fetching every assessment in one call', detail: of, start: 'warm', value: median(all), unit: 'ms' });
    } finally {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
