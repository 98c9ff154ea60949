// Encryption at rest: the marker file that says a data folder is encrypted, the key derived from the
// passphrase, and keying or re-keying a SQLite3 Multiple Ciphers connection with it.
import Database from 'better-sqlite3';
import type * as NodeCrypto from 'node:crypto';
import { createRequire } from 'node:module';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/errors';
import { lazySchema } from '../core/lazy-schema';
import { defaultScryptParameters, scryptParametersSchema, wrongPassphraseMessage } from '../core/encryption';
import type { Db } from './sqlite';
import { syncFile, syncFolder } from './file-sync';
import { makePrivateFile, privateFileMode } from './private-files';

/** node:crypto, loaded at the first key operation: opening a plain data folder (every short CLI
 * command) never needs it, and loading it is a noticeable part of such a command's start-up. */
const nodeCrypto = () => createRequire(import.meta.url)('node:crypto') as typeof NodeCrypto;

export const markerFileName = 'kartlegg.encryption.json';

/** SQLCipher 4's format (AES-256-CBC, HMAC-SHA512 per page): standard SQLCipher tools can open a copy for rescue. */
export const cipherName = 'sqlcipher';

const keyLength = 32;

/** Tests only: a cheaper scrypt for new keys (N = 2^10), so that tests which encrypt many times stay
 * fast on a busy machine. Honoured only under a test runner (NODE_ENV=test); anywhere else it is
 * refused, never silently used. */
export const testKdfVariable = 'KARTLEGG_TEST_WEAK_KDF';

/** OWASP's minimum for scrypt: about 0.8 s and 128 MB once per unlock, which slows guessing a stolen file. */
function newKdf(): EncryptionMarker['kdf'] {
  if (process.env[testKdfVariable]) {
    if (process.env.NODE_ENV !== 'test') throw new AppError('internal', `${testKdfVariable} is for tests only; unset it. Nothing was changed.`);
    return { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 };
  }
  return { name: 'scrypt', ...defaultScryptParameters };
}

const keyEntrySchema = lazySchema(() => z.object({ salt: z.string().max(100), check: z.string().max(200) }).strict());
/** Built when a marker is read: a plain data folder never needs it. */
const markerSchema = lazySchema(() =>
  z
    .object({
      format: z.literal(1),
      cipher: z.literal(cipherName),
      // Capped as package headers are: a marker must not make an unlock allocate gigabytes.
      kdf: scryptParametersSchema().extend({ name: z.literal('scrypt') }).strict(),
      /** Normally one; two while the passphrase is being changed (the new one first), so that a crash
       * in the middle leaves a key that opens the file whichever step it stopped at. */
      keys: z.array(keyEntrySchema()).min(1).max(2),
      /** Present while the data is being encrypted or re-keyed: what the files are being re-keyed from,
       * "plain" or the old key wrapped under the new one, so that the next unlock with the new
       * passphrase finishes the job wherever it stopped. */
      rekeying: z.object({ from: z.union([z.literal('plain'), z.string().max(200)]) }).strict().optional(),
    })
    .strict(),
);

export type EncryptionMarker = z.infer<ReturnType<typeof markerSchema>>;
type KeyEntry = z.infer<ReturnType<typeof keyEntrySchema>>;

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
  const result = markerSchema().safeParse(parsed);
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

