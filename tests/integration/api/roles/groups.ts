import type { groupsContract } from '../../../../shared/api/contract/groups.js';
import { A, D, type Rows } from './matrix.js';

/** Group counselling: counsellors and the 站长 run groups (core narrows a counsellor to the groups they lead); the front desk takes sign-ups and reads the list. */
export const groupsRows: Rows<typeof groupsContract> = {
  'groups.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'groups.get': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'groups.create': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.update': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.close': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.signUp': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'groups.admit': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.leave': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.addSession': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.updateSession': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.removeSession': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.recordAttendance': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.addFeedback': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.removeFeedback': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.feedback': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'groups.counts': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'groups.export': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
};
