/**
 * The station's rules (制度, issue 12), part of the ledgers feature: spread into ledgersContract. Every staff role
 * reads them; only the 站长 writes a draft and adopts it as the next version.
 */
import { adminOnly, anyStaff } from '../access.js';
import { emptyInput, idInput } from '../schemas/common.js';
import { exportFile } from '../schemas/exports.js';
import { ruleAdoptInput, ruleCreateInput, ruleDetail, ruleDraftInput, ruleList } from '../schemas/rules.js';
import { method, type MethodSpec } from './method.js';

export const rulesContract = {
  'rules.list': method(anyStaff, emptyInput, ruleList),
  'rules.get': method(anyStaff, idInput, ruleDetail),
  'rules.create': method(adminOnly, ruleCreateInput, ruleDetail),
  'rules.saveDraft': method(adminOnly, ruleDraftInput, ruleDetail),
  'rules.discardDraft': method(adminOnly, idInput, ruleDetail),
  'rules.adopt': method(adminOnly, ruleAdoptInput, ruleDetail),
  'rules.export': method(anyStaff, emptyInput, exportFile),
} as const satisfies Record<string, MethodSpec>;

export const rulesAuditActions = ['rules.create', 'rules.saveDraft', 'rules.discardDraft', 'rules.adopt', 'rules.export'] as const;
