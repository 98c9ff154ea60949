// Lockdown rules for the Electron shell: web preferences, CSP, IPC sender trust, navigation, permissions and network.
import type { WebPreferences } from 'electron';

/** Origin of the bundled renderer, served by app-protocol.ts. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kartlegg';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must equal the meta CSP in src-renderer/index.html (a unit test compares them). */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Hosts whose https URLs may be opened in the system browser. Empty: the app links nowhere. */
export const EXTERNAL_URL_ALLOW_LIST: readonly string[] = [];

/** Schemes the session may load; everything else (http, https, ws, file, ftp, ...) is cancelled. */
export const ALLOWED_REQUEST_SCHEMES: readonly string[] = [`${APP_SCHEME}:`, 'devtools:'];

export function secureWebPreferences(preloadPath: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
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
    // A middle click on a link would ask for a new window; the window handler denies it anyway.
    disableBlinkFeatures: 'Auxclick',
    devTools: options.devTools ?? false,
  };
}

/** The parts of Electron's WebFrameMain the IPC sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
  readonly processId: number;
  readonly routingId: number;
}

/**
 * True only for the main frame of our own window showing app://kartlegg.
 * `ownMainFrame` is the window's current `webContents.mainFrame` (null when there is no window).
 * The origin is checked by parsing, because WHATWG URL reports origin "null" for custom schemes.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  ownMainFrame: SenderFrame | null | undefined,
): boolean {
  if (!frame || !ownMainFrame) return false;
  if (frame.parent !== null) return false;
  const sameFrame =
    frame === ownMainFrame ||
    (frame.processId === ownMainFrame.processId && frame.routingId === ownMainFrame.routingId);
  if (!sameFrame) return false;
  return isAppOriginUrl(frame.url);
}

export function isAppOriginUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Only parsed https URLs without credentials whose exact host (incl. port) is allow-listed. */
export function isAllowedExternalUrl(url: string, allowList: readonly string[]): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const allowed = new Set(allowList.map((host) => host.toLowerCase()));
  return allowed.has(parsed.host);
}

function parseUrl(url: string): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

interface PreventableEvent {
  preventDefault(): void;
}

type NavigationEventName = 'will-navigate' | 'will-redirect' | 'will-attach-webview' | 'will-frame-navigate';

export const DENIED_NAVIGATION_EVENTS: readonly NavigationEventName[] = [
  'will-navigate',
  'will-redirect',
  'will-attach-webview',
  'will-frame-navigate',
];

/** The parts of Electron's WebContents that hardenWebContents touches (one overload per event, as Electron declares them). */
export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardenContentsDeps {
  openExternal(url: string): Promise<void> | void;
  allowList: readonly string[];
  /** Reports a refused navigation or window; defaults to silence. */
  onDenied?(what: string, url: string): void;
}

export function hardenWebContents(contents: HardenableContents, deps: HardenContentsDeps): void {
  const deny = (what: NavigationEventName) => (event: PreventableEvent) => {
    event.preventDefault();
    deps.onDenied?.(what, describeEventUrl(event));
  };
  // Separate calls because the overloads cannot take a union of event names.
  contents.on('will-navigate', deny('will-navigate'));
  contents.on('will-redirect', deny('will-redirect'));
  contents.on('will-attach-webview', deny('will-attach-webview'));
  contents.on('will-frame-navigate', deny('will-frame-navigate'));

  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, deps.allowList)) {
      // Fire and forget: a failing system browser must not break the window handler.
      void Promise.resolve()
        .then(() => deps.openExternal(url))
        .catch(() => deps.onDenied?.('open-external-failed', url));
    } else {
      deps.onDenied?.('new-window', url);
    }
    return { action: 'deny' };
  });
}

function describeEventUrl(event: PreventableEvent): string {
  const url = (event as { url?: unknown }).url;
  return typeof url === 'string' ? url : '';
}

interface BeforeRequestDetails {
  url: string;
}

/** The parts of Electron's Session that hardenSession touches. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(
      listener: (details: BeforeRequestDetails, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
  };
}

export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && ALLOWED_REQUEST_SCHEMES.includes(parsed.protocol);
}

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
