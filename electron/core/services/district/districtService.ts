import type { z } from 'zod';
import type { DistrictOverview, DistrictSettings, districtMapInput, packageImportInput, stationRegistration } from '../../../../shared/api/schemas/district.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { parsePeriod } from '../../../../shared/domain/periods.js';
import { buildDistrictOverview, monthsRead } from '../../../../shared/reports/districtOverview.js';
import type { PackagePayload } from '../../../../shared/reports/packageFormat.js';
import { monthsOf } from '../../../../shared/reports/periodShift.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import {
  insertPackage,
  insertStation,
  listPackages,
  lastReports,
  listStations,
  readDistrictMap,
  readDistrictSettings,
  removeDistrictMap,
  stationById,
  stationByRegion,
  updateStation,
  writeDistrictMap,
  writeDistrictSettings,
} from '../../repositories/districtRepo.js';
import { sha256Hex } from '../../sha256.js';
import type { Vault } from '../../vault.js';
import { checkReceivedPackage } from './packageAcceptance.js';
import { currentIndicatorSet } from '../reports/indicatorSets.js';
import { districtWorkbook } from './districtWorkbook.js';
import { exportFileName } from '../../export/xlsxTable.js';
import { readStation } from '../../repositories/stationRepo.js';
import type { ExportFile } from '../../../../shared/api/schemas/exports.js';

type Registration = z.output<typeof stationRegistration>;
type ImportResult = { fileName: string; accepted: boolean; reason: string | null; station: string | null; period: string | null; version: number | null };

/**
 * The district's side of the reports (issue 14): its register of stations, the packages they send (each checked —
 * signature, registered key, known indicator set, no duplicate, no replay of an older version — and kept whole, every
 * version), and the period's completeness, totals, per-station values and derived indicators.
 */
