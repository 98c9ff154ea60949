// Encryption at rest as the user sees it: whether the data folder is encrypted, and the passphrase rules.
import type { ErrorIssue } from './errors';

export const minPassphraseLength = 10;
export const maxPassphraseLength = 1024;

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
