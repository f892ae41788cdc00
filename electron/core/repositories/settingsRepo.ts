import type { Settings } from '../../../shared/api/schemas/system.js';
import type { Db } from '../db/driver.js';

/** OWASP session guidance: 2–5 minutes idle for high-value data; 5 is the station default. */
export const defaultSettings: Settings = { idleLockMinutes: 5, backupDir: '', backupKeep: 14 };

export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  return { ...defaultSettings, ...stored } as Settings;
}

export function writeSettings(db: Db, changes: Partial<Settings>): void {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
}
