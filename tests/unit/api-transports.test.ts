// The renderer's transports with progress: NDJSON lines over HTTP, call ids over the preload bridge,
// and the client that follows long calls so progress bars can show and cancel them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallProgress } from '../../src-main/api/progress';
import { createApiClient } from '../../src-renderer/lib/api/client';
import { createHttpTransport, takeToken } from '../../src-renderer/lib/api/http-transport';
import { createIpcTransport } from '../../src-renderer/lib/api/ipc-transport';
import { runningCalls } from '../../src-renderer/lib/api/running-calls';
import type { Transport } from '../../src-renderer/lib/api/transport';

// client.ts picks its transport from `window` when imported; a bridge-only window is enough here.
vi.hoisted(() => {
  (globalThis as { window?: unknown }).window = { kartlegg: { invoke: async () => ({ ok: true, value: null }) } };
});

const rendering: CallProgress = { step: 'rendering', done: 1, total: 4, cancellable: true };
const writing: CallProgress = { step: 'writing', done: 3, total: 4, cancellable: false };

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A Response whose body arrives in the given chunks (split anywhere, as a network may). */
function ndjsonResponse(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
}

describe('the HTTP transport', () => {
  it('asks for progress lines when the call follows its progress, and reads them split anywhere', async () => {
    const lines = `${JSON.stringify({ progress: rendering })}\n${JSON.stringify({ progress: writing })}\n${JSON.stringify({ result: { ok: true, value: 'æøå' } })}\n`;
    const fetch = vi.fn(async () => ndjsonResponse([lines.slice(0, 7), lines.slice(7, 60), lines.slice(60)]));
    vi.stubGlobal('fetch', fetch);
    const seen: CallProgress[] = [];
    const result = await createHttpTransport('t0k')('reports.export', { a: 1 }, { onProgress: (progress) => seen.push(progress) });
    expect(result).toEqual({ ok: true, value: 'æøå' });
    expect(seen).toEqual([rendering, writing]);
    const init = (fetch.mock.calls[0] as unknown[])[1] as RequestInit;
    expect(init.headers).toMatchObject({ Accept: 'application/x-ndjson', Authorization: 'Bearer t0k' });
  });

  it('sends plain calls as before, and reports a stream that ends without a result', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: 1 }), { headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    expect(await createHttpTransport('t')('clients.list', {})).toEqual({ ok: true, value: 1 });
    expect(((fetch.mock.calls[0] as unknown[])[1] as RequestInit).headers).not.toHaveProperty('Accept');
    vi.stubGlobal('fetch', async () => ndjsonResponse([`${JSON.stringify({ progress: rendering })}\n`]));
    expect(await createHttpTransport('t')('reports.export', {}, { onProgress: () => {} })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('answers cancelled when the caller aborts the request', async () => {
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      init.signal?.throwIfAborted();
      throw new Error('unexpected');
    });
    const cancel = new AbortController();
    cancel.abort();
    expect(await createHttpTransport('t')('surveys.import', {}, { signal: cancel.signal })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('the token in browser mode', () => {
  function tab(hash: string) {
    const location = { hash, pathname: '/', search: '' } as Location;
    const stored = new Map<string, string>();
    let storageOpened = 0;
    const storage = () => {
      storageOpened++;
      return { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) } as Storage;
    };
    const history = { replaceState: vi.fn((_state: unknown, _title: string, url: string) => (location.hash = url.replace(/^[^#]*/, ''))) } as unknown as History;
    return { location, stored, storage, history, opened: () => storageOpened };
  }

  it('takes the token from the address at once, and keeps it and clears the address only afterwards', () => {
    const page = tab('#token=abc_123&screen=interview&interview=i1');
    const later: (() => void)[] = [];
    expect(takeToken(page.location, page.storage, page.history, (task) => later.push(task))).toBe('abc_123');
    // The start-up calls can go out now: nothing has opened the tab's storage or changed the address.
    expect(page.opened()).toBe(0);
    expect(page.location.hash).toBe('#token=abc_123&screen=interview&interview=i1');
    later.forEach((task) => task());
    expect(page.stored.get('kartlegg.token')).toBe('abc_123');
    expect(page.location.hash).toBe('#screen=interview&interview=i1');
  });

  it('reads the kept token after a reload, when the address has none', () => {
    const page = tab('');
    page.stored.set('kartlegg.token', 'kept');
    expect(takeToken(page.location, page.storage, page.history, () => expect.unreachable())).toBe('kept');
  });
});

describe('the IPC transport', () => {
  it('sends a call id, passes on that call progress only, and cancels by call id', async () => {
    let listener: ((callId: string, progress: unknown) => void) | undefined;
    const unsubscribe = vi.fn();
    let finish: (value: unknown) => void = () => {};
    const bridge = {
      invoke: vi.fn((_method: string, _input: unknown, _callId?: string) => new Promise((resolve) => (finish = resolve))),
      cancel: vi.fn(),
      onProgress: vi.fn((l: (callId: string, progress: unknown) => void) => {
        listener = l;
        return unsubscribe;
      }),
    };
    const cancel = new AbortController();
    const seen: CallProgress[] = [];
    const result = createIpcTransport(bridge)('reports.export', {}, { signal: cancel.signal, onProgress: (progress) => seen.push(progress) });
    const callId = bridge.invoke.mock.calls[0][2]!;
    expect(callId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    listener!('someone-else', writing);
    listener!(callId, rendering);
    cancel.abort();
    expect(bridge.cancel).toHaveBeenCalledWith(callId);
    finish({ ok: false, error: { code: 'cancelled', message: 'x' } });
    expect(await result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(seen).toEqual([rendering]);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});

describe('the API client', () => {
  it('follows a long call while it runs, with its progress and a cancel, and forgets it after', async () => {
    let report: ((progress: CallProgress) => void) | undefined;
    let signal: AbortSignal | undefined;
    let finish: () => void = () => {};
    const transport: Transport = (_method, _input, options) => {
      report = options?.onProgress;
      signal = options?.signal;
      return new Promise((resolve) => (finish = () => resolve({ ok: false, error: { code: 'cancelled', message: 'x' } })));
    };
    const client = createApiClient(transport);
    const call = client.call('transfer.exportPackage', { assessmentIds: ['a'] });
    expect(runningCalls()).toEqual([expect.objectContaining({ method: 'transfer.exportPackage', progress: null })]);
    report!(rendering);
    expect(runningCalls()[0].progress).toEqual(rendering);
    runningCalls()[0].cancel();
    expect(signal!.aborted).toBe(true);
    finish();
    await expect(call).rejects.toMatchObject({ code: 'cancelled' });
    expect(runningCalls()).toEqual([]);
  });

  it('does not follow short calls', async () => {
    const transport = vi.fn<Transport>(async () => ({ ok: true, value: [] }));
    await createApiClient(transport).call('clients.list', {});
    expect(transport).toHaveBeenCalledWith('clients.list', {}, undefined);
  });
});
