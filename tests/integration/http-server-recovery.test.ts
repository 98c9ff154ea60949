// Browser mode beyond the basics: no CORS for a page elsewhere (preflight included), and a damaged
// database answered over HTTP with 503 'database_corrupt' while backups still answer.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import { databasePath } from '../../src-main/db/database';
import { findAppRoot } from '../../src-main/paths';
import { type BrowserServer, startBrowserServer } from '../../src-main/server/http-server';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';

const token = 'test-token-recovery';
let baseDir: string;
let dataDir: string;
let runtime: ApiRuntime;
let server: BrowserServer;

async function start(): Promise<void> {
  const staticDir = path.join(baseDir, 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kartlegg</title>');
  runtime = await openApiRuntime({ dataDir, appRoot: findAppRoot(), log: () => {} });
  server = await startBrowserServer({ runtime, staticDir, port: 0, token });
}

beforeEach(() => {
  baseDir = makeTempDir();
  dataDir = path.join(baseDir, 'data');
});

afterEach(async () => {
  await server?.close();
  await runtime?.close();
  removeTempDir(baseDir);
});

function request(method: string, urlPath: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers: { Host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const api = (method: string, input: unknown = {}) =>
  request('POST', `/api/${method}`, { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, JSON.stringify(input));

describe('a page on another site', () => {
  it('gets no CORS grant, not even to a preflight', async () => {
    await start();
    const preflight = await request('OPTIONS', '/api/clients.list', {
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization, content-type',
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);

    const call = await request('POST', '/api/clients.list', {
      Origin: 'https://evil.example',
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    }, '{}');
    expect(call.status).toBe(403);
    expect(Object.keys(call.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('a damaged database in browser mode', () => {
  it('serves the UI, answers data calls with 503 database_corrupt, and lets backups be listed', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(databasePath(dataDir), 'not a database '.repeat(300));
    await start();

    expect((await request('GET', '/', {})).status).toBe(200);
    const data = await api('clients.list');
    expect(data.status).toBe(503);
    expect(JSON.parse(data.text)).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
    const status = await api('system.status');
    expect(JSON.parse(status.text)).toMatchObject({ ok: true, value: { state: 'recovery' } });
    expect(JSON.parse((await api('backups.list', { check: true })).text)).toEqual({ ok: true, value: [] });
  });
});
