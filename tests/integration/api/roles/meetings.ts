import type { meetingsContract } from '../../../../shared/api/contract/meetings.js';
import type { rulesContract } from '../../../../shared/api/contract/rules.js';
import { A, D, type Rows } from './matrix.js';

/** The meetings ledger: every staff role reads the list (reception without minutes); counsellors and the 站长 record; the 站长 removes. */
export const meetingsRows: Rows<typeof meetingsContract> = {
  'meetings.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'meetings.get': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'meetings.create': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'meetings.update': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'meetings.remove': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'meetings.export': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
};

/** The rules (制度): every staff role reads and exports them; only the 站长 writes and adopts. */
export const rulesRows: Rows<typeof rulesContract> = {
  'rules.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'rules.get': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'rules.create': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'rules.saveDraft': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'rules.discardDraft': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'rules.adopt': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'rules.export': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
};
