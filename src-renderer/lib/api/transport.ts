// The one function a transport provides: send a method call, get the API's result back; a call may
// also follow its progress and be cancelled.
import type { CallProgress, Result } from '../../../src-main/api/contract';

export interface TransportOptions {
  onProgress?: (progress: CallProgress) => void;
  signal?: AbortSignal;
}

export type Transport = (method: string, input: unknown, options?: TransportOptions) => Promise<Result<unknown>>;

export const cancelledResult: Result<unknown> = { ok: false, error: { code: 'cancelled', message: 'Cancelled. Nothing was written.' } };
