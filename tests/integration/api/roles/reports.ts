import type { reportsContract } from '../../../../shared/api/contract/reports.js';
import { A, D, type Rows } from './matrix.js';

/**
 * Reports upward: the 站长's (DESIGN.md §3: "admin (站长: users, settings, reports, checklist)"). Counsellors see their
 * own cases' numbers on their own screens; the report and its drill-down list every client of the station.
 */
const adminRow = { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D } as const;

export const reportsRows: Rows<typeof reportsContract> = {
  'reports.preview': adminRow,
  'reports.drill': adminRow,
  'reports.trend': adminRow,
  'reports.list': adminRow,
  'reports.saveDraft': adminRow,
  'reports.submit': adminRow,
  'reports.correct': adminRow,
  'reports.package': adminRow,
  'reports.answer': adminRow,
  'reports.exportXlsx': adminRow,
  'reports.highRiskList': adminRow,
  'reports.stationKey': adminRow,
  'reports.pdf': adminRow,
  'reports.dhis2': adminRow,
  'reports.dhis2Metadata': adminRow,
  'reports.indicatorSets': adminRow,
  'reports.importIndicatorSet': adminRow,
  'reports.saveSettings': adminRow,
};
