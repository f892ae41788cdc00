/**
 * The duty ledger (值班安排表 and 值班记录, issue 12), part of the ledgers feature: spread into ledgersContract. The
 * 站长 keeps the roster; whoever is on duty (the front desk too) writes their own log, the 站长 corrects any.
 */
import { adminOnly, anyStaff } from '../access.js';
import { idInput, okOutput } from '../schemas/common.js';
import {
  dutyLog,
  dutyLogInput,
  dutyLogList,
  dutyLogListInput,
  dutyLogUpdateInput,
  dutyMonth,
  dutyMonthInput,
  dutyRepeatInput,
  dutyRepeatOutput,
  dutyShift,
  dutyShiftInput,
  dutyShiftUpdateInput,
} from '../schemas/duty.js';
import { exportFile, periodExportInput } from '../schemas/exports.js';
import { method, type MethodSpec } from './method.js';

export const dutyContract = {
  'duty.month': method(anyStaff, dutyMonthInput, dutyMonth),
  'duty.addShift': method(adminOnly, dutyShiftInput, dutyShift),
  'duty.updateShift': method(adminOnly, dutyShiftUpdateInput, dutyShift),
  'duty.removeShift': method(adminOnly, idInput, okOutput),
  'duty.repeatWeek': method(adminOnly, dutyRepeatInput, dutyRepeatOutput),
  'duty.logs': method(anyStaff, dutyLogListInput, dutyLogList),
  'duty.writeLog': method(anyStaff, dutyLogInput, dutyLog),
  'duty.updateLog': method(anyStaff, dutyLogUpdateInput, dutyLog),
  'duty.export': method(anyStaff, periodExportInput, exportFile),
} as const satisfies Record<string, MethodSpec>;

export const dutyAuditActions = ['duty.addShift', 'duty.updateShift', 'duty.removeShift', 'duty.repeatWeek', 'duty.writeLog', 'duty.updateLog', 'duty.export'] as const;
