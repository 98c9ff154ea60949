// Encryption at rest as the user sees it: whether the data folder is encrypted, and the passphrase rules.
import { z } from 'zod';
import type { ErrorIssue } from './errors';
import { lazySchema } from './lazy-schema';
import { minPassphraseLength } from './passphrase';

/** OWASP's scrypt recommendation, for every new key (data folder and packages). */
export const defaultScryptParameters = { N: 2 ** 17, r: 8, p: 1 } as const;

/** The scrypt settings a file may ask for (a package header, the data folder's encryption marker): at
 * most 2^18 × 8 (256 MB of memory), never the 16 GB a hostile file could ask for. */
export const scryptParametersSchema = lazySchema(() =>
  z.object({
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 18)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(8),
    p: z.number().int().min(1).max(2),
  }),
);

/** How long to wait before answering the nth wrong passphrase in a row: doubling from a quarter of a
 * second to at most 15 s, so guessing through the API is slow while a typo costs little. */
export function wrongPassphraseDelayMs(failures: number): number {
  if (failures < 1) return 0;
  return Math.min(250 * 2 ** (failures - 1), 15_000);
}

/** The message of every wrong passphrase, in both UI languages (the CLI and logs show it as is). */
export const wrongPassphraseMessage = 'Feil passordfrase / wrong passphrase';

export interface EncryptionStatus {
  encrypted: boolean;
  /** The SQLite3 Multiple Ciphers scheme, e.g. "sqlcipher"; null when not encrypted. */
  cipher: string | null;
  /** How the key is derived from the passphrase, e.g. "scrypt"; null when not encrypted. */
  kdf: string | null;
}

/** The problems with a new passphrase (empty when it is acceptable); `path` names the input field. */
export function passphraseProblems(passphrase: string, path: string): ErrorIssue[] {
  if (passphrase.length < minPassphraseLength) {
    return [{ path, message: `A passphrase needs at least ${minPassphraseLength} characters.`, key: 'passphraseTooShort' }];
  }
  if (passphrase.trim() === '') return [{ path, message: 'A passphrase cannot be only spaces.', key: 'passphraseTooShort' }];
  return [];
}
