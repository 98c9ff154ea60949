// app://kartlegg/ serves only files inside the renderer build folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createAppRequestHandler,
  registerAppProtocol,
  registerAppScheme,
  resolveAppRequest,
} from '../../src-main/app-protocol';
import { contentSecurityPolicy } from '../../src-main/security';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-app-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kartlegg</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(path.join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), 'woff2');
  writeFileSync(path.join(root, 'assets', 'tool.exe'), 'MZ');
  writeFileSync(path.join(root, 'assets', 'Ære og å.svg'), '<svg/>');
  writeFileSync(path.join(base, 'secret.txt'), 'secret');
  mkdirSync(path.join(base, 'renderer-evil'));
  writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
  try {
    symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  } catch {
    // Symlinks may need privileges on Windows; the symlink test then skips.
  }
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppRequest', () => {
  it.each([
    ['app://kartlegg/', 'index.html'],
    ['app://kartlegg/index.html', 'index.html'],
    ['app://kartlegg/index.html?x=1#/clients', 'index.html'],
    ['app://kartlegg/assets/app.js', 'assets/app.js'],
    ['app://kartlegg/assets/%C3%86re%20og%20%C3%A5.svg', 'assets/Ære og å.svg'],
  ])('maps %s to %s', (url, relative) => {
    const resolved = resolveAppRequest(url, root);
    expect(resolved).toMatchObject({ ok: true, filePath: path.join(root, relative) });
  });

  it('serves HTML with the CSP header and nosniff', () => {
    const resolved = resolveAppRequest('app://kartlegg/index.html', root);
    if (!resolved.ok) throw new Error(resolved.reason);
    expect(resolved.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(resolved.headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(resolved.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/style.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
  ])('gives %s the content type %s and no CSP header', (file, contentType) => {
    const resolved = resolveAppRequest(`app://kartlegg/${file}`, root);
    if (!resolved.ok) throw new Error(resolved.reason);
    expect(resolved.headers['Content-Type']).toBe(contentType);
    expect(resolved.headers['Content-Security-Policy']).toBeUndefined();
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a lookalike host', 'app://kartlegg.evil/index.html'],
    ['a host with a port', 'app://kartlegg:1234/index.html'],
    ['credentials', 'app://user:pw@kartlegg/index.html'],
    ['another scheme', 'https://kartlegg/index.html'],
    ['file:', 'file:///etc/passwd'],
    ['an unparsable URL', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppRequest(url, root).ok).toBe(false);
  });

  it.each([
    'app://kartlegg/../secret.txt',
    'app://kartlegg/assets/../../secret.txt',
    'app://kartlegg/%2e%2e/secret.txt',
    'app://kartlegg/%2E%2E/secret.txt',
    'app://kartlegg/.%2e/secret.txt',
    'app://kartlegg/%2e%2e%2fsecret.txt',
    'app://kartlegg/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kartlegg/%2e%2e%5csecret.txt',
    'app://kartlegg/..\\secret.txt',
    'app://kartlegg/assets\\..\\..\\secret.txt',
    'app://kartlegg/%252e%252e/secret.txt',
    'app://kartlegg/..%2f..%2frenderer-evil%2fx.js',
    'app://kartlegg/../renderer-evil/x.js',
  ])('never serves a file outside the root: %s', (url) => {
    const resolved = resolveAppRequest(url, root);
    if (resolved.ok) {
      // WHATWG URL parsing may already have removed the dot segments; what remains must stay inside.
      expect(path.relative(root, resolved.filePath).startsWith('..')).toBe(false);
    }
    expect(resolved.ok).toBe(false);
  });

  it.each([
    ['an encoded separator', 'app://kartlegg/assets%2fapp.js'],
    ['an encoded absolute path', 'app://kartlegg/%2Fetc%2Fpasswd'],
    ['an empty segment', 'app://kartlegg//etc/passwd'],
    ['a Windows drive', 'app://kartlegg/C:%5CWindows%5Cwin.ini'],
    ['a Windows drive, unencoded', 'app://kartlegg/C:/Windows/win.ini'],
    ['a UNC path', 'app://kartlegg/%5C%5Cserver%5Cshare%5Cx.js'],
    ['a NUL byte', 'app://kartlegg/index.html%00.js'],
  ])('refuses %s with 403', (_name, url) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a directory with a trailing slash', () => {
    expect(resolveAppRequest('app://kartlegg/assets/', root).ok).toBe(false);
  });

  it('refuses broken percent-encoding with 400', () => {
    expect(resolveAppRequest('app://kartlegg/%E0%A4%A.js', root)).toMatchObject({ ok: false, status: 400 });
  });

  it.each([
    ['a missing file', 'app://kartlegg/missing.js'],
    ['a directory', 'app://kartlegg/assets'],
    ['an unlisted file type', 'app://kartlegg/assets/tool.exe'],
  ])('answers 404 for %s', (_name, url) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ ok: false, status: 404 });
  });

  it('asks the injected file check', () => {
    const isFile = vi.fn().mockReturnValue(true);
    const resolved = resolveAppRequest('app://kartlegg/virtual.js', '/nowhere/renderer', isFile);
    expect(resolved).toMatchObject({ ok: true, filePath: path.resolve('/nowhere/renderer/virtual.js') });
    expect(isFile).toHaveBeenCalledWith(path.resolve('/nowhere/renderer/virtual.js'));
  });
});

describe('createAppRequestHandler', () => {
  it('serves a file with its headers', async () => {
    const handler = createAppRequestHandler(root);
    const response = await handler(new Request('app://kartlegg/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toContain('<title>Kartlegg</title>');
  });

  it('answers HEAD without a body', async () => {
    const response = await createAppRequestHandler(root)(new Request('app://kartlegg/assets/app.js', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods with 405', async () => {
    const response = await createAppRequestHandler(root)(
      new Request('app://kartlegg/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });

  it('refuses traversal and foreign hosts without reading anything', async () => {
    const readAppFile = vi.fn();
    const handler = createAppRequestHandler(root, readAppFile);
    expect((await handler(new Request('app://kartlegg/%2e%2e%2fsecret.txt'))).status).toBe(403);
    expect((await handler(new Request('app://evil/index.html'))).status).toBe(403);
    expect((await handler(new Request('app://kartlegg/missing.js'))).status).toBe(404);
    expect(readAppFile).not.toHaveBeenCalled();
  });

  it('refuses a symlink that points outside the root', async (ctx) => {
    const link = path.join(root, 'assets', 'link.txt');
    const { existsSync, lstatSync } = await import('node:fs');
    if (!existsSync(link) || !lstatSync(link).isSymbolicLink()) ctx.skip('symlinks are not available here');
    const response = await createAppRequestHandler(root)(new Request('app://kartlegg/assets/link.txt'));
    expect(response.status).toBe(403);
  });

  it('answers 404 when the file vanishes between check and read', async () => {
    const readAppFile = vi.fn().mockRejectedValue(Object.assign(new Error('gone'), { code: 'ENOENT' }));
    const response = await createAppRequestHandler(root, readAppFile)(new Request('app://kartlegg/index.html'));
    expect(response.status).toBe(404);
  });
});

describe('scheme registration', () => {
  it('registers app: as a standard, secure, fetch-capable scheme', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('handles the app scheme', async () => {
    const handle = vi.fn();
    registerAppProtocol({ handle }, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('app://kartlegg/'))).status).toBe(200);
  });
});
