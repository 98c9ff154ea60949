// Browser mode over real HTTP: token, Host and Origin checks, JSON only, size limit, and static files
// that never reach outside the renderer folder.
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import { findAppRoot } from '../../src-main/paths';
import { contentSecurityPolicy } from '../../src-main/security';
import { type BrowserServer, startBrowserServer } from '../../src-main/server/http-server';
import { makeTempDir, removeTempDir, snapshotDataFolder } from './fixtures/data-folder';

const token = 'test-token-0123456789abcdef';
const maxBodyBytes = 4096;
const secret = 'SECRET-outside-the-renderer-folder';
const indexHtml = '<!doctype html><title>Kartlegg</title><div id="root"></div>';
const appJs = 'console.log("kartlegg");';

let baseDir: string;
let dataDir: string;
let runtime: ApiRuntime;
let server: BrowserServer;
let host: string;

beforeAll(async () => {
  baseDir = makeTempDir();
  dataDir = path.join(baseDir, 'data');
  const staticDir = path.join(baseDir, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), indexHtml);
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), appJs);
  writeFileSync(path.join(baseDir, 'secret.txt'), secret);
  symlinkSync(path.join(baseDir, 'secret.txt'), path.join(staticDir, 'linked.txt'));

  runtime = await openApiRuntime({ dataDir, appRoot: findAppRoot(), log: () => {} });
  const created = await runtime.call('clients.create', { name: 'Renhold Vest AS', orgNumber: '923609016' });
  expect(created.ok).toBe(true);
  server = await startBrowserServer({ runtime, staticDir, port: 0, token, maxBodyBytes });
  host = `127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  await runtime?.close();
  removeTempDir(baseDir);
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

interface RequestOptions {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  /** Written as one piece with a Content-Length, or as several chunks (Transfer-Encoding: chunked). */
  body?: string | string[];
}

/** One HTTP request through node:http, so Host, Origin and the raw path are whatever the test says. */
function send(options: RequestOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...options.headers };
    if (typeof options.body === 'string') headers['Content-Length'] = Buffer.byteLength(options.body);
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    for (const chunk of typeof options.body === 'string' ? [options.body] : (options.body ?? [])) req.write(chunk);
    req.end();
  });
}

/** A request written byte for byte on a socket, for paths a client library might tidy up. */
function sendRaw(requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write(`${requestLine}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

const auth = () => ({ Authorization: `Bearer ${token}` });
const json = { 'Content-Type': 'application/json' };

function callApi(method: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return send({ method: 'POST', path: `/api/${method}`, headers: { ...auth(), ...json, ...headers }, body });
}

function errorOf(reply: Reply): { code: string; message: string; issues?: { path: string; key?: string }[] } {
  const body = JSON.parse(reply.text) as { ok: boolean; error: { code: string; message: string } };
  expect(body.ok).toBe(false);
  return body.error;
}

