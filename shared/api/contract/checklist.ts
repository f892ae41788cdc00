/**
 * The station's compliance checklist (issue 13: "五个一" and its kin): every staff role reads where the station
 * stands; the 站长 picks the district's template, imports one, and fills the self-assessment (自评).
 */
import { adminOnly, anyStaff } from '../access.js';
import { emptyInput } from '../schemas/common.js';
import { assessInput, checklistGetInput, checklistView, templateImportInput, templateList, templateRef, templateSummary } from '../schemas/checklist.js';
import { method, type MethodSpec } from './method.js';

export const checklistContract = {
  'checklist.templates': method(anyStaff, emptyInput, templateList),
  'checklist.get': method(anyStaff, checklistGetInput, checklistView),
  'checklist.choose': method(adminOnly, templateRef, checklistView),
  'checklist.assess': method(adminOnly, assessInput, checklistView),
  'checklist.importTemplate': method(adminOnly, templateImportInput, templateSummary),
} as const satisfies Record<string, MethodSpec>;

export const checklistAuditActions = ['checklist.choose', 'checklist.assess', 'checklist.importTemplate'] as const;
