import type { z } from 'zod';
import type { referralCreateInput, referralUpdateInput } from '../../../../shared/api/schemas/referrals.js';
import { addDays, localDay } from '../../../../shared/domain/dates.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { readCase } from '../../repositories/casesRepo.js';
import { clientExists, hasConsent } from '../../repositories/clientsRepo.js';
import { advanceReferral, insertReferral, listReferrals, readReferral, referralsAwaitingReceipt } from '../../repositories/referralsRepo.js';
import { readSettings } from '../../repositories/settingsRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, caseAccessOf, requireClientCases, requireClientHistory, requireClientRecord } from '../../access/clinicalReach.js';
import { requireActiveCodes } from './dictionaryCodes.js';

const nextStatuses: Record<string, readonly string[]> = {
  sent: ['received', 'feedback', 'not_received'],
  received: ['feedback'],
  feedback: [],
  not_received: [],
};

/** Referral (转诊转介): 已转出 → 已接收 → 已反馈, or 未接收; a reminder when no receipt comes. */
export class ReferralService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  /** Sent on or before this day and still unreceived: remind. */
  private remindBefore(db: Db): string {
    return addDays(localDay(this.clock.now()), -readSettings(db).referralReminderDays);
  }

  create(session: Session, input: z.output<typeof referralCreateInput>) {
    return this.vault.write((db, audit) => {
      if (!clientExists(db, input.clientId)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      requireClientCases(db, session, input.clientId);
      requireActiveCodes(db, 'referralTarget', [input.target], '转介机构类别');
      if (input.caseId !== undefined && readCase(db, input.caseId)?.clientId !== input.clientId) throw new AppError('INVALID_INPUT', '个案与来访者不符。');
      if (input.sentOn > localDay(this.clock.now())) throw new AppError('INVALID_INPUT', '转出日期不能晚于今天。');
      // 精神卫生法 Art. 23 / PIPL Art. 23: personal information leaves the station only with consent.
      if (input.sharedInfo && !hasConsent(db, input.clientId, 'sharing')) {
        throw new AppError('INVALID_INPUT', '向转介机构提供来访者信息，须先登记“信息共享同意”。', [{ path: 'sharedInfo', message: '须先登记信息共享同意书。' }]);
      }
      const id = insertReferral(db, { ...input, caseId: input.caseId ?? null }, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'referrals.create', objectType: 'referral', objectId: id, detail: { target: input.target, sharedInfo: input.sharedInfo.length > 0 } });
      return readReferral(db, id, this.remindBefore(db))!;
    });
  }

  update(session: Session, input: z.output<typeof referralUpdateInput>) {
    return this.vault.write((db, audit) => {
      const current = readReferral(db, input.id, this.remindBefore(db));
      if (!current) throw new AppError('NOT_FOUND', '找不到该转介记录。');
      requireClientRecord(db, session, current.clientId, current.sentOn);
      if (!nextStatuses[current.status]?.includes(input.status)) throw new AppError('INVALID_INPUT', '转介状态只能按“已转出 → 已接收 → 已反馈”推进。');
      if (input.on < current.sentOn || input.on > localDay(this.clock.now())) throw new AppError('INVALID_INPUT', '日期须在转出日期与今天之间。');
      const text = input.status === 'feedback' ? input.feedback : input.status === 'not_received' ? input.reason : '';
      advanceReferral(db, input.id, { status: input.status, on: input.on, text });
      audit({ ...actorOf(session), action: 'referrals.update', objectType: 'referral', objectId: input.id, detail: { status: input.status } });
      return readReferral(db, input.id, this.remindBefore(db))!;
    });
  }

  list(session: Session, clientId: number | undefined, status: string) {
    const record = { action: 'referrals.list' as const, objectType: clientId === undefined ? null : ('client' as const), objectId: clientId ?? null };
    return auditedRead(this.vault, session, record, () => this.visible(session, clientId, status));
  }

  /** The referrals this user follows, without an audit row of its own (the dashboard audits its one read). */
  visible(session: Session, clientId: number | undefined, status: string) {
    const access = caseAccessOf(session);
    const db = this.vault.connection();
    const history = clientId === undefined ? null : requireClientHistory(db, session, clientId);
    const rows = listReferrals(db, { clientId, status, userId: access.seesAll ? null : access.userId }, this.remindBefore(db));
    return history ? rows.filter((row) => history.reaches(row.sentOn)) : rows;
  }

  /** The referrals this user follows that are past the reminder without a receipt, for the home card (audited there). */
  awaitingReceipt(session: Session) {
    const access = caseAccessOf(session);
    const db = this.vault.connection();
    return referralsAwaitingReceipt(db, { userId: access.seesAll ? null : access.userId }, this.remindBefore(db));
  }
}
