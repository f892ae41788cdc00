import type { caseFilesContract } from '../../../../shared/api/contract/caseFiles.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import { AppError } from '../../errors.js';
import { addDictionaryItem, listDictionary, setDictionaryItemActive } from '../../repositories/dictionariesRepo.js';
import type { Vault } from '../../vault.js';
import { randomBytes } from 'node:crypto';
import { actorOf, requireSession } from '../../auth/actor.js';
import { auditedRead } from '../../access/clinicalReach.js';
import type { CasesService } from './casesService.js';
import type { ClientsService } from './clientsService.js';
import type { RiskService } from './riskService.js';
import type { AttachmentService } from './attachmentService.js';
import type { CrisisService } from './crisisService.js';
import type { ReferralService } from './referralService.js';
import type { CaseFilesExport } from './caseFilesExport.js';
import { composeToday, type DueItemsProvider } from '../../dashboard/dueItems.js';

export type CaseFileDeps = Readonly<{
  vault: Vault;
  clients: ClientsService;
  cases: CasesService;
  risk: RiskService;
  crises: CrisisService;
  referrals: ReferralService;
  attachments: AttachmentService;
  exports: CaseFilesExport;
  /** Other features' cards on the dashboard (open alerts come from scales). */
  dueItems: readonly DueItemsProvider[];
}>;

export function createCaseFileHandlers({ vault, clients, cases, risk, crises, referrals, attachments, exports, dueItems }: CaseFileDeps): FeatureHandlers<typeof caseFilesContract> {
  const caseFileCards: DueItemsProvider = (session) => ({
    ...risk.dashboard(session),
    activeCrises: crises.visible(session, 'active').map((crisis) => ({ id: crisis.id, who: crisis.clientName ?? crisis.unknownPerson, startedAt: crisis.startedAt })),
    referralsAwaitingReceipt: referrals.awaitingReceipt(session),
  });
  return {
    'dictionaries.list': (input) => listDictionary(vault.connection(), input.dictionary),
    'dictionaries.add': (input, session) =>
      vault.write((db, audit) => {
        // Station entries get a generated code; labels may change, codes never do.
        const item = addDictionaryItem(db, input.dictionary, `custom_${randomBytes(4).toString('hex')}`, input.label);
        audit({ ...actorOf(requireSession(session)), action: 'dictionaries.add', objectType: 'dictionary', objectId: item.id, detail: { dictionary: input.dictionary } });
        return item;
      }),
    'dictionaries.setActive': (input, session) =>
      vault.write((db, audit) => {
        const item = setDictionaryItemActive(db, input.id, input.active);
        if (!item) throw new AppError('NOT_FOUND', '找不到该字典项。');
        audit({ ...actorOf(requireSession(session)), action: 'dictionaries.setActive', objectType: 'dictionary', objectId: item.id, detail: { active: input.active } });
        return item;
      }),

    'clients.search': (input, session) => clients.search(requireSession(session), input),
    'clients.get': (input, session) => clients.get(requireSession(session), input.id),
    'clients.register': (input, session) => clients.register(requireSession(session), input),
    'clients.update': (input, session) => clients.update(requireSession(session), input.id, input.client),
    'clients.addConsent': (input, session) => clients.addConsent(requireSession(session), input),
    'clients.duplicates': (_input, session) => clients.duplicates(requireSession(session)),
    'clients.merge': (input, session) => clients.merge(requireSession(session), input),
    'clients.export': (input, session) => exports.clients(requireSession(session), input),

    'cases.open': (input, session) => cases.open(requireSession(session), input),
    'cases.list': (input, session) => cases.list(requireSession(session), input),
    'cases.get': (input, session) => cases.page(requireSession(session), input.id),
    'cases.close': (input, session) => cases.close(requireSession(session), input.id, input.reason, input.closedOn),
    'cases.transfer': (input, session) => cases.transfer(requireSession(session), input.id, input.counsellorId, input.reason),
    'cases.share': (input, session) => cases.share(requireSession(session), input.id, input.userId, input.shared),
    'sessions.saveDraft': (input, session) => cases.saveDraft(requireSession(session), input),
    'sessions.sign': (input, session) => cases.sign(requireSession(session), input.id),
    'sessions.addAddendum': (input, session) => cases.addAddendum(requireSession(session), input.sessionId, input.text),

    'risk.grade': (input, session) => risk.grade(requireSession(session), input),
    'risk.notifyManager': (input, session) => risk.notifyManager(requireSession(session), input.clientId),
    'followUps.list': (input, session) => risk.list(requireSession(session), input.scope, input.withinDays, input.clientId),
    'followUps.record': (input, session) => risk.recordFollowUp(requireSession(session), input),
    'sessions.export': (input, session) => exports.sessions(requireSession(session), input),
    'followUps.export': (input, session) => exports.followUps(requireSession(session), input),
    // One clinical read, one audit row: the lists inside it are not audited again.
    'dashboard.today': (_input, session) =>
      auditedRead(vault, requireSession(session), { action: 'dashboard.view' }, () => composeToday([caseFileCards, ...dueItems], requireSession(session))),

    'crises.open': (input, session) => crises.open(requireSession(session), input),
    'crises.list': (input, session) => crises.list(requireSession(session), input.status),
    'crises.get': (input, session) => crises.get(requireSession(session), input.id),
    'crises.checkStep': (input, session) => crises.checkStep(requireSession(session), input),
    'crises.addContact': (input, session) => crises.addContact(requireSession(session), input),
    'crises.resolve': (input, session) => crises.resolve(requireSession(session), input),
    'referrals.create': (input, session) => referrals.create(requireSession(session), input),
    'referrals.update': (input, session) => referrals.update(requireSession(session), input),
    'referrals.list': (input, session) => referrals.list(requireSession(session), input.clientId, input.status),
    'attachments.add': (input, session) => attachments.add(requireSession(session), input),
    'attachments.list': (input, session) => attachments.list(requireSession(session), input.ownerType, input.ownerId),
    'attachments.get': (input, session) => attachments.get(requireSession(session), input.id),
    'attachments.uploadBegin': (input, session) => attachments.uploadBegin(requireSession(session), input),
    'attachments.uploadChunk': (input, session) => attachments.uploadChunk(requireSession(session), input),
    'attachments.uploadCommit': (input, session) => attachments.uploadCommit(requireSession(session), input.uploadId),
    'attachments.uploadAbort': (input, session) => attachments.uploadAbort(requireSession(session), input.uploadId),
  };
}
