import type { surveysContract } from '../../../../shared/api/contract/surveys.js';
import { A, D, type Rows } from './matrix.js';

/** Knowledge surveys: every staff role reads them and enters paper responses (anonymous, not clinical); counsellors and the 站长 run them. */
export const surveysRows: Rows<typeof surveysContract> = {
  'surveys.questionnaires': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'surveys.questionnaire': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'surveys.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'surveys.get': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'surveys.create': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'surveys.update': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'surveys.close': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'surveys.reopen': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'surveys.remove': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'surveys.addResponse': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'surveys.removeResponse': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'surveys.counts': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'surveys.export': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
};
