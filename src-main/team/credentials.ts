// Where the consultant's team server password is kept. The app keeps it encrypted with Electron's
// safeStorage (the operating system's key store) in the data folder; the CLI reads it from a passphrase
// file given on each run. Sync asks whichever store the process registered.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

export interface TeamCredentials {
  /** The password for this role, or undefined when none is kept. */
  read(role: string): string | undefined;
  save(role: string, password: string): void;
  forget(role: string): void;
  /** Whether save() can keep a password (the CLI's passphrase file is read only). */
  readonly canSave: boolean;
}

/** The part of Electron's safeStorage used here, so that it can be replaced by a fake in tests. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const credentialsFile = 'team-server-credentials.json';

/** Passwords encrypted with safeStorage, one per role, in a small JSON file written by temp file and rename. */
export function safeStorageCredentials(safeStorage: SafeStorageLike, dataDir: string): TeamCredentials {
  const file = path.join(dataDir, credentialsFile);
  const readAll = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  const writeAll = (all: Record<string, string>) => {
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    renameSync(temp, file);
  };
  return {
    canSave: true,
    read(role) {
      const stored = readAll()[role];
      if (stored === undefined) return undefined;
      if (!safeStorage.isEncryptionAvailable()) throw new AppError('forbidden', "The system's key store is not available, so the team server password cannot be read.");
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    },
    save(role, password) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new AppError('forbidden', "The system's key store is not available: the team server password is not saved unencrypted.");
      }
      writeAll({ ...readAll(), [role]: safeStorage.encryptString(password).toString('base64') });
    },
    forget(role) {
      const { [role]: _gone, ...rest } = readAll();
      if (Object.keys(rest).length === 0) rmSync(file, { force: true });
      else writeAll(rest);
    },
  };
}

/** The CLI's store: the password read from --password-file for this run only. */
export function fixedCredentials(password: string | undefined): TeamCredentials {
  return {
    canSave: false,
    read: () => password,
    save() {
      throw new AppError('bad_request', 'The command line does not keep the team server password: give it with --password-file on each run.');
    },
    forget() {},
  };
}

/** Until a process registers its store (browser mode never does): no password is kept or read. */
const noCredentials: TeamCredentials = {
  canSave: false,
  read: () => undefined,
  save() {
    throw new AppError('bad_request', 'Kartlegg run this way keeps no team server password: sync from the app, or with "kartlegg sync --password-file FILE".');
  },
  forget() {},
};

let current: TeamCredentials = noCredentials;

/** Set once by the process that hosts the API (the app: safeStorage; the CLI: the password file). */
export function useTeamCredentials(credentials: TeamCredentials): void {
  current = credentials;
}

export function teamCredentials(): TeamCredentials {
  return current;
}
