import type { DistrictSettings } from '../../../shared/api/schemas/district.js';
import type { Db } from '../db/driver.js';

/** A station on the district's register (issue 14). */
export type StoredStation = Readonly<{ id: number; name: string; regionCode: string; stationLevel: 'community' | 'street'; fingerprint: string; establishedOn: string; withdrawnOn: string | null }>;
export type StationRegistration = Omit<StoredStation, 'id'>;

const selectStations = `SELECT id, name, region_code AS regionCode, level AS stationLevel, fingerprint, opened_on AS establishedOn, closed_on AS withdrawnOn FROM district_stations`;

export function listStations(db: Db): StoredStation[] {
  return db.prepare(`${selectStations} ORDER BY region_code`).all() as StoredStation[];
}

export function stationByRegion(db: Db, regionCode: string): StoredStation | undefined {
  return db.prepare(`${selectStations} WHERE region_code = ?`).get(regionCode) as StoredStation | undefined;
}

export function stationById(db: Db, id: number): StoredStation | undefined {
  return db.prepare(`${selectStations} WHERE id = ?`).get(id) as StoredStation | undefined;
}

export function insertStation(db: Db, station: StationRegistration, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO district_stations (name, region_code, level, fingerprint, opened_on, closed_on, created_at, updated_at)
         VALUES (@name, @regionCode, @stationLevel, @fingerprint, @establishedOn, @withdrawnOn, @at, @at)`,
      )
      .run({ ...station, at }).lastInsertRowid,
  );
}

export function updateStation(db: Db, id: number, station: StationRegistration, at: string): void {
  db.prepare(
    `UPDATE district_stations SET name = @name, region_code = @regionCode, level = @stationLevel, fingerprint = @fingerprint, opened_on = @establishedOn,
       closed_on = @withdrawnOn, updated_at = @at WHERE id = @id`,
  ).run({ ...station, id, at });
}

/** A package as kept: its station, period, version, when the station made it, and the verified payload text. */
export type StoredPackage = Readonly<{ id: number; stationId: number; period: string; version: number; generatedAt: string; receivedAt: string; fileName: string; sha256: string; payload: string }>;

const selectPackages = `SELECT id, station_id AS stationId, period, version, generated_at AS generatedAt, received_at AS receivedAt, file_name AS fileName, sha256, payload FROM received_packages`;

export function packageBySha(db: Db, sha256: string): StoredPackage | undefined {
  return db.prepare(`${selectPackages} WHERE sha256 = ?`).get(sha256) as StoredPackage | undefined;
}

/** The newest version a station sent for a period. */
export function newestPackage(db: Db, stationId: number, period: string): StoredPackage | undefined {
  return db.prepare(`${selectPackages} WHERE station_id = ? AND period = ? ORDER BY version DESC LIMIT 1`).get(stationId, period) as StoredPackage | undefined;
}

/** Every version received for these periods (or all), newest first. */
export function listPackages(db: Db, periods: readonly string[] | null): StoredPackage[] {
  return (
    periods === null
      ? db.prepare(`${selectPackages} ORDER BY received_at DESC, id DESC`).all()
      : db.prepare(`${selectPackages} WHERE period IN (SELECT value FROM json_each(?)) ORDER BY period, station_id, version`).all(JSON.stringify(periods))
  ) as StoredPackage[];
}

/** Each station's newest month received, and when its newest version of that month was made (the register's column). */
export function lastReports(db: Db): Array<{ stationId: number; period: string; generatedAt: string }> {
  return db
    .prepare(
      `SELECT station_id AS stationId, period, max(generated_at) AS generatedAt FROM received_packages r
       WHERE period = (SELECT max(period) FROM received_packages WHERE station_id = r.station_id) GROUP BY station_id`,
    )
    .all() as Array<{ stationId: number; period: string; generatedAt: string }>;
}

export type NewPackage = Readonly<{ stationId: number; period: string; version: number; generatedAt: string; fileName: string; sha256: string; payload: string; envelope: string }>;

export function insertPackage(db: Db, received: NewPackage, userId: number, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO received_packages (station_id, period, version, generated_at, file_name, sha256, payload, envelope, received_by, received_at)
         VALUES (@stationId, @period, @version, @generatedAt, @fileName, @sha256, @payload, @envelope, @userId, @at)`,
      )
      .run({ ...received, userId, at }).lastInsertRowid,
  );
}

const defaults: DistrictSettings = { timelyDays: 10, residents: null, communities: null };

export function readDistrictSettings(db: Db): DistrictSettings {
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'district'`).get() as { value: string } | undefined;
  return row ? { ...defaults, ...(JSON.parse(row.value) as Partial<DistrictSettings>) } : defaults;
}

export function writeDistrictSettings(db: Db, settings: DistrictSettings): void {
  db.prepare(`INSERT INTO settings (key, value) VALUES ('district', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(settings));
}

export type StoredMap = Readonly<{ geojson: string; codeProperty: string; importedAt: string }>;

export function readDistrictMap(db: Db): StoredMap | undefined {
  return db.prepare(`SELECT geojson, code_property AS codeProperty, imported_at AS importedAt FROM district_map WHERE id = 1`).get() as StoredMap | undefined;
}

/** The district keeps one map: a new import replaces the last. */
export function writeDistrictMap(db: Db, map: StoredMap): void {
  db.prepare(
    `INSERT INTO district_map (id, geojson, code_property, imported_at) VALUES (1, @geojson, @codeProperty, @importedAt)
     ON CONFLICT (id) DO UPDATE SET geojson = excluded.geojson, code_property = excluded.code_property, imported_at = excluded.imported_at`,
  ).run(map);
}

export function removeDistrictMap(db: Db): void {
  db.prepare(`DELETE FROM district_map WHERE id = 1`).run();
}
