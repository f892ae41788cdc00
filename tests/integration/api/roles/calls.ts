import type { callsContract } from '../../../../shared/api/contract/calls.js';
import { A, D, type Rows } from './matrix.js';

/** The hotline ledger: every staff role records and reads calls (reception without notes); counsellors edit theirs; the 站长 removes. */
export const callsRows: Rows<typeof callsContract> = {
  'calls.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'calls.get': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'calls.create': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'calls.update': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'calls.remove': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'calls.openCrisis': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'calls.counts': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'calls.export': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
};
