/**
 * The meetings ledger (会议记录, issue 12), part of the ledgers feature: spread into ledgersContract. Every staff role
 * reads the list (reception without minutes or decisions); the 站长 and counsellors record meetings (counsellors the
 * ones they attended); only the 站长 removes one.
 */
import { adminOnly, anyStaff, clinical } from '../access.js';
import { idInput, okOutput } from '../schemas/common.js';
import { exportFile, periodExportInput } from '../schemas/exports.js';
import { meetingInput, meetingList, meetingListInput, meetingRecord, meetingRemoveInput, meetingUpdateInput } from '../schemas/meetings.js';
import { method, type MethodSpec } from './method.js';

export const meetingsContract = {
  'meetings.list': method(anyStaff, meetingListInput, meetingList),
  'meetings.get': method(anyStaff, idInput, meetingRecord),
  'meetings.create': method(clinical, meetingInput, meetingRecord),
  'meetings.update': method(clinical, meetingUpdateInput, meetingRecord),
  'meetings.remove': method(adminOnly, meetingRemoveInput, okOutput),
  'meetings.export': method(anyStaff, periodExportInput, exportFile),
} as const satisfies Record<string, MethodSpec>;

export const meetingsAuditActions = ['meetings.create', 'meetings.update', 'meetings.remove', 'meetings.export', 'meetings.view'] as const;
