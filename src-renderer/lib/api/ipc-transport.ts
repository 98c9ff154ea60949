// Transport inside the Electron app: the preload's `invoke` bridge, with progress and cancel per call id.
import type { CallProgress, Result } from '../../../src-main/api/contract';
import { cancelledResult, type Transport } from './transport';

interface KartleggBridge {
  invoke(method: string, input: unknown, callId?: string): Promise<unknown>;
  cancel?(callId: string): void;
  onProgress?(listener: (callId: string, progress: unknown) => void): () => void;
}

export function ipcBridge(): KartleggBridge | undefined {
  return (window as unknown as { kartlegg?: KartleggBridge }).kartlegg;
}

let nextCall = 0;

export function createIpcTransport(bridge: KartleggBridge): Transport {
  return async (method, input, options = {}) => {
    const { onProgress, signal } = options;
    if (!onProgress && !signal) return (await bridge.invoke(method, input)) as Result<unknown>;
    if (signal?.aborted) return cancelledResult;
    const callId = `c${Date.now().toString(36)}-${(nextCall++).toString(36)}`;
    const unsubscribe = bridge.onProgress?.((id, progress) => {
      if (id === callId) onProgress?.(progress as CallProgress);
    });
    const cancel = () => bridge.cancel?.(callId);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return (await bridge.invoke(method, input, callId)) as Result<unknown>;
    } finally {
      unsubscribe?.();
      signal?.removeEventListener('abort', cancel);
    }
  };
}
