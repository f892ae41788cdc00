import type { Db } from '../db/driver.js';

/** The report screen's readings as the last lock left them (migration 380): JSON texts, read back by FactReadings. */
export type KeptReadingsRow = Readonly<{ appVersion: string; directoryStamp: string; directory: string; results: string }>;

export function readKeptReadings(db: Db): KeptReadingsRow | undefined {
  return db.prepare('SELECT app_version AS appVersion, directory_stamp AS directoryStamp, directory, results FROM report_readings_kept WHERE id = 1').get() as
    | KeptReadingsRow
    | undefined;
}

export function writeKeptReadings(db: Db, row: KeptReadingsRow, keptAt: string): void {
  db.prepare(
    `INSERT INTO report_readings_kept (id, app_version, directory_stamp, directory, results, kept_at) VALUES (1, @appVersion, @directoryStamp, @directory, @results, @keptAt)
     ON CONFLICT (id) DO UPDATE SET app_version = excluded.app_version, directory_stamp = excluded.directory_stamp, directory = excluded.directory,
       results = excluded.results, kept_at = excluded.kept_at`,
  ).run({ ...row, keptAt });
}
