// The runtime host protocol and its hosts, with fake processes: the generic host, the runtime side,
// and the Electron utilityProcess host with fake utilityProcess and MessageChannelMain objects.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { CallOptions, CallProgress } from '../../src-main/api/progress';
import type { ApiRuntime } from '../../src-main/api/runtime';
import { AppError } from '../../src-main/core/errors';
import { openElectronRuntimeHost, type ElectronRuntimeApi, type MainPort, type UtilityChild } from '../../src-main/runtime-host/electron-host';
import { openRuntimeHost, type RuntimeProcess } from '../../src-main/runtime-host/host';
import { isHostMessage, isRuntimeMessage, type MessageEndpoint, type RuntimeMessage } from '../../src-main/runtime-host/protocol';
import { serveRuntime } from '../../src-main/runtime-host/runtime-service';

const step = (s: CallProgress['step'], done: number, total = 2): CallProgress => ({ step: s, done, total, cancellable: true });

/** A runtime that answers 'echo', and 'work' in two reported steps that wait until released or cancelled. */
function fakeRuntime() {
  const releases: (() => void)[] = [];
  const runtime: ApiRuntime = {
    dataDir: '/data',
    async call(method: string, input: unknown, options: CallOptions = {}) {
      if (method === 'echo') return { ok: true, value: input };
      if (method !== 'work') return { ok: false, error: { code: 'unknown_method', message: `no ${method}` } };
      options.onProgress?.(step('preparing', 0));
      await new Promise<void>((resolve) => {
        releases.push(resolve);
        options.signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      if (options.signal?.aborted) return { ok: false, error: new AppError('cancelled', 'Cancelled before anything was written.').toData() };
      options.onProgress?.(step('writing', 1));
      return { ok: true, value: 'done' };
    },
    copyIntoBackups: async () => '',
    close: vi.fn(async () => {}),
  };
  return { runtime, release: () => releases.shift()?.() };
}

/** Two linked endpoints that deliver asynchronously, as a pipe or a MessagePort does. */
function channel<A, B>(): [MessageEndpoint<A, unknown>, MessageEndpoint<B, unknown>] {
  const toA = new EventEmitter();
  const toB = new EventEmitter();
  return [
    { post: (message) => setImmediate(() => toB.emit('message', structuredClone(message))), onMessage: (listener) => toA.on('message', listener) },
    { post: (message) => setImmediate(() => toA.emit('message', structuredClone(message))), onMessage: (listener) => toB.on('message', listener) },
  ];
}

/** A fake runtime process: serveRuntime on one end of a channel, with an exit the test can trigger. */
function fakeProcesses(open: () => Promise<ApiRuntime>) {
  const started: { crash(): void; pid: number }[] = [];
  const spawn = (): RuntimeProcess => {
    const [hostEnd, workerEnd] = channel<unknown, RuntimeMessage>();
    const exits = new EventEmitter();
    const pid = 1000 + started.length;
    const exit = (code: number | null) => setImmediate(() => exits.emit('exit', code));
    serveRuntime(workerEnd as MessageEndpoint<RuntimeMessage, unknown>, { open, exit: () => exit(0) });
    started.push({ crash: () => exit(null), pid });
    return {
      pid,
      post: (message) => hostEnd.post(message),
      onMessage: (listener) => hostEnd.onMessage(listener),
      onExit: (listener) => exits.once('exit', listener),
      kill: () => exit(null),
    };
  };
  return { spawn, started };
}

const options = { dataDir: '/data', appRoot: '/app' };

describe('protocol messages', () => {
  it('accepts the messages of the protocol', () => {
    expect(isHostMessage({ type: 'open', options })).toBe(true);
    expect(isHostMessage({ type: 'call', id: 1, method: 'clients.list', input: {} })).toBe(true);
    expect(isHostMessage({ type: 'cancel', id: 7 })).toBe(true);
    expect(isHostMessage({ type: 'close' })).toBe(true);
    expect(isRuntimeMessage({ type: 'ready' })).toBe(true);
    expect(isRuntimeMessage({ type: 'progress', id: 2, progress: step('rendering', 1, 4) })).toBe(true);
    expect(isRuntimeMessage({ type: 'result', id: 2, result: { ok: true, value: null } })).toBe(true);
    expect(isRuntimeMessage({ type: 'result', id: 2, result: { ok: false, error: { code: 'internal', message: 'x' } } })).toBe(true);
  });

  it.each([
    null,
    'call',
    { type: 'call', id: 0, method: 'x' },
    { type: 'call', id: 1.5, method: 'x' },
    { type: 'call', id: 1 },
    { type: 'cancel', id: '1' },
    { type: 'open', options: { dataDir: '/d' } },
    { type: 'eval', code: '1' },
  ])('refuses the host message %j', (message) => {
    expect(isHostMessage(message)).toBe(false);
  });

  it.each([
    { type: 'progress', id: 1, progress: { step: 'hacking', done: 0, total: 1, cancellable: true } },
    { type: 'progress', id: 1, progress: { step: 'rendering', done: 3, total: 2, cancellable: true } },
    { type: 'result', id: 1, result: { ok: false } },
    { type: 'result', id: 1, result: { ok: true } },
    { type: 'open-failed', error: 'locked' },
  ])('refuses the runtime message %j', (message) => {
    expect(isRuntimeMessage(message)).toBe(false);
  });
});

describe('the runtime host', () => {
  it('answers calls with the same results as the runtime, and progress in order', async () => {
    const fake = fakeRuntime();
    const { spawn } = fakeProcesses(async () => fake.runtime);
    const host = await openRuntimeHost({ options, spawn, log: () => {} });
    expect(await host.call('echo', { a: [1, 2] })).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(await host.call('nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const seen: CallProgress[] = [];
    const working = host.call('work', {}, { onProgress: (progress) => seen.push(progress) });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    fake.release();
    expect(await working).toEqual({ ok: true, value: 'done' });
    expect(seen).toEqual([step('preparing', 0), step('writing', 1)]);
    await host.close();
    expect(fake.runtime.close).toHaveBeenCalledOnce();
  });

  it('passes a cancel to the runtime, which answers cancelled', async () => {
    const fake = fakeRuntime();
    const host = await openRuntimeHost({ options, spawn: fakeProcesses(async () => fake.runtime).spawn, log: () => {} });
    const cancel = new AbortController();
    const working = host.call('work', {}, { signal: cancel.signal, onProgress: () => cancel.abort() });
    expect(await working).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await host.call('work', {}, { signal: cancel.signal })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await host.close();
  });

  it('rejects the open with the runtime own error when it cannot open the data folder', async () => {
    const { spawn } = fakeProcesses(async () => {
      throw new AppError('database_locked', 'The data folder is in use by another Kartlegg.');
    });
    await expect(openRuntimeHost({ options, spawn, log: () => {} })).rejects.toMatchObject({ code: 'database_locked' });
  });

  it('fails the calls in flight when the process dies, and restarts it', async () => {
    const fake = fakeRuntime();
    const { spawn, started } = fakeProcesses(async () => fake.runtime);
    const log = vi.fn();
    const host = await openRuntimeHost({ options, spawn, log });
    const progressed: CallProgress[] = [];
    const working = host.call('work', {}, { onProgress: (progress) => progressed.push(progress) });
    await vi.waitFor(() => expect(progressed).toHaveLength(1));
    started[0].crash();
    const lost = await working;
    expect(lost).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!lost.ok && lost.error.message).toContain('stopped unexpectedly while running work');
    expect(await host.call('echo', 'again')).toEqual({ ok: true, value: 'again' });
    expect(host.starts).toBe(2);
    expect(host.pid).toBe(started[1].pid);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('exited'));
    await host.close();
  });

  it('stops restarting a runtime that keeps dying, with a clear error', async () => {
    const fake = fakeRuntime();
    const { spawn, started } = fakeProcesses(async () => fake.runtime);
    const host = await openRuntimeHost({ options, spawn, log: () => {}, maxRestarts: 1 });
    started[0].crash();
    await vi.waitFor(() => expect(started).toHaveLength(2));
    expect(await host.call('echo', 1)).toEqual({ ok: true, value: 1 });
    // An answered call resets the count; two crashes in a row without one exhaust it.
    started[1].crash();
    await vi.waitFor(() => expect(started).toHaveLength(3));
    started[2].crash();
    await vi.waitFor(async () => expect(await host.call('echo', 1)).toMatchObject({ ok: false, error: { message: expect.stringContaining('not restarted again') } }));
    expect(started).toHaveLength(3);
  });

  it('ignores malformed messages from the runtime process', async () => {
    const fake = fakeRuntime();
    const { spawn } = fakeProcesses(async () => fake.runtime);
    let inject: ((message: unknown) => void) | undefined;
    const log = vi.fn();
    const host = await openRuntimeHost({
      options,
      log,
      spawn: () => {
        const child = spawn();
        return {
          ...child,
          onMessage: (listener) => {
            inject = listener;
            child.onMessage(listener);
          },
        };
      },
    });
    inject!({ type: 'result', id: 1, result: 'not a result' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('malformed'));
    expect(await host.call('echo', 2)).toEqual({ ok: true, value: 2 });
    await host.close();
  });
});

describe('the Electron utilityProcess host', () => {
  /** Fake Electron: MessageChannelMain with linked ports, utilityProcess.fork running the runtime side on the port it is sent. */
  function fakeElectron(runtime: ApiRuntime) {
    const forks: { modulePath: string; options: unknown; child: UtilityChild & { exit(code: number): void } }[] = [];
    class FakePort implements MainPort {
      other!: FakePort;
      private readonly events = new EventEmitter();
      started = false;
      closed = false;
      postMessage(message: unknown) {
        const target = this.other;
        setImmediate(() => target.events.emit('message', { data: structuredClone(message) }));
      }
      on(event: 'message', listener: (event: { data: unknown }) => void) {
        this.events.on(event, listener);
      }
      start() {
        this.started = true;
      }
      close() {
        this.closed = true;
      }
    }
    class FakeMessageChannelMain {
      port1 = new FakePort();
      port2 = new FakePort();
      constructor() {
        this.port1.other = this.port2;
        this.port2.other = this.port1;
      }
    }
    const electron: ElectronRuntimeApi = {
      MessageChannelMain: FakeMessageChannelMain,
      utilityProcess: {
        fork(modulePath, _args, forkOptions) {
          const exits = new EventEmitter();
          const child = {
            pid: 4000 + forks.length,
            postMessage(message: unknown, transfer?: MainPort[]) {
              // What runtime-worker.ts does with the first message in a utility process.
              expect(message).toEqual({ type: 'port' });
              const port = transfer![0] as FakePort;
              serveRuntime(
                { post: (m) => port.postMessage(m), onMessage: (listener) => port.on('message', (event) => listener(event.data)) },
                { open: async () => runtime, exit: () => child.exit(0) },
              );
            },
            once: (event: 'exit', listener: (code: number) => void) => void exits.once(event, listener),
            kill: vi.fn(() => true),
            exit: (code: number) => setImmediate(() => exits.emit('exit', code)),
          };
          forks.push({ modulePath, options: forkOptions, child });
          return child;
        },
      },
    };
    return { electron, forks };
  }

  it('forks the runtime worker, hands it a MessagePort, and calls over it with progress', async () => {
    const fake = fakeRuntime();
    const { electron, forks } = fakeElectron(fake.runtime);
    const host = await openElectronRuntimeHost({ electron, entry: '/app/out/main/runtime-worker.cjs', options, log: () => {} });
    expect(forks).toHaveLength(1);
    expect(forks[0].modulePath).toBe('/app/out/main/runtime-worker.cjs');
    expect(forks[0].options).toMatchObject({ serviceName: expect.any(String) });
    expect(host.pid).toBe(4000);
    const seen: CallProgress[] = [];
    const working = host.call('work', {}, { onProgress: (progress) => seen.push(progress) });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    fake.release();
    expect(await working).toEqual({ ok: true, value: 'done' });
    expect(seen.map((progress) => progress.step)).toEqual(['preparing', 'writing']);
    await host.close();
    expect(fake.runtime.close).toHaveBeenCalledOnce();
  });

  it('restarts a utility process that exits, failing the call it was running', async () => {
    const fake = fakeRuntime();
    const { electron, forks } = fakeElectron(fake.runtime);
    const host = await openElectronRuntimeHost({ electron, entry: '/w.js', options, log: () => {} });
    const seen: CallProgress[] = [];
    const working = host.call('work', {}, { onProgress: (progress) => seen.push(progress) });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    forks[0].child.exit(1);
    expect(await working).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('restarted') } });
    expect(await host.call('echo', 'ok')).toEqual({ ok: true, value: 'ok' });
    expect(forks).toHaveLength(2);
    await host.close();
  });
});
