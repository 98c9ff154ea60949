// The API runtime in its own process (the Node host browser mode uses): the serving process stays
// responsive while a report is issued, progress arrives in order, a cancelled issue writes nothing,
// and a runtime process that dies fails its calls clearly and is restarted.
import http from 'node:http';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallProgress } from '../../src-main/api/progress';
import type { Result } from '../../src-main/core/errors';
import { createDemo } from '../../src-main/demo/demo-data';
import { findAppRoot } from '../../src-main/paths';
import type { RuntimeHost } from '../../src-main/runtime-host/host';
import { openNodeRuntimeHost } from '../../src-main/runtime-host/node-host';
import { type BrowserServer, startBrowserServer } from '../../src-main/server/http-server';
import { makeTempDir, removeTempDir, snapshotDataFolder } from './fixtures/data-folder';

const appRoot = findAppRoot();
const entry = fileURLToPath(new URL('../../src-main/runtime-worker.ts', import.meta.url));
const issue = { templateId: 'risk-assessment-nb', formats: ['pdf'] as ('pdf' | 'docx')[] };
const bothFormats = { ...issue, formats: ['pdf', 'docx'] as ('pdf' | 'docx')[] };
// A runtime process started from the sources (tsx) and a report issued on a busy 2-core machine take a
// while; these are limits for a hang, not speed checks.
const slow = { timeout: 180_000 };
let baseDir: string;
let dataDir: string;
let host: RuntimeHost | undefined;

function openHost(): Promise<RuntimeHost> {
  return openNodeRuntimeHost({ options: { dataDir, appRoot }, entry, execArgv: ['--import', 'tsx'], log: () => {} });
}

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await host!.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Calls `method`, and runs `onStep` once when the call reports `step`. */
function callUntilStep(method: string, input: unknown, step: CallProgress['step'], onStep: () => void, signal?: AbortSignal) {
  const seen: CallProgress[] = [];
  let fired = false;
  const result = host!.call(method, input, {
    signal,
    onProgress: (progress) => {
      seen.push(progress);
      if (progress.step === step && !fired) {
        fired = true;
        onStep();
      }
    },
  });
  return { result, seen };
}

function reportFiles(assessmentId: string): string[] {
  const dir = path.join(dataDir, 'reports', assessmentId);
  return existsSync(dir) ? readdirSync(dir) : [];
}

let assessmentId: string;

// One runtime process and one issued demo for the file: every test leaves the data as it found it or
// adds an exported report, which no other test depends on.
beforeAll(async () => {
  baseDir = makeTempDir();
  dataDir = path.join(baseDir, 'data');
  host = await openHost();
  ({ assessmentId } = await createDemo(host));
  // Exports render an issued revision; issuing itself is the checklist's step (revisions.issue).
  const { currentRevision } = await value<{ currentRevision: number }>('revisions.list', { assessmentId });
  await value('revisions.issue', { assessmentId, revision: currentRevision, acceptGaps: true });
}, 180_000);

afterAll(async () => {
  await host?.close();
  host = undefined;
  removeTempDir(baseDir);
}, 60_000);

