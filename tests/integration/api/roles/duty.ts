import type { dutyContract } from '../../../../shared/api/contract/duty.js';
import { A, D, type Rows } from './matrix.js';

/** The duty ledger: every staff role reads the roster and writes its own log; only the 站长 keeps the roster. */
export const dutyRows: Rows<typeof dutyContract> = {
  'duty.month': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'duty.addShift': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'duty.updateShift': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'duty.removeShift': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'duty.repeatWeek': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'duty.logs': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'duty.writeLog': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'duty.updateLog': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'duty.export': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
};
