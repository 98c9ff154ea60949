// The runtime host for browser mode and tests: the API runtime in a Node child process.
import { fork } from 'node:child_process';
import { openRuntimeHost, type RuntimeHost, type RuntimeProcess } from './host';
import type { RuntimeOpenOptions } from './protocol';

export interface NodeRuntimeHostOptions {
  options: RuntimeOpenOptions;
  /** The runtime worker's entry: out/main/runtime-worker.cjs when built, src-main/runtime-worker.ts under tsx. */
  entry: string;
  /** Extra Node flags for the child, e.g. ['--import', 'tsx'] to run the sources. */
  execArgv?: string[];
  log?: (message: string) => void;
}

export function forkRuntimeProcess(entry: string, execArgv: string[] = []): RuntimeProcess {
  // 'advanced' serialisation is structured clone, as over Electron's MessagePort.
  const child = fork(entry, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // A send to a process that is exiting fails with an 'error' event; without a listener it would take
  // the serving process down with it. The 'exit' that follows is what the host acts on.
  child.on('error', (error) => console.error(`[runtime host] the runtime process: ${error.message}`));
  return {
    pid: child.pid,
    post(message) {
      if (child.connected) child.send(message, (error) => error && console.error(`[runtime host] could not send to the runtime process: ${error.message}`));
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit(listener) {
      child.once('exit', (code) => listener(code));
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}

export function openNodeRuntimeHost(options: NodeRuntimeHostOptions): Promise<RuntimeHost> {
  return openRuntimeHost({ options: options.options, spawn: () => forkRuntimeProcess(options.entry, options.execArgv), log: options.log });
}
