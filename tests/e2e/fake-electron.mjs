// A stand-in for Electron, for running the built main process (out/main/index.cjs) and the runtime
// worker it starts under plain Node, where Electron itself cannot run (tests/e2e/main-bundle.spec.ts).
// Loaded with `node --import`: every `require('electron')` of the process gets the fake below.
//
// The main process: `app` is ready at once; the utility process is a Node child of the same worker
// file started with this module too, so that it sees `process.parentPort` as in Electron and gets
// its MessagePort over the child's IPC channel. When the window loads, the fake calls
// `clients.list` through the API's IPC handler as the window would, then quits the app. Every step
// is a JSON line on stdout.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { Module } from 'node:module';

const record = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

/** The worker's side in a "utility process": Electron's parentPort, over the IPC channel. */
function fakeParentPort() {
  return {
    once(event, listener) {
      process.once('message', (first) => {
        const port = {
          postMessage: (message) => process.send(message),
          on: (name, onMessage) => process.on(name, (message) => onMessage({ data: message })),
          start() {},
        };
        record({ step: 'port', role: 'utility' });
        listener({ data: first, ports: [port] });
      });
    },
  };
}

function fakeMainProcess() {
  const listeners = new Map();
  const handlers = new Map();
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    enableSandbox: () => record({ step: 'sandbox' }),
    on: (event, listener) => listeners.set(event, listener),
    whenReady: () => Promise.resolve(),
    getPath: (name) => (name === 'userData' ? process.env.FAKE_ELECTRON_USER_DATA : process.env.FAKE_ELECTRON_USER_DATA + '/' + name),
    getAppPath: () => process.env.FAKE_ELECTRON_APP_PATH,
    getVersion: () => '0.0.0-test',
    quit() {
      let prevented = false;
      listeners.get('before-quit')?.({ preventDefault: () => (prevented = true) });
      record({ step: 'quit', held: prevented });
      if (!prevented) process.exit(0);
    },
    exit(code) {
      record({ step: 'exit', code });
      process.exit(code);
    },
  };
  const mainFrame = { parent: null, processId: 1, routingId: 1, url: 'app://kartlegg/index.html' };
  class BrowserWindow extends EventEmitter {
    constructor(options) {
      super();
      record({ step: 'window', preload: options.webPreferences.preload, sandbox: options.webPreferences.sandbox });
      this.webContents = Object.assign(new EventEmitter(), { mainFrame });
    }
    isDestroyed = () => false;
    async loadURL(url) {
      record({ step: 'load', url });
      const api = handlers.get('kartlegg:api');
      const answer = await api({ senderFrame: this.webContents.mainFrame }, 'clients.list', {});
      record({ step: 'call', answer });
      app.quit();
    }
  }
  // port2 goes to the utility process with the fork's first message; then it stands for the child.
  class MessageChannelMain {
    constructor() {
      this.port1 = Object.assign(new EventEmitter(), { start() {}, close() {}, postMessage: (message) => this.port2.child.send(message) });
      this.port2 = { child: undefined, port1: this.port1 };
    }
  }
  const utilityProcess = {
    fork(modulePath, args, options) {
      record({ step: 'fork', modulePath, serviceName: options.serviceName });
      const child = fork(modulePath, args, { execArgv: ['--import', import.meta.url], env: { ...process.env, FAKE_ELECTRON_ROLE: 'utility' }, serialization: 'advanced' });
      return {
        pid: child.pid,
        postMessage(message, [port]) {
          port.child = child;
          child.on('message', (data) => port.port1.emit('message', { data }));
          child.send(message);
        },
        once: (event, listener) => child.once(event, listener),
        kill: () => child.kill(),
      };
    },
  };
  const noop = () => {};
  return {
    app,
    BrowserWindow,
    MessageChannelMain,
    utilityProcess,
    protocol: { registerSchemesAsPrivileged: (schemes) => record({ step: 'schemes', schemes: schemes.map((s) => s.scheme) }), handle: (scheme) => record({ step: 'protocol', scheme }) },
    session: { defaultSession: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop, setDevicePermissionHandler: noop, webRequest: { onBeforeRequest: noop } } },
    ipcMain: { handle: (channel, handler) => handlers.set(channel, handler), on: noop },
    Menu: { buildFromTemplate: (template) => template, setApplicationMenu: () => record({ step: 'menu' }) },
    dialog: { showErrorBox: (title, message) => record({ step: 'error', message }), showSaveDialog: noop, showMessageBoxSync: () => 0 },
    shell: { openExternal: noop, showItemInFolder: noop },
    safeStorage: { isEncryptionAvailable: () => false },
  };
}

let electron;
if (process.env.FAKE_ELECTRON_ROLE === 'utility') {
  process.parentPort = fakeParentPort();
  electron = {};
} else {
  electron = fakeMainProcess();
}
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
