import type { Db } from '../db/driver.js';

/** A district's indicator set as imported (issue 14), kept by id and version: a version is never replaced. */
export type StoredIndicatorSet = Readonly<{ setId: string; version: number; definition: string; importedAt: string }>;

export function importedSets(db: Db): StoredIndicatorSet[] {
  return db.prepare('SELECT set_id AS setId, version, definition, imported_at AS importedAt FROM indicator_sets ORDER BY set_id, version').all() as StoredIndicatorSet[];
}

export function insertSet(db: Db, set: Readonly<{ setId: string; version: number; definition: string }>, userId: number, at: string): void {
  db.prepare('INSERT INTO indicator_sets (set_id, version, definition, imported_by, imported_at) VALUES (@setId, @version, @definition, @userId, @at)').run({ ...set, userId, at });
}

/** The report settings: the set the station reports with, and the small-count threshold of shared copies. */
export type ReportSettings = Readonly<{ setId: string | null; setVersion: number | null; sharedThreshold: 3 | 5 | 10 }>;

const defaults: ReportSettings = { setId: null, setVersion: null, sharedThreshold: 5 };

export function readReportSettings(db: Db): ReportSettings {
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'reports'`).get() as { value: string } | undefined;
  return row ? { ...defaults, ...(JSON.parse(row.value) as Partial<ReportSettings>) } : defaults;
}

export function writeReportSettings(db: Db, settings: ReportSettings): void {
  db.prepare(`INSERT INTO settings (key, value) VALUES ('reports', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(settings));
}
