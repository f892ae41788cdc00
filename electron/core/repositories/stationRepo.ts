import type { StationProfile } from '../../../shared/api/schemas/station.js';
import type { Db } from '../db/driver.js';

type StationRow = {
  name: string;
  level: StationProfile['level'];
  region_code: string;
  address: string;
  phone: string;
  opening_hours: string;
};

export function readStation(db: Db): StationProfile | undefined {
  const row = db.prepare('SELECT * FROM station WHERE id = 1').get() as StationRow | undefined;
  return (
    row && {
      name: row.name,
      level: row.level,
      regionCode: row.region_code,
      address: row.address,
      phone: row.phone,
      openingHours: row.opening_hours,
    }
  );
}

/** The station row is a singleton (id = 1): insert at setup, update afterwards. */
export function saveStation(db: Db, profile: StationProfile, at: string): void {
  db.prepare(
    `INSERT INTO station (id, name, level, region_code, address, phone, opening_hours, created_at, updated_at)
     VALUES (1, @name, @level, @regionCode, @address, @phone, @openingHours, @at, @at)
     ON CONFLICT (id) DO UPDATE SET name = @name, level = @level, region_code = @regionCode,
       address = @address, phone = @phone, opening_hours = @openingHours, updated_at = @at`,
  ).run({ ...profile, at });
}
