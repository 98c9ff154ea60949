// The runtime process's side of the host protocol: opens the API runtime when asked, answers calls
// with their progress, cancels on request, and closes the database before it exits.
import { AppError } from '../core/errors';
import { type ApiRuntime, type ApiRuntimeOptions, openApiRuntime } from '../api/runtime';
import { isHostMessage, type MessageEndpoint, type RuntimeMessage } from './protocol';

export interface RuntimeServiceOptions {
  /** Leaves the process once the runtime is closed. */
  exit(): void;
  open?: (options: ApiRuntimeOptions) => Promise<ApiRuntime>;
}

/** Serves the protocol on endpoint; the returned close() is for a host that vanished without saying so. */
export function serveRuntime(endpoint: MessageEndpoint<RuntimeMessage, unknown>, options: RuntimeServiceOptions): { close(): Promise<void> } {
  const open = options.open ?? openApiRuntime;
  let runtime: Promise<ApiRuntime> | null = null;
  let closing: Promise<void> | null = null;
  const running = new Map<number, AbortController>();

  async function answer(id: number, method: string, input: unknown): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const opened = runtime === null || closing ? null : await runtime.catch(() => null);
      const result = opened
        ? await opened.call(method, input, {
            signal: controller.signal,
            onProgress: (progress) => endpoint.post({ type: 'progress', id, progress }),
          })
        : { ok: false as const, error: new AppError('internal', 'The data engine is not open.').toData() };
      endpoint.post({ type: 'result', id, result });
    } finally {
      running.delete(id);
    }
  }

  endpoint.onMessage((message) => {
    if (!isHostMessage(message)) return;
    switch (message.type) {
      case 'open':
        if (runtime) return;
        runtime = open({ ...message.options, log: (line) => console.error(line) });
        runtime.then(
          () => endpoint.post({ type: 'ready' }),
          (error: unknown) => {
            const data = error instanceof AppError ? error.toData() : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
            endpoint.post({ type: 'open-failed', error: { code: data.code, message: data.message } });
          },
        );
        return;
      case 'call':
        void answer(message.id, message.method, message.input);
        return;
      case 'cancel':
        running.get(message.id)?.abort();
        return;
      case 'close':
        void close();
        return;
    }
  });

  function close(): Promise<void> {
    closing ??= (async () => {
      const opened = await runtime?.catch(() => null);
      // Waits for running calls: a transaction under way finishes, a cancellable one is told to stop.
      for (const controller of running.values()) controller.abort();
      await opened?.close();
      try {
        endpoint.post({ type: 'closed' });
      } catch {
        // The host may already be gone.
      }
      options.exit();
    })();
    return closing;
  }
  return { close };
}
