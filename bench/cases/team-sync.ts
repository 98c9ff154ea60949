// Team server sync, measured on its own (it needs PostgreSQL 15+; not part of the full `npm run bench`):
//   npm run bench -- --only team-sync [--assessments 1000] [--consultants 50]
//   (or: npx tsx bench/cases/team-sync.ts [--assessments 1000] [--consultants 50])
// 1. One consultant with 1,000 assessments (each with a group interview of 30 answers) sends them
//    all, a colleague fetches them all, and a run with nothing to do.
// 2. 50 consultants in 5 teams, 20 assessments each, all syncing at once (then once more, fetching
//    what the others sent). They share this one process: their local SQLite work queues on one
//    thread, so the figures are an upper bound for 50 separate laptops; the server side is real.
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openApiRuntime, type ApiRuntime } from '../../src-main/api/runtime';
import { guideSchema, type Guide } from '../../src-main/core/guide';
import { closeDatabase, openDatabase } from '../../src-main/db/database';
import { findAppRoot } from '../../src-main/paths';
import { fixedCredentials, useTeamCredentials } from '../../src-main/team/credentials';
import { migrateTeamServer } from '../../src-main/team/server-migrations';
import type { SyncCounts } from '../../src-main/team/sync';
import { startTestCluster, type TestCluster } from '../../tests/integration/fixtures/team-postgres';
import { machine, median, percentile } from '../measure';
import { insertAssessments } from '../synthetic';
import { benchDataDir, call } from './core';

const appRoot = findAppRoot();
const password = 'bench-passord';

/** `count` assessments, each with one group interview answering the first 30 items by consensus. */
async function folderWithAssessments(count: number, guide: Guide): Promise<string> {
  const dir = benchDataDir();
  const db = await openDatabase({ dataDir: dir });
  insertAssessments(db, count, guide);
  const now = new Date().toISOString();
  const ids = db.prepare('SELECT id FROM assessments').pluck().all() as string[];
  const interview = db.prepare("INSERT INTO interviews (id, assessment_id, group_name, kind, created_at, updated_at) VALUES (?, ?, 'Dagskift', 'group', ?, ?)");
  const answer = db.prepare('INSERT INTO answers (interview_id, item_id, answer, updated_at) VALUES (?, ?, ?, ?)');
  const scales = new Map(guide.scales.map((scale) => [scale.id, scale.points.map((point) => point.value)]));
  db.transaction(() => {
    for (const [n, id] of ids.entries()) {
      const interviewId = randomUUID();
      interview.run(interviewId, id, now, now);
      for (const [i, item] of guide.items.filter((it) => !it.module).slice(0, 30).entries()) {
        const values = scales.get(item.scale)!;
        answer.run(interviewId, item.id, JSON.stringify({ kind: 'consensus', value: values[(n + i) % values.length], participants: 6 }), now);
      }
    }
  })();
  closeDatabase(db);
  return dir;
}

async function configured(dir: string, cluster: TestCluster, role: string): Promise<ApiRuntime> {
  const runtime = await openApiRuntime({ dataDir: dir, appRoot, log: () => {} });
  await call(runtime, 'sync.configure', { host: 'localhost', port: cluster.port, database: 'postgres', role, caPem: cluster.caPem, sslMode: 'verify-full' });
  return runtime;
}

async function timedSync(runtime: ApiRuntime): Promise<{ ms: number; counts: SyncCounts }> {
  const start = performance.now();
  const counts = (await call(runtime, 'sync.run', { batchSize: 50 })) as SyncCounts;
  return { ms: performance.now() - start, counts };
}

/** CPU time (user + system) this process spent since `since`: the laptops' side; PostgreSQL's is not in it. */
function cpuSince(since: NodeJS.CpuUsage): string {
  const used = process.cpuUsage(since);
  return `${Math.round(used.user / 1000)} ms user + ${Math.round(used.system / 1000)} ms sys CPU (this process)`;
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const result = await run();
  console.log(`  ${label}: ${cpuSince(cpu)}`);
  return result;
}

export async function teamSyncBench(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { assessments: { type: 'string', default: '1000' }, consultants: { type: 'string', default: '50' } } });
  const assessments = Number(values.assessments);
  const consultants = Number(values.consultants);
  const guide = guideSchema.parse(JSON.parse(readFileSync(`${appRoot}/templates/interviews/psychosocial-cleaning.json`, 'utf8')));
  useTeamCredentials(fixedCredentials(password));
  const cluster = await startTestCluster();
  const dirs: string[] = [];
  const runtimes: ApiRuntime[] = [];
  try {
    const admin = await cluster.admin();
    await migrateTeamServer(admin);
    await admin.end();
    console.log(`Machine: ${machine()}; PostgreSQL: local throwaway cluster with TLS (fsync off)\n`);

    await cluster.addConsultant('stor-a', password, 'bench-stor');
    await cluster.addConsultant('stor-b', password, 'bench-stor');
    const bigDir = await folderWithAssessments(assessments, guide);
    const emptyDir = benchDataDir();
    dirs.push(bigDir, emptyDir);
    const sender = await configured(bigDir, cluster, 'stor-a');
    const receiver = await configured(emptyDir, cluster, 'stor-b');
    runtimes.push(sender, receiver);
    const sent = await timed('send all', () => timedSync(sender));
    console.log(`${assessments} assessments: first sync (send all) ${Math.round(sent.ms)} ms`, sent.counts);
    const fetched = await timed('fetch all', () => timedSync(receiver));
    console.log(`${assessments} assessments: first sync on an empty machine (fetch all) ${Math.round(fetched.ms)} ms`, fetched.counts);
    const idle = await timed('nothing changed', () => timedSync(sender));
    console.log(`${assessments} assessments: sync with nothing changed ${Math.round(idle.ms)} ms`);

    const perConsultant = 20;
    const folks = await Promise.all(
      Array.from({ length: consultants }, async (_, i) => {
        const role = `bench-${i}`;
        await cluster.addConsultant(role, password, 'bench-firma', `team-${i % 5}`);
        const dir = await folderWithAssessments(perConsultant, guide);
        dirs.push(dir);
        const runtime = await configured(dir, cluster, role);
        runtimes.push(runtime);
        return runtime;
      }),
    );
    for (const round of ['first (send 20 each, fetch what teammates sent so far)', 'second (fetch the rest)']) {
      const start = performance.now();
      const runs = await timed(`${consultants} consultants, ${round.split(' ')[0]} round`, () => Promise.all(folks.map((runtime) => timedSync(runtime))));
      const wall = performance.now() - start;
      const times = runs.map((run) => run.ms);
      const pulled = runs.reduce((sum, run) => sum + run.counts.pulledAssessments, 0);
      const pushed = runs.reduce((sum, run) => sum + run.counts.pushedAssessments, 0);
      console.log(
        `${consultants} consultants at once, ${round}: all done in ${Math.round(wall)} ms; per consultant median ${Math.round(median(times))} ms, ` +
          `p95 ${Math.round(percentile(times, 95))} ms; ${pushed} sent, ${pulled} fetched, conflicts ${runs.reduce((s, r) => s + r.counts.conflicts, 0)}`,
      );
    }
  } finally {
    for (const runtime of runtimes) await runtime.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    cluster.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await teamSyncBench(process.argv.slice(2));
