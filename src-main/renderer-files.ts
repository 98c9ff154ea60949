// Finds the file of the built renderer that a request path names, refusing anything outside it;
// shared by the app:// protocol (Electron) and the browser-mode server.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy } from './security';

/** Only these file types are served; anything else in the build folder is refused. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export type RendererFileResolution =
  | { ok: true; filePath: string; headers: Record<string, string> }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/** Whether a path is an existing regular file; injectable so tests need not touch the disk. */
export type IsFile = (filePath: string) => boolean;

export const isRegularFile: IsFile = (filePath) => {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
};

/**
 * Maps a URL path (still percent-encoded) to a file inside rootDir, or says why not. "/" is
 * index.html; folders are never listed. Each segment is decoded and checked on its own, so
 * `%2e%2e`, `%2f`, `%5c` and backslashes cannot climb out; the final path must lie under rootDir.
 */
export function resolveRendererFile(pathname: string, rootDir: string, isFile: IsFile = isRegularFile): RendererFileResolution {
  const rawPath = pathname === '/' || pathname === '' ? '/index.html' : pathname;
  if (!rawPath.startsWith('/')) return { ok: false, status: 400, reason: 'relative path' };

  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'bad percent-encoding' };
    }
    if (!isSafeSegment(segment)) return { ok: false, status: 403, reason: 'unsafe path segment' };
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  if (!isInside(root, filePath)) return { ok: false, status: 403, reason: 'outside root' };

  const contentType = CONTENT_TYPES[path.extname(filePath).toLowerCase()];
  if (contentType === undefined) return { ok: false, status: 404, reason: 'unknown file type' };
  if (!isFile(filePath)) return { ok: false, status: 404, reason: 'not found' };

  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = contentSecurityPolicy;
  return { ok: true, filePath, headers };
}

function isSafeSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..') return false;
  // Separators, NUL, and ':' (Windows drive letters and alternate data streams) never belong in a name.
  return !/[/\\\0:]/.test(segment);
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Same check after resolving symlinks, so a link in the build folder cannot point outside it. */
export function isInsideReal(root: string, filePath: string): boolean {
  try {
    return isInside(realpathSync(root), realpathSync(filePath));
  } catch {
    return false;
  }
}
