// Encrypts a package with a passphrase (AES-256-GCM, key from scrypt) in a small envelope whose header
// carries the scrypt parameters; a passphrase check value lets a wrong passphrase be told from damage.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { defaultScryptParameters, scryptParametersSchema } from '../core/encryption';
import { fileError } from './file-errors';

const magic = new TextEncoder().encode('KARTLEGG-ENCRYPTED-PACKAGE\n');
const maxHeaderBytes = 4096;
const tagBytes = 16;

/** OWASP's scrypt recommendation; an import accepts up to 2^18 (256 MB of memory), never more. */
export { defaultScryptParameters };

const base64 = (bytes: number) => z.string().max(200).refine((value) => Buffer.from(value, 'base64').length === bytes, `must be ${bytes} bytes`);

const headerSchema = z
  .object({
    format: z.literal('kartlegg-encrypted'),
    version: z.literal(1),
    cipher: z.literal('aes-256-gcm'),
    kdf: scryptParametersSchema().extend({ name: z.literal('scrypt'), salt: base64(16) }).strict(),
    iv: base64(12),
    /** SHA-256 of the second half of the scrypt output, first 16 bytes: matches only the right passphrase. */
    check: base64(16),
    /** Bytes of the encrypted content, so a cut-short file is named as such. */
    length: z.number().int().min(0),
  })
  .strict();

type Header = z.infer<typeof headerSchema>;

export function isEncryptedPackage(bytes: Uint8Array): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

function deriveKeys(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<{ key: Buffer; check: Buffer }> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * params.p + 64 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // NFC: the same passphrase typed on another keyboard (composed or decomposed å) gives the same key.
    scryptCallback(passphrase.normalize('NFC'), salt, 64, options, (error, derived) => {
      if (error) reject(error);
      else resolve({ key: derived.subarray(0, 32), check: createHash('sha256').update(derived.subarray(32)).digest().subarray(0, 16) });
    });
  });
}

function headerBytes(header: Header): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([magic, length, json]);
}

export async function encryptPackage(
  plain: Uint8Array,
  passphrase: string,
  params: { N: number; r: number; p: number } = defaultScryptParameters,
): Promise<Uint8Array> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await deriveKeys(passphrase, salt, params);
  const header = headerBytes({
    format: 'kartlegg-encrypted',
    version: 1,
    cipher: 'aes-256-gcm',
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    check: check.toString('base64'),
    length: plain.length,
  });
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The header is authenticated too: nobody can lower the scrypt cost or swap the salt unnoticed.
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

export async function decryptPackage(bytes: Uint8Array, passphrase: string | undefined): Promise<Uint8Array> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length < magic.length + 4) throw fileError('truncated', 'The encrypted package ends too early: it was probably cut short.');
  const headerLength = data.readUInt32BE(magic.length);
  if (headerLength > maxHeaderBytes) throw fileError('unsupportedEncryption', 'The encrypted package has a header Kartlegg cannot read.');
  const headerEnd = magic.length + 4 + headerLength;
  if (data.length < headerEnd) throw fileError('truncated', 'The encrypted package ends too early: it was probably cut short.');
  let header: Header;
  try {
    header = headerSchema.parse(JSON.parse(data.subarray(magic.length + 4, headerEnd).toString('utf8')));
  } catch {
    throw fileError('unsupportedEncryption', 'The encrypted package has a header Kartlegg cannot read (an unknown cipher, or parameters outside the safe range).');
  }
  if (!passphrase) throw fileError('passphraseRequired', 'The package is encrypted. Enter its passphrase to open it.');
  const bodyLength = data.length - headerEnd - tagBytes;
  if (bodyLength !== header.length) {
    throw bodyLength < header.length
      ? fileError('truncated', 'The encrypted package ends too early: it was probably cut short.')
      : fileError('encryptionDamaged', 'The encrypted package is damaged: it has more data than its header says.');
  }
  const { key, check } = await deriveKeys(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  if (!timingSafeEqual(check, Buffer.from(header.check, 'base64'))) {
    throw fileError('passphraseWrong', 'The passphrase is wrong. Check it and try again (upper and lower case count).');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(data.subarray(0, headerEnd));
  decipher.setAuthTag(data.subarray(data.length - tagBytes));
  try {
    return Buffer.concat([decipher.update(data.subarray(headerEnd, data.length - tagBytes)), decipher.final()]);
  } catch {
    throw fileError('encryptionDamaged', 'The passphrase is right, but the encrypted package is damaged or was altered; nothing can be read from it.');
  }
}
