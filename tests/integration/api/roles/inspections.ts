import type { inspectionsContract } from '../../../../shared/api/contract/inspections.js';
import { A, D, type Rows } from './matrix.js';

/**
 * Inspections: the 站长 opens one, lets an inspector in and 办结; the evaluator's methods are open to every account and
 * held by the service to the inspection's evaluator; the station (the 站长 or a task's owner) submits 整改. An
 * inspector reaches its own inspection only (tests/integration/checklist/inspections.test.ts).
 */
export const inspectionsRows: Rows<typeof inspectionsContract> = {
  'inspections.list': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'inspections.get': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'inspections.create': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'inspections.addInspector': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'inspections.extendInspector': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'inspections.score': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'inspections.addFinding': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'inspections.removeFinding': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'inspections.conclude': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'inspections.addRectification': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'inspections.submitRectification': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'inspections.recheck': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'inspections.close': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'inspections.sample': { admin: A, counsellor: A, reception: A, inspector: A, kiosk: D, none: D },
  'inspections.package': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
};
