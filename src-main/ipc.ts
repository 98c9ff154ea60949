// The single IPC channel: checks the sender and the method name, then hands the call to the API runtime.
import type { ApiRuntime } from './api/runtime';
import { AppError, type ErrorCode } from './core/errors';
import type { SenderFrame } from './security';

export const API_CHANNEL = 'kartlegg:api';
export const MAX_METHOD_NAME_LENGTH = 100;

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
}

/** The part of Electron's IpcMain this module uses. */
export interface ApiIpcMain {
  handle(channel: string, listener: (event: ApiInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export type IsTrustedFrame = (frame: SenderFrame | null) => boolean;

export function registerApiIpc(
  ipcMain: ApiIpcMain,
  runtime: Pick<ApiRuntime, 'call'>,
  isTrusted: IsTrustedFrame,
): void {
  ipcMain.handle(API_CHANNEL, (event, method, input) => handleApiCall(runtime, isTrusted, event, method, input));
}

/** Never rejects: a thrown error would reach the renderer with its message and stack. */
export async function handleApiCall(
  runtime: Pick<ApiRuntime, 'call'>,
  isTrusted: IsTrustedFrame,
  event: ApiInvokeEvent,
  method: unknown,
  input: unknown,
): Promise<ApiCallResult> {
  try {
    if (!isTrusted(senderFrameOf(event))) return failure('forbidden', 'The caller is not the Kartlegg window.');
    if (!isApiMethodName(method)) return failure('forbidden', 'The API method name is not valid.');
    return await runtime.call(method, input);
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
