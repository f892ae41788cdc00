/**
 * The one API contract: method name → access rule, zod input and zod output.
 *
 * INSTRUCTIONS for adding a method:
 * 1. Put its schemas in `schemas/<feature>.ts` and add an entry here with an explicit `access`.
 * 2. Add its name to `methodNames.ts` (the preload's list; a type test keeps both equal).
 * 3. Implement it in the core handler table (the compiler demands it).
 * 4. Add its row to the role matrix in tests/integration/api/roleMatrix.test.ts (the test demands it).
 */
import type { z } from 'zod';
import { adminOnly, anyStaff, publicAccess, staffRoles, type Access } from './access.js';
import {
  appStatus,
  changePasswordInput,
  recoverInput,
  sessionInfo,
  setupInput,
  setupOutput,
  unlockInput,
} from './schemas/auth.js';
import { auditListInput, auditListOutput } from './schemas/audit.js';
import {
  backupCreateInput,
  backupInfo,
  backupListOutput,
  backupRestoreInput,
  operationCancelInput,
  restoreOutput,
} from './schemas/backup.js';
import {
  addendumInput,
  caseCloseInput,
  caseListInput,
  caseOpenInput,
  casePage,
  caseShareInput,
  caseSummary,
  caseTransferInput,
  followUpListInput,
  followUpRecord,
  followUpRecordInput,
  riskGradeInput,
  riskGradeOutput,
  sessionDraftInput,
  sessionRecord,
  sessionSignInput,
  todayOutput,
} from './schemas/cases.js';
import {
  clientDetail,
  clientRegistration,
  clientSearchInput,
  clientSearchOutput,
  clientUpdate,
  consentInput,
  duplicatePair,
  mergeInput,
} from './schemas/clients.js';
import { emptyInput, idInput, okOutput } from './schemas/common.js';
import {
  appointmentInput,
  appointmentListInput,
  appointmentRecord,
  availabilityExceptionInput,
  bookFollowUpInput,
  linkClientInput,
  availabilityInput,
  availabilityOutput,
  calendarDayInput,
  calendarDayRemoveInput,
  calendarOutput,
  calendarRangeInput,
  cancelInput,
  completeInput,
  completeOutput,
  moveInput,
  noShowInput,
  noShowOutput,
  room,
  roomInput,
  roomSetActiveInput,
  seriesInput,
  seriesOutput,
  seriesUpdateInput,
  statusInput,
  waitlistEntry,
  waitlistInput,
  waitlistRemoveInput,
} from './schemas/appointments.js';
import { screeningCreateInput, screeningDetail, screeningSummary } from './schemas/screenings.js';
import { kioskExitInput, kioskInfo, kioskOpenInput, kioskOpenOutput, kioskScaleInput, kioskSubmitInput, kioskSubmitOutput } from './schemas/kiosk.js';
import {
  alertAckInput,
  alertListInput,
  alertRecord,
  resultLinkInput,
  resultListInput,
  resultRecord,
  resultSubmitInput,
  scaleDefinitionOutput,
  scaleImportInput,
  scaleRef,
  scaleSummary,
} from './schemas/scales.js';
import { attachmentAddInput, attachmentContent, attachmentInfo, attachmentListInput } from './schemas/attachments.js';
import { crisisContactInput, crisisListInput, crisisOpenInput, crisisRecord, crisisResolveInput, crisisStepInput } from './schemas/crises.js';
import { referralCreateInput, referralListInput, referralRecord, referralUpdateInput } from './schemas/referrals.js';
import { dictionaryAddInput, dictionaryItem, dictionaryListInput, dictionarySetActiveInput } from './schemas/dictionaries.js';
import { stationProfile } from './schemas/station.js';
import { aboutOutput, settings, settingsUpdate, verifyInput, verifyOutput } from './schemas/system.js';
import { createUserInput, newRecoveryKeyOutput, resetPasswordInput, setUserDisabledInput, userListEntry, userSummary } from './schemas/users.js';
import { z as zod } from './zod.js';

type MethodSpec = Readonly<{ access: Access; input: z.ZodType; output: z.ZodType }>;

const method = <I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) => ({
  access,
  input,
  output,
});

const kioskOnly: Access = { kind: 'roles', roles: ['kiosk'] };
const clinical: Access = { kind: 'roles', roles: ['admin', 'counsellor'] };
const duringPasswordChange: Access = { kind: 'roles', roles: staffRoles, allowDuringPasswordChange: true };