describe('the API over HTTP', () => {
  it('answers a call with the right token', async () => {
    const reply = await callApi('clients.list', '{}');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const body = JSON.parse(reply.text) as { ok: true; value: { name: string }[] };
    expect(body).toMatchObject({ ok: true, value: [{ name: 'Renhold Vest AS' }] });
  });

  it('treats an empty body as an empty input', async () => {
    const reply = await callApi('settings.get', '');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true, value: { minGroupSize: 5 } });
  });

  it.each([
    ['127.0.0.1', () => host],
    ['localhost', () => `localhost:${server.port}`],
  ])('accepts the Host and Origin of %s', async (_name, ownHost) => {
    const reply = await callApi('system.verify', '{}', { Host: ownHost(), Origin: `http://${ownHost()}` });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${token}`);
  });
});

describe('refused requests', () => {
  let before: Record<string, unknown[]>;

  beforeAll(() => {
    before = snapshotDataFolder(dataDir);
  });

  afterEach(() => {
    expect(snapshotDataFolder(dataDir)).toEqual(before);
  });

  const createBody = JSON.stringify({ name: 'Inntrenger AS' });

  it.each<[string, Record<string, string>]>([
    ['no token', {}],
    ['a wrong token', { Authorization: `Bearer ${'x'.repeat(token.length)}` }],
    ['a token of another length', { Authorization: 'Bearer short' }],
    ['the token without Bearer', { Authorization: token }],
    ['another scheme', { Authorization: `Basic ${token}` }],
    ['the token with a character too many', { Authorization: `Bearer ${token}x` }],
    ['the token in lower case', { Authorization: `bearer ${token}` }],
  ])('401 with %s', async (_name, authorization) => {
    const reply = await send({ method: 'POST', path: '/api/clients.create', headers: { ...json, ...authorization }, body: createBody });
    expect(reply.status).toBe(401);
    expect(errorOf(reply).code).toBe('unauthorized');
  });

  it('401 with the token in the query string', async () => {
    const reply = await send({ method: 'POST', path: `/api/clients.create?token=${token}`, headers: json, body: createBody });
    expect(reply.status).toBe(401);
  });

  it.each([
    ['another name (DNS rebinding)', () => `evil.example:${server.port}`],
    ['another port', () => `127.0.0.1:${server.port + 1}`],
    ['no port', () => '127.0.0.1'],
    ['an IPv6 loopback name', () => `[::1]:${server.port}`],
  ])('403 for a Host header with %s, even with the token', async (_name, badHost) => {
    const reply = await callApi('clients.create', createBody, { Host: badHost() });
    expect(reply.status).toBe(403);
    expect(errorOf(reply).code).toBe('forbidden');
  });

  it('403 for a Host header with another name on a static file too', async () => {
    const reply = await send({ path: '/', headers: { Host: `evil.example:${server.port}` } });
    expect(reply.status).toBe(403);
    expect(reply.text).not.toContain(indexHtml);
  });

  it.each([
    ['another site', () => 'http://evil.example'],
    ['another site on our port', () => `http://evil.example:${server.port}`],
    ['https on our host', () => `https://${host}`],
    ['an opaque origin', () => 'null'],
  ])('403 for an Origin from %s, even with the token', async (_name, origin) => {
    const reply = await callApi('clients.create', createBody, { Origin: origin() });
    expect(reply.status).toBe(403);
    expect(errorOf(reply).code).toBe('forbidden');
  });

  it('400 for malformed JSON, saying so', async () => {
    const reply = await callApi('clients.create', '{"name": "Halv');
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toMatchObject({ code: 'bad_request', message: expect.stringContaining('not valid JSON') });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp'])(
    '400 for Content-Type %s',
    async (contentType) => {
      const reply = await callApi('clients.create', createBody, { 'Content-Type': contentType });
      expect(reply.status).toBe(400);
      expect(errorOf(reply)).toMatchObject({ code: 'bad_request', message: expect.stringContaining('application/json') });
    },
  );

  it('400 for no Content-Type', async () => {
    const reply = await send({ method: 'POST', path: '/api/clients.create', headers: auth(), body: createBody });
    expect(reply.status).toBe(400);
  });

  it('413 for a body declared larger than the limit', async () => {
    const body = JSON.stringify({ name: 'Stor AS', notes: 'n'.repeat(maxBodyBytes) });
    const reply = await callApi('clients.create', body);
    expect(reply.status).toBe(413);
    expect(errorOf(reply).code).toBe('payload_too_large');
  });

  it('413 for a chunked body that grows past the limit', async () => {
    const chunks = ['{"name": "Stor AS", "notes": "', ...Array.from({ length: 8 }, () => 'n'.repeat(maxBodyBytes / 4)), '"}'];
    const reply = await send({ method: 'POST', path: '/api/clients.create', headers: { ...auth(), ...json }, body: chunks });
    expect(reply.status).toBe(413);
  });

  it('400 with issues for invalid input', async () => {
    const reply = await callApi('clients.create', JSON.stringify({ name: 'x'.repeat(201), orgNumber: '923609017' }));
    expect(reply.status).toBe(400);
    const error = errorOf(reply);
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'name', key: 'tooLong' }),
        expect.objectContaining({ path: 'orgNumber', key: 'orgNumberCheckDigit' }),
      ]),
    );
  });

  it('409 for a duplicate organisation number', async () => {
    const reply = await callApi('clients.create', JSON.stringify({ name: 'Kopi AS', orgNumber: '923 609 016' }));
    expect(reply.status).toBe(409);
    expect(errorOf(reply).code).toBe('conflict');
  });

  it.each(['/api/clients.drop', '/api/constructor', '/api/clients/list', '/api/'])('404 for the unknown method %s', async (apiPath) => {
    const reply = await send({ method: 'POST', path: apiPath, headers: { ...auth(), ...json }, body: '{}' });
    expect(reply.status).toBe(404);
    expect(errorOf(reply).code).toBe('unknown_method');
  });

  it.each(['GET', 'PUT', 'DELETE'])('refuses %s on an API address', async (method) => {
    const reply = await send({ method, path: '/api/x', headers: auth() });
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toMatchObject({ code: 'bad_request', message: expect.stringContaining('POST') });
  });

  it('refuses GET on a real method, which must not read data without a POST', async () => {
    const reply = await send({ path: '/api/clients.list', headers: auth() });
    expect(reply.status).toBe(400);
    expect(reply.text).not.toContain('Renhold');
  });
});

