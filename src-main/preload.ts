// Sandboxed preload: exposes `window.kartlegg.invoke(method, input, callId?)`, the progress of calls
// made with a call id and cancelling them, and saving a report through the system's save dialog with
// "show in folder"; nothing else (bundled as CommonJS).
import { contextBridge, ipcRenderer } from 'electron';
import { AppError } from './core/errors';
import { API_CHANNEL, CANCEL_CHANNEL, isApiMethodName, isCallId, PROGRESS_CHANNEL } from './ipc';
import { SAVE_FILE_CHANNEL, SHOW_SAVED_FILE_CHANNEL } from './save-file-channels';

const kartlegg = Object.freeze({
  invoke(method: string, input: unknown, callId?: string): Promise<unknown> {
    if (!isApiMethodName(method)) {
      // Same shape as every other API error, so the renderer has one error path.
      return Promise.resolve({ ok: false, error: new AppError('forbidden', 'The API method name is not valid.').toData() });
    }
    return ipcRenderer.invoke(API_CHANNEL, method, input, isCallId(callId) ? callId : undefined);
  },
  cancel(callId: string): void {
    if (isCallId(callId)) ipcRenderer.send(CANCEL_CHANNEL, callId);
  },
  /** Calls listener with (callId, progress) for every call made with a call id; returns the unsubscribe. */
  onProgress(listener: (callId: string, progress: unknown) => void): () => void {
    const forward = (_event: unknown, callId: unknown, progress: unknown) => {
      if (isCallId(callId)) listener(callId, progress);
    };
    ipcRenderer.on(PROGRESS_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(PROGRESS_CHANNEL, forward);
  },
  saveFile(fileName: string, contentBase64: string): Promise<unknown> {
    return ipcRenderer.invoke(SAVE_FILE_CHANNEL, String(fileName), String(contentBase64));
  },
  showSavedFile(savedId: string): Promise<unknown> {
    return ipcRenderer.invoke(SHOW_SAVED_FILE_CHANNEL, String(savedId));
  },
});

contextBridge.exposeInMainWorld('kartlegg', kartlegg);
