// The file that holds V8 code caches of the report libraries' CommonJS files (see code-cache.ts):
// a first line naming the format, the header's length (4 bytes, little-endian), the header (JSON:
// the runtime the caches were made by, the SHA-256 of the data section and one entry per source
// file), then the caches one after another. The hash covers the data section only; the header is
// checked as it is read (JSON, this runtime, every entry's place within the data). The build writes
// the file (code-cache-recorder.ts); the app only reads it.
import { sha256 } from '../db/sha256';

export const codeCacheFileName = 'code-cache.bin';

const magic = Buffer.from('kartlegg V8 code cache 1\n');

/** One source file's cache: the exact source's hash and length, and where its cache is in the data. */
export interface CodeCacheEntry {
  sourceSha256: string;
  sourceLength: number;
  offset: number;
  length: number;
}

/** A read cache file: its entries by file (relative to the cache file's folder, with "/"), and the
 * cache of an entry. */
export interface CodeCacheFile {
  entries: ReadonlyMap<string, CodeCacheEntry>;
  data(entry: CodeCacheEntry): Buffer;
}

interface Header {
  runtime: string;
  dataSha256: string;
  entries: Record<string, CodeCacheEntry>;
}

/** What a cache was made for besides its source: V8 (its version: a cache is V8's own format; V8
 * checks the flags itself and rejects a cache made under others), Node (its CommonJS wrapper) and
 * the machine. A cache made for another runtime is not used at all. */
export const codeCacheRuntime = (): string => `node ${process.version} v8 ${process.versions.v8} ${process.platform} ${process.arch}`;

/** The hash an entry names its source by. */
export const sourceSha256 = (source: string): string => sha256(source);

/** A source file's cache as written: the source's hash and length, and the cache. */
export interface RecordedCache {
  sourceSha256: string;
  sourceLength: number;
  cache: Buffer;
}

/** The file for these caches (by file, as `CodeCacheFile.entries` names them), made by this runtime. */
export function encodeCodeCache(caches: ReadonlyMap<string, RecordedCache>): Buffer {
  const entries: Record<string, CodeCacheEntry> = {};
  const parts: Buffer[] = [];
  let offset = 0;
  for (const [file, { sourceSha256: hash, sourceLength, cache }] of [...caches].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    entries[file] = { sourceSha256: hash, sourceLength, offset, length: cache.length };
    parts.push(cache);
    offset += cache.length;
  }
  const data = Buffer.concat(parts);
  const header = Buffer.from(JSON.stringify({ runtime: codeCacheRuntime(), dataSha256: sha256(data), entries } satisfies Header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return Buffer.concat([magic, length, header, data]);
}

const isEntry = (entry: unknown, dataLength: number): entry is CodeCacheEntry => {
  if (typeof entry !== 'object' || entry === null) return false;
  const { sourceSha256: hash, sourceLength, offset, length } = entry as Record<string, unknown>;
  const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  return typeof hash === 'string' && count(sourceLength) && count(offset) && count(length) && offset + length <= dataLength;
};

/** The caches in `bytes`, or undefined when they are not a whole, intact cache file made by this
 * runtime (cut short, damaged, another format, another Node or V8): then nothing is used from it. */
export function decodeCodeCache(bytes: Buffer): CodeCacheFile | undefined {
  const start = magic.length + 4;
  if (bytes.length < start || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
  const headerLength = bytes.readUInt32LE(magic.length);
  if (start + headerLength > bytes.length) return undefined;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', start, start + headerLength)) as Header;
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null || header.runtime !== codeCacheRuntime() || typeof header.entries !== 'object' || header.entries === null) return undefined;
  const data = bytes.subarray(start + headerLength);
  // V8 checks a cache's version, flags and length, not every byte: a damaged cache is never given to it.
  if (header.dataSha256 !== sha256(data)) return undefined;
  const entries = new Map<string, CodeCacheEntry>();
  for (const [file, entry] of Object.entries(header.entries)) if (isEntry(entry, data.length)) entries.set(file, entry);
  return { entries, data: (entry) => data.subarray(entry.offset, entry.offset + entry.length) };
}
