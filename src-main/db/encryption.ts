// Encryption at rest: the marker file that says a data folder is encrypted, the key derived from the
// passphrase, and keying or re-keying a SQLite3 Multiple Ciphers connection with it.
import Database from 'better-sqlite3';
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/errors';
import { wrongPassphraseMessage } from '../core/encryption';
import type { Db } from './database';
import { syncFile, syncFolder } from './file-sync';
import { privateFileMode } from './private-files';

export const markerFileName = 'kartlegg.encryption.json';

/** SQLCipher 4's format (AES-256-CBC, HMAC-SHA512 per page): standard SQLCipher tools can open a copy for rescue. */
export const cipherName = 'sqlcipher';

/** OWASP's minimum for scrypt: about 0.8 s and 128 MB once per unlock, which slows guessing a stolen file. */
const newKdf = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;
const keyLength = 32;

const keyEntrySchema = z.object({ salt: z.string().max(100), check: z.string().max(200) }).strict();
const markerSchema = z
  .object({
    format: z.literal(1),
    cipher: z.literal(cipherName),
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2).max(2 ** 22), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16) }).strict(),
    /** Normally one; two while the passphrase is being changed (the new one first), so that a crash
     * in the middle leaves a key that opens the file whichever step it stopped at. */
    keys: z.array(keyEntrySchema).min(1).max(2),
  })
  .strict();

export type EncryptionMarker = z.infer<typeof markerSchema>;
type KeyEntry = z.infer<typeof keyEntrySchema>;

export function markerPath(dataDir: string): string {
  return path.join(dataDir, markerFileName);
}

/** The folder's marker, or null when the folder is not encrypted. A marker that cannot be read is an
 * error, never "not encrypted": guessing wrong would open an empty database over the real one. */
export function readMarker(dataDir: string): EncryptionMarker | null {
  const file = markerPath(dataDir);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('database_corrupt', `The encryption marker ${file} cannot be read (${(error as Error).message}).`);
  }
  const result = markerSchema.safeParse(parsed);
  if (!result.success) throw new AppError('database_corrupt', `The encryption marker ${file} is not valid: ${result.error.issues[0]?.message ?? ''}`);
  return result.data;
}

/** Written beside and renamed, so a crash leaves the old marker or the new one. */
export function writeMarker(dataDir: string, marker: EncryptionMarker): void {
  const file = markerPath(dataDir);
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, `${JSON.stringify(marker, null, 2)}\n`, { mode: privateFileMode });
    syncFile(partial);
    renameSync(partial, file);
    syncFolder(dataDir);
  } finally {
    rmSync(partial, { force: true });
  }
}

export function removeMarker(dataDir: string): void {
  rmSync(markerPath(dataDir), { force: true });
  syncFolder(dataDir);
}

function deriveKey(passphrase: string, salt: string, kdf: EncryptionMarker['kdf']): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), keyLength, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 1024 * 1024,
  });
}

/** A value that shows whether a key is the right one without trying it on the database, so that a
 * wrong passphrase can be told from a damaged file. It reveals nothing about the key itself. */
function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('kartlegg key check v1').digest('base64');
}

function checkMatches(entry: KeyEntry, key: Buffer): boolean {
  const expected = Buffer.from(entry.check, 'base64');
  const actual = Buffer.from(keyCheck(key), 'base64');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A new key for a passphrase (a fresh salt), and its marker entry. */
export function newKey(passphrase: string, kdf: EncryptionMarker['kdf'] = { ...newKdf }): { key: Buffer; entry: KeyEntry; kdf: EncryptionMarker['kdf'] } {
  const salt = randomBytes(16).toString('base64');
  const key = deriveKey(passphrase, salt, kdf);
  return { key, entry: { salt, check: keyCheck(key) }, kdf };
}

export function newMarker(entries: KeyEntry[], kdf: EncryptionMarker['kdf']): EncryptionMarker {
  return { format: 1, cipher: cipherName, kdf, keys: entries };
}

/** The keys of the marker this passphrase derives (newest first); throws 'wrong_passphrase' when none. */
export function keysForPassphrase(marker: EncryptionMarker, passphrase: string): { key: Buffer; entry: KeyEntry }[] {
  const matches = marker.keys.map((entry) => ({ key: deriveKey(passphrase, entry.salt, marker.kdf), entry })).filter(({ key, entry }) => checkMatches(entry, key));
  if (matches.length === 0) throw new AppError('wrong_passphrase', wrongPassphraseMessage);
  return matches;
}

function selectCipher(db: Db): void {
  db.pragma(`cipher = '${cipherName}'`);
  db.pragma('legacy = 4');
}

/** Must run right after opening, before any other statement. The raw-key form (x'…') skips SQLCipher's
 * own PBKDF2 (scrypt has already stretched the passphrase) and needs no quoting of user text. */
export function applyKey(db: Db, key: Buffer): void {
  selectCipher(db);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Encrypts, re-encrypts or (key null) decrypts an open database in place. SQLite3 Multiple Ciphers
 * cannot re-key a WAL database, so the connection leaves WAL for the rewrite and returns to it. */
export function rekeyDatabase(db: Db, key: Buffer | null): void {
  const journalMode = db.pragma('journal_mode', { simple: true }) as string;
  if (journalMode === 'wal') db.pragma('journal_mode = DELETE');
  try {
    selectCipher(db);
    db.pragma(key ? `rekey = "x'${key.toString('hex')}'"` : "rekey = ''");
  } finally {
    if (journalMode === 'wal') db.pragma('journal_mode = WAL');
  }
}

const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether a database file is stored in the clear (an encrypted file has no readable header). */
export function isPlainDatabaseFile(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(plainHeader.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(plainHeader);
  } finally {
    closeSync(fd);
  }
}

/** Whether the key reads the database file, tried on a connection of its own that writes nothing. */
export function keyOpensDatabase(file: string, key: Buffer, nativeBinding?: string): boolean {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
