// Electron lockdown rules, exercised with fake WebContents and Session objects.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  contentSecurityPolicy,
  DENIED_NAVIGATION_EVENTS,
  EXTERNAL_URL_ALLOW_LIST,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  isAllowedRequestUrl,
  isTrustedSender,
  secureWebPreferences,
  type HardenableContents,
  type HardenableSession,
  type SenderFrame,
} from '../../src-main/security';

const INDEX_HTML = fileURLToPath(new URL('../../src-renderer/index.html', import.meta.url));

describe('secureWebPreferences', () => {
  it('locks the renderer down and sets the preload', () => {
    const prefs = secureWebPreferences('/app/out/preload/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('turns off middle-click (auxclick), which would otherwise ask for new windows', () => {
    expect(secureWebPreferences('/p.cjs').disableBlinkFeatures).toBe('Auxclick');
  });

  it('enables devtools only when asked', () => {
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });
});

describe('contentSecurityPolicy', () => {
  it('denies everything by default and allows only same-origin scripts, styles, fonts and connections', () => {
    const directives = contentSecurityPolicy.split(';').map((d) => d.trim());
    expect(directives).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]);
  });

  it('equals the meta CSP in src-renderer/index.html', (ctx) => {
    if (!existsSync(INDEX_HTML)) {
      ctx.skip('src-renderer/index.html does not exist yet; this check runs once the renderer lands');
    }
    const html = readFileSync(INDEX_HTML, 'utf8');
    const meta = /<meta\s+[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
    expect(meta, 'index.html has a <meta http-equiv="Content-Security-Policy"> tag').toBeDefined();
    const content = /content=(["'])([\s\S]*?)\1/i.exec(meta ?? '')?.[2] ?? '';
    expect(content.replace(/\s+/g, ' ').trim()).toBe(contentSecurityPolicy);
  });
});

describe('isTrustedSender', () => {
  const ownMain: SenderFrame = { url: 'app://kartlegg/index.html', parent: null, processId: 4, routingId: 1 };
  const frame = (overrides: Partial<SenderFrame>): SenderFrame => ({ ...ownMain, ...overrides });

  it('trusts the main frame of our window on app://kartlegg', () => {
    expect(isTrustedSender(ownMain, ownMain)).toBe(true);
    expect(isTrustedSender(frame({ url: 'app://kartlegg/index.html#/clients?x=1' }), ownMain)).toBe(true);
  });

  it('trusts an equal frame object for the same process and routing id', () => {
    expect(isTrustedSender(frame({}), ownMain)).toBe(true);
  });

  it.each([
    ['another origin', 'https://evil.test/index.html'],
    ['file://', 'file:///C:/app/out/renderer/index.html'],
    ['app://evil', 'app://evil/index.html'],
    ['app host with suffix', 'app://kartlegg.evil/index.html'],
    ['app host with port', 'app://kartlegg:8080/index.html'],
    ['credentials', 'app://user:pw@kartlegg/index.html'],
    ['http with the same host name', 'http://kartlegg/index.html'],
    ['about:blank', 'about:blank'],
    ['empty URL', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    const other = frame({ url });
    expect(isTrustedSender(other, other)).toBe(false);
  });

  it('refuses a subframe, even on app://kartlegg', () => {
    expect(isTrustedSender(frame({ parent: ownMain, routingId: 2 }), ownMain)).toBe(false);
  });

  it('refuses the main frame of another window', () => {
    expect(isTrustedSender(frame({ processId: 9, routingId: 1 }), ownMain)).toBe(false);
    expect(isTrustedSender(frame({ routingId: 7 }), ownMain)).toBe(false);
  });

  it('refuses when there is no sender frame or no window', () => {
    expect(isTrustedSender(null, ownMain)).toBe(false);
    expect(isTrustedSender(undefined, ownMain)).toBe(false);
    expect(isTrustedSender(ownMain, null)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  const allowList = ['example.com'];

  it('allows https on an allow-listed host', () => {
    expect(isAllowedExternalUrl('https://example.com/', allowList)).toBe(true);
    expect(isAllowedExternalUrl('https://EXAMPLE.com/path?q=1#x', allowList)).toBe(true);
  });

  it.each([
    ['http', 'http://example.com/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: dressed as the host', 'javascript://example.com/%0aalert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['mailto:', 'mailto:a@example.com'],
    ['ftp:', 'ftp://example.com/'],
    ['https with user and password', 'https://user:pass@example.com/'],
    ['https with user only', 'https://user@example.com/'],
    ['https host not on the list', 'https://other.test/'],
    ['lookalike host with suffix', 'https://example.com.evil.test/'],
    ['lookalike host with prefix', 'https://evilexample.com/'],
    ['subdomain', 'https://www.example.com/'],
    ['trailing-dot host', 'https://example.com./'],
    ['non-default port', 'https://example.com:8443/'],
    ['unparsable', 'https//example.com'],
    ['empty', ''],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url, allowList)).toBe(false);
  });

  it('refuses everything with the shipped (empty) allow-list', () => {
    expect(EXTERNAL_URL_ALLOW_LIST).toEqual([]);
    expect(isAllowedExternalUrl('https://example.com/', EXTERNAL_URL_ALLOW_LIST)).toBe(false);
  });
});

type Listener = (event: { preventDefault(): void; url?: string }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      windowOpenHandler = handler;
    },
  };
  return {
    contents: contents as unknown as HardenableContents,
    emit(event: string, url = 'https://evil.test/') {
      const preventDefault = vi.fn();
      for (const listener of listeners.get(event) ?? []) listener({ preventDefault, url });
      return preventDefault;
    },
    openWindow(url: string) {
      if (!windowOpenHandler) throw new Error('no window open handler');
      return windowOpenHandler({ url });
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('hardenWebContents', () => {
  it.each(DENIED_NAVIGATION_EVENTS)('prevents %s', (eventName) => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, { openExternal: vi.fn(), allowList: [] });
    expect(fake.emit(eventName)).toHaveBeenCalledTimes(1);
  });

  it('prevents navigation even to our own origin', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, { openExternal: vi.fn(), allowList: [] });
    expect(fake.emit('will-navigate', 'app://kartlegg/index.html')).toHaveBeenCalledTimes(1);
  });

  it('covers all four navigation events', () => {
    expect([...DENIED_NAVIGATION_EVENTS].sort()).toEqual(
      ['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'].sort(),
    );
  });

  it.each([
    'http://example.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,hi',
    'https://user:pw@example.com/',
    'https://not-listed.test/',
    'https://example.com.evil.test/',
    'app://kartlegg/index.html',
    'about:blank',
  ])('denies a new window for %s and does not open it externally', async (url) => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    const onDenied = vi.fn();
    hardenWebContents(fake.contents, { openExternal, allowList: ['example.com'], onDenied });
    expect(fake.openWindow(url)).toEqual({ action: 'deny' });
    await flush();
    expect(openExternal).not.toHaveBeenCalled();
    expect(onDenied).toHaveBeenCalledWith('new-window', url);
  });

  it('denies the new window but opens an allow-listed https URL in the system browser', async () => {
    const fake = fakeContents();
    const openExternal = vi.fn().mockResolvedValue(undefined);
    hardenWebContents(fake.contents, { openExternal, allowList: ['example.com'] });
    expect(fake.openWindow('https://example.com/help')).toEqual({ action: 'deny' });
    await flush();
    expect(openExternal).toHaveBeenCalledWith('https://example.com/help');
  });

  it('survives a failing openExternal', async () => {
    const fake = fakeContents();
    const onDenied = vi.fn();
    const openExternal = vi.fn().mockRejectedValue(new Error('no browser'));
    hardenWebContents(fake.contents, { openExternal, allowList: ['example.com'], onDenied });
    expect(fake.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    await flush();
    expect(onDenied).toHaveBeenCalledWith('open-external-failed', 'https://example.com/');
  });
});

function fakeSession() {
  const handlers: {
    request?: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: () => boolean;
    device?: () => boolean;
    beforeRequest?: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  } = {};
  const session: HardenableSession = {
    setPermissionRequestHandler: (handler) => void (handlers.request = handler),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler),
    setDevicePermissionHandler: (handler) => void (handlers.device = handler),
    webRequest: { onBeforeRequest: (listener) => void (handlers.beforeRequest = listener) },
  };
  return { session, handlers };
}

describe('hardenSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown'])(
    'denies the %s permission request',
    (permission) => {
      const { session, handlers } = fakeSession();
      hardenSession(session);
      const callback = vi.fn();
      handlers.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('denies permission checks and device permissions', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    expect(handlers.check?.()).toBe(false);
    expect(handlers.device?.()).toBe(false);
  });

  it.each([
    'http://example.com/',
    'https://example.com/',
    'ws://127.0.0.1:8080/',
    'wss://example.com/',
    'ftp://example.com/',
    'file:///etc/passwd',
    'chrome-extension://abc/x.js',
    'not a url',
  ])('cancels a request to %s', (url) => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    const callback = vi.fn();
    handlers.beforeRequest?.({ url }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
  });

  it.each(['app://kartlegg/index.html', 'app://kartlegg/assets/app.js', 'devtools://devtools/bundled/inspector.html'])(
    'lets %s through',
    (url) => {
      const { session, handlers } = fakeSession();
      hardenSession(session);
      const callback = vi.fn();
      handlers.beforeRequest?.({ url }, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: false });
      expect(isAllowedRequestUrl(url)).toBe(true);
    },
  );
});
