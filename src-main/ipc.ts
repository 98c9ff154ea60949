// The IPC channels: API calls (checked sender and method name, handed to the API runtime), their
// progress back to the window, and cancelling a call the window started.
import type { CallProgress } from './api/progress';
import type { ApiRuntime } from './api/runtime';
import { AppError, type ErrorCode } from './core/errors';
import type { SenderFrame } from './security';

export const API_CHANNEL = 'kartlegg:api';
export const PROGRESS_CHANNEL = 'kartlegg:progress';
export const CANCEL_CHANNEL = 'kartlegg:cancel';
export const MAX_METHOD_NAME_LENGTH = 100;

/** A call id the window chooses, so it can match progress and cancel its own call. */
export function isCallId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/** Also used by the preload, so both ends agree on what a method name may look like. */
export function isApiMethodName(method: unknown): method is string {
  return (
    typeof method === 'string' &&
    method.length > 0 &&
    method.length <= MAX_METHOD_NAME_LENGTH &&
    /^[A-Za-z][A-Za-z0-9._:/-]*$/.test(method)
  );
}

type ApiCallResult = Awaited<ReturnType<ApiRuntime['call']>>;

export interface ApiInvokeEvent {
  readonly senderFrame: SenderFrame | null;
  /** The window's webContents, for progress messages back to it. */
  readonly sender?: { send(channel: string, ...args: unknown[]): void };
}

/** The part of Electron's IpcMain this module uses. */
export interface ApiIpcMain {
  handle(channel: string, listener: (event: ApiInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  on(channel: string, listener: (event: ApiInvokeEvent, ...args: unknown[]) => void): void;
}

export type IsTrustedFrame = (frame: SenderFrame | null) => boolean;

export function registerApiIpc(
  ipcMain: ApiIpcMain,
  runtime: Pick<ApiRuntime, 'call'>,
  isTrusted: IsTrustedFrame,
): void {
  const running = new Map<string, AbortController>();
  ipcMain.handle(API_CHANNEL, (event, method, input, callId) => handleApiCall(runtime, isTrusted, event, method, input, callId, running));
  ipcMain.on(CANCEL_CHANNEL, (event, callId) => {
    try {
      if (isTrusted(senderFrameOf(event)) && isCallId(callId)) running.get(callId)?.abort();
    } catch (error) {
      console.error(`[ipc] ${CANCEL_CHANNEL} failed`, error);
    }
  });
}

/** Never rejects: a thrown error would reach the renderer with its message and stack. */
export async function handleApiCall(
  runtime: Pick<ApiRuntime, 'call'>,
  isTrusted: IsTrustedFrame,
  event: ApiInvokeEvent,
  method: unknown,
  input: unknown,
  callId?: unknown,
  running: Map<string, AbortController> = new Map(),
): Promise<ApiCallResult> {
  try {
    if (!isTrusted(senderFrameOf(event))) return failure('forbidden', 'The caller is not the Kartlegg window.');
    if (!isApiMethodName(method)) return failure('forbidden', 'The API method name is not valid.');
    if (!isCallId(callId) || running.has(callId)) return await runtime.call(method, input);
    const cancel = new AbortController();
    running.set(callId, cancel);
    try {
      return await runtime.call(method, input, {
        signal: cancel.signal,
        onProgress: (progress: CallProgress) => event.sender?.send(PROGRESS_CHANNEL, callId, progress),
      });
    } finally {
      running.delete(callId);
    }
  } catch (error) {
    console.error(`[ipc] ${API_CHANNEL} failed`, error);
    return failure('internal', 'An internal error occurred.');
  }
}

// Reading senderFrame can throw once the frame is gone; treat that as untrusted.
function senderFrameOf(event: ApiInvokeEvent): SenderFrame | null {
  try {
    return event.senderFrame ?? null;
  } catch {
    return null;
  }
}

function failure(code: ErrorCode, message: string): ApiCallResult {
  return { ok: false, error: new AppError(code, message).toData() };
}
