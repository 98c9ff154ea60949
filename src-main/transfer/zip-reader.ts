// Reads a zip file that may be hostile: the central directory is parsed here, strictly, and each entry
// inflated in small steps so that a zip bomb is stopped at the caps instead of filling the memory.
import { Inflate } from 'fflate';
import { AppError } from '../core/errors';
import { fileError } from './file-errors';

export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
}

/** What the messages call the file, e.g. "The package". */
export type ZipKind = 'package' | 'spreadsheet';

const endOfCentralDirectory = 0x06054b50;
const centralEntry = 0x02014b50;
const localEntry = 0x04034b50;
/** Input is fed to the inflater in steps this big, so one step yields at most about 16 MB. */
const inflateStep = 16 * 1024;

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Why a name would be unsafe to extract, or null: no absolute paths, drive letters, backslashes or "..". */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'the name is empty';
  if (name.length > 255) return 'the name is longer than 255 characters';
  if (name.includes('\0')) return 'the name contains a null character';
  if (name.includes('\\')) return 'the name contains a backslash';
  if (name.startsWith('/')) return 'the name is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'the name starts with a drive letter';
  if (name.split('/').some((segment) => segment === '..')) return 'the name climbs out of the folder with ".."';
  return null;
}

function the(kind: ZipKind): string {
  return kind === 'package' ? 'The package' : 'The spreadsheet';
}

export function readZip(bytes: Uint8Array, limits: ZipLimits, kind: ZipKind): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (offset: number) => view.getUint16(offset, true);
  const u32 = (offset: number) => view.getUint32(offset, true);
  const inside = (offset: number, length: number) => offset >= 0 && length >= 0 && offset + length <= bytes.length;

  const end = findEndOfCentralDirectory(bytes, view);
  if (end < 0) {
    throw looksLikeZip(bytes)
      ? fileError('truncated', `${the(kind)} file ends too early: it was probably cut short while copying or downloading.`)
      : fileError(kind === 'package' ? 'notAPackage' : 'notASpreadsheet', `${the(kind)} file is not a zip file.`);
  }
  if (end >= 20 && u32(end - 20) === 0x07064b50) {
    throw fileError('unsupportedZip', `${the(kind)} uses the ZIP64 extension, which Kartlegg does not read (it never writes files that large).`);
  }
  const entryCount = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryOffset = u32(end + 16);
  if (entryCount > limits.maxEntries) {
    throw fileError('tooManyEntries', `${the(kind)} has ${entryCount} entries; at most ${limits.maxEntries} are accepted.`);
  }
  if (!inside(directoryOffset, directorySize) || directoryOffset + directorySize > end) {
    throw fileError('truncated', `${the(kind)} file is incomplete: its table of contents points past the data that is there.`);
  }

  const files = new Map<string, Uint8Array>();
  let total = 0;
  let offset = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (!inside(offset, 46) || u32(offset) !== centralEntry) {
      throw fileError('damaged', `${the(kind)}'s table of contents is damaged at entry ${i + 1}.`);
    }
    const flags = u16(offset + 8);
    const method = u16(offset + 10);
    const compressedSize = u32(offset + 20);
    const declaredSize = u32(offset + 24);
    const nameLength = u16(offset + 28);
    const extraLength = u16(offset + 30);
    const commentLength = u16(offset + 32);
    const localOffset = u32(offset + 42);
    if (!inside(offset + 46, nameLength + extraLength + commentLength)) {
      throw fileError('damaged', `${the(kind)}'s table of contents is damaged at entry ${i + 1}.`);
    }
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;

    const unsafe = unsafeEntryName(name);
    if (unsafe) throw fileError('unsafeEntryName', `${the(kind)} holds an entry named "${name.slice(0, 100)}": ${unsafe}. It is refused.`);
    if (files.has(name)) throw fileError('duplicateEntry', `${the(kind)} holds the entry "${name}" twice.`);
    if (flags & 0x1) throw fileError('unsupportedZip', `The entry "${name}" is encrypted with zip encryption, which Kartlegg does not use.`);
    if (method !== 0 && method !== 8) throw fileError('unsupportedZip', `The entry "${name}" uses compression method ${method}; only stored and deflated entries are read.`);
    if (declaredSize > limits.maxEntryBytes) {
      throw fileError('entryTooLarge', `The entry "${name}" would unpack to ${declaredSize} bytes; at most ${limits.maxEntryBytes} are accepted.`);
    }
    if (name.endsWith('/')) {
      files.set(name, new Uint8Array(0));
      continue;
    }

    if (!inside(localOffset, 30) || u32(localOffset) !== localEntry) {
      throw fileError('truncated', `${the(kind)} file is incomplete: the data of "${name}" is missing.`);
    }
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (!inside(dataStart, compressedSize)) {
      throw fileError('truncated', `${the(kind)} file is incomplete: the data of "${name}" is cut short.`);
    }
    const compressed = bytes.subarray(dataStart, dataStart + compressedSize);
    const budget = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    const content = method === 0 ? compressed.slice() : inflateCapped(compressed, budget, name, limits, kind);
    if (method === 0 && content.length > budget) throw tooLarge(name, limits, kind, total + content.length);
    total += content.length;
    files.set(name, content);
  }
  return files;
}

function tooLarge(name: string, limits: ZipLimits, kind: ZipKind, reached: number) {
  return reached > limits.maxEntryBytes && reached <= limits.maxTotalBytes
    ? fileError('entryTooLarge', `The entry "${name}" unpacks to more than ${limits.maxEntryBytes} bytes; it is refused.`)
    : fileError('contentTooLarge', `${the(kind)} unpacks to more than ${limits.maxTotalBytes} bytes in all; it is refused.`);
}

function inflateCapped(compressed: Uint8Array, budget: number, name: string, limits: ZipLimits, kind: ZipKind): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > budget) throw tooLarge(name, limits, kind, size);
    chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < compressed.length; at += inflateStep) {
      const end = Math.min(at + inflateStep, compressed.length);
      inflater.push(compressed.subarray(at, end), end === compressed.length);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Error && error.message === 'unexpected EOF') throw fileError('truncated', `The entry "${name}" ends too early.`);
    throw fileError('damaged', `The entry "${name}" cannot be unpacked (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!finished) throw fileError('truncated', `The entry "${name}" ends too early.`);
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment may be that long). */
function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) !== endOfCentralDirectory) continue;
    // The comment must end exactly at the end of the file, or this is a stray signature.
    if (at + 22 + view.getUint16(at + 20, true) === bytes.length) return at;
  }
  return -1;
}
