import type { VisitInput, VisitRecord } from '../../../../shared/api/schemas/visits.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { caseAccessOf } from '../../access/clinicalReach.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { clientCases, reachableClients } from '../../repositories/casesRepo.js';
import { clientExists } from '../../repositories/clientsRepo.js';
import { activeCodes } from '../../repositories/dictionariesRepo.js';
import { openVisitObservations, type StoredVisit } from '../../repositories/visitsRepo.js';
import { requireStaffAccount } from './ledgerStaff.js';

const madeBy = (session: Session, visit: StoredVisit) => visit.visitors.some((visitor) => visitor.id === session.userId);

/** The 站长 edits every visit; a counsellor the visits they made (issue 12: "counsellors record visits they made and edit those"). */
export function mayEdit(session: Session, visit: StoredVisit): boolean {
  return session.role === 'admin' || (session.role === 'counsellor' && madeBy(session, visit));
}

export function requireEditable(session: Session, visit: StoredVisit): void {
  if (!mayEdit(session, visit)) throw new AppError('FORBIDDEN', '只有站长或参加该走访的咨询师可以修改此走访记录。');
}

/** The observations are clinical: the 站长 reads every one, a counsellor those of visits they made; reception none. */
const mayReadObservations = mayEdit;

/** 建档 for a household: the 站长, the front desk (who registers clients) or one of its visitors. */
function mayRegisterFrom(session: Session, visit: StoredVisit): boolean {
  return session.role === 'admin' || session.role === 'reception' || madeBy(session, visit);
}

export function requireRegistrable(session: Session, visit: StoredVisit): void {
  if (!mayRegisterFrom(session, visit)) throw new AppError('FORBIDDEN', '只有站长、前台或参加该走访的人员可以为此住户建档。');
  if (visit.clientId !== null) throw new AppError('INVALID_INPUT', '该走访已关联来访者档案，无需再建档。');
}

/** Codes must be active dictionary entries; a hidden one already on the record may stay. */
function requireCodes(db: Db, dictionary: 'populationTag' | 'visitCompanionRole', field: 'tags' | 'companionRoles', codes: readonly string[], kept: readonly string[], label: string): void {
  const known = activeCodes(db, dictionary);
  const unknown = codes.filter((code) => !known.has(code) && !kept.includes(code));
  if (unknown.length > 0) throw fieldRefusal(field, `${label}不在字典中：${unknown.join('、')}。可在“设置 → 字典”中维护。`);
}

/** Every rule a create or an edit must pass beyond the schema's, in the order a person would fix them; nothing is saved on a refusal. */
export function checkVisit(db: Db, session: Session, now: Date, input: VisitInput, current: StoredVisit | null): void {
  if (input.date > localDay(now)) throw fieldRefusal('date', `走访日期 ${input.date} 还未到，不能登记。`);
  for (const id of input.visitorIds) requireStaffAccount(db, id, current?.visitors.some((visitor) => visitor.id === id) ?? false, 'visitorIds', '走访人员');
  if (session.role !== 'admin' && !input.visitorIds.includes(session.userId ?? 0)) {
    throw fieldRefusal('visitorIds', '只能登记自己参加的走访，请把自己列为走访人员；其他人的走访请由本人或站长登记。');
  }
  if (session.role === 'reception' && input.clientId !== null) {
    throw fieldRefusal('clientId', '前台只能登记未建档住户的走访（只写小区/楼栋）；已建档来访者的走访请由咨询师或站长登记。');
  }
  if (input.clientId !== null && input.clientId !== current?.clientId && !clientExists(db, input.clientId)) {
    throw fieldRefusal('clientId', `来访者 #${input.clientId} 不存在（或已并入其他档案）。`);
  }
  requireCodes(db, 'populationTag', 'tags', input.tags, current?.tags ?? [], '重点人群标签');
  requireCodes(db, 'visitCompanionRole', 'companionRoles', input.companionRoles, current?.companionRoles ?? [], '同行人员类别');
}

/** What this user sees of a stored visit: observations only where they may read them (and they are asked for), the client's name only where they know them. */
export function viewOf(db: Db, session: Session, visit: StoredVisit, options: { withObservations: boolean } = { withObservations: true }): VisitRecord {
  const { sealedObservations: _sealed, clientId, clientName, ...rest } = visit;
  // A counsellor knows the clients of visits they made (they were at the door) and of the cases they reach.
  const reached = clientId === null || session.role !== 'counsellor' || madeBy(session, visit) || reachableClients(db, [clientId], caseAccessOf(session)).has(clientId);
  const clinicalRole = session.role === 'admin' || session.role === 'counsellor';
  return {
    ...rest,
    client: clientId !== null && reached ? { id: clientId, name: clientName ?? '' } : null,
    clientHidden: clientId !== null && !reached,
    registered: clientId !== null,
    observations: options.withObservations && mayReadObservations(session, visit) ? openVisitObservations(db, visit) : null,
    clientHasOpenCase: clinicalRole && clientId !== null ? clientCases(db, { userId: 0, seesAll: true }, 'open', clientId).length > 0 : null,
    editable: mayEdit(session, visit),
    mayRegister: clientId === null && mayRegisterFrom(session, visit),
  };
}