describe('static files', () => {
  it('serves index.html at / with the Content-Security-Policy', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(indexHtml);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves a script with a JavaScript content type', async () => {
    const reply = await send({ path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(appJs);
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('answers HEAD without a body', async () => {
    const reply = await send({ method: 'HEAD', path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(appJs));
  });

  it.each(['/assets/', '/assets', '/missing.js', '/index.html/', '/assets/app.js/'])('404 for %s, never a folder listing', async (filePath) => {
    const reply = await send({ path: filePath });
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain('app.js"');
  });

  it('refuses POST to a static address', async () => {
    const reply = await send({ method: 'POST', path: '/', headers: json, body: '{}' });
    expect(reply.status).toBe(400);
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/%5c..%5csecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%00/../secret.txt',
    '/secret.txt',
    '/linked.txt',
  ])('never serves the secret for %s', async (attack) => {
    const reply = await send({ path: attack });
    expect(reply.status).not.toBe(200);
    expect(reply.text).not.toContain(secret);
  });

  it.each(['GET /../secret.txt HTTP/1.1', 'GET /assets/../../secret.txt HTTP/1.1', 'GET ../secret.txt HTTP/1.1'])(
    'never serves the secret for the raw request %j',
    async (requestLine) => {
      const response = await sendRaw(requestLine);
      expect(response).toMatch(/^HTTP\/1\.1 [45]\d\d /);
      expect(response).not.toContain(secret);
    },
  );
});

describe('the network', () => {
  function connectionError(address: string): Promise<string> {
    return new Promise((resolve) => {
      const socket = net.connect({ host: address, port: server.port, timeout: 3000 });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('timeout', () => {
        socket.destroy();
        resolve('timeout');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
  }

  // The server also refuses a request whose remote address is not a loopback address, but that check
  // cannot be exercised from this machine without a second address to connect from. What can be
  // checked: the socket is bound to 127.0.0.1, so this machine's own network address finds nothing.
  const externalIPv4 = Object.values(os.networkInterfaces())
    .flat()
    .find((info) => info !== undefined && info.family === 'IPv4' && !info.internal)?.address;

  it.skipIf(externalIPv4 === undefined)(`refuses connections on this machine's network address (${externalIPv4})`, async () => {
    expect(await connectionError(externalIPv4!)).toBe('ECONNREFUSED');
  });

  it('accepts connections on 127.0.0.1', async () => {
    expect(await connectionError('127.0.0.1')).toBe('connected');
  });

  it('does not listen on the IPv6 loopback', async () => {
    expect(await connectionError('::1')).not.toBe('connected');
  });
});
