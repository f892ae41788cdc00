/** Case files: dictionaries, clients (来访者), cases, sessions, risk, follow-ups, crises, referrals, attachments. */
import { adminOnly, anyAccount, anyStaff, clinical } from '../access.js';
import {
  attachmentAddInput,
  attachmentContent,
  attachmentList,
  attachmentListInput,
  uploadBeginInput,
  uploadBeginOutput,
  uploadChunkInput,
  uploadChunkOutput,
  uploadIdInput,
} from '../schemas/attachments.js';
import {
  addendumInput,
  caseCloseInput,
  caseListInput,
  caseOpenInput,
  casePage,
  caseShareInput,
  caseShareOutput,
  caseSummary,
  caseSummaryPage,
  caseTransferInput,
  followUpList,
  followUpListInput,
  followUpRecordInput,
  managerNoticeInput,
  managerNoticeOutput,
  riskGradeInput,
  riskGradeOutput,
  sessionDraftInput,
  sessionRecord,
  sessionSignInput,
  todayOutput,
} from '../schemas/cases.js';
import { clientDetail, clientRegistration, clientSearchInput, clientSearchOutput, clientUpdate, consentInput, duplicatePairList, mergeInput } from '../schemas/clients.js';
import { emptyInput, idInput, okOutput } from '../schemas/common.js';
import { clientsExportInput, exportFile, periodExportInput } from '../schemas/exports.js';
import { crisisContactInput, crisisList, crisisListInput, crisisOpenInput, crisisRecord, crisisResolveInput, crisisStepInput } from '../schemas/crises.js';
import { dictionaryAddInput, dictionaryItem, dictionaryItemList, dictionaryListInput, dictionarySetActiveInput } from '../schemas/dictionaries.js';
import { referralCreateInput, referralList, referralListInput, referralRecord, referralUpdateInput } from '../schemas/referrals.js';
import { method, type MethodSpec } from './method.js';

export const caseFilesContract = {
  // Dictionaries (data a station extends)
  // The lists' words (activity kinds, meeting kinds …) label what an inspector's record samples show too.
  'dictionaries.list': method(anyAccount, dictionaryListInput, dictionaryItemList),
  'dictionaries.add': method(adminOnly, dictionaryAddInput, dictionaryItem),
  'dictionaries.setActive': method(adminOnly, dictionarySetActiveInput, dictionaryItem),

  // Clients (来访者): reception registers; clinical colour is hidden from reception in results
  'clients.search': method(anyStaff, clientSearchInput, clientSearchOutput),
  'clients.get': method(anyStaff, idInput, clientDetail),
  'clients.register': method(anyStaff, clientRegistration, clientDetail),
  'clients.update': method(anyStaff, clientUpdate, clientDetail),
  'clients.addConsent': method(anyStaff, consentInput, clientDetail),
  'clients.duplicates': method(adminOnly, emptyInput, duplicatePairList),
  'clients.merge': method(adminOnly, mergeInput, clientDetail),
  /** 来访者名单 (XLSX): masked unless the 站长 asks; reception gets no clinical column. */
  'clients.export': method(anyStaff, clientsExportInput, exportFile),

  // Cases, sessions, risk and follow-ups: counsellors (their own and shared cases) and the 站长
  'cases.open': method(clinical, caseOpenInput, caseSummary),
  'cases.list': method(clinical, caseListInput, caseSummaryPage),
  'cases.get': method(clinical, idInput, casePage),
  'cases.close': method(clinical, caseCloseInput, caseSummary),
  'cases.transfer': method(clinical, caseTransferInput, caseSummary),
  'cases.share': method(clinical, caseShareInput, caseShareOutput),
  'sessions.saveDraft': method(clinical, sessionDraftInput, sessionRecord),
  'sessions.sign': method(clinical, sessionSignInput, sessionRecord),
  'sessions.addAddendum': method(clinical, addendumInput, sessionRecord),
  'risk.grade': method(clinical, riskGradeInput, riskGradeOutput),
  'risk.notifyManager': method(clinical, managerNoticeInput, managerNoticeOutput),
  'followUps.list': method(clinical, followUpListInput, followUpList),
  'followUps.record': method(clinical, followUpRecordInput, followUpList),
  'dashboard.today': method(clinical, emptyInput, todayOutput),
  /** Lists of a period (XLSX), as the caller reaches them. */
  'sessions.export': method(clinical, periodExportInput, exportFile),
  'followUps.export': method(clinical, periodExportInput, exportFile),

  // Crisis intervention, referral and attachments
  'crises.open': method(clinical, crisisOpenInput, crisisRecord),
  'crises.list': method(clinical, crisisListInput, crisisList),
  'crises.get': method(clinical, idInput, crisisRecord),
  'crises.checkStep': method(clinical, crisisStepInput, crisisRecord),
  'crises.addContact': method(clinical, crisisContactInput, crisisRecord),
  'crises.resolve': method(clinical, crisisResolveInput, crisisRecord),
  'referrals.create': method(clinical, referralCreateInput, referralRecord),
  'referrals.update': method(clinical, referralUpdateInput, referralRecord),
  'referrals.list': method(clinical, referralListInput, referralList),
  'attachments.add': method(anyStaff, attachmentAddInput, attachmentList),
  // An inspector lists and opens the checklist's and the 整改 evidence only (the service holds it to those kinds).
  'attachments.list': method(anyAccount, attachmentListInput, attachmentList),
  'attachments.get': method(anyAccount, idInput, attachmentContent),
  // Files up to 20 MB in chunks that each fit the HTTP host's 1 MiB body cap; the owner's rule decides who may.
  'attachments.uploadBegin': method(anyStaff, uploadBeginInput, uploadBeginOutput),
  'attachments.uploadChunk': method(anyStaff, uploadChunkInput, uploadChunkOutput),
  'attachments.uploadCommit': method(anyStaff, uploadIdInput, attachmentList),
  'attachments.uploadAbort': method(anyStaff, uploadIdInput, okOutput),
} as const satisfies Record<string, MethodSpec>;

/** The audit actions this feature writes; the audit screen has a zh-CN and an en label for each (tests/unit/renderer). */
export const caseFilesAuditActions = [
  'attachments.add',
  'attachments.list',
  'attachments.open',
  'cases.close',
  'cases.list',
  'cases.open',
  'cases.transfer',
  'cases.view',
  'cases.share',
  'cases.unshare',
  'clients.export',
  'clients.merge',
  'clients.register',
  'clients.search',
  'clients.update',
  'clients.view',
  'consents.add',
  'crises.contact',
  'crises.list',
  'crises.open',
  'crises.resolve',
  'crises.step',
  'crises.view',
  'dashboard.view',
  'followUps.export',
  'followUps.list',
  'followUps.record',
  'referrals.create',
  'referrals.list',
  'referrals.update',
  'risk.grade',
  'risk.notifyManager',
  'sessions.addendum',
  'sessions.create',
  'sessions.export',
  'sessions.sign',
  'sessions.update',
] as const;
