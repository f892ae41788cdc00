import type { checklistContract } from '../../../../shared/api/contract/checklist.js';
import { A, D, type Rows } from './matrix.js';

/** The checklist: every staff role sees where the station stands; the 站长 picks the template, imports one and fills the 自评. */
export const checklistRows: Rows<typeof checklistContract> = {
  'checklist.templates': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'checklist.get': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'checklist.choose': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'checklist.assess': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'checklist.importTemplate': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
};
