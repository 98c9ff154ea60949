// The typed API client: `api.call('clients.list', {...})` is checked against the contract.
import type { ErrorCode, ErrorData, ErrorIssue, MethodInput, MethodName, MethodOutput } from '../../../src-main/api/contract';
import { createHttpTransport, takeToken } from './http-transport';
import { createIpcTransport, ipcBridge } from './ipc-transport';
import { followCall, progressMethods } from './running-calls';
import type { Transport } from './transport';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];

  constructor(data: ErrorData) {
    super(data.message);
    this.code = data.code;
    this.issues = data.issues ?? [];
  }
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      // Long calls are followed, so a progress bar where they run can show them and cancel them.
      const followed = progressMethods.has(method) ? followCall(method) : null;
      try {
        const result = await transport(method, input, followed ? { signal: followed.signal, onProgress: followed.onProgress } : undefined);
        if (!result.ok) throw new ApiError(result.error);
        return result.value as never;
      } finally {
        followed?.finish();
      }
    },
  };
}

function defaultTransport(): Transport {
  const bridge = ipcBridge();
  return bridge ? createIpcTransport(bridge) : createHttpTransport(takeToken(window.location, () => window.sessionStorage, window.history));
}

export const api: ApiClient = createApiClient(defaultTransport());
