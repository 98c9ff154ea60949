// Sandboxed preload: exposes `window.kartlegg.invoke(method, input)`, and saving a report through the
// system's save dialog with "show in folder" (bundled as CommonJS).
import { contextBridge, ipcRenderer } from 'electron';
import { AppError } from './core/errors';
import { API_CHANNEL, isApiMethodName } from './ipc';
import { SAVE_FILE_CHANNEL, SHOW_SAVED_FILE_CHANNEL } from './save-file-channels';

const kartlegg = Object.freeze({
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!isApiMethodName(method)) {
      // Same shape as every other API error, so the renderer has one error path.
      return Promise.resolve({ ok: false, error: new AppError('forbidden', 'The API method name is not valid.').toData() });
    }
    return ipcRenderer.invoke(API_CHANNEL, method, input);
  },
  saveFile(fileName: string, contentBase64: string): Promise<unknown> {
    return ipcRenderer.invoke(SAVE_FILE_CHANNEL, String(fileName), String(contentBase64));
  },
  showSavedFile(savedId: string): Promise<unknown> {
    return ipcRenderer.invoke(SHOW_SAVED_FILE_CHANNEL, String(savedId));
  },
});

contextBridge.exposeInMainWorld('kartlegg', kartlegg);
