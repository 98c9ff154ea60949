// Whole-process (cold) benchmarks of the built CLI and of LibreOffice in the same run, start-up of a
// cold process on a large data folder, and the event loop of the process that serves the UI while a
// report is issued through it (runtime in a child process, and in-process for comparison).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { openApiRuntime, type ApiRuntime } from '../../src-main/api/runtime';
import type { Guide } from '../../src-main/core/guide';
import { closeDatabase, openDatabase } from '../../src-main/db/database';
import { createDemo } from '../../src-main/demo/demo-data';
import { findAppRoot } from '../../src-main/paths';
import { openNodeRuntimeHost } from '../../src-main/runtime-host/node-host';
import { startBrowserServer } from '../../src-main/server/http-server';
import { median, type Measurement } from '../measure';
import { insertAssessments, seededRandom } from '../synthetic';
import { benchDataDir, type BenchOptions } from './core';
import { hasLibreOffice } from './reports';

const appRoot = findAppRoot();
const outDir = path.join(appRoot, process.env.KARTLEGG_OUT_DIR ?? 'out');
const bin = path.join(appRoot, 'bin', 'kartlegg.js');

function built(): boolean {
  return existsSync(path.join(outDir, 'main', 'cli.cjs')) && existsSync(path.join(outDir, 'main', 'runtime-worker.cjs'));
}

/** Wall time of one whole process, from spawn to exit. */
function wholeProcess(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 180_000 });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

function kartlegg(args: string[]): number {
  return wholeProcess(process.execPath, [bin, ...args]);
}

/** The CLI exporting the demo's issued formal report as PDF and as DOCX, and LibreOffice converting that DOCX: each a new process. */
export async function coldReportBench(_guide: Guide, options: BenchOptions): Promise<Measurement[]> {
  if (!built()) {
    console.warn('The app is not built: the whole-process CLI rows are left out (npm run build).');
    return [];
  }
  const runs = options.quick ? 1 : 5;
  const dataDir = benchDataDir();
  const out = path.join(dataDir, 'out');
  try {
    const ids = JSON.parse(execFileSync(process.execPath, [bin, 'demo', '--json', '--data-dir', dataDir], { encoding: 'utf8' })) as { assessmentId: string };
    // Issuing (the checklist's step) freezes the revision once; every timed run renders, checks and
    // writes that issued revision's report anew, as a consultant exporting it does.
    kartlegg(['issue', ids.assessmentId, '--revision', '1', '--accept-gaps', '--data-dir', dataDir]);
    const exportReport = (format: string) => kartlegg(['report', ids.assessmentId, '--template', 'risk-assessment-nb', '--format', format, '--out', out, '--data-dir', dataDir]);
    const pdf = Array.from({ length: runs }, () => exportReport('pdf'));
    const docx = Array.from({ length: runs }, () => exportReport('docx'));
    const detail = 'demo assessment, issued revision, `kartlegg report … --format X`, spawn to exit';
    const rows: Measurement[] = [
      { name: 'CLI: exporting the demo formal report as PDF', detail, start: 'cold', value: median(pdf), unit: 'ms', target: options.quick ? undefined : { limit: 1200, atMost: true } },
      { name: 'CLI: exporting the demo formal report as DOCX', detail, start: 'cold', value: median(docx), unit: 'ms' },
    ];
    if (!hasLibreOffice()) {
      console.warn('soffice is not installed: the cold LibreOffice comparison is left out.');
      return rows;
    }
    const docxFile = readdirSync(out).find((name) => name.endsWith('.docx'))!;
    const profile = path.join(dataDir, 'soffice-profile');
    const convert = () =>
      wholeProcess('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', path.join(dataDir, 'converted'), path.join(out, docxFile)]);
    // The first conversion creates LibreOffice's profile, which a user's machine already has: not counted.
    convert();
    const soffice = median(Array.from({ length: runs }, convert));
    rows.push(
      { name: 'LibreOffice: converting the same DOCX to PDF', detail: '`soffice --headless --convert-to pdf`, profile exists, spawn to exit', start: 'cold', value: soffice, unit: 'ms' },
      {
        name: 'Cold against cold: LibreOffice converting / our CLI exporting the PDF',
        detail: 'both whole processes, same run',
        start: 'cold',
        value: soffice / median(pdf),
        unit: '×',
        target: options.quick ? undefined : { limit: 4, atMost: false },
      },
    );
    return rows;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `count` assessments, each with one completed group interview that answers every item. */
async function dataDirWithInterviews(count: number, guide: Guide): Promise<string> {
  const dir = benchDataDir();
  const db = await openDatabase({ dataDir: dir });
  insertAssessments(db, count, guide);
  const random = seededRandom(7);
  const now = new Date().toISOString();
  const values = new Map(guide.scales.map((scale) => [scale.id, scale.points.map((point) => point.value)]));
  const insertInterview = db.prepare(
    `INSERT INTO interviews (id, assessment_id, group_name, kind, participants, expected_participants, status, answer_mode, created_at, updated_at)
     VALUES (?, ?, 'Gruppe 1', 'group', '{"employee":6}', 6, 'completed', 'consensus', ?, ?)`,
  );
  const insertAnswer = db.prepare('INSERT INTO answers (interview_id, item_id, answer, updated_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const { id } of db.prepare('SELECT id FROM assessments').all() as { id: string }[]) {
      const interviewId = randomUUID();
      insertInterview.run(interviewId, id, now, now);
      for (const item of guide.items) {
        const points = values.get(item.scale)!;
        const answer = { kind: 'consensus', value: points[Math.floor(random() * points.length)], participants: 6 };
        insertAnswer.run(interviewId, item.id, JSON.stringify(answer), now);
      }
    }
  })();
  closeDatabase(db);
  return dir;
}

