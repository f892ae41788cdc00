/**
 * Station ledgers (台账, issue 12): records the station keeps as evidence for inspectors and as the source of
 * the checklist's and the periodic report's figures. Activities, calls, meetings and the rules; visits,
 * people, duty and group counselling too.
 */
import { anyStaff, clinical } from '../access.js';
import {
  activityCounts,
  activityCountsInput,
  activityInput,
  activityList,
  activityListInput,
  activityMarkDoneInput,
  activityRecord,
  activityRemoveInput,
  activityUpdateInput,
} from '../schemas/activities.js';
import { idInput, okOutput } from '../schemas/common.js';
import { exportFile, periodExportInput } from '../schemas/exports.js';
import { signInImportInput, signInImportOutput, signInList } from '../schemas/signIns.js';
import { callsAuditActions, callsContract } from './calls.js';
import { meetingsAuditActions, meetingsContract } from './meetings.js';
import { dutyAuditActions, dutyContract } from './duty.js';
import { groupsAuditActions, groupsContract } from './groups.js';
import { method, type MethodSpec } from './method.js';
import { peopleAuditActions, peopleContract } from './people.js';
import { rulesAuditActions, rulesContract } from './rules.js';
import { surveysAuditActions, surveysContract } from './surveys.js';
import { visitsAuditActions, visitsContract } from './visits.js';

export const ledgersContract = {
  // Reception reads the ledger (without the roster's names); counsellors and the 站长 record it.
  'activities.list': method(anyStaff, activityListInput, activityList),
  'activities.get': method(anyStaff, idInput, activityRecord),
  'activities.create': method(clinical, activityInput, activityRecord),
  'activities.update': method(clinical, activityUpdateInput, activityRecord),
  'activities.markDone': method(clinical, activityMarkDoneInput, activityRecord),
  'activities.remove': method(clinical, activityRemoveInput, okOutput),
  'activities.counts': method(anyStaff, activityCountsInput, activityCounts),
  'activities.export': method(anyStaff, periodExportInput, exportFile),
  // Sign-in sheets: the front desk records them too (issue 12); core allows counsellors the activities they ran.
  'activities.importSignIns': method(anyStaff, signInImportInput, signInImportOutput),
  'activities.signIns': method(anyStaff, idInput, signInList),
  'activities.signInTemplate': method(anyStaff, idInput, exportFile),
  ...callsContract,
  ...meetingsContract,
  ...rulesContract,
  ...peopleContract,
  ...dutyContract,
  ...visitsContract,
  ...groupsContract,
  ...surveysContract,
} as const satisfies Record<string, MethodSpec>;

/** The audit actions this feature writes; each has a Chinese word in shared/audit/words/ledgers.ts. */
export const ledgersAuditActions = ['activities.create', 'activities.update', 'activities.markDone', 'activities.remove', 'activities.export', 'activities.view', 'activities.list', 'activities.importSignIns', 'activities.signIns', ...callsAuditActions, ...meetingsAuditActions, ...rulesAuditActions, ...peopleAuditActions, ...dutyAuditActions, ...visitsAuditActions, ...groupsAuditActions, ...surveysAuditActions] as const;
