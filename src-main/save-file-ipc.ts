// Saving a report from the desktop app: the system's save dialog, then "Vis i mappe". The renderer
// hands over a file name and bytes and gets back an id for the saved file, never a path.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ApiInvokeEvent, IsTrustedFrame } from './ipc';
import { SAVE_FILE_CHANNEL, SHOW_SAVED_FILE_CHANNEL } from './save-file-channels';

/** Reports are at most a few MB; base64 of 50 MB is far past any of them. */
const maxBase64Length = 70 * 1024 * 1024;
const savedFileExtensions = ['docx', 'pdf'] as const;

export type SaveFileResult = { ok: true; saved: false } | { ok: true; saved: true; savedId: string } | { ok: false; message: string };

/** The parts of Electron and node:fs this module uses, so the logic is tested without them. */
export interface SaveFileShell {
  showSaveDialog(options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(filePath: string, bytes: Buffer): Promise<void>;
  showItemInFolder(filePath: string): void;
}

export interface SaveFileIpcMain {
  handle(channel: string, listener: (event: ApiInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/** A plain file name ending .docx or .pdf, nothing that could be a path; or null. */
export function checkedFileName(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) return null;
  const hasControlCharacter = [...value].some((character) => character.charCodeAt(0) < 0x20);
  if (path.basename(value) !== value || /[\\/:*?"<>|]/.test(value) || hasControlCharacter || value.startsWith('.')) return null;
  const extension = value.slice(value.lastIndexOf('.') + 1).toLowerCase();
  return (savedFileExtensions as readonly string[]).includes(extension) ? value : null;
}

function checkedBase64(value: unknown): Buffer | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxBase64Length || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null;
  return Buffer.from(value, 'base64');
}

/** Registers both channels; the files saved in this session are remembered by id for "Vis i mappe". */
export function registerSaveFileIpc(ipcMain: SaveFileIpcMain, shell: SaveFileShell, isTrusted: IsTrustedFrame, defaultFolder: () => string): void {
  const saved = new Map<string, string>();
  ipcMain.handle(SAVE_FILE_CHANNEL, (event, fileName, contentBase64) => saveFile(shell, isTrusted, event, { fileName, contentBase64, defaultFolder: defaultFolder(), saved }));
  ipcMain.handle(SHOW_SAVED_FILE_CHANNEL, async (event, savedId) => {
    if (!isTrusted(safeFrame(event))) return { ok: false, message: 'The caller is not the Kartlegg window.' };
    const filePath = typeof savedId === 'string' ? saved.get(savedId) : undefined;
    if (!filePath) return { ok: false, message: 'That file was not saved in this session.' };
    shell.showItemInFolder(filePath);
    return { ok: true };
  });
}

/** Never rejects: an error reaches the renderer as a message, not a stack. */
export async function saveFile(
  shell: SaveFileShell,
  isTrusted: IsTrustedFrame,
  event: ApiInvokeEvent,
  request: { fileName: unknown; contentBase64: unknown; defaultFolder: string; saved: Map<string, string> },
): Promise<SaveFileResult> {
  try {
    if (!isTrusted(safeFrame(event))) return { ok: false, message: 'The caller is not the Kartlegg window.' };
    const fileName = checkedFileName(request.fileName);
    const bytes = checkedBase64(request.contentBase64);
    if (!fileName || !bytes) return { ok: false, message: 'The file to save is not valid.' };
    const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
    const choice = await shell.showSaveDialog({
      defaultPath: path.join(request.defaultFolder, fileName),
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    });
    if (choice.canceled || !choice.filePath) return { ok: true, saved: false };
    await shell.writeFile(choice.filePath, bytes);
    const savedId = randomUUID();
    request.saved.set(savedId, choice.filePath);
    return { ok: true, saved: true, savedId };
  } catch (error) {
    console.error(`[ipc] ${SAVE_FILE_CHANNEL} failed`, error);
    return { ok: false, message: error instanceof Error && 'code' in error ? `The file could not be written (${String((error as NodeJS.ErrnoException).code)}).` : 'The file could not be saved.' };
  }
}

function safeFrame(event: ApiInvokeEvent) {
  try {
    return event.senderFrame ?? null;
  } catch {
    return null;
  }
}
