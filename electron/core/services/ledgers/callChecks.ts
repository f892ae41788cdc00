import type { CallInput, CallRecord } from '../../../../shared/api/schemas/calls.js';
import { localMinute } from '../../../../shared/domain/dates.js';
import { toMinute } from '../../../../shared/domain/localTime.js';
import { caseAccessOf } from '../../access/clinicalReach.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { openCallNote, type StoredCall } from '../../repositories/callsRepo.js';
import { reachableClients } from '../../repositories/casesRepo.js';
import { clientExists } from '../../repositories/clientsRepo.js';
import { activeCodes } from '../../repositories/dictionariesRepo.js';
import { requireStaffAccount } from './ledgerStaff.js';


/** The 站长 edits every call; a counsellor the calls they took (issue 12: "counsellors record … calls they took part in"). */
export function mayEdit(session: Session, call: StoredCall): boolean {
  return session.role === 'admin' || (session.role === 'counsellor' && call.takenBy.id === session.userId);
}

export function requireEditable(session: Session, call: StoredCall): void {
  if (!mayEdit(session, call)) throw new AppError('FORBIDDEN', '只有站长或接听该来电的咨询师可以修改此热线来电记录。');
}

/** The note is clinical: the 站长 reads every one, a counsellor those of calls they took; reception none. */
const mayReadNote = mayEdit;

function requireCode(db: Db, dictionary: 'callerType' | 'callProblemType', field: 'callerType' | 'problemType', code: string, kept: string | null, label: string): void {
  if (activeCodes(db, dictionary).has(code) || code === kept) return;
  throw fieldRefusal(field, `${label}不在字典中：${code}。可在“设置 → 字典”中维护。`);
}

function requireTaker(db: Db, session: Session, takenBy: number, current: StoredCall | null): void {
  requireStaffAccount(db, takenBy, current?.takenBy.id === takenBy, 'takenBy', '接听人');
  if (session.role !== 'admin' && takenBy !== session.userId) throw fieldRefusal('takenBy', '只能登记自己接听的来电；其他人接听的来电请由本人或站长登记。');
}

/** Every rule a create or an edit must pass beyond the schema's, in the order a person would fix them. */
export function checkCall(db: Db, session: Session, now: Date, input: CallInput, current: StoredCall | null): void {
  if (toMinute(`${input.date}T${input.startTime}`) > localMinute(now)) throw fieldRefusal('date', `来电时间 ${input.date} ${input.startTime} 还未到，不能登记。`);
  requireCode(db, 'callerType', 'callerType', input.callerType, current?.callerType ?? null, '来电者类型');
  requireCode(db, 'callProblemType', 'problemType', input.problemType, current?.problemType ?? null, '问题类型');
  requireTaker(db, session, input.takenBy, current);
  if (input.clientId !== null && input.clientId !== current?.clientId && !clientExists(db, input.clientId)) {
    throw fieldRefusal('clientId', `来访者 #${input.clientId} 不存在（或已并入其他档案）。`);
  }
}

/**
 * One client's calls (the client page) are clinical history of that client: for the 站长 and a counsellor who reaches
 * the client through a case (clinicalReach's rule, the one viewOf hides a client's link by); reception none
 * (caseAccessOf refuses it).
 */
export function requireClientCalls(db: Db, session: Session, clientId: number): void {
  if (!reachableClients(db, [clientId], caseAccessOf(session)).has(clientId)) {
    throw new AppError('FORBIDDEN', '您没有该来访者的个案（未分配或共享给您），不能查看其热线来电。');
  }
}

/** What this user sees of a stored call: the note only where they may read it (and it is asked for), the client's name only where they reach them. */
export function viewOf(db: Db, session: Session, call: StoredCall, options: { withNote: boolean } = { withNote: true }): CallRecord {
  const { sealedNote: _sealed, clientId, clientName, ...rest } = call;
  const reached = clientId === null || session.role !== 'counsellor' || reachableClients(db, [clientId], caseAccessOf(session)).has(clientId);
  return {
    ...rest,
    note: options.withNote && mayReadNote(session, call) ? openCallNote(db, call) : null,
    client: clientId !== null && reached ? { id: clientId, name: clientName ?? '' } : null,
    clientHidden: clientId !== null && !reached,
    editable: mayEdit(session, call),
  };
}
