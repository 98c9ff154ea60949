// Tells a new, empty data folder from one whose database has gone missing or was emptied (0 bytes):
// only the first may get a new database without being asked.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { databasePath } from './database';
import { markerPath } from './encryption';

/** No database file, or one of 0 bytes with no write-ahead log holding its pages. */
export function isBlankDatabase(dataDir: string): boolean {
  const file = databasePath(dataDir);
  const size = (name: string) => statSync(name, { throwIfNoEntry: false })?.size ?? 0;
  return size(file) === 0 && size(`${file}-wal`) === 0;
}

function hasEntries(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/** What in the folder shows that data was kept here before: backups, an encryption marker, issued reports. */
export function earlierDataSigns(dataDir: string): string[] {
  const signs: string[] = [];
  if (hasEntries(path.join(dataDir, 'backups'))) signs.push('backups');
  if (statSync(markerPath(dataDir), { throwIfNoEntry: false })) signs.push('an encryption marker');
  if (hasEntries(path.join(dataDir, 'reports'))) signs.push('issued reports');
  return signs;
}

export function missingDatabaseMessage(dataDir: string, signs: string[]): string {
  const file = databasePath(dataDir);
  const what = statSync(file, { throwIfNoEntry: false }) ? `${file} is empty (0 bytes)` : `${file} is missing`;
  return (
    `The database ${what}, but the data folder holds ${signs.join(', ')}: the data was kept here before. ` +
    'Kartlegg has not started with an empty database in its place. Restore the newest good backup; start with no data only if you mean to (start fresh).'
  );
}