describe('the Node runtime host', slow, () => {
  it('runs the runtime in another process and answers with the same contract', async () => {
    expect(host!.pid).toBeTypeOf('number');
    expect(host!.pid).not.toBe(process.pid);
    const created = await value<{ id: string }>('clients.create', { name: 'Renhold Vest AS', orgNumber: '923609016' });
    expect(await value<{ id: string }[]>('clients.list', {})).toContainEqual(expect.objectContaining({ id: created.id }));
    const refused = await host!.call('clients.create', { name: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await host!.call('no.such.method', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('exports the issued report with its progress in order, while the serving process keeps answering', async () => {
    let finished = false;
    let pingAnsweredWhileIssuing: boolean | undefined;
    const { result, seen } = callUntilStep('reports.export', { assessmentId, ...issue }, 'rendering', () => {
      // The serving process's own event loop: a timer set now runs before the report is done.
      setTimeout(() => (pingAnsweredWhileIssuing = !finished), 0);
    });
    const report = await result;
    finished = true;
    expect(report).toMatchObject({ ok: true });
    expect(pingAnsweredWhileIssuing).toBe(true);
    expect(seen.map((progress) => progress.step)).toEqual(['preparing', 'rendering', 'checking', 'writing']);
    expect(seen.map((progress) => progress.done)).toEqual([0, 1, 2, 3]);
    expect(seen.every((progress) => progress.total === 4)).toBe(true);
    expect(seen.at(-1)!.cancellable).toBe(false);
  });

  it('cancels an export that has started, leaving nothing written or recorded', async () => {
    const before = snapshotDataFolder(dataDir);
    const filesBefore = reportFiles(assessmentId);
    const reportsBefore = (await value<unknown[]>('reports.list', { assessmentId })).length;
    const cancel = new AbortController();
    // Cancelled as soon as the runtime says it has begun: the cancel reaches it while it prepares or
    // renders, before the last point where stopping is still safe.
    const { result } = callUntilStep('reports.export', { assessmentId, ...bothFormats }, 'preparing', () => cancel.abort(), cancel.signal);
    expect(await result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(snapshotDataFolder(dataDir)).toEqual(before);
    expect(reportFiles(assessmentId)).toEqual(filesBefore);
    expect(await value<unknown[]>('reports.list', { assessmentId })).toHaveLength(reportsBefore);
  });

  it('fails the calls in flight when the runtime process dies, restarts it, and nothing is half-written', async () => {
    const before = snapshotDataFolder(dataDir);
    const filesBefore = reportFiles(assessmentId);
    const firstPid = host!.pid!;
    const { result } = callUntilStep('reports.export', { assessmentId, ...issue }, 'rendering', () => process.kill(firstPid, 'SIGKILL'));
    const lost = await result;
    expect(lost).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!lost.ok && lost.error.message).toMatch(/stopped unexpectedly while running reports\.export/);
    // The restarted runtime takes over the data folder the dead one held, and sees the same data.
    const status = await value<{ state: string }>('system.status', {});
    expect(status.state).toBe('ready');
    expect(host!.starts).toBe(2);
    expect(host!.pid).not.toBe(firstPid);
    expect(snapshotDataFolder(dataDir)).toEqual(before);
    expect(reportFiles(assessmentId)).toEqual(filesBefore);
  });

  it('refuses a second runtime on the same data folder, as the in-process runtime does', async () => {
    await expect(openHost()).rejects.toMatchObject({ code: 'database_locked' });
    expect(await value<{ state: string }>('system.status', {})).toMatchObject({ state: 'ready' });
  });
});

describe('browser mode over the Node host', slow, () => {
  const token = 'runtime-host-test-token-0123456789';
  let server: BrowserServer;
  let staticDir: string;
  /** Every call the server made, so a test can wait for one the browser gave up on. */
  const served: Promise<Result<unknown>>[] = [];

  beforeEach(async () => {
    staticDir = path.join(baseDir, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kartlegg</title>');
    const runtime: Pick<RuntimeHost, 'call'> = {
      call(method, input, options) {
        const result = host!.call(method, input, options);
        served.push(result);
        return result;
      },
    };
    server = await startBrowserServer({ runtime, staticDir, port: 0, token });
  });

  afterEach(async () => {
    await server.close();
  });

  interface Streamed {
    lines: unknown[];
    status: number;
  }

  /** POSTs an API call asking for its progress as lines; `onLine` sees each line as it arrives. */
  function streamCall(method: string, input: unknown, onLine: (line: unknown, request: http.ClientRequest) => void = () => {}): Promise<Streamed> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const request = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `/api/${method}`,
          agent: false,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/x-ndjson', 'Content-Length': Buffer.byteLength(body) },
        },
        (response) => {
          const lines: unknown[] = [];
          let buffered = '';
          response.on('data', (chunk: Buffer) => {
            buffered += chunk.toString('utf8');
            let newline: number;
            while ((newline = buffered.indexOf('\n')) >= 0) {
              const line = JSON.parse(buffered.slice(0, newline)) as unknown;
              buffered = buffered.slice(newline + 1);
              lines.push(line);
              onLine(line, request);
            }
          });
          response.on('end', () => resolve({ lines, status: response.statusCode ?? 0 }));
          response.on('error', reject);
          response.on('aborted', () => resolve({ lines, status: response.statusCode ?? 0 }));
        },
      );
      request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve({ lines: [], status: 0 }) : reject(error)));
      request.end(body);
    });
  }

  function get(pathname: string): Promise<number> {
    return new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: server.port, path: pathname, agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      }).on('error', reject);
    });
  }

  it('streams progress lines, then the result, and serves the UI while the report renders', async () => {
    let finished = false;
    let pageServedWhileIssuing: Promise<boolean> | undefined;
    const streamed = streamCall('reports.export', { assessmentId, ...issue }, (line) => {
      const progress = (line as { progress?: CallProgress }).progress;
      if (progress?.step === 'rendering') pageServedWhileIssuing = get('/index.html').then((status) => status === 200 && !finished);
    });
    const { lines, status } = await streamed;
    finished = true;
    expect(status).toBe(200);
    expect(await pageServedWhileIssuing).toBe(true);
    expect(lines.slice(0, -1).map((line) => (line as { progress: CallProgress }).progress.step)).toEqual(['preparing', 'rendering', 'checking', 'writing']);
    expect(lines.at(-1)).toMatchObject({ result: { ok: true, value: { assessmentId } } });
  });

  it('refuses a streamed call without the token, as every other call', async () => {
    const refused = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/system.status', agent: false, headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(refused).toBe(401);
  });

  it('cancels the call when the browser hangs up after it started: nothing is written', async () => {
    const before = snapshotDataFolder(dataDir);
    const filesBefore = reportFiles(assessmentId);
    const reportsBefore = (await value<unknown[]>('reports.list', { assessmentId })).length;
    await streamCall('reports.export', { assessmentId, ...bothFormats }, (line, request) => {
      if ((line as { progress?: CallProgress }).progress?.step === 'preparing') request.destroy();
    });
    expect(await served.at(-1)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await value<unknown[]>('reports.list', { assessmentId })).toHaveLength(reportsBefore);
    expect(snapshotDataFolder(dataDir)).toEqual(before);
    expect(reportFiles(assessmentId)).toEqual(filesBefore);
  });
});