export class DistrictService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  stations() {
    const db = this.vault.connection();
    const today = localDay(this.clock.now());
    const newest = new Map(lastReports(db).map((last) => [last.stationId, last]));
    return {
      stations: listStations(db).map((station) => ({
        ...station,
        active: station.establishedOn <= today && (station.withdrawnOn === null || station.withdrawnOn > today),
        lastPeriod: newest.get(station.id)?.period ?? null,
        lastGeneratedAt: newest.get(station.id)?.generatedAt ?? null,
      })),
    };
  }

  register(session: Session, registration: Registration) {
    return this.vault.write((db, audit) => {
      if (stationByRegion(db, registration.regionCode)) throw fieldRefusal('regionCode', `行政区划代码 ${registration.regionCode} 已登记过站点。`);
      const id = insertStation(db, registration, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'district.registerStation', objectType: 'districtStation', objectId: id, detail: { stationName: registration.name, regionCode: registration.regionCode } });
      return this.stations();
    });
  }

  update(session: Session, id: number, registration: Registration) {
    return this.vault.write((db, audit) => {
      if (!stationById(db, id)) throw new AppError('NOT_FOUND', '找不到该站点。');
      const other = stationByRegion(db, registration.regionCode);
      if (other && other.id !== id) throw fieldRefusal('regionCode', `行政区划代码 ${registration.regionCode} 已登记给“${other.name}”。`);
      updateStation(db, id, registration, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'district.updateStation', objectType: 'districtStation', objectId: id, detail: { stationName: registration.name, regionCode: registration.regionCode } });
      return this.stations();
    });
  }

  /** One package file: kept whole when every check passes, else refused with its reason; either way audited. */
  importPackage(session: Session, input: z.output<typeof packageImportInput>): ImportResult {
    return this.vault.write((db, audit) => {
      const checked = checkReceivedPackage(db, input.text, currentIndicatorSet(db));
      const result: ImportResult = checked.ok
        ? { fileName: input.fileName, accepted: true, reason: null, station: checked.station.name, period: checked.payload.manifest.period, version: checked.payload.manifest.version }
        : { fileName: input.fileName, accepted: false, reason: checked.reason, station: checked.station?.name ?? null, period: checked.payload?.manifest.period ?? null, version: checked.payload?.manifest.version ?? null };
      if (checked.ok) {
        const { manifest } = checked.payload;
        insertPackage(
          db,
          { stationId: checked.station.id, period: manifest.period, version: manifest.version, generatedAt: manifest.generatedAt, fileName: input.fileName, sha256: sha256Hex(input.text), payload: checked.payloadText, envelope: input.text },
          session.userId ?? 0,
          this.clock.now().toISOString(),
        );
      }
      audit({ ...actorOf(session), action: 'district.importPackage', objectType: 'districtStation', objectId: checked.station?.id ?? null, result: checked.ok ? 'success' : 'failure', detail: { fileName: input.fileName, period: result.period ?? '', reportVersion: result.version ?? 0 } });
      return result;
    });
  }

  received(period: string | null) {
    const db = this.vault.connection();
    const stations = new Map(listStations(db).map((station) => [station.id, station]));
    const periods = period === null ? null : monthsOf(parsePeriod(period)!);
    return {
      packages: listPackages(db, periods).map((received) => {
        const manifest = (JSON.parse(received.payload) as PackagePayload).manifest;
        const station = stations.get(received.stationId)!;
        return { id: received.id, station: station.name, regionCode: station.regionCode, period: received.period, version: received.version, generatedAt: received.generatedAt, receivedAt: received.receivedAt, fileName: received.fileName, sha256: received.sha256, correctionReason: manifest.correctionReason };
      }),
    };
  }

  settings(): DistrictSettings {
    return readDistrictSettings(this.vault.connection());
  }

  saveSettings(session: Session, settings: DistrictSettings): DistrictSettings {
    return this.vault.write((db, audit) => {
      writeDistrictSettings(db, settings);
      audit({ ...actorOf(session), action: 'district.saveSettings', objectType: 'districtStation', detail: { timelyDays: settings.timelyDays } });
      return settings;
    });
  }

  /** The district's map as kept (its GeoJSON and the property naming each area's region code), or none. */
  map() {
    return { map: readDistrictMap(this.vault.connection()) ?? null };
  }

  /** Keeps the imported map, replacing the last (it stays inside the encrypted station, works offline). */
  saveMap(session: Session, input: z.output<typeof districtMapInput>) {
    return this.vault.write((db, audit) => {
      writeDistrictMap(db, { geojson: input.geojson, codeProperty: input.codeProperty, importedAt: this.clock.now().toISOString() });
      audit({ ...actorOf(session), action: 'district.saveMap', objectType: 'districtMap', detail: { codeProperty: input.codeProperty, bytes: Buffer.byteLength(input.geojson, 'utf8') } });
      return { map: readDistrictMap(db) ?? null };
    });
  }

  removeMap(session: Session) {
    return this.vault.write((db, audit) => {
      if (!readDistrictMap(db)) throw new AppError('NOT_FOUND', '尚未导入辖区地图。');
      removeDistrictMap(db);
      audit({ ...actorOf(session), action: 'district.removeMap', objectType: 'districtMap' });
      return { map: null };
    });
  }

  /** The district's tables of a period as a workbook; audited like every export. */
  async workbook(session: Session, period: string): Promise<ExportFile> {
    const { overview, name } = this.vault.write((db, audit) => {
      const read = { overview: this.overviewIn(db, period), name: readStation(db)?.name ?? '' };
      audit({ ...actorOf(session), action: 'district.exportXlsx', objectType: 'districtStation', detail: { period: read.overview.period.label } });
      return read;
    });
    const bytes = await districtWorkbook(overview, name);
    return { fileName: exportFileName(`${name}辖区汇总`, period), dataBase64: bytes.toString('base64'), rows: overview.stations.length };
  }

  /** The period as the district sees it: each station's newest version of each month, combined, counted and added up. */
  overview(period: string): DistrictOverview {
    return this.overviewIn(this.vault.connection(), period);
  }

  overviewIn(db: Db, period: string): DistrictOverview {
    const reports = listPackages(db, monthsRead(period)).map((received) => ({ ...received, figures: (JSON.parse(received.payload) as PackagePayload).figures }));
    return buildDistrictOverview(currentIndicatorSet(db), readDistrictSettings(db), listStations(db), reports, period);
  }
}
