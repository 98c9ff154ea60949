// Saving a report: in the desktop app through the system's save dialog (with "Vis i mappe" after),
// in browser mode as a download. The renderer never sees the path it was saved to.
import { offerDownload } from './files';

interface SaveFileBridge {
  saveFile(fileName: string, contentBase64: string): Promise<unknown>;
  showSavedFile(savedId: string): Promise<unknown>;
}

export type SaveOutcome = { kind: 'downloaded' } | { kind: 'cancelled' } | { kind: 'saved'; savedId: string };

export interface FileToSave {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

function bridge(): SaveFileBridge | undefined {
  const candidate = (window as unknown as { kartlegg?: Partial<SaveFileBridge> }).kartlegg;
  return candidate?.saveFile && candidate.showSavedFile ? (candidate as SaveFileBridge) : undefined;
}

/** True in the desktop app, where a saved file can be shown in its folder. */
export const savesThroughDialog = (): boolean => bridge() !== undefined;

export async function saveFile(file: FileToSave): Promise<SaveOutcome> {
  const desktop = bridge();
  if (!desktop) {
    offerDownload(file);
    return { kind: 'downloaded' };
  }
  const result = (await desktop.saveFile(file.fileName, file.contentBase64)) as { ok: boolean; saved?: boolean; savedId?: string; message?: string };
  if (!result.ok) throw new Error(result.message ?? 'The file could not be saved.');
  return result.saved && result.savedId ? { kind: 'saved', savedId: result.savedId } : { kind: 'cancelled' };
}

export async function showSavedFile(savedId: string): Promise<void> {
  const result = (await bridge()?.showSavedFile(savedId)) as { ok: boolean; message?: string } | undefined;
  if (result && !result.ok) throw new Error(result.message ?? 'The folder could not be shown.');
}
