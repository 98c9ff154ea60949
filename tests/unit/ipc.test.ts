// The IPC channel refuses untrusted senders and bad method names, and never throws across IPC.
import { describe, expect, it, vi } from 'vitest';
import {
  API_CHANNEL,
  isApiMethodName,
  registerApiIpc,
  type ApiInvokeEvent,
  type ApiIpcMain,
} from '../../src-main/ipc';
import { isTrustedSender, type SenderFrame } from '../../src-main/security';

const ownMainFrame: SenderFrame = { url: 'app://kartlegg/index.html', parent: null, processId: 3, routingId: 1 };

type Handler = (event: ApiInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setup(call = vi.fn().mockResolvedValue({ ok: true, value: 'pong' })) {
  let handler: Handler | undefined;
  const handle = vi.fn((_channel: string, listener: Handler) => {
    handler = listener;
  });
  const ipcMain: ApiIpcMain = { handle, on: () => {} };
  registerApiIpc(ipcMain, { call }, (frame) => isTrustedSender(frame, ownMainFrame));
  const invoke = (frame: SenderFrame | null, ...args: unknown[]) => {
    if (!handler) throw new Error('no handler registered');
    return handler({ senderFrame: frame }, ...args);
  };
  return { call, handle, invoke };
}

const forbidden = { ok: false, error: { code: 'forbidden', message: expect.any(String) } };

describe('registerApiIpc', () => {
  it('registers one handler on the kartlegg:api channel', () => {
    const { handle } = setup();
    expect(API_CHANNEL).toBe('kartlegg:api');
    expect(handle).toHaveBeenCalledExactlyOnceWith('kartlegg:api', expect.any(Function));
  });

  it('passes a call from our main frame to the runtime and returns its result', async () => {
    const { call, invoke } = setup();
    await expect(invoke(ownMainFrame, 'clients.list', { q: 'x' })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(call).toHaveBeenCalledExactlyOnceWith('clients.list', { q: 'x' });
  });

  it('returns runtime errors as they are', async () => {
    const error = { ok: false, error: { code: 'invalid_input', message: 'Name is required.' } };
    const { invoke } = setup(vi.fn().mockResolvedValue(error));
    await expect(invoke(ownMainFrame, 'clients.create', {})).resolves.toEqual(error);
  });

  it.each<[string, SenderFrame | null]>([
    ['another origin', { ...ownMainFrame, url: 'https://evil.test/' }],
    ['a subframe', { url: 'app://kartlegg/index.html', parent: ownMainFrame, processId: 3, routingId: 2 }],
    ['file://', { ...ownMainFrame, url: 'file:///app/out/renderer/index.html' }],
    ['app://evil', { ...ownMainFrame, url: 'app://evil/index.html' }],
    ['another window', { ...ownMainFrame, processId: 8, routingId: 5 }],
    ['no sender frame', null],
  ])('refuses a call from %s without calling the runtime', async (_name, frame) => {
    const { call, invoke } = setup();
    await expect(invoke(frame, 'clients.list', {})).resolves.toEqual(forbidden);
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses when reading the sender frame throws', async () => {
    const { call } = setup();
    let handler: Handler | undefined;
    registerApiIpc({ handle: (_c, l) => void (handler = l), on: () => {} }, { call }, (frame) => isTrustedSender(frame, ownMainFrame));
    const event = {
      get senderFrame(): SenderFrame | null {
        throw new Error('Render frame was disposed');
      },
    };
    await expect(handler?.(event, 'clients.list', {})).resolves.toEqual(forbidden);
    expect(call).not.toHaveBeenCalled();
  });

  it.each([42, null, undefined, {}, ['clients.list'], '', 'x'.repeat(101), 'clients list', '__proto__;drop', 'ø.list'])(
    'refuses the method name %j without calling the runtime',
    async (method) => {
      const { call, invoke } = setup();
      await expect(invoke(ownMainFrame, method, {})).resolves.toEqual(forbidden);
      expect(call).not.toHaveBeenCalled();
    },
  );

  it('turns a throwing runtime into an internal error instead of rejecting', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { invoke } = setup(
      vi.fn(() => {
        throw new Error('secret stack detail');
      }),
    );
    const result = await invoke(ownMainFrame, 'clients.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('secret stack detail');
    consoleError.mockRestore();
  });

  it('turns a rejecting runtime into an internal error', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { invoke } = setup(vi.fn().mockRejectedValue(new Error('disk gone')));
    await expect(invoke(ownMainFrame, 'clients.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    consoleError.mockRestore();
  });

  it('refuses when the trust check itself throws', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const call = vi.fn();
    let handler: Handler | undefined;
    registerApiIpc({ handle: (_c, l) => void (handler = l), on: () => {} }, { call }, () => {
      throw new Error('boom');
    });
    await expect(handler?.({ senderFrame: ownMainFrame }, 'clients.list', {})).resolves.toMatchObject({ ok: false });
    expect(call).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});

describe('isApiMethodName', () => {
  it.each(['clients.list', 'settings.update', 'system.info', 'a'])('accepts %s', (name) => {
    expect(isApiMethodName(name)).toBe(true);
  });

  it.each([1, null, '', ' clients.list', 'clients.list\n', '1clients', 'x'.repeat(101)])('rejects %j', (name) => {
    expect(isApiMethodName(name)).toBe(false);
  });
});
