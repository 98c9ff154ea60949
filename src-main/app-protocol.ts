// Serves the built renderer (out/renderer) on app://kartlegg/ and refuses every request outside it.
import { readFile } from 'node:fs';
import { promisify } from 'node:util';
import type { Protocol } from 'electron';
import { isInsideReal, isRegularFile, resolveRendererFile, type IsFile, type RendererFileResolution } from './renderer-files';
import { APP_HOST, APP_SCHEME } from './security';

const readFileAsync = promisify(readFile);
// Response wants bytes backed by a plain ArrayBuffer; a fresh Uint8Array over the file's bytes is one.
const readBytes = async (filePath: string) => new Uint8Array(await readFileAsync(filePath));

export type AppRequestResolution = RendererFileResolution;

/** Maps `app://kartlegg/<path>` to a file inside rootDir, or says why not. */
export function resolveAppRequest(url: string, rootDir: string, isFile: IsFile = isRegularFile): AppRequestResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'unparsable URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { ok: false, status: 403, reason: 'foreign origin' };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, status: 403, reason: 'credentials in URL' };
  }
  return resolveRendererFile(parsed.pathname, rootDir, isFile);
}

export type ReadAppFile = (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;

/** The request handler for `protocol.handle('app', ...)`; only GET and HEAD are answered. */
export function createAppRequestHandler(
  rootDir: string,
  readAppFile: ReadAppFile = readBytes,
  isFile: IsFile = isRegularFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed');
    }
    const resolved = resolveAppRequest(request.url, rootDir, isFile);
    if (!resolved.ok) return textResponse(resolved.status, statusText(resolved.status));
    if (!isInsideReal(rootDir, resolved.filePath)) return textResponse(403, 'Forbidden');
    try {
      const body = request.method === 'HEAD' ? null : await readAppFile(resolved.filePath);
      return new Response(body, { status: 200, headers: resolved.headers });
    } catch {
      return textResponse(404, 'Not Found');
    }
  };
}

function statusText(status: number): string {
  return { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error';
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** Must run before app 'ready': makes app:// a standard, secure origin that fetch() may use. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export interface HandlingProtocol {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** Runs after app 'ready'. */
export function registerAppProtocol(protocol: HandlingProtocol, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}
