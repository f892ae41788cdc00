import type { z } from 'zod';
import type { DistrictOverview, DistrictSettings, packageImportInput, stationRegistration } from '../../../../shared/api/schemas/district.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { parsePeriod } from '../../../../shared/domain/periods.js';
import { ratioOf, type SetFigures } from '../../../../shared/reports/compute.js';
import { combineMonths, monthCompleteness, sixMonthsTo, sumStations, type Completeness } from '../../../../shared/reports/district.js';
import type { IndicatorSet } from '../../../../shared/reports/indicatorSetSchema.js';
import { builtinIndicatorSets, defaultIndicatorSetId } from '../../../../shared/reports/library.js';
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
  listStations,
  readDistrictSettings,
  stationById,
  stationByRegion,
  updateStation,
  writeDistrictSettings,
  type StoredPackage,
  type StoredStation,
} from '../../repositories/districtRepo.js';
import { sha256Hex } from '../../sha256.js';
import type { Vault } from '../../vault.js';
import { checkReceivedPackage } from './packageAcceptance.js';
import { derivedIndicators } from './derivedIndicators.js';

type Registration = z.output<typeof stationRegistration>;
type ImportResult = { fileName: string; accepted: boolean; reason: string | null; station: string | null; period: string | null; version: number | null };

const statusRank = { onTime: 0, late: 1, missing: 2, notExpected: -1 } as const;

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

  private set(): IndicatorSet {
    return builtinIndicatorSets.get(defaultIndicatorSetId)!;
  }

  stations() {
    const db = this.vault.connection();
    const today = localDay(this.clock.now());
    const newest = new Map<number, StoredPackage>();
    for (const received of listPackages(db, null)) {
      const known = newest.get(received.stationId);
      if (!known || received.period > known.period) newest.set(received.stationId, received);
    }
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
      const checked = checkReceivedPackage(db, input.text, this.set());
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

  /** The period as the district sees it: each station's newest version of each month, combined, counted and added up. */
  overview(period: string): DistrictOverview {
    return this.overviewIn(this.vault.connection(), period);
  }

  overviewIn(db: Db, period: string): DistrictOverview {
    const range = parsePeriod(period)!;
    const set = this.set();
    const settings = readDistrictSettings(db);
    const months = monthsOf(range);
    const stations = listStations(db);
    const newest = new Map<string, StoredPackage>();
    for (const received of listPackages(db, months)) {
      const key = `${received.stationId}@${received.period}`;
      if ((newest.get(key)?.version ?? 0) < received.version) newest.set(key, received);
    }
    // Every version counts for timeliness (the first one made decides it; a later correction does not make a report
    // late), and the six months before each month tell whether a station has fallen silent.
    const receipts = listPackages(db, [...new Set(months.flatMap(sixMonthsTo))]).map((received) => ({ stationId: received.stationId, period: received.period, generatedAt: received.generatedAt }));
    const perMonth = months.map((month) => {
      const bounds = parsePeriod(month)!;
      return monthCompleteness(stations, receipts, { key: month, from: bounds.from, to: bounds.to }, settings.timelyDays);
    });
    const rows = stations.map((station) => this.stationRow(station, months, newest, perMonth, set));
    const reported = rows.flatMap((row) => (row.figures ? [row.figures] : []));
    const totals = sumStations(set, reported);
    const completeness = sumCompleteness(perMonth);
    return {
      period: { key: period, from: range.from, to: range.to, label: range.label },
      set,
      settings,
      completeness,
      stations: rows.filter((row) => row.status !== 'notExpected' || row.figures !== null),
      totals,
      ratios: Object.fromEntries(set.indicators.filter((item) => item.ratio).map((item) => [item.id, ratioOf(item, totals)])),
      derived: derivedIndicators(totals, completeness, settings, months.length),
    };
  }

  private stationRow(station: StoredStation, months: string[], newest: Map<string, StoredPackage>, perMonth: Completeness[], set: IndicatorSet) {
    const received = months.flatMap((month) => {
      const found = newest.get(`${station.id}@${month}`);
      return found ? [found] : [];
    });
    const figures: SetFigures | null = received.length === 0 ? null : combineMonths(set, received.map((found) => (JSON.parse(found.payload) as PackagePayload).figures));
    const statuses = perMonth.map((month) => month.stations.find((row) => row.stationId === station.id)!);
    const worst = statuses.reduce((a, b) => (statusRank[b.status] > statusRank[a.status] ? b : a));
    const checklist = set.indicators.find((item) => item.id === 'CHK01');
    return {
      stationId: station.id,
      name: station.name,
      regionCode: station.regionCode,
      status: worst.status,
      generatedAt: received.at(-1)?.generatedAt ?? null,
      version: received.at(-1)?.version ?? null,
      silentSixMonths: statuses.at(-1)!.silentSixMonths,
      figures,
      checklistPercent: figures && checklist ? ratioOf(checklist, figures) : null,
    };
  }
}

/** A longer period's completeness: the months' expected and received reports added up (DHIS2 expects one per month). */
function sumCompleteness(months: readonly Completeness[]): DistrictOverview['completeness'] {
  const add = (key: 'expected' | 'received' | 'onTime' | 'late' | 'missing') => months.reduce((total, month) => total + month[key], 0);
  const expected = add('expected');
  const received = add('received');
  const onTime = add('onTime');
  const share = (part: number) => (expected === 0 ? null : Math.round((part / expected) * 1000) / 10);
  const rate = share(received);
  return { expected, received, onTime, late: add('late'), missing: add('missing'), rate, onTimeRate: share(onTime), strong: rate !== null && rate >= 90 };
}
