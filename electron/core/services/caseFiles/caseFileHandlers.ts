import type { Handlers } from '../../handlers.js';
import { AppError } from '../../errors.js';
import { addDictionaryItem, listDictionary, setDictionaryItemActive } from '../../repositories/dictionariesRepo.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Vault } from '../../vault.js';
import { randomBytes } from 'node:crypto';
import { actorOf, auditedRead } from './access.js';
import type { CasesService } from './casesService.js';
import type { ClientsService } from './clientsService.js';
import type { RiskService } from './riskService.js';
import type { AttachmentService } from './attachmentService.js';
import type { CrisisService } from './crisisService.js';
import type { ReferralService } from './referralService.js';
import type { ResultsService } from '../scales/resultsService.js';

type CaseFileMethod =
  | `dictionaries.${'list' | 'add' | 'setActive'}`
  | `clients.${'search' | 'get' | 'register' | 'update' | 'addConsent' | 'duplicates' | 'merge'}`
  | `cases.${'open' | 'list' | 'get' | 'close' | 'transfer' | 'share'}`
  | `sessions.${'saveDraft' | 'sign' | 'addAddendum'}`
  | 'risk.grade'
  | `followUps.${'list' | 'record'}`
  | 'dashboard.today'
  | `crises.${'open' | 'list' | 'get' | 'checkStep' | 'addContact' | 'resolve'}`
  | `referrals.${'create' | 'update' | 'list'}`
  | `attachments.${'add' | 'list' | 'get'}`;

export type CaseFileDeps = Readonly<{
  vault: Vault;
  clients: ClientsService;
  cases: CasesService;
  risk: RiskService;
  crises: CrisisService;
  referrals: ReferralService;
  attachments: AttachmentService;
  /** Open alerts show on the dashboard until acknowledged. */
  results: ResultsService;
}>;

function staff(session: Session | null): Session {
  if (!session) throw new AppError('UNAUTHENTICATED');
  return session;
}

export function createCaseFileHandlers({ vault, clients, cases, risk, crises, referrals, attachments, results }: CaseFileDeps): Pick<Handlers, CaseFileMethod> {
  return {
    'dictionaries.list': (input) => listDictionary(vault.connection(), input.dictionary),
    'dictionaries.add': (input, session) =>
      vault.write((db, audit) => {
        // Station entries get a generated code; labels may change, codes never do.
        const item = addDictionaryItem(db, input.dictionary, `custom_${randomBytes(4).toString('hex')}`, input.label);
        audit({ ...actorOf(staff(session)), action: 'dictionaries.add', objectType: 'dictionary', objectId: item.id, detail: { dictionary: input.dictionary } });
        return item;
      }),
    'dictionaries.setActive': (input, session) =>
      vault.write((db, audit) => {
        const item = setDictionaryItemActive(db, input.id, input.active);
        if (!item) throw new AppError('NOT_FOUND', '找不到该字典项。');
        audit({ ...actorOf(staff(session)), action: 'dictionaries.setActive', objectType: 'dictionary', objectId: item.id, detail: { active: input.active } });
        return item;
      }),

    'clients.search': (input, session) => clients.search(staff(session), input),
    'clients.get': (input, session) => clients.get(staff(session), input.id),
    'clients.register': (input, session) => clients.register(staff(session), input),
    'clients.update': (input, session) => clients.update(staff(session), input.id, input.client),
    'clients.addConsent': (input, session) => clients.addConsent(staff(session), input),
    'clients.duplicates': (_input, session) => clients.duplicates(staff(session)),
    'clients.merge': (input, session) => clients.merge(staff(session), input),

    'cases.open': (input, session) => cases.open(staff(session), input),
    'cases.list': (input, session) => cases.list(staff(session), input.status, input.clientId),
    'cases.get': (input, session) => cases.page(staff(session), input.id),
    'cases.close': (input, session) => cases.close(staff(session), input.id, input.reason, input.closedOn),
    'cases.transfer': (input, session) => cases.transfer(staff(session), input.id, input.counsellorId, input.reason),
    'cases.share': (input, session) => cases.share(staff(session), input.id, input.userId, input.shared),
    'sessions.saveDraft': (input, session) => cases.saveDraft(staff(session), input),
    'sessions.sign': (input, session) => cases.sign(staff(session), input.id),
    'sessions.addAddendum': (input, session) => cases.addAddendum(staff(session), input.sessionId, input.text),

    'risk.grade': (input, session) => risk.grade(staff(session), input),
    'followUps.list': (input, session) => risk.list(staff(session), input.scope, input.withinDays, input.clientId),
    'followUps.record': (input, session) => risk.recordFollowUp(staff(session), input),
    // One clinical read, one audit row: the lists inside it are not audited again.
    'dashboard.today': (_input, session) =>
      auditedRead(vault, staff(session), { action: 'dashboard.view' }, () => ({
        ...risk.dashboard(staff(session)),
        openAlerts: results.alerts(staff(session), true).length,
        activeCrises: crises.visible(staff(session), 'active').map((crisis) => ({ id: crisis.id, who: crisis.clientName ?? crisis.unknownPerson, startedAt: crisis.startedAt })),
        referralsAwaitingReceipt: referrals.visible(staff(session), undefined, 'sent').filter((referral) => referral.awaitingReceipt),
      })),

    'crises.open': (input, session) => crises.open(staff(session), input),
    'crises.list': (input, session) => crises.list(staff(session), input.status),
    'crises.get': (input, session) => crises.get(staff(session), input.id),
    'crises.checkStep': (input, session) => crises.checkStep(staff(session), input),
    'crises.addContact': (input, session) => crises.addContact(staff(session), input),
    'crises.resolve': (input, session) => crises.resolve(staff(session), input),
    'referrals.create': (input, session) => referrals.create(staff(session), input),
    'referrals.update': (input, session) => referrals.update(staff(session), input),
    'referrals.list': (input, session) => referrals.list(staff(session), input.clientId, input.status),
    'attachments.add': (input, session) => attachments.add(staff(session), input),
    'attachments.list': (input, session) => attachments.list(staff(session), input.ownerType, input.ownerId),
    'attachments.get': (input, session) => attachments.get(staff(session), input.id),
  };
}
