import type { scalesContract } from '../../../../shared/api/contract/scales.js';
import { A, D, type Rows } from './matrix.js';

/** Scales: the catalogue, results and alerts, group screening. */
export const scalesRows: Rows<typeof scalesContract> = {
  'scales.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'scales.get': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'scales.import': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'results.submit': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'results.list': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'results.get': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'results.linkClient': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'results.kioskList': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'results.export': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'alerts.list': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'alerts.acknowledge': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'screenings.create': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'screenings.list': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'screenings.get': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'screenings.close': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'screenings.export': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
};
