/**
 * The hotline / phone consultation ledger (热线/电话咨询登记, issue 12), part of the ledgers feature: spread into
 * ledgersContract. Reception records calls (never reading a note back); counsellors record and edit the calls they
 * took; only the 站长 removes one, and not before its three years are up.
 */
import { adminOnly, anyStaff, clinical } from '../access.js';
import { callCounts, callCountsInput, callInput, callList, callListInput, callOpenCrisisInput, callRecord, callRemoveInput, callUpdateInput } from '../schemas/calls.js';
import { idInput, okOutput } from '../schemas/common.js';
import { exportFile, periodExportInput } from '../schemas/exports.js';
import { method, type MethodSpec } from './method.js';

export const callsContract = {
  'calls.list': method(anyStaff, callListInput, callList),
  'calls.get': method(anyStaff, idInput, callRecord),
  'calls.create': method(anyStaff, callInput, callRecord),
  'calls.update': method(clinical, callUpdateInput, callRecord),
  'calls.remove': method(adminOnly, callRemoveInput, okOutput),
  'calls.openCrisis': method(clinical, callOpenCrisisInput, callRecord),
  'calls.counts': method(anyStaff, callCountsInput, callCounts),
  'calls.export': method(anyStaff, periodExportInput, exportFile),
} as const satisfies Record<string, MethodSpec>;

export const callsAuditActions = ['calls.create', 'calls.update', 'calls.remove', 'calls.openCrisis', 'calls.export', 'calls.view'] as const;
