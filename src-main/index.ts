// Electron shell only: single instance, app:// protocol, lockdown, the one window, menu, and runtime lifecycle.
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
  type MenuItemConstructorOptions,
} from 'electron';
import type { RuntimeHost } from './runtime-host/host';
import { openElectronRuntimeHost } from './runtime-host/electron-host';
import { registerAppProtocol, registerAppScheme } from './app-protocol';
import { AppError } from './core/errors';
import { registerApiIpc } from './ipc';
import { registerSaveFileIpc } from './save-file-ipc';
import { safeStorageCredentials, useTeamCredentials } from './team/credentials';
import {
  APP_ORIGIN,
  EXTERNAL_URL_ALLOW_LIST,
  hardenSession,
  hardenWebContents,
  isTrustedSender,
  secureWebPreferences,
} from './security';

// Emitted as out/main/index.cjs, next to out/preload/ and out/renderer/.
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(mainDir, '../preload/preload.cjs');
const runtimeWorkerPath = path.join(mainDir, 'runtime-worker.cjs');
const rendererDir = path.join(mainDir, '../renderer');
const START_URL = `${APP_ORIGIN}/index.html`;

let mainWindow: BrowserWindow | null = null;
let runtimeOpening: Promise<RuntimeHost | null> | null = null;
let shutdown: 'running' | 'closing' | 'done' = 'running';

if (!app.requestSingleInstanceLock()) {
  // The first instance owns the database; it gets focused through 'second-instance'.
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme(protocol);
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      openExternal: (url) => shell.openExternal(url),
      allowList: EXTERNAL_URL_ALLOW_LIST,
      onDenied: (what, url) => console.warn(`[security] denied ${what}${url ? `: ${url}` : ''}`),
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', closeRuntimeBeforeQuit);
  app.whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

async function start(): Promise<void> {
  registerAppProtocol(protocol, rendererDir);
  hardenSession(session.defaultSession);

  runtimeOpening = openRuntime();
  const runtime = await runtimeOpening;
  // A quit during startup already owns the runtime's closing; open no window.
  if (runtime === null || shutdown !== 'running') return;

  registerApiIpc(ipcMain, runtime, (frame) => isTrustedSender(frame, currentMainFrame()));
  registerSaveFileIpc(
    ipcMain,
    {
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      writeFile: writeFileAside,
      showItemInFolder: (filePath) => shell.showItemInFolder(filePath),
    },
    (frame) => isTrustedSender(frame, currentMainFrame()),
    () => app.getPath('documents'),
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu(app.isPackaged)));
  createMainWindow();
}

/** The API runtime runs in a utilityProcess: SQLite, reports and imports never hold up this process. */
async function openRuntime(): Promise<RuntimeHost | null> {
  const appRoot = app.isPackaged ? process.resourcesPath : app.getAppPath();
  const nativeBinding = path.join(appRoot, 'native', 'electron', 'better_sqlite3.node');
  const dataDir = app.getPath('userData');
  // The team server password (optional sync) is kept encrypted by the operating system's key store.
  useTeamCredentials(safeStorageCredentials(safeStorage, dataDir));
  try {
    return await openElectronRuntimeHost({
      electron: { utilityProcess, MessageChannelMain },
      entry: runtimeWorkerPath,
      options: {
        dataDir,
        appRoot,
        // In a packaged app package.json sits inside app.asar, not in resourcesPath.
        version: app.getVersion(),
        ...(existsSync(nativeBinding) ? { nativeBinding } : {}),
      },
    });
  } catch (error) {
    dialog.showErrorBox('Kartlegg', runtimeFailureMessage(dataDir, error));
    app.exit(1);
    return null;
  }
}

