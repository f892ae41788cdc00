/**
 * The district's view (issue 14): the same app at a 街道 or 区级中心 registers its stations, imports their packages
 * and reads the period's completeness, totals, per-station values and derived indicators. The 站长 (admin) of that
 * centre's installation holds it, as DESIGN.md §3 gives reports to the admin.
 */
import { adminOnly } from '../access.js';
import { emptyInput } from '../schemas/common.js';
import { exportFile } from '../schemas/exports.js';
import {
  districtOverview,
  districtPeriodInput,
  districtSettings,
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
} as const satisfies Record<string, MethodSpec>;

export const districtAuditActions = ['district.registerStation', 'district.updateStation', 'district.importPackage', 'district.saveSettings', 'district.exportXlsx'] as const;
