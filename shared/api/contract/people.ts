/**
 * The people ledger (人员台账, issue 12), part of the ledgers feature: spread into ledgersContract. Every staff role
 * reads the team list (it is the list that hangs on the wall); only the 站长 keeps it, receives the expiry reminders
 * and exports it (it holds the volunteers' phone numbers).
 */
import { adminOnly, anyStaff } from '../access.js';
import { emptyInput, idInput } from '../schemas/common.js';
import { exportFile, periodExportInput } from '../schemas/exports.js';
import {
  expiringList,
  peopleCounts,
  peopleCountsInput,
  peopleListInput,
  personInput,
  personList,
  personRecord,
  personUpdateInput,
  qualificationInput,
  serviceHoursInput,
  staffImportInput,
  staffImportOutput,
  trainingInput,
} from '../schemas/people.js';
import { method, type MethodSpec } from './method.js';

export const peopleContract = {
  'people.list': method(anyStaff, peopleListInput, personList),
  'people.get': method(anyStaff, idInput, personRecord),
  'people.create': method(adminOnly, personInput, personRecord),
  'people.update': method(adminOnly, personUpdateInput, personRecord),
  'people.saveQualification': method(adminOnly, qualificationInput, personRecord),
  'people.removeQualification': method(adminOnly, idInput, personRecord),
  'people.addTraining': method(adminOnly, trainingInput, personRecord),
  'people.removeTraining': method(adminOnly, idInput, personRecord),
  'people.addServiceHours': method(adminOnly, serviceHoursInput, personRecord),
  'people.removeServiceHours': method(adminOnly, idInput, personRecord),
  'people.expiring': method(adminOnly, emptyInput, expiringList),
  'people.counts': method(anyStaff, peopleCountsInput, peopleCounts),
  'people.export': method(adminOnly, periodExportInput, exportFile),
  'people.importStaffList': method(adminOnly, staffImportInput, staffImportOutput),
  'people.importTemplate': method(adminOnly, emptyInput, exportFile),
} as const satisfies Record<string, MethodSpec>;

export const peopleAuditActions = [
  'people.create',
  'people.update',
  'people.saveQualification',
  'people.removeQualification',
  'people.addTraining',
  'people.removeTraining',
  'people.addServiceHours',
  'people.removeServiceHours',
  'people.export',
  'people.importStaffList',
] as const;