export const contract = {
  // App lifecycle: callable before anyone has logged in.
  'app.status': method(publicAccess, emptyInput, appStatus),
  'setup.create': method(publicAccess, setupInput, setupOutput),
  'auth.unlock': method(publicAccess, unlockInput, sessionInfo),
  'auth.recover': method(publicAccess, recoverInput, sessionInfo),
  'recovery.listBackups': method(publicAccess, emptyInput, backupListOutput),
  'recovery.restore': method(publicAccess, backupRestoreInput, restoreOutput),

  // Session
  'auth.me': method(duringPasswordChange, emptyInput, sessionInfo.omit({ sessionToken: true })),
  'auth.heartbeat': method(duringPasswordChange, emptyInput, okOutput),
  'auth.lock': method(duringPasswordChange, emptyInput, okOutput),
  'auth.changePassword': method(duringPasswordChange, changePasswordInput, okOutput),

  // Station profile
  'station.get': method(anyStaff, emptyInput, stationProfile),
  'station.update': method(adminOnly, stationProfile, stationProfile),

  // Users
  'users.list': method(adminOnly, emptyInput, zod.array(userListEntry)),
  /** Who can be booked: names of active counsellors and 站长 for every staff screen (reception books). */
  'users.directory': method(anyStaff, emptyInput, zod.array(zod.object({ id: zod.number(), displayName: zod.string(), role: zod.string() }))),
  'users.create': method(adminOnly, createUserInput, userSummary),
  'users.setDisabled': method(adminOnly, setUserDisabledInput, userSummary),
  'users.resetPassword': method(adminOnly, resetPasswordInput, userSummary),
  'users.newRecoveryKey': method(adminOnly, emptyInput, newRecoveryKeyOutput),

  // Audit
  'audit.list': method(adminOnly, auditListInput, auditListOutput),

  // Settings and about
  'settings.get': method(adminOnly, emptyInput, settings),
  'settings.update': method(adminOnly, settingsUpdate, settings),
  'system.about': method(anyStaff, emptyInput, aboutOutput),
  'system.verify': method(adminOnly, verifyInput, verifyOutput),

  // Backup and restore
  'backup.list': method(adminOnly, emptyInput, backupListOutput),
  'backup.create': method(adminOnly, backupCreateInput, backupInfo),
  'backup.restore': method(adminOnly, backupRestoreInput, restoreOutput),
  'operation.cancel': method(adminOnly, operationCancelInput, okOutput),

  // Dictionaries (data a station extends)
  'dictionaries.list': method(anyStaff, dictionaryListInput, zod.array(dictionaryItem)),
  'dictionaries.add': method(adminOnly, dictionaryAddInput, dictionaryItem),
  'dictionaries.setActive': method(adminOnly, dictionarySetActiveInput, dictionaryItem),

  // Clients (来访者): reception registers; clinical colour is hidden from reception in results
  'clients.search': method(anyStaff, clientSearchInput, clientSearchOutput),
  'clients.get': method(anyStaff, idInput, clientDetail),
  'clients.register': method(anyStaff, clientRegistration, clientDetail),
  'clients.update': method(anyStaff, clientUpdate, clientDetail),
  'clients.addConsent': method(anyStaff, consentInput, clientDetail),
  'clients.duplicates': method(adminOnly, emptyInput, zod.array(duplicatePair)),
  'clients.merge': method(adminOnly, mergeInput, clientDetail),

  // Cases, sessions, risk and follow-ups: counsellors (their own and shared cases) and the 站长
  'cases.open': method(clinical, caseOpenInput, caseSummary),
  'cases.list': method(clinical, caseListInput, zod.array(caseSummary)),
  'cases.get': method(clinical, idInput, casePage),
  'cases.close': method(clinical, caseCloseInput, caseSummary),
  'cases.transfer': method(clinical, caseTransferInput, caseSummary),
  'cases.share': method(clinical, caseShareInput, zod.array(zod.object({ id: zod.number(), displayName: zod.string() }))),
  'sessions.saveDraft': method(clinical, sessionDraftInput, sessionRecord),
  'sessions.sign': method(clinical, sessionSignInput, sessionRecord),
  'sessions.addAddendum': method(clinical, addendumInput, sessionRecord),
  'risk.grade': method(clinical, riskGradeInput, riskGradeOutput),
  'followUps.list': method(clinical, followUpListInput, zod.array(followUpRecord)),
  'followUps.record': method(clinical, followUpRecordInput, zod.array(followUpRecord)),
  'dashboard.today': method(clinical, emptyInput, todayOutput),

  // Crisis intervention, referral and attachments
  'crises.open': method(clinical, crisisOpenInput, crisisRecord),
  'crises.list': method(clinical, crisisListInput, zod.array(crisisRecord)),
  'crises.get': method(clinical, idInput, crisisRecord),
  'crises.checkStep': method(clinical, crisisStepInput, crisisRecord),
  'crises.addContact': method(clinical, crisisContactInput, crisisRecord),
  'crises.resolve': method(clinical, crisisResolveInput, crisisRecord),
  'referrals.create': method(clinical, referralCreateInput, referralRecord),
  'referrals.update': method(clinical, referralUpdateInput, referralRecord),
  'referrals.list': method(clinical, referralListInput, zod.array(referralRecord)),
  'attachments.add': method(anyStaff, attachmentAddInput, zod.array(attachmentInfo)),
  'attachments.list': method(anyStaff, attachmentListInput, zod.array(attachmentInfo)),
  'attachments.get': method(anyStaff, idInput, attachmentContent),

  // Scales, results and alerts
  'scales.list': method(anyStaff, emptyInput, zod.array(scaleSummary)),
  'scales.get': method(clinical, scaleRef, scaleDefinitionOutput),
  'scales.import': method(adminOnly, scaleImportInput, scaleSummary),
  'results.submit': method(clinical, resultSubmitInput, resultRecord),
  'results.list': method(clinical, resultListInput, zod.array(resultRecord)),
  'results.get': method(clinical, idInput, resultRecord),
  'results.linkClient': method(clinical, resultLinkInput, resultRecord),
  'alerts.list': method(clinical, alertListInput, zod.array(alertRecord)),
  'alerts.acknowledge': method(clinical, alertAckInput, zod.array(alertRecord)),

  // Resident kiosk: staff open and close it; the kiosk token calls only the kiosk.* methods below
  'kiosk.open': method(clinical, kioskOpenInput, kioskOpenOutput),
  'kiosk.close': method(clinical, emptyInput, okOutput),
  'kiosk.info': method(kioskOnly, emptyInput, kioskInfo),
  'kiosk.definition': method(kioskOnly, kioskScaleInput, scaleDefinitionOutput),
  'kiosk.submit': method(kioskOnly, kioskSubmitInput, kioskSubmitOutput),
  'kiosk.exit': method(kioskOnly, kioskExitInput, okOutput),

  // Group screening (普查)
  'screenings.create': method(clinical, screeningCreateInput, screeningDetail),
  'screenings.list': method(clinical, emptyInput, zod.array(screeningSummary)),
  'screenings.get': method(clinical, idInput, screeningDetail),
  'screenings.close': method(clinical, idInput, screeningDetail),

  // Appointments (预约): reception books; completing one writes a session note, so it is clinical
  'rooms.list': method(anyStaff, emptyInput, zod.array(room)),
  'rooms.add': method(adminOnly, roomInput, zod.array(room)),
  'rooms.setActive': method(adminOnly, roomSetActiveInput, zod.array(room)),
  'availability.get': method(anyStaff, idInput, availabilityOutput),
  'availability.set': method(clinical, availabilityInput, availabilityOutput),
  'availability.addException': method(clinical, availabilityExceptionInput, availabilityOutput),
  'availability.removeException': method(clinical, idInput, availabilityOutput),
  'calendar.get': method(anyStaff, calendarRangeInput, calendarOutput),
  'calendar.setDay': method(adminOnly, calendarDayInput, okOutput),
  'calendar.removeDay': method(adminOnly, calendarDayRemoveInput, okOutput),
  'appointments.list': method(anyStaff, appointmentListInput, zod.array(appointmentRecord)),
  'appointments.create': method(anyStaff, appointmentInput, appointmentRecord),
  'appointments.createSeries': method(anyStaff, seriesInput, seriesOutput),
  'appointments.move': method(anyStaff, moveInput, appointmentRecord),
  'appointments.updateSeries': method(anyStaff, seriesUpdateInput, zod.array(appointmentRecord)),
  'appointments.cancel': method(anyStaff, cancelInput, zod.array(appointmentRecord)),
  'appointments.setStatus': method(anyStaff, statusInput, appointmentRecord),
  'appointments.complete': method(clinical, completeInput, completeOutput),
  'appointments.noShows': method(anyStaff, noShowInput, noShowOutput),
  'appointments.bookFollowUp': method(clinical, bookFollowUpInput, appointmentRecord),
  'appointments.linkClient': method(anyStaff, linkClientInput, appointmentRecord),
  'waitlist.list': method(anyStaff, emptyInput, zod.array(waitlistEntry)),
  'waitlist.add': method(anyStaff, waitlistInput, zod.array(waitlistEntry)),
  'waitlist.close': method(anyStaff, waitlistRemoveInput, zod.array(waitlistEntry)),
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
