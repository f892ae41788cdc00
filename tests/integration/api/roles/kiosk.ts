import type { kioskContract } from '../../../../shared/api/contract/kiosk.js';
import { A, D, type Rows } from './matrix.js';

/** Resident kiosk: staff open and close it; the kiosk token reaches its own methods only. */
export const kioskRows: Rows<typeof kioskContract> = {
  'kiosk.open': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'kiosk.close': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  // The kiosk token reaches these six methods and nothing else in the contract.
  'kiosk.info': { admin: D, counsellor: D, reception: D, inspector: D, kiosk: A, none: D },
  'kiosk.definition': { admin: D, counsellor: D, reception: D, inspector: D, kiosk: A, none: D },
  'kiosk.submit': { admin: D, counsellor: D, reception: D, inspector: D, kiosk: A, none: D },
  'kiosk.survey': { admin: D, counsellor: D, reception: D, inspector: D, kiosk: A, none: D },
  'kiosk.submitSurvey': { admin: D, counsellor: D, reception: D, inspector: D, kiosk: A, none: D },
  'kiosk.exit': { admin: D, counsellor: D, reception: D, inspector: D, kiosk: A, none: D },
};
