import type { checklistContract } from '../../../../shared/api/contract/checklist.js';
import { inspectionsRows } from './inspections.js';
import { A, D, type Rows } from './matrix.js';

/** The checklist: every account sees where the station stands (an inspector too); the 站长 picks the template, imports one and fills the 自评. */
export const checklistRows: Rows<typeof checklistContract> = {
  'checklist.templates': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'checklist.get': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'checklist.choose': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'checklist.assess': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'checklist.importTemplate': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  ...inspectionsRows,
};
