/**
 * The screening-visit ledger (走访排查, issue 12), part of the ledgers feature: spread into ledgersContract. Every
 * staff role records the visits they made (reception an anonymous household only) and reads the ledger without the
 * observations; counsellors edit the visits they made, the 站长 all; 建档 registers a household's client file.
 */
import { adminOnly, anyStaff, clinical } from '../access.js';
import { clientDetail } from '../schemas/clients.js';
import { idInput, okOutput } from '../schemas/common.js';
import { exportFile, periodExportInput } from '../schemas/exports.js';
import { visitCounts, visitCountsInput, visitInput, visitList, visitListInput, visitRecord, visitRegisterInput, visitRemoveInput, visitUpdateInput } from '../schemas/visits.js';
import { method, type MethodSpec } from './method.js';

export const visitsContract = {
  'visits.list': method(anyStaff, visitListInput, visitList),
  'visits.get': method(anyStaff, idInput, visitRecord),
  'visits.create': method(anyStaff, visitInput, visitRecord),
  'visits.update': method(clinical, visitUpdateInput, visitRecord),
  'visits.remove': method(adminOnly, visitRemoveInput, okOutput),
  'visits.registerClient': method(anyStaff, visitRegisterInput, clientDetail),
  'visits.counts': method(anyStaff, visitCountsInput, visitCounts),
  'visits.export': method(anyStaff, periodExportInput, exportFile),
} as const satisfies Record<string, MethodSpec>;

export const visitsAuditActions = ['visits.create', 'visits.update', 'visits.remove', 'visits.registerClient', 'visits.export', 'visits.view'] as const;
