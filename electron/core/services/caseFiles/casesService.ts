import type { z } from 'zod';
import { isSignable, signRequirement, type caseOpenInput, type sessionDraftInput } from '../../../../shared/api/schemas/cases.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { ageOn } from '../../../../shared/domain/idNumber.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import {
  assignCase,
  canReachClientCases,
  clientHasCases,
  closeCase,
  grantCaseHistory,
  insertCase,
  clientCases,
  pageCases,
  type CaseFilter,
  readCase,
  setCaseShare,
  sharesOf,
} from '../../repositories/casesRepo.js';
import { birthDateOf, clientExists, hasConsent } from '../../repositories/clientsRepo.js';
import { followUpsOfClient, riskHistory } from '../../repositories/riskRepo.js';
import { insertAddendum, insertSession, readSession, sessionsOfCase, signSession, updateSessionDraft } from '../../repositories/sessionsRepo.js';
import { isActiveCounsellor } from '../../repositories/usersRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, caseAccessOf, requireCase, requireClientHistory } from '../../access/clinicalReach.js';
import { requireActiveCodes } from './dictionaryCodes.js';

/** PIPL Art. 31: personal information of a child under 14 needs a guardian's consent. */
const guardianConsentAge = 14;

/** Cases (个案) and their sessions (咨询记录). */
export class CasesService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return localDay(this.clock.now());
  }

  private requireCounsellor(db: Db, userId: number): void {
    if (!isActiveCounsellor(db, userId)) throw new AppError('INVALID_INPUT', '只能把个案分配给启用中的咨询师或站长。');
  }

  open(session: Session, input: z.output<typeof caseOpenInput>) {
    const access = caseAccessOf(session);
    return this.vault.write((db, audit) => {
      if (!clientExists(db, input.clientId)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      const counsellorId = access.seesAll ? (input.counsellorId ?? access.userId) : access.userId;
      if (!access.seesAll && input.counsellorId !== undefined && input.counsellorId !== access.userId) {
        throw new AppError('FORBIDDEN', '只有站长可以把个案分配给其他咨询师。');
      }
      this.requireCounsellor(db, counsellorId);
      // Opening a case is how a counsellor reaches a client's records, so nobody opens one beside
      // another counsellor's open case on their own: the 站长 assigns, or the owner shares.
      const others = clientCases(db, { userId: 0, seesAll: true }, 'open', input.clientId).filter((item) => item.counsellorId !== counsellorId);
      if (!access.seesAll && others.length > 0) {
        throw new AppError('FORBIDDEN', `该来访者已有 ${others[0]!.counsellorName} 负责的在案个案；请联系其共享个案，或由站长分配。`);
      }
      requireActiveCodes(db, 'problemCategory', input.problemCategories, '问题类别');
      const birthDate = birthDateOf(db, input.clientId);
      if (birthDate && ageOn(birthDate, this.today()) < guardianConsentAge && !hasConsent(db, input.clientId, 'guardian')) {
        throw new AppError('GUARDIAN_CONSENT_REQUIRED');
      }
      if (input.openedOn > this.today()) throw new AppError('INVALID_INPUT', '开案日期不能晚于今天。');
      const id = insertCase(db, { clientId: input.clientId, counsellorId, openedOn: input.openedOn, reason: input.reason, problems: input.problemCategories }, this.clock.now().toISOString());
      if (access.seesAll) grantCaseHistory(db, id);
      audit({ ...actorOf(session), action: 'cases.open', objectType: 'case', objectId: id, detail: { clientId: input.clientId, counsellorId } });
      return readCase(db, id)!;
    });
  }

  list(session: Session, filter: CaseFilter) {
    const access = caseAccessOf(session);
    const { clientId, status } = filter;
    const record = { action: 'cases.list' as const, objectType: clientId === undefined ? null : ('client' as const), objectId: clientId ?? null, detail: { status } };
    return auditedRead(this.vault, session, record, (db) => {
      // A client whose cases are all a colleague's is not "without cases": say so, rather than list nothing.
      if (clientId !== undefined && clientHasCases(db, clientId) && !canReachClientCases(db, clientId, access)) {
        throw new AppError('FORBIDDEN', '该来访者的个案由其他咨询师负责，未分配或共享给您，无权查看。');
      }
      return pageCases(db, access, filter);
    });
  }

  /** The case page; every read is audited, a refused one too. */
  page(session: Session, caseId: number) {
    return auditedRead(this.vault, session, { action: 'cases.view', objectType: 'case', objectId: caseId }, (db) => {
      requireCase(db, session, caseId);
      const summary = readCase(db, caseId)!;
      const history = requireClientHistory(db, session, summary.clientId);
      const { openReason, closeReason, ...caseSummary } = summary;
      return {
        case: caseSummary,
        openReason,
        closeReason,
        sharedWith: sharesOf(db, caseId),
        sessions: sessionsOfCase(db, caseId),
        riskHistory: riskHistory(db, summary.clientId).filter((grade) => history.reaches(grade.gradedAt)),
        followUps: history.followUps(followUpsOfClient(db, summary.clientId, this.today())),
      };
    });
  }

  close(session: Session, caseId: number, reason: string, closedOn: string) {
    return this.vault.write((db, audit) => {
      // 结案 is the responsible counsellor's (or the 站长's) decision: a colleague it is shared with reads and writes notes only.
      const current = this.requireOwner(db, session, caseId);
      if (current.status === 'closed') throw new AppError('INVALID_INPUT', '该个案已结案。');
      if (closedOn < current.openedOn || closedOn > this.today()) throw new AppError('INVALID_INPUT', '结案日期须在开案日期与今天之间。');
      closeCase(db, caseId, closedOn, reason);
      audit({ ...actorOf(session), action: 'cases.close', objectType: 'case', objectId: caseId });
      return readCase(db, caseId)!;
    });
  }

  /** Only the 站长 or the assigned counsellor closes a case, hands it over (a counsellor leaving or on leave) or shares it. */
  private requireOwner(db: Db, session: Session, caseId: number) {
    const access = requireCase(db, session, caseId);
    const current = readCase(db, caseId)!;
    if (!access.seesAll && current.counsellorId !== access.userId) throw new AppError('FORBIDDEN', '只有负责该个案的咨询师或站长可以结案、转移或共享个案。');
    return current;
  }

  transfer(session: Session, caseId: number, counsellorId: number, reason: string) {
    return this.vault.write((db, audit) => {
      const current = this.requireOwner(db, session, caseId);
      this.requireCounsellor(db, counsellorId);
      // The 站长 "assigning" a case to its own counsellor is meaningful (it opens the client's earlier history to them).
      if (counsellorId === current.counsellorId && session.role !== 'admin') throw new AppError('INVALID_INPUT', '该咨询师本来就负责此个案。');
      assignCase(db, caseId, counsellorId);
      if (session.role === 'admin') grantCaseHistory(db, caseId);
      audit({ ...actorOf(session), action: 'cases.transfer', objectType: 'case', objectId: caseId, detail: { from: current.counsellorId, to: counsellorId, reasonLength: reason.length } });
      return readCase(db, caseId)!;
    });
  }

  share(session: Session, caseId: number, userId: number, shared: boolean) {
    return this.vault.write((db, audit) => {
      const current = this.requireOwner(db, session, caseId);
      if (shared) this.requireCounsellor(db, userId);
      if (userId === current.counsellorId) throw new AppError('INVALID_INPUT', '该咨询师本来就负责此个案。');
      setCaseShare(db, caseId, userId, shared, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: shared ? 'cases.share' : 'cases.unshare', objectType: 'case', objectId: caseId, detail: { userId } });
      return sharesOf(db, caseId);
    });
  }

  saveDraft(session: Session, draft: z.output<typeof sessionDraftInput>) {
    return this.vault.write((db, audit) => {
      requireCase(db, session, draft.caseId);
      if (draft.heldOn > this.today()) throw new AppError('INVALID_INPUT', '咨询日期不能晚于今天。');
      const at = this.clock.now().toISOString();
      let id = draft.id;
      if (id === undefined) {
        id = insertSession(db, draft, session.userId ?? 0, at);
        audit({ ...actorOf(session), action: 'sessions.create', objectType: 'session', objectId: id, detail: { caseId: draft.caseId } });
      } else {
        const existing = readSession(db, id);
        if (!existing || existing.caseId !== draft.caseId) throw new AppError('NOT_FOUND', '找不到该咨询记录。');
        if (existing.signedAt) throw new AppError('SIGNED_RECORD_FINAL');
        if (existing.counsellorId !== session.userId) throw new AppError('FORBIDDEN', '只能修改自己撰写的草稿。');
        updateSessionDraft(db, id, draft, at);
        audit({ ...actorOf(session), action: 'sessions.update', objectType: 'session', objectId: id });
      }
      return readSession(db, id)!;
    });
  }

  sign(session: Session, sessionId: number) {
    return this.vault.write((db, audit) => {
      const existing = readSession(db, sessionId);
      if (!existing) throw new AppError('NOT_FOUND', '找不到该咨询记录。');
      requireCase(db, session, existing.caseId);
      if (existing.signedAt) throw new AppError('SIGNED_RECORD_FINAL', '该记录已经签名。');
      if (existing.counsellorId !== session.userId) throw new AppError('FORBIDDEN', '只能签署自己撰写的记录。');
      // A signed note is final: one with neither a complaint nor an assessment would stay empty for good.
      if (!isSignable(existing.note)) {
        throw new AppError('INVALID_INPUT', signRequirement, [
          { path: 'note.complaint', message: signRequirement },
          { path: 'note.assessment', message: signRequirement },
        ]);
      }
      signSession(db, sessionId, session.userId, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'sessions.sign', objectType: 'session', objectId: sessionId });
      return readSession(db, sessionId)!;
    });
  }

  addAddendum(session: Session, sessionId: number, text: string) {
    return this.vault.write((db, audit) => {
      const existing = readSession(db, sessionId);
      if (!existing) throw new AppError('NOT_FOUND', '找不到该咨询记录。');
      requireCase(db, session, existing.caseId);
      if (!existing.signedAt) throw new AppError('INVALID_INPUT', '草稿可以直接修改；补充说明只用于已签名的记录。');
      const id = insertAddendum(db, sessionId, text, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'sessions.addendum', objectType: 'session', objectId: sessionId, detail: { addendumId: id } });
      return readSession(db, sessionId)!;
    });
  }
}
