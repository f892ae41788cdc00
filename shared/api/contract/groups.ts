/**
 * Group counselling (团体辅导, issue 12), part of the ledgers feature: spread into ledgersContract. The 站长 and
 * the group's leaders run a group; the front desk takes sign-ups (报名) and reads the list without the motives.
 */
import { anyStaff, clinical } from '../access.js';
import { idInput } from '../schemas/common.js';
import { exportFile, periodExportInput } from '../schemas/exports.js';
import {
  attendanceInput,
  feedbackInput,
  feedbackList,
  groupCounts,
  groupCountsInput,
  groupInput,
  groupList,
  groupListInput,
  groupRecord,
  groupUpdateInput,
  memberAdmitInput,
  memberLeaveInput,
  memberSignUpInput,
  sessionInput,
  sessionIdInput,
  sessionRemoveInput,
  sessionUpdateInput,
} from '../schemas/groups.js';
import { method, type MethodSpec } from './method.js';

export const groupsContract = {
  'groups.list': method(anyStaff, groupListInput, groupList),
  'groups.get': method(anyStaff, idInput, groupRecord),
  'groups.create': method(clinical, groupInput, groupRecord),
  'groups.update': method(clinical, groupUpdateInput, groupRecord),
  'groups.close': method(clinical, idInput, groupRecord),
  'groups.signUp': method(anyStaff, memberSignUpInput, groupRecord),
  'groups.admit': method(clinical, memberAdmitInput, groupRecord),
  'groups.leave': method(clinical, memberLeaveInput, groupRecord),
  'groups.addSession': method(clinical, sessionInput, groupRecord),
  'groups.updateSession': method(clinical, sessionUpdateInput, groupRecord),
  'groups.removeSession': method(clinical, sessionRemoveInput, groupRecord),
  'groups.recordAttendance': method(clinical, attendanceInput, groupRecord),
  'groups.addFeedback': method(clinical, feedbackInput, groupRecord),
  'groups.removeFeedback': method(clinical, idInput, groupRecord),
  'groups.feedback': method(clinical, sessionIdInput, feedbackList),
  'groups.counts': method(anyStaff, groupCountsInput, groupCounts),
  'groups.export': method(anyStaff, periodExportInput, exportFile),
} as const satisfies Record<string, MethodSpec>;

export const groupsAuditActions = [
  'groups.create',
  'groups.update',
  'groups.close',
  'groups.signUp',
  'groups.admit',
  'groups.leave',
  'groups.addSession',
  'groups.updateSession',
  'groups.removeSession',
  'groups.recordAttendance',
  'groups.addFeedback',
  'groups.removeFeedback',
  'groups.view',
  'groups.export',
] as const;
