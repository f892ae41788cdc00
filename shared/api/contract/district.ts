/**
 * The district's view (issue 14): the same app at a 街道 or 区级中心 registers its stations, imports their packages
 * and reads the period's completeness, totals, per-station values and derived indicators. The 站长 (admin) of that
 * centre's installation holds it, as DESIGN.md §3 gives reports to the admin.
 */
import { adminOnly } from '../access.js';
import { emptyInput } from '../schemas/common.js';
import { exportFile } from '../schemas/exports.js';
import {
  districtDhis2Input,
  districtMapInput,
  districtMapView,
  districtOverview,
  districtPeriodInput,
  districtSettings,
  districtUpwardInput,
  districtUpwardVersions,
  packageImportInput,
  packageImportResult,
  receivedInput,
  receivedList,
  stationList,
  stationRegistration,
  stationUpdate,
} from '../schemas/district.js';
import { method, type MethodSpec } from './method.js';

export const districtContract = {
  'district.stations': method(adminOnly, emptyInput, stationList),
  'district.registerStation': method(adminOnly, stationRegistration, stationList),
  'district.updateStation': method(adminOnly, stationUpdate, stationList),
  'district.importPackage': method(adminOnly, packageImportInput, packageImportResult),
  'district.received': method(adminOnly, receivedInput, receivedList),
  'district.settings': method(adminOnly, emptyInput, districtSettings),
  'district.saveSettings': method(adminOnly, districtSettings, districtSettings),
  'district.overview': method(adminOnly, districtPeriodInput, districtOverview),
  'district.exportXlsx': method(adminOnly, districtPeriodInput, exportFile),
  'district.upwardVersions': method(adminOnly, districtPeriodInput, districtUpwardVersions),
  'district.upward': method(adminOnly, districtUpwardInput, exportFile),
  'district.pdf': method(adminOnly, districtPeriodInput, exportFile),
  'district.dhis2': method(adminOnly, districtDhis2Input, exportFile),
  'district.map': method(adminOnly, emptyInput, districtMapView),
  'district.saveMap': method(adminOnly, districtMapInput, districtMapView),
  'district.removeMap': method(adminOnly, emptyInput, districtMapView),
} as const satisfies Record<string, MethodSpec>;

export const districtAuditActions = [
  'district.registerStation',
  'district.updateStation',
  'district.importPackage',
  'district.saveSettings',
  'district.exportXlsx',
  'district.upward',
  'district.pdf',
  'district.dhis2',
  'district.saveMap',
  'district.removeMap',
] as const;
