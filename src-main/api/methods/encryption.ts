// API contract for encryption at rest: unlock an encrypted data folder, turn encryption on or off, change the passphrase.
import { z } from 'zod';
import type { EncryptionStatus } from '../../core/encryption';
import { maxPassphraseLength } from '../../core/passphrase';
import { lazySchema } from '../../core/lazy-schema';
import { method } from '../method';

/** Never trimmed or normalised here: a passphrase is exactly what was typed. */
const passphrase = lazySchema(() => z.string().max(maxPassphraseLength));

export const encryptionMethods = {
  'encryption.status': method<EncryptionStatus>()({
    summary: 'Whether the data folder is encrypted, with which cipher and key derivation. Works while locked.',
    input: () => z.object({}).strict(),
  }),
  'encryption.unlock': method<{ unlocked: true }>()({
    summary:
      'Opens an encrypted data folder (system.status "locked") with its passphrase; then every method works. ' +
      'A wrong passphrase gives wrong_passphrase and the folder stays locked.',
    input: () => z.object({ passphrase: passphrase() }).strict(),
  }),
  'encryption.enable': method<EncryptionStatus>()({
    summary:
      'Encrypts the database (SQLCipher 4 format, key derived with scrypt) and its backups, after a backup. ' +
      `The passphrase needs at least 10 characters; without it the data cannot be read, so keep it safe.`,
    input: () => z.object({ passphrase: passphrase() }).strict(),
  }),
  'encryption.changePassphrase': method<EncryptionStatus>()({
    summary: 'Re-encrypts the database and its backups under a new passphrase, after a backup. A wrong current passphrase gives wrong_passphrase.',
    input: () => z.object({ current: passphrase(), next: passphrase() }).strict(),
  }),
  'encryption.disable': method<EncryptionStatus>()({
    summary: 'Stores the database and its backups unencrypted again, after a backup. Needs the passphrase.',
    input: () => z.object({ passphrase: passphrase() }).strict(),
  }),
};
