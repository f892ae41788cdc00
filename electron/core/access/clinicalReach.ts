/**
 * Clinical reach, the rule every feature shares: who may see which client, case and record (the
 * counsellor of a case, those it is shared with, the 站长; history from a case's opening unless
 * granted), and the audited read. Cases, scales, appointments and screenings all ask here.
 */
import type { AuditDetail, AuditRecord } from '../audit/auditLog.js';
import { actorOf } from '../auth/actor.js';
import type { Session } from '../auth/sessionStore.js';
import type { Db } from '../db/driver.js';
import { AppError } from '../errors.js';
import type { FollowUpRecord } from '../../../shared/api/schemas/cases.js';
import { localDay } from '../../../shared/domain/dates.js';
import { canReachCase, canReachClientCases, caseExists, clientHistoryFrom, type CaseAccess } from '../repositories/casesRepo.js';
import { readCrisis } from '../repositories/crisesRepo.js';
import type { Vault } from '../vault.js';

/** Case content: the 站长 sees all, a counsellor their own and shared cases, reception and an inspector none. */
export function caseAccessOf(session: Session): CaseAccess {
  if ((session.role !== 'admin' && session.role !== 'counsellor') || session.userId === null) {
    throw new AppError('FORBIDDEN', '前台账号只能查看登记信息，不能查看个案内容。');
  }
  return { userId: session.userId, seesAll: session.role === 'admin' };
}

export function requireCase(db: Db, session: Session, caseId: number): CaseAccess {
  const access = caseAccessOf(session);
  if (!caseExists(db, caseId)) throw new AppError('NOT_FOUND', '找不到该个案。');
  if (!canReachCase(db, caseId, access)) throw new AppError('FORBIDDEN', '该个案未分配或共享给您。');
  return access;
}

export function requireClientCases(db: Db, session: Session, clientId: number): CaseAccess {
  const access = caseAccessOf(session);
  if (!canReachClientCases(db, clientId, access)) throw new AppError('FORBIDDEN', '您没有该来访者的个案（未分配或共享给您），不能查看或修改其个案内容；请先开案，或由站长分配。');
  return access;
}

/**
 * A client's history as one user reaches it: all of it, or only from the opening of their case when an
 * earlier case was another counsellor's and neither the 站长 assigned theirs nor that counsellor shared.
 */
export type ClientHistory = Readonly<{
  /** Is a record of this day (YYYY-MM-DD) or instant (ISO) within reach? */
  reaches(dayOrInstant: string): boolean;
  /** Follow-ups still due are today's work and stay; done ones are history by their day; cancelled ones are undated history. */
  followUps<Row extends Pick<FollowUpRecord, 'status' | 'doneOn'>>(rows: Row[]): Row[];
}>;

function historyFrom(from: string): ClientHistory {
  const reaches = (dayOrInstant: string) => from === '' || (dayOrInstant.length > 10 ? localDay(new Date(dayOrInstant)) : dayOrInstant) >= from;
  const keeps = (row: Pick<FollowUpRecord, 'status' | 'doneOn'>) => from === '' || row.status === 'due' || (row.doneOn !== null && reaches(row.doneOn));
  return { reaches, followUps: (rows) => rows.filter(keeps) };
}

/** The client's history as this user reaches it, or null when they reach none of it. */
export function clientHistoryOf(db: Db, session: Session, clientId: number): ClientHistory | null {
  const from = clientHistoryFrom(db, clientId, caseAccessOf(session));
  return from === null ? null : historyFrom(from);
}

export function requireClientHistory(db: Db, session: Session, clientId: number): ClientHistory {
  const history = clientHistoryOf(db, session, clientId);
  if (!history) throw new AppError('FORBIDDEN', '您没有该来访者的个案，不能查看或修改其记录。');
  return history;
}

/** One record of a client's history: refused when it is dated before the reach of this user. */
export function requireClientRecord(db: Db, session: Session, clientId: number, dayOrInstant: string): void {
  if (!requireClientHistory(db, session, clientId).reaches(dayOrInstant)) {
    throw new AppError('FORBIDDEN', '该记录早于您负责的个案，须由站长分配或原咨询师共享个案后才能查看。');
  }
}

/** A crisis is handled by the counsellor who opened it, those reaching the client's cases, and the 站长. */
export function requireCrisis(db: Db, session: Session, crisisId: number) {
  const access = caseAccessOf(session);
  const crisis = readCrisis(db, crisisId);
  if (!crisis) throw new AppError('NOT_FOUND', '找不到该危机事件。');
  const fromDay = crisis.clientId === null || access.seesAll ? null : clientHistoryFrom(db, crisis.clientId, access);
  const reaches = access.seesAll || crisis.counsellorId === access.userId || (fromDay !== null && historyFrom(fromDay).reaches(crisis.startedAt));
  if (!reaches) throw new AppError('FORBIDDEN', '该危机事件不由您处置。');
  return crisis;
}

/** Clinical colour on lists is for counsellors and the 站长; reception sees registration only. */
export const seesRisk = (session: Session) => session.role === 'admin' || session.role === 'counsellor';

type ReadRecord = Omit<AuditRecord, 'actorId' | 'actorName' | 'result' | 'at'>;

/**
 * A read of clinical content, audited once per call. A refusal is recorded too ("denied"), in a
 * transaction of its own, because the refusal rolls back the read's transaction with its audit row.
 * `read` returns what was read; the audit row names the record, never its content. `factsOf` adds
 * facts known only after the read (an export's row count) to the row's detail.
 */
export function auditedRead<T>(vault: Vault, session: Session, record: ReadRecord, read: (db: Db) => T, factsOf?: (value: T) => AuditDetail): T {
  try {
    return vault.write((db, audit) => {
      const value = read(db);
      audit({ ...actorOf(session), ...record, ...(factsOf ? { detail: { ...record.detail, ...factsOf(value) } } : {}) });
      return value;
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') {
      vault.write((_db, audit) => audit({ ...actorOf(session), ...record, result: 'denied' }));
    }
    throw error;
  }
}
