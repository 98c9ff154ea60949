// Sandboxed preload: exposes `window.kartlegg.invoke(method, input)` and nothing else (bundled as CommonJS).
import { contextBridge, ipcRenderer } from 'electron';
import { AppError } from './core/errors';
import { API_CHANNEL, isApiMethodName } from './ipc';

const kartlegg = Object.freeze({
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!isApiMethodName(method)) {
      // Same shape as every other API error, so the renderer has one error path.
      return Promise.resolve({ ok: false, error: new AppError('forbidden', 'The API method name is not valid.').toData() });
    }
    return ipcRenderer.invoke(API_CHANNEL, method, input);
  },
});

contextBridge.exposeInMainWorld('kartlegg', kartlegg);