function runtimeFailureMessage(dataDir: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const code = error instanceof AppError ? error.code : undefined;
  const [norwegian, english] =
    code === 'database_too_new'
      ? [
          'Databasen er laget av en nyere versjon av Kartlegg. Oppdater Kartlegg for å åpne den.',
          'The database was made by a newer version of Kartlegg. Update Kartlegg to open it.',
        ]
      : code === 'database_locked'
        ? [
            'Datamappen er låst eller i bruk av et annet program. Lukk det andre programmet og prøv igjen.',
            'The data folder is locked or in use by another program. Close the other program and try again.',
          ]
        : [
            'Mulige årsaker: databasen er laget av en nyere versjon av Kartlegg, eller datamappen er låst eller i bruk.',
            'Possible causes: the database was made by a newer version of Kartlegg, or the data folder is locked or in use.',
          ];
  return [
    'Kartlegg kunne ikke åpne dataene sine og avslutter.',
    norwegian,
    '',
    'Kartlegg could not open its data and will quit.',
    english,
    '',
    `Datamappe / Data folder: ${dataDir}`,
    `Feil / Error: ${detail}`,
  ].join('\n');
}

function createMainWindow(): void {
  const window = new BrowserWindow({
    title: 'Kartlegg',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, { devTools: !app.isPackaged }),
  });
  window.once('ready-to-show', () => window.show());
  // The interview screen blocks unload while answers are still being written; ask instead of
  // silently refusing to close.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Vent / Wait', 'Lukk likevel / Close anyway'],
      defaultId: 0,
      cancelId: 0,
      title: 'Kartlegg',
      message: 'Noen endringer er ikke lagret ennå. / Some changes are not saved yet.',
    });
    if (choice === 1) event.preventDefault();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  window.loadURL(START_URL).catch((error: unknown) => console.error(`[window] could not load ${START_URL}`, error));
}

function currentMainFrame() {
  if (mainWindow === null || mainWindow.isDestroyed()) return null;
  return mainWindow.webContents.mainFrame;
}

function focusMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

// Electron does not wait for async 'before-quit' listeners: hold the quit, close the database, quit again.
function closeRuntimeBeforeQuit(event: { preventDefault(): void }): void {
  if (shutdown === 'done' || runtimeOpening === null) return;
  event.preventDefault();
  if (shutdown === 'closing') return;
  shutdown = 'closing';
  runtimeOpening
    .then((runtime) => runtime?.close())
    .catch((error: unknown) => console.error('[shutdown] closing the API runtime failed', error))
    .finally(() => {
      shutdown = 'done';
      app.quit();
    });
}

function fail(error: unknown): void {
  dialog.showErrorBox('Kartlegg', `Kartlegg kunne ikke starte. / Kartlegg could not start.\n\n${String(error)}`);
  app.exit(1);
}

function applicationMenu(isPackaged: boolean): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin';
  const viewItems: MenuItemConstructorOptions[] = [
    { role: 'reload', label: 'Last inn på nytt' },
    { type: 'separator' },
    { role: 'resetZoom', label: 'Faktisk størrelse' },
    { role: 'zoomIn', label: 'Zoom inn' },
    { role: 'zoomOut', label: 'Zoom ut' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Fullskjerm' },
  ];
  if (!isPackaged) viewItems.push({ type: 'separator' }, { role: 'toggleDevTools', label: 'Utviklerverktøy' });
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: 'Fil', submenu: [isMac ? { role: 'close', label: 'Lukk vindu' } : { role: 'quit', label: 'Avslutt' }] },
    {
      label: 'Rediger',
      submenu: [
        { role: 'undo', label: 'Angre' },
        { role: 'redo', label: 'Gjør om' },
        { type: 'separator' },
        { role: 'cut', label: 'Klipp ut' },
        { role: 'copy', label: 'Kopier' },
        { role: 'paste', label: 'Lim inn' },
        { role: 'selectAll', label: 'Merk alt' },
      ],
    },
    { label: 'Vis', submenu: viewItems },
    { role: 'windowMenu', label: 'Vindu' },
  ];
}

/** Written aside and renamed, so a full disk never leaves half a report under the chosen name. */
async function writeFileAside(filePath: string, bytes: Buffer): Promise<void> {
  const partial = `${filePath}.partial`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, filePath);
  } finally {
    await rm(partial, { force: true });
  }
}
