// The UI-serving process's side of the host protocol: starts the runtime process, sends calls with
// their progress listeners and cancel signals, and restarts the process when it dies.
import { AppError, type ErrorCode, type Result } from '../core/errors';
import type { ApiRuntime } from '../api/runtime';
import type { CallOptions } from '../api/progress';
import { isRuntimeMessage, type HostMessage, type MessageEndpoint, type RuntimeOpenOptions } from './protocol';

/** A started runtime process, as the host sees it (a Node child process, an Electron utilityProcess). */
export interface RuntimeProcess extends MessageEndpoint<HostMessage, unknown> {
  readonly pid: number | undefined;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface RuntimeHostOptions {
  options: RuntimeOpenOptions;
  spawn(): RuntimeProcess;
  log?: (message: string) => void;
  /** Restarts allowed without a call answered in between; then calls fail until the host is opened again. */
  maxRestarts?: number;
}

/** The API runtime in another process: the same call contract as the in-process runtime. */
export type RuntimeHost = Pick<ApiRuntime, 'call' | 'close' | 'dataDir'> & {
  /** How many times the runtime process has been started (1 before any crash). */
  readonly starts: number;
  /** The runtime process's id now (undefined while it restarts). */
  readonly pid: number | undefined;
};

interface Pending {
  method: string;
  resolve(result: Result<unknown>): void;
  onProgress?: CallOptions['onProgress'];
}

function failed(code: ErrorCode, message: string): Result<unknown> {
  return { ok: false, error: new AppError(code, message).toData() };
}

/** Starts the runtime process and resolves once its data folder is open; rejects with the runtime's
 * own error (database_locked, database_too_new, …) when it cannot open it. */
export function openRuntimeHost(hostOptions: RuntimeHostOptions): Promise<RuntimeHost> {
  const log = hostOptions.log ?? ((message: string) => console.error(message));
  const maxRestarts = hostOptions.maxRestarts ?? 3;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let starts = 0;
  let restartsInARow = 0;
  let state: 'running' | 'closing' | 'closed' = 'running';
  let current: { process: RuntimeProcess; ready: Promise<void> } | null = null;
  let unusable: AppError | null = null;
  let closed: () => void = () => {};

  function start(): { process: RuntimeProcess; ready: Promise<void> } {
    starts++;
    const child = hostOptions.spawn();
    let settle!: { resolve(): void; reject(error: AppError): void };
    const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    // A failure to open is reported to whoever waits for `ready`; nobody may wait after a restart.
    ready.catch(() => {});
    child.onMessage((message) => {
      if (!isRuntimeMessage(message)) return log('[runtime host] ignored a malformed message from the runtime process');
      switch (message.type) {
        case 'ready':
          return settle.resolve();
        case 'open-failed':
          return settle.reject(new AppError(message.error.code as ErrorCode, message.error.message));
        case 'progress':
          return pending.get(message.id)?.onProgress?.(message.progress);
        case 'result': {
          const call = pending.get(message.id);
          pending.delete(message.id);
          restartsInARow = 0;
          return call?.resolve(message.result);
        }
        case 'closed':
          return;
      }
    });
    child.onExit((code) => {
      if (current?.process === child) current = null;
      settle.reject(new AppError('internal', `The data engine stopped before it opened the data (exit code ${code}).`));
      const lost = [...pending.values()];
      pending.clear();
      if (state !== 'running') {
        for (const call of lost) call.resolve(failed('internal', `The data engine closed while running ${call.method}.`));
        return closed();
      }
      for (const call of lost) {
        call.resolve(
          failed(
            'internal',
            `The data engine stopped unexpectedly while running ${call.method} and has been restarted. ` +
              'Anything it had not finished was rolled back; check the result and try again.',
          ),
        );
      }
      log(`[runtime host] the runtime process exited (code ${code}) with ${lost.length} call(s) in flight`);
      if (restartsInARow >= maxRestarts) {
        unusable = new AppError('internal', `The data engine stopped ${restartsInARow + 1} times in a row and is not restarted again. Restart Kartlegg.`);
        return;
      }
      restartsInARow++;
      current = start();
    });
    child.post({ type: 'open', options: hostOptions.options });
    return { process: child, ready };
  }

  async function call(method: string, input: unknown, options: CallOptions = {}): Promise<Result<unknown>> {
    if (state !== 'running') return failed('internal', 'The database is closed.');
    if (unusable) return failed(unusable.code, unusable.message);
    const running = current;
    if (running === null) return failed('internal', 'The data engine is restarting; try again.');
    try {
      await running.ready;
    } catch (error) {
      return failed((error as AppError).code ?? 'internal', (error as Error).message);
    }
    if (options.signal?.aborted) return failed('cancelled', 'Cancelled before anything was written.');
    const id = nextId++;
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(id, { method, resolve, onProgress: options.onProgress });
      options.signal?.addEventListener('abort', () => running.process.post({ type: 'cancel', id }), { once: true });
      running.process.post({ type: 'call', id, method, input });
    });
  }

  async function close(): Promise<void> {
    if (state !== 'running') return;
    state = 'closing';
    const running = current;
    if (running === null) {
      state = 'closed';
      return;
    }
    const exited = new Promise<void>((resolve) => (closed = resolve));
    running.process.post({ type: 'close' });
    await exited;
    state = 'closed';
  }

  current = start();
  const first = current;
  return first.ready.then(
    () => ({
      call,
      close,
      dataDir: hostOptions.options.dataDir,
      get starts() {
        return starts;
      },
      get pid() {
        return current?.process.pid;
      },
    }),
    (error: unknown) => {
      state = 'closed';
      first.process.kill();
      throw error;
    },
  );
}
