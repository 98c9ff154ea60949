// Transport inside the Electron app: the preload's single `invoke` bridge.
import type { Result } from '../../../src-main/api/contract';
import type { Transport } from './transport';

interface KartleggBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
}

export function ipcBridge(): KartleggBridge | undefined {
  return (window as unknown as { kartlegg?: KartleggBridge }).kartlegg;
}

export function createIpcTransport(bridge: KartleggBridge): Transport {
  return async (method, input) => (await bridge.invoke(method, input)) as Result<unknown>;
}
