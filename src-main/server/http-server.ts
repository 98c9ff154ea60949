// Browser mode: the same API registry over HTTP on 127.0.0.1, plus the built renderer's files.
// A call that asks for `Accept: application/x-ndjson` gets its progress as it comes, one JSON line each
// ({"progress":…}), then its result ({"result":…}); closing the connection cancels the call.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiRuntime } from '../api/runtime';
import type { ErrorCode, ErrorData } from '../core/errors';
import { isInsideReal, resolveRendererFile } from '../renderer-files';

export interface BrowserServerOptions {
  /** The API: in-process, or a runtime host whose runtime runs in another process. */
  runtime: Pick<ApiRuntime, 'call'>;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  /** Fixed only in tests; a fresh random token otherwise. */
  token?: string;
  maxBodyBytes?: number;
}

export interface BrowserServer {
  /** The address to open, with the token in the fragment so it never reaches a server log. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const statusByCode: Partial<Record<ErrorCode, number>> = {
  bad_request: 400,
  invalid_input: 400,
  invalid_file: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  cancelled: 409,
  payload_too_large: 413,
  database_too_new: 409,
  database_locked: 409,
  database_corrupt: 503,
  passphrase_required: 401,
  wrong_passphrase: 401,
  report_not_typeset: 500,
  internal: 500,
};

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendError(res: ServerResponse, code: ErrorCode, message: string): void {
  const error: ErrorData = { code, message };
  sendJson(res, statusByCode[code] ?? 500, { ok: false, error });
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve('too_large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? 20 * 1024 * 1024;
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 'bad_request', 'API calls are POST requests.');
    // Browsers send Origin on cross-origin POSTs; a page elsewhere must never reach the API.
    if (req.headers.origin !== undefined && !allowedOrigins.has(req.headers.origin)) {
      return sendError(res, 'forbidden', 'Requests from other origins are refused.');
    }
    if (!tokenMatches(req.headers.authorization, token)) {
      return sendError(res, 'unauthorized', 'A valid access token is required (open the address that "kartlegg serve" printed).');
    }
    if (!/^application\/json(;|$)/.test(req.headers['content-type'] ?? '')) {
      return sendError(res, 'bad_request', 'The request body must be JSON (Content-Type: application/json).');
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too_large') return sendError(res, 'payload_too_large', `The request is larger than ${maxBodyBytes} bytes.`);
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendError(res, 'bad_request', 'The request body is not valid JSON.');
    }
    // A caller that hangs up cancels its call where that is still safe.
    const cancel = new AbortController();
    res.once('close', () => {
      if (!res.writableEnded) cancel.abort();
    });
    if (!/^application\/x-ndjson(;|$)/.test(req.headers.accept ?? '')) {
      const result = await options.runtime.call(method, input, { signal: cancel.signal });
      return sendJson(res, result.ok ? 200 : (statusByCode[result.error.code] ?? 500), result);
    }
    res.writeHead(200, { ...securityHeaders, 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
    // Headers go now, so the caller sees the call has started before the first progress line.
    res.flushHeaders();
    const result = await options.runtime.call(method, input, {
      signal: cancel.signal,
      onProgress: (progress) => {
        if (!res.writableEnded) res.write(`${JSON.stringify({ progress })}\n`);
      },
    });
    if (!res.writableEnded) res.end(`${JSON.stringify({ result })}\n`);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'bad_request', 'Only GET is served here.');
    const file = resolveRendererFile(pathname, options.staticDir);
    if (!file.ok || !isInsideReal(options.staticDir, file.filePath)) return sendError(res, 'not_found', 'Not found.');
    const body = readFileSync(file.filePath);
    res.writeHead(200, { ...securityHeaders, ...file.headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    if (!loopbackAddresses.has(req.socket.remoteAddress ?? '')) {
      return sendError(res, 'forbidden', 'Only this computer may connect.');
    }
    // A DNS-rebinding page reaches us under its own host name; only our own names are answered.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return sendError(res, 'forbidden', 'Unexpected Host header.');
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', origin).pathname;
    } catch {
      return sendError(res, 'bad_request', 'Malformed request address.');
    }
    const api = /^\/api\/([A-Za-z0-9_.-]{1,100})$/.exec(pathname);
    if (api) {
      handleApi(req, res, api[1]).catch(() => {
        if (!res.headersSent) sendError(res, 'internal', 'The request failed.');
      });
      return;
    }
    if (pathname.startsWith('/api/')) return sendError(res, 'unknown_method', 'There is no such API method.');
    handleStatic(req, res, pathname);
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 10_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      origin = `http://127.0.0.1:${port}`;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
