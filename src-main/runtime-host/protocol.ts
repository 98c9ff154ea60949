// The runtime host protocol: the messages between a UI-serving process and the process that runs the
// API runtime (a Node child process for browser mode, an Electron utilityProcess for the app).
import type { Result } from '../core/errors';
import { type CallProgress, isCallProgress } from '../api/progress';
import type { ApiRuntimeOptions } from '../api/runtime';

/** What the runtime process needs to open the data folder (no functions: it crosses a process boundary). */
export type RuntimeOpenOptions = Pick<ApiRuntimeOptions, 'dataDir' | 'appRoot' | 'nativeBinding' | 'version' | 'passphrase'>;

export type HostMessage =
  | { type: 'open'; options: RuntimeOpenOptions }
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'cancel'; id: number }
  | { type: 'close' };

export type RuntimeMessage =
  | { type: 'ready' }
  | { type: 'open-failed'; error: { code: string; message: string } }
  | { type: 'progress'; id: number; progress: CallProgress }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'closed' };

/** One end of a message channel: a child process's IPC, an Electron MessagePort, or a test's fake. */
export interface MessageEndpoint<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** Messages are checked on arrival: the other end is another process and may be broken. */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'open':
      return isRecord(value.options) && typeof value.options.dataDir === 'string' && typeof value.options.appRoot === 'string';
    case 'call':
      return isId(value.id) && typeof value.method === 'string';
    case 'cancel':
      return isId(value.id);
    case 'close':
      return true;
    default:
      return false;
  }
}

function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && isRecord(value.error) && typeof value.error.code === 'string' && typeof value.error.message === 'string';
}

export function isRuntimeMessage(value: unknown): value is RuntimeMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'closed':
      return true;
    case 'open-failed':
      return isRecord(value.error) && typeof value.error.code === 'string' && typeof value.error.message === 'string';
    case 'progress':
      return isId(value.id) && isCallProgress(value.progress);
    case 'result':
      return isId(value.id) && isResult(value.result);
    default:
      return false;
  }
}
