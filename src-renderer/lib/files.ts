// Files in and out of the renderer, which never sees a path: a chosen file read as base64, and an exported one offered as a download.
import type { TFunction } from 'i18next';
import type { MethodOutput } from '../../src-main/api/contract';

type ExportedFile = MethodOutput<'transfer.exportPackage'>;

/** The browser mode's request limit is 20 MB, and base64 makes a file a third larger: about 14 MB of file fit. */
const maxUploadBytes = 14 * 1024 * 1024;

export function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 });
}

/** Why a chosen file cannot be sent (none chosen, or over the upload limit), or null when it can. */
export function chosenFileProblem(t: TFunction, file: File | null): string | null {
  if (!file) return t('transfer.chooseFile');
  if (file.size > maxUploadBytes) return t('transfer.fileTooLarge', { size: megabytes(file.size), max: megabytes(maxUploadBytes) });
  return null;
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with millions of arguments overflows the stack.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves an exported file the way a browser saves a download (Blob and a link with download). */
export function offerDownload(file: Pick<ExportedFile, 'contentBase64' | 'mimeType' | 'fileName'>): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