/** scrypt on libuv's thread pool: an unlock must not stall the server's event loop for a second. */
function deriveKey(passphrase: string, salt: string, kdf: EncryptionMarker['kdf']): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 };
    nodeCrypto().scrypt(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A value that shows whether a key is the right one without trying it on the database, so that a
 * wrong passphrase can be told from a damaged file. It reveals nothing about the key itself. */
function keyCheck(key: Buffer): string {
  return nodeCrypto().createHmac('sha256', key).update('kartlegg key check v1').digest('base64');
}

function checkMatches(entry: KeyEntry, key: Buffer): boolean {
  const expected = Buffer.from(entry.check, 'base64');
  const actual = Buffer.from(keyCheck(key), 'base64');
  return expected.length === actual.length && nodeCrypto().timingSafeEqual(expected, actual);
}

/** A new key for a passphrase (a fresh salt), and its marker entry. */
export async function newKey(passphrase: string, kdf: EncryptionMarker['kdf'] = newKdf()): Promise<{ key: Buffer; entry: KeyEntry; kdf: EncryptionMarker['kdf'] }> {
  const salt = nodeCrypto().randomBytes(16).toString('base64');
  const key = await deriveKey(passphrase, salt, kdf);
  return { key, entry: { salt, check: keyCheck(key) }, kdf };
}

export function newMarker(entries: KeyEntry[], kdf: EncryptionMarker['kdf'], rekeying?: EncryptionMarker['rekeying']): EncryptionMarker {
  return { format: 1, cipher: cipherName, kdf, keys: entries, ...(rekeying ? { rekeying } : {}) };
}

/** The keys of the marker this passphrase derives (newest first); throws 'wrong_passphrase' when none. */
export async function keysForPassphrase(marker: EncryptionMarker, passphrase: string): Promise<{ key: Buffer; entry: KeyEntry }[]> {
  const derived = await Promise.all(marker.keys.map(async (entry) => ({ key: await deriveKey(passphrase, entry.salt, marker.kdf), entry })));
  const matches = derived.filter(({ key, entry }) => checkMatches(entry, key));
  if (matches.length === 0) throw new AppError('wrong_passphrase', wrongPassphraseMessage);
  return matches;
}

/** The old key sealed under the new one (AES-256-GCM), for the marker while a passphrase change runs. */
export function wrapKey(key: Buffer, under: Buffer): string {
  const iv = nodeCrypto().randomBytes(12);
  const cipher = nodeCrypto().createCipheriv('aes-256-gcm', under, iv);
  const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

/** The key wrapKey sealed; null when `under` is not the key it was sealed with (or it was altered). */
export function unwrapKey(wrapped: string, under: Buffer): Buffer | null {
  const bytes = Buffer.from(wrapped, 'base64');
  try {
    const decipher = nodeCrypto().createDecipheriv('aes-256-gcm', under, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
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

/** The files SQLite may keep beside a database file. */
export function sideFiles(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/** Suffix of the copy rekeyFile writes before it takes the file's place. */
export const rekeyingSuffix = '.rekeying';

/**
 * Re-keys a database file that no connection has open (from null: plain; to null: decrypt) without
 * ever touching it in place: a copy is re-keyed, vacuumed (no old pages stay behind in free space),
 * checked, flushed and renamed over the file. A crash at any moment leaves the file as it was or as
 * it should be, never half of each; the copy is removed at the next start.
 */
export function rekeyFile(file: string, from: Buffer | null, to: Buffer | null, nativeBinding?: string): void {
  const temp = `${file}${rekeyingSuffix}`;
  const removeTemp = () => {
    for (const leftover of [temp, ...sideFiles(temp)]) rmSync(leftover, { force: true });
  };
  removeTemp();
  try {
    copyFileSync(file, temp);
    makePrivateFile(temp);
    const db = new Database(temp, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      if (from) applyKey(db, from);
      if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('journal_mode = DELETE');
      db.exec('VACUUM');
      rekeyDatabase(db, to);
      const integrity = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check).join('; ');
      if (integrity !== 'ok') throw new AppError('database_corrupt', `The re-keyed copy of ${file} failed its check (${integrity}).`);
    } finally {
      db.close();
    }
    syncFile(temp);
    renameSync(temp, file);
    syncFolder(path.dirname(file));
  } finally {
    removeTemp();
  }
}

/** Removes a copy rekeyFile left when it was stopped. */
export function removeRekeyLeftovers(file: string): void {
  for (const leftover of [`${file}${rekeyingSuffix}`, ...sideFiles(`${file}${rekeyingSuffix}`)]) rmSync(leftover, { force: true });
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
