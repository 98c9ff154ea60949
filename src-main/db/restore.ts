// Swaps a checked backup in as the live database file, while no connection is open.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { databasePath } from './database';
import { syncFile, syncFolder } from './file-sync';
import { makePrivateFile, makePrivateFolder } from './private-files';

/** The files SQLite keeps beside the database in WAL mode. */
function sideFiles(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/**
 * Makes `source` the data folder's database: copied to a temp file beside it, flushed, then renamed
 * over the old one, so a crash leaves either the old database or the new one, never a mix. The old
 * WAL and shared-memory files go first: replayed onto the new file they would corrupt it.
 */
const restoringSuffix = '.restoring';

export function replaceDatabaseFile(dataDir: string, source: string): void {
  const live = databasePath(dataDir);
  const temp = `${live}${restoringSuffix}`;
  try {
    copyFileSync(source, temp);
    makePrivateFile(temp);
    syncFile(temp);
    for (const file of sideFiles(live)) rmSync(file, { force: true });
    renameSync(temp, live);
    syncFolder(dataDir);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Removes the temp copy of a restore that was interrupted (the database itself is whole either way). */
export function removeRestoreLeftovers(dataDir: string): void {
  rmSync(`${databasePath(dataDir)}${restoringSuffix}`, { force: true });
}

/** Moves a damaged database (and its side files) into damaged/<time>/ rather than deleting it, so
 * that nothing is lost if someone can still rescue data from it. Returns that folder, or null when
 * there was no database file. */
export function setAsideDamagedDatabase(dataDir: string): string | null {
  const live = databasePath(dataDir);
  if (!existsSync(live)) return null;
  const folder = path.join(dataDir, 'damaged', new Date().toISOString().replace(/[:.]/g, '-'));
  makePrivateFolder(folder);
  for (const file of [live, ...sideFiles(live)]) {
    if (existsSync(file)) renameSync(file, path.join(folder, path.basename(file)));
  }
  return folder;
}
