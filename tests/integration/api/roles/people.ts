import type { peopleContract } from '../../../../shared/api/contract/people.js';
import { A, D, type Rows } from './matrix.js';

/** The people ledger: every staff role reads the team list and its figures; only the 站长 keeps it, is reminded and exports it. */
export const peopleRows: Rows<typeof peopleContract> = {
  'people.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'people.get': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'people.create': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.update': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.saveQualification': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.removeQualification': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.addTraining': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.removeTraining': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.addServiceHours': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.removeServiceHours': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.expiring': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.counts': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'people.export': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.importStaffList': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'people.importTemplate': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
};
