import type { Migration } from './types.js';

/**
 * The district's view (issue 14): a 街道 or 区级中心 runs the same app, registers the stations below it with the
 * fingerprint of each one's signing key, and imports their upward packages. Every version received is kept as it
 * arrived (the whole file, and the signed payload it verified), never changed or removed; a district's settings
 * (deadline days, population, number of 村(社区)) and the GeoJSON of its map are kept beside them.
 */
export const migration: Migration = {
  version: 270,
  name: 'district',
  up(db) {
    db.exec(`
      CREATE TABLE district_stations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        region_code TEXT NOT NULL UNIQUE,
        level TEXT NOT NULL CHECK (level IN ('community', 'street')),
        fingerprint TEXT NOT NULL,
        opened_on TEXT NOT NULL,
        closed_on TEXT CHECK (closed_on IS NULL OR closed_on >= opened_on),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE received_packages (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES district_stations (id),
        period TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        generated_at TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL,
        envelope TEXT NOT NULL,
        received_by INTEGER NOT NULL REFERENCES users (id),
        received_at TEXT NOT NULL,
        UNIQUE (station_id, period, version)
      ) STRICT;
      CREATE INDEX received_packages_by_period ON received_packages (period, station_id);
      CREATE TRIGGER received_packages_kept_update BEFORE UPDATE ON received_packages
        BEGIN SELECT RAISE(ABORT, 'a received package is kept as it arrived'); END;
      CREATE TRIGGER received_packages_kept_delete BEFORE DELETE ON received_packages
        BEGIN SELECT RAISE(ABORT, 'a received package is kept as it arrived'); END;

      CREATE TABLE district_map (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        geojson TEXT NOT NULL,
        code_property TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
