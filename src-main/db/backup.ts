// Backups through SQLite's online backup API, checked before they count.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './database';

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Runs integrity_check on another database file through this connection, so that the app's
 * own SQLite build (Node or Electron) does the reading. */
export function checkDatabaseFile(db: Db, file: string): string {
  db.prepare('ATTACH DATABASE ? AS checked').run(file);
  try {
    const rows = db.pragma('checked.integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.exec('DETACH DATABASE checked');
  }
}

/** Writes a consistent copy of the live database and checks it with integrity_check. */
export async function backupDatabase(db: Db, dataDir: string, reason: string): Promise<string> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `kartlegg-${timestamp(new Date())}-${reason}.sqlite`);
  await db.backup(file);
  const result = checkDatabaseFile(db, file);
  if (result !== 'ok') throw new Error(`The backup ${file} failed its integrity check: ${result}`);
  return file;
}
