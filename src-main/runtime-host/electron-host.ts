// The runtime host inside the Electron app: the API runtime runs in a utilityProcess and talks to the
// main process over a MessagePort, so the main process (window, menus, IPC) never waits for SQLite.
// Electron's objects are passed in, so this module is tested with fakes.
import { openRuntimeHost, type RuntimeHost, type RuntimeProcess } from './host';
import type { RuntimeOpenOptions } from './protocol';

/** The parts of Electron's MessagePortMain this host uses. */
export interface MainPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}

/** The parts of Electron's UtilityProcess this host uses. */
export interface UtilityChild {
  readonly pid: number | undefined;
  postMessage(message: unknown, transfer?: MainPort[]): void;
  once(event: 'exit', listener: (code: number) => void): void;
  kill(): boolean;
}

export interface ElectronRuntimeApi {
  utilityProcess: { fork(modulePath: string, args?: string[], options?: { serviceName?: string; stdio?: 'inherit' | 'pipe' | 'ignore' }): UtilityChild };
  MessageChannelMain: new () => { port1: MainPort; port2: MainPort };
}

/** Starts the runtime worker as a utilityProcess and hands it one end of a fresh MessageChannel. */
export function forkUtilityRuntime(electron: ElectronRuntimeApi, entry: string): RuntimeProcess {
  const child = electron.utilityProcess.fork(entry, [], { serviceName: 'Kartlegg data engine', stdio: 'inherit' });
  const { port1, port2 } = new electron.MessageChannelMain();
  // The first message carries the port; the worker speaks only over the port after that.
  child.postMessage({ type: 'port' }, [port2]);
  port1.start();
  return {
    pid: child.pid,
    post: (message) => port1.postMessage(message),
    onMessage: (listener) => port1.on('message', (event) => listener(event.data)),
    onExit: (listener) =>
      child.once('exit', (code) => {
        port1.close();
        listener(code);
      }),
    kill: () => void child.kill(),
  };
}

export function openElectronRuntimeHost(input: {
  electron: ElectronRuntimeApi;
  /** out/main/runtime-worker.cjs */
  entry: string;
  options: RuntimeOpenOptions;
  log?: (message: string) => void;
}): Promise<RuntimeHost> {
  return openRuntimeHost({ options: input.options, spawn: () => forkUtilityRuntime(input.electron, input.entry), log: input.log });
}
