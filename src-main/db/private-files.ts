// Keeps the data folder private to the account that runs Kartlegg: folders 0700, files 0600 on POSIX.
// Windows has no such modes; there the per-user AppData folder's access list does it (docs/security.md).
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;
const posix = process.platform !== 'win32';

/** Creates the folder (and its parents) if needed and closes it to other accounts. */
export function makePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateFolderMode });
  if (posix) chmodSync(dir, privateFolderMode);
}

/** Closes a file to other accounts; SQLite and copyFile create theirs with the default 0644. */
export function makePrivateFile(file: string): void {
  if (posix && existsSync(file)) chmodSync(file, privateFileMode);
}

/** Tightens everything in the data folder, e.g. what an older version left readable to all. Links are
 * left alone (never followed out of the folder). */
export function makeDataFolderPrivate(dataDir: string): void {
  makePrivateFolder(dataDir);
  if (!posix) return;
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const entry = path.join(dir, name);
      const stat = lstatSync(entry, { throwIfNoEntry: false });
      if (!stat || stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) {
        chmodSync(entry, privateFolderMode);
        walk(entry);
      } else if (stat.isFile() && (stat.mode & 0o077) !== 0) {
        chmodSync(entry, privateFileMode);
      }
    }
  };
  walk(dataDir);
}
