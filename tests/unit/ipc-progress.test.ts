// Progress and cancel over IPC: a call made with a call id gets its progress sent to the window that
// made it, and that window (only) can cancel it.
import { describe, expect, it, vi } from 'vitest';
import type { CallOptions, CallProgress } from '../../src-main/api/progress';
import { API_CHANNEL, CANCEL_CHANNEL, PROGRESS_CHANNEL, registerApiIpc, type ApiInvokeEvent } from '../../src-main/ipc';
import { isTrustedSender, type SenderFrame } from '../../src-main/security';

const ownMainFrame: SenderFrame = { url: 'app://kartlegg/index.html', parent: null, processId: 3, routingId: 1 };
const otherFrame: SenderFrame = { ...ownMainFrame, url: 'https://evil.test/' };
const progress: CallProgress = { step: 'rendering', done: 1, total: 4, cancellable: true };

function setup() {
  const listeners = new Map<string, (event: ApiInvokeEvent, ...args: unknown[]) => unknown>();
  let seenOptions: CallOptions | undefined;
  const call = vi.fn(async (_method: string, _input: unknown, options?: CallOptions) => {
    seenOptions = options;
    options?.onProgress?.(progress);
    const signal = options?.signal;
    if (signal) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    return options?.signal?.aborted ? { ok: false as const, error: { code: 'cancelled' as const, message: 'Cancelled.' } } : { ok: true as const, value: 1 };
  });
  registerApiIpc(
    { handle: (channel, listener) => void listeners.set(channel, listener), on: (channel, listener) => void listeners.set(channel, listener) },
    { call },
    (frame) => isTrustedSender(frame, ownMainFrame),
  );
  const send = vi.fn();
  const event = (frame: SenderFrame): ApiInvokeEvent => ({ senderFrame: frame, sender: { send } });
  return {
    call,
    send,
    options: () => seenOptions,
    invoke: (frame: SenderFrame, ...args: unknown[]) => listeners.get(API_CHANNEL)!(event(frame), ...args) as Promise<unknown>,
    cancel: (frame: SenderFrame, callId: unknown) => listeners.get(CANCEL_CHANNEL)!(event(frame), callId),
  };
}

describe('IPC progress and cancel', () => {
  it('sends the progress of a call with a call id to its window, and cancels it on request', async () => {
    const ipc = setup();
    const result = ipc.invoke(ownMainFrame, 'reports.export', {}, 'call-1');
    await vi.waitFor(() => expect(ipc.send).toHaveBeenCalledWith(PROGRESS_CHANNEL, 'call-1', progress));
    ipc.cancel(ownMainFrame, 'call-1');
    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('refuses a cancel from another frame, and ignores call ids that are not ours', async () => {
    const ipc = setup();
    const result = ipc.invoke(ownMainFrame, 'reports.export', {}, 'call-2');
    await vi.waitFor(() => expect(ipc.call).toHaveBeenCalled());
    ipc.cancel(otherFrame, 'call-2');
    ipc.cancel(ownMainFrame, 'call-3');
    ipc.cancel(ownMainFrame, { toString: () => 'call-2' });
    expect(ipc.options()?.signal?.aborted).toBe(false);
    ipc.cancel(ownMainFrame, 'call-2');
    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it.each([undefined, 42, '', 'x'.repeat(65), 'a b', '../x'])('calls without progress for the call id %j', async (callId) => {
    const ipc = setup();
    ipc.call.mockResolvedValueOnce({ ok: true, value: 2 });
    await expect(ipc.invoke(ownMainFrame, 'clients.list', {}, callId)).resolves.toEqual({ ok: true, value: 2 });
    expect(ipc.call).toHaveBeenCalledWith('clients.list', {});
  });
});
