import type { visitsContract } from '../../../../shared/api/contract/visits.js';
import { A, D, type Rows } from './matrix.js';

/** The screening-visit ledger: every staff role records and reads visits (reception a household only, never observations); counsellors edit theirs; the 站长 removes. */
export const visitsRows: Rows<typeof visitsContract> = {
  'visits.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'visits.get': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'visits.create': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'visits.update': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'visits.remove': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'visits.registerClient': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'visits.counts': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'visits.export': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
};
