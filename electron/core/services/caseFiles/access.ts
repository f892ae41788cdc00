import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { canReachCase, canReachClientCases, type CaseAccess } from '../../repositories/casesRepo.js';
import { readCrisis } from '../../repositories/crisesRepo.js';

/** Case content: the 站长 sees all, a counsellor their own and shared cases, reception none. */
export function caseAccessOf(session: Session): CaseAccess {
  if (session.role === 'reception' || session.role === 'kiosk' || session.userId === null) {
    throw new AppError('FORBIDDEN', '前台账号只能查看登记信息，不能查看个案内容。');
  }
  return { userId: session.userId, seesAll: session.role === 'admin' };
}

export function requireCase(db: Db, session: Session, caseId: number): CaseAccess {
  const access = caseAccessOf(session);
  if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) throw new AppError('NOT_FOUND', '找不到该个案。');
  if (!canReachCase(db, caseId, access)) throw new AppError('FORBIDDEN', '该个案未分配或共享给您。');
  return access;
}

export function requireClientCases(db: Db, session: Session, clientId: number): CaseAccess {
  const access = caseAccessOf(session);
  if (!canReachClientCases(db, clientId, access)) throw new AppError('FORBIDDEN', '您没有该来访者的个案，不能查看或修改其风险信息。');
  return access;
}

/** A crisis is handled by the counsellor who opened it, those reaching the client's cases, and the 站长. */
export function requireCrisis(db: Db, session: Session, crisisId: number) {
  const access = caseAccessOf(session);
  const crisis = readCrisis(db, crisisId);
  if (!crisis) throw new AppError('NOT_FOUND', '找不到该危机事件。');
  const reaches = access.seesAll || crisis.counsellorId === access.userId || (crisis.clientId !== null && canReachClientCases(db, crisis.clientId, access));
  if (!reaches) throw new AppError('FORBIDDEN', '该危机事件不由您处置。');
  return crisis;
}

/** Clinical colour on lists is for counsellors and the 站长; reception sees registration only. */
export const seesRisk = (session: Session) => session.role === 'admin' || session.role === 'counsellor';

export const actorOf = (session: Session) => ({ actorId: session.userId, actorName: session.username });
