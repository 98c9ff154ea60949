// Reads and writes the settings, one JSON value per key.
import { defaultSettings, type Settings } from '../core/settings';
import type { Db } from './sqlite';

export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    if (row.key in defaultSettings) stored[row.key] = JSON.parse(row.value);
  }
  return { ...defaultSettings, ...stored } as Settings;
}

export function writeSettings(db: Db, patch: Partial<Settings>, now: string): void {
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value), now);
    }
  })();
}