/** A new process opening a data folder of 1,000 assessments with interviews and answers. */
export async function coldStartupBench(guide: Guide, options: BenchOptions): Promise<Measurement[]> {
  if (!built()) return [];
  const count = options.quick ? 100 : 1_000;
  const dir = await dataDirWithInterviews(count, guide);
  try {
    const runs = options.quick ? 1 : 5;
    // `assessments list` opens the data folder (lock, migrations check, guides), lists, closes.
    const times = Array.from({ length: runs }, () => kartlegg(['assessments', 'list', '--data-dir', dir]));
    return [
      {
        name: 'CLI: start-up and first listing, whole process',
        detail: `\`kartlegg assessments list\`, ${count.toLocaleString('en')} assessments × 1 interview × ${guide.items.length} answers`,
        start: 'cold',
        value: median(times),
        unit: 'ms',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** POSTs one API call to the browser-mode server and waits for its whole answer. */
function post(port: number, token: string, method: string, input: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input);
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        agent: false,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`${method}: ${response.statusCode} ${text}`))));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The event loop of the serving process (this one) while reports are rendered through its HTTP server. */
async function servingLoopDelay(runtime: Pick<ApiRuntime, 'call'>, assessmentId: string, issues: number): Promise<{ max: number; p99: number }> {
  // Issuing freezes the revision (no rendering); exporting renders, checks and writes its report.
  const issued = await runtime.call('revisions.issue', { assessmentId, revision: 1, acceptGaps: true });
  if (!issued.ok) throw new Error(`revisions.issue: ${issued.error.message}`);
  const token = randomUUID();
  const staticDir = path.join(benchDataDir(), 'renderer');
  mkdirSync(staticDir, { recursive: true });
  const server = await startBrowserServer({ runtime, staticDir, port: 0, token });
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  try {
    histogram.enable();
    for (let i = 0; i < issues; i++) {
      await post(server.port, token, 'reports.export', { assessmentId, templateId: 'risk-assessment-nb', formats: ['pdf', 'docx'] });
    }
    histogram.disable();
    return { max: histogram.max / 1e6, p99: histogram.percentile(99) / 1e6 };
  } finally {
    await server.close();
    rmSync(path.dirname(staticDir), { recursive: true, force: true });
  }
}

export async function servingEventLoopBench(_guide: Guide, options: BenchOptions): Promise<Measurement[]> {
  const issues = options.quick ? 1 : 3;
  const detail = `${issues} × demo formal report as PDF + DOCX over HTTP (browser mode), monitorEventLoopDelay`;
  const rows: Measurement[] = [];
  {
    const dataDir = benchDataDir();
    const built_ = built();
    const host = await openNodeRuntimeHost({
      options: { dataDir, appRoot },
      entry: built_ ? path.join(outDir, 'main', 'runtime-worker.cjs') : path.join(appRoot, 'src-main', 'runtime-worker.ts'),
      execArgv: built_ ? [] : ['--import', 'tsx'],
    });
    try {
      const { assessmentId } = await createDemo(host);
      const delay = await servingLoopDelay(host, assessmentId, issues);
      rows.push(
        { name: 'Serving process event loop while reports are rendered, runtime in a child process: max delay', detail, start: 'warm', value: delay.max, unit: 'ms', target: options.quick ? undefined : { limit: 50, atMost: true } },
        { name: 'Serving process event loop while reports are rendered, runtime in a child process: p99 delay', detail, start: 'warm', value: delay.p99, unit: 'ms' },
      );
    } finally {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  {
    // For comparison: the runtime inside the serving process, as before the runtime host.
    const dataDir = benchDataDir();
    const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
    try {
      const { assessmentId } = await createDemo(runtime);
      const delay = await servingLoopDelay(runtime, assessmentId, issues);
      rows.push({ name: 'Serving process event loop while reports are rendered, runtime in-process (before): max delay', detail, start: 'warm', value: delay.max, unit: 'ms' });
    } finally {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}
