/**
 * The station's compliance checklist (issue 13: "五个一" and its kin): every staff role reads where the station
 * stands; the 站长 picks the district's template, imports one, and fills the self-assessment (自评); inspections of it
 * are in ./inspections.ts.
 */
import { adminOnly, anyAccount } from '../access.js';
import { emptyInput } from '../schemas/common.js';
import { assessInput, checklistGetInput, checklistView, templateImportInput, templateList, templateRef, templateSummary } from '../schemas/checklist.js';
import { inspectionsAuditActions, inspectionsContract } from './inspections.js';
import { method, type MethodSpec } from './method.js';

export const checklistContract = {
  // An inspector reads the checklist too (issue 13: read-only access to the checklist and its evidence).
  'checklist.templates': method(anyAccount, emptyInput, templateList),
  'checklist.get': method(anyAccount, checklistGetInput, checklistView),
  'checklist.choose': method(adminOnly, templateRef, checklistView),
  'checklist.assess': method(adminOnly, assessInput, checklistView),
  'checklist.importTemplate': method(adminOnly, templateImportInput, templateSummary),
  ...inspectionsContract,
} as const satisfies Record<string, MethodSpec>;

export const checklistAuditActions = ['checklist.choose', 'checklist.assess', 'checklist.importTemplate', ...inspectionsAuditActions] as const;
