import type { districtContract } from '../../../../shared/api/contract/district.js';
import { A, D, type Rows } from './matrix.js';

/** The district's view: its 站长's (admin) alone, like the station's own reports. */
const adminRow = { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D } as const;

export const districtRows: Rows<typeof districtContract> = {
  'district.stations': adminRow,
  'district.registerStation': adminRow,
  'district.updateStation': adminRow,
  'district.importPackage': adminRow,
  'district.received': adminRow,
  'district.settings': adminRow,
  'district.saveSettings': adminRow,
  'district.overview': adminRow,
  'district.exportXlsx': adminRow,
  'district.upwardVersions': adminRow,
  'district.upward': adminRow,
  'district.pdf': adminRow,
  'district.dhis2': adminRow,
  'district.map': adminRow,
  'district.saveMap': adminRow,
  'district.removeMap': adminRow,
};
