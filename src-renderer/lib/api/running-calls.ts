// The long calls running now, with their progress and a way to cancel them: what progress bars show.
import type { CallProgress, MethodName } from '../../../src-main/api/contract';

/** The calls that report progress; the client follows each of them here. */
export const progressMethods: ReadonlySet<string> = new Set<MethodName>([
  'reports.export',
  'surveys.import',
  'transfer.exportPackage',
  'transfer.importPackage',
  'backups.create',
  'backups.restore',
  'encryption.unlock',
]);

export interface RunningCall {
  id: number;
  method: string;
  /** null until the runtime reports its first step. */
  progress: CallProgress | null;
  cancel(): void;
}

let calls: readonly RunningCall[] = [];
const listeners = new Set<() => void>();
let nextId = 1;

function publish(next: readonly RunningCall[]): void {
  calls = next;
  for (const listener of listeners) listener();
}

export function subscribeToRunningCalls(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function runningCalls(): readonly RunningCall[] {
  return calls;
}

/** Follows one call: its progress goes to the list, and finish() takes it off again. */
export function followCall(method: string): { signal: AbortSignal; onProgress(progress: CallProgress): void; finish(): void } {
  const controller = new AbortController();
  const id = nextId++;
  publish([...calls, { id, method, progress: null, cancel: () => controller.abort() }]);
  return {
    signal: controller.signal,
    onProgress: (progress) => publish(calls.map((call) => (call.id === id ? { ...call, progress } : call))),
    finish: () => publish(calls.filter((call) => call.id !== id)),
  };
}
