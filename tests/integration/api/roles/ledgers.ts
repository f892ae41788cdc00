import type { ledgersContract } from '../../../../shared/api/contract/ledgers.js';
import { callsRows } from './calls.js';
import { dutyRows } from './duty.js';
import { A, D, type Rows } from './matrix.js';
import { peopleRows } from './people.js';
import { meetingsRows, rulesRows } from './meetings.js';
import { visitsRows } from './visits.js';
import { groupsRows } from './groups.js';
import { surveysRows } from './surveys.js';

/** Ledgers: reception reads the activities ledger (no roster names), exports it and records sign-ins; counsellors and the 站长 record it. */
export const ledgersRows: Rows<typeof ledgersContract> = {
  'activities.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'activities.get': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'activities.create': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'activities.update': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'activities.markDone': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'activities.remove': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'activities.counts': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'activities.export': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'activities.importSignIns': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'activities.signIns': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'activities.signInTemplate': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  ...callsRows,
  ...peopleRows,
  ...meetingsRows,
  ...rulesRows,
  ...dutyRows,
  ...visitsRows,
  ...groupsRows,
  ...surveysRows,
};
