/**
 * Inspections of the checklist (issue 13). The 站长 opens one (its snapshot), lets an inspector in for it and closes
 * the 整改 tasks; the evaluator (that inspector, or the 站长 where none was let in) scores, finds, concludes and
 * rechecks. An inspector reaches nothing else but the checklist, its evidence and metadata-only record samples.
 */
import { adminOnly, anyAccount, anyStaff } from '../access.js';
import { emptyInput } from '../schemas/common.js';
import { exportFile } from '../schemas/exports.js';
import {
  concludeInput,
  findingIdInput,
  findingInput,
  inspectionCreateInput,
  inspectionIdInput,
  inspectionList,
  inspectionRecord,
  inspectionScoreInput,
  inspectorAccessInput,
  inspectorAccountInput,
  recheckInput,
  rectificationInput,
  rectificationSubmitInput,
  sampleInput,
  sampleOutput,
} from '../schemas/inspections.js';
import { method, type MethodSpec } from './method.js';

export const inspectionsContract = {
  'inspections.list': method(anyAccount, emptyInput, inspectionList),
  'inspections.get': method(anyAccount, inspectionIdInput, inspectionRecord),
  'inspections.create': method(adminOnly, inspectionCreateInput, inspectionRecord),
  'inspections.addInspector': method(adminOnly, inspectorAccountInput, inspectionRecord),
  'inspections.extendInspector': method(adminOnly, inspectorAccessInput, inspectionRecord),
  'inspections.score': method(anyAccount, inspectionScoreInput, inspectionRecord),
  'inspections.addFinding': method(anyAccount, findingInput, inspectionRecord),
  'inspections.removeFinding': method(anyAccount, findingIdInput, inspectionRecord),
  'inspections.conclude': method(anyAccount, concludeInput, inspectionRecord),
  'inspections.addRectification': method(anyAccount, rectificationInput, inspectionRecord),
  'inspections.submitRectification': method(anyStaff, rectificationSubmitInput, inspectionRecord),
  'inspections.recheck': method(anyAccount, recheckInput, inspectionRecord),
  'inspections.close': method(adminOnly, inspectionIdInput, inspectionRecord),
  'inspections.sample': method(anyAccount, sampleInput, sampleOutput),
  /** The 迎检包: a ZIP of the checklist PDF, the period's ledgers and the evidence (rows = files in it). */
  'inspections.package': method(adminOnly, inspectionIdInput, exportFile),
} as const satisfies Record<string, MethodSpec>;

export const inspectionsAuditActions = [
  'inspections.create',
  'inspections.addInspector',
  'inspections.extendInspector',
  'inspections.score',
  'inspections.addFinding',
  'inspections.removeFinding',
  'inspections.conclude',
  'inspections.addRectification',
  'inspections.submitRectification',
  'inspections.recheck',
  'inspections.close',
  'inspections.sample',
  'inspections.package',
] as const;
