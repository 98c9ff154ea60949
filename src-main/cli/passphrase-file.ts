// Reads a passphrase from a file: never from the command line, which other users of the computer may see.
// The file is read with limits: a regular file of at most 4 KiB (never a FIFO that blocks, /dev/zero
// that never ends, or a folder), one BOM and one line ending stripped, a warning when others can read it.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { maxPassphraseLength } from '../core/passphrase';
import { AppError } from '../core/errors';

/** A passphrase is at most 1024 characters; with its line ending and BOM it fits in 1 KiB plus a little,
 * and a passphrase in UTF-8 may take more bytes than characters. */
export const maxPassphraseFileBytes = 4 * maxPassphraseLength;

function refuse(file: string, why: string): AppError {
  return new AppError('bad_request', `The passphrase file ${file} ${why}`);
}

/** The text of the passphrase file without one leading BOM and one trailing line ending (\r\n, \n or \r). */
export function passphraseFromFileText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/(\r\n|\n|\r)$/, '');
}

export function readPassphrase(file: unknown, warn: (message: string) => void = (message) => console.error(message)): string | undefined {
  if (typeof file !== 'string') return undefined;
  let fd: number;
  try {
    // Non-blocking: opening a FIFO must not wait for a writer; it is refused below as not a regular file.
    fd = openSync(path.resolve(file), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw refuse(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw refuse(file, 'is not a regular file (a folder, device or pipe); write the passphrase into a file.');
    if (stat.size > maxPassphraseFileBytes) throw refuse(file, `is larger than ${maxPassphraseFileBytes} bytes: it holds more than a passphrase.`);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      warn(`kartlegg: warning: the passphrase file ${file} can be read by other accounts on this computer; restrict it with "chmod 600 ${file}".`);
    }
    // One byte more than allowed, in case the file grew since fstat.
    const buffer = Buffer.alloc(maxPassphraseFileBytes + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxPassphraseFileBytes) throw refuse(file, `is larger than ${maxPassphraseFileBytes} bytes: it holds more than a passphrase.`);
    bytes = buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw refuse(file, 'is not UTF-8 text.');
  }
  const passphrase = passphraseFromFileText(text);
  if (passphrase === '') throw refuse(file, 'is empty.');
  if (passphrase.length > maxPassphraseLength) throw refuse(file, `holds more than ${maxPassphraseLength} characters.`);
  return passphrase;
}
