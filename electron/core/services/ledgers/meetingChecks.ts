import type { MeetingInput, MeetingRecord } from '../../../../shared/api/schemas/meetings.js';
import { caseDiscussionKind } from '../../../../shared/domain/dictionaries/meetings.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { canReachCase, caseExists } from '../../repositories/casesRepo.js';
import { activeCodes } from '../../repositories/dictionariesRepo.js';
import { clientNamesIn, openDecisionText, openMinutes, type StoredMeeting } from '../../repositories/meetingsRepo.js';
import { findUserById } from '../../repositories/usersRepo.js';

/** Whether this reader reaches the meeting's linked case (none linked: yes). Reception reaches no case. */
function reachesLinkedCase(db: Db, session: Session, caseId: number | null): boolean {
  if (caseId === null || session.role === 'admin') return true;
  if (session.role !== 'counsellor' || session.userId === null) return false;
  return canReachCase(db, caseId, { userId: session.userId, seesAll: false });
}

/**
 * The 站长 edits every meeting; a counsellor the meetings they attended (issue 12: "counsellors record meetings they
 * attended and edit those"), and not one linked to a case they do not reach: they could not read its minutes.
 */
export function mayEdit(db: Db, session: Session, meeting: Pick<StoredMeeting, 'staff' | 'caseId'>): boolean {
  if (session.role === 'admin') return true;
  return session.role === 'counsellor' && meeting.staff.some((member) => member.id === session.userId) && reachesLinkedCase(db, session, meeting.caseId);
}

export function requireEditable(db: Db, session: Session, meeting: StoredMeeting): void {
  if (!mayEdit(db, session, meeting)) throw new AppError('FORBIDDEN', '只有站长或参加该会议的咨询师可以修改此会议记录。');
}

/**
 * Why this reader gets the meeting without minutes and decisions, or null when they read them. Decided: the front
 * desk reads no minutes at all (they are encrypted with the clinical key, which a reception session never holds,
 * and 督导/例会 minutes touch on clients as much as a 个案研讨's); a meeting linked to a case shows its minutes and
 * the link only to those who reach that case (clinicalReach's rule).
 */
export function hiddenReason(db: Db, session: Session, meeting: Pick<StoredMeeting, 'caseId'>): MeetingRecord['hidden'] {
  if (session.role !== 'admin' && session.role !== 'counsellor') return 'reception';
  return reachesLinkedCase(db, session, meeting.caseId) ? null : 'case';
}

/** Refuses a meeting's files to those who may not read its minutes, and adding files to those who may not edit it. */
export function requireMeetingFiles(db: Db, session: Session, meeting: StoredMeeting, mode: 'read' | 'write'): void {
  const hidden = hiddenReason(db, session, meeting);
  if (hidden === 'reception') throw new AppError('FORBIDDEN', '会议附件与会议纪要一样加密保存，前台不能查看或上传。');
  if (hidden === 'case') throw new AppError('FORBIDDEN', '该会议关联的个案未分配或共享给您，不能查看其附件。');
  if (mode === 'write' && !mayEdit(db, session, meeting)) throw new AppError('FORBIDDEN', '只有站长或参加该会议的咨询师可以上传会议附件。');
}

/** Accounts named on a meeting must exist and be active; a disabled one already on the record may stay. */
function requireAccounts(db: Db, ids: readonly number[], kept: ReadonlySet<number>, field: string, label: string): void {
  for (const id of ids) {
    const user = findUserById(db, id);
    const refusal = !user ? `${label}账号 #${id} 不存在。` : user.disabled && !kept.has(id) ? `账号“${user.displayName}”已停用，不能列为${label}。` : null;
    if (refusal) throw fieldRefusal(field, refusal);
  }
}

function requireCaseLink(db: Db, session: Session, caseId: number | null, current: StoredMeeting | null): void {
  if (caseId === null || caseId === current?.caseId) return;
  if (!caseExists(db, caseId)) throw fieldRefusal('caseId', `个案 #${caseId} 不存在。`);
  // Refused like any reach of another's case (FORBIDDEN), with the field named so the form shows it there.
  const message = '只能关联您负责或共享给您的个案。';
  if (!reachesLinkedCase(db, session, caseId)) throw new AppError('FORBIDDEN', message, [{ path: 'caseId', message }]);
}

/**
 * The agenda is read by every staff role and names no client; the minutes and decisions name none unless the meeting
 * is linked to the case it discusses (issue 12). A name is a registered client's full name (two characters or more)
 * that is not also a staff account's name; the refusal repeats only the name the writer typed.
 */
function requireNoClientNames(db: Db, input: MeetingInput): void {
  const inAgenda = clientNamesIn(db, [input.agenda]);
  if (inAgenda.length > 0) throw fieldRefusal('agenda', `会议议程中出现了来访者姓名（${inAgenda.join('、')}）：议程全站可见，请改用化名或编号。`);
  if (input.caseId !== null) return;
  const inMinutes = clientNamesIn(db, [input.minutes]);
  const inDecisions = clientNamesIn(db, input.decisions.map((decision) => decision.text));
  const named = inMinutes.length > 0 ? { field: 'minutes', names: inMinutes } : inDecisions.length > 0 ? { field: 'decisions', names: inDecisions } : null;
  if (!named) return;
  const what = input.kind === caseDiscussionKind ? '个案研讨' : '会议';
  throw fieldRefusal(named.field, `未关联个案的${what}纪要和决议不能写来访者姓名（${named.names.join('、')}）：请改用化名，或关联所研讨的个案。`);
}

/** Every rule a create or an edit must pass beyond the schema's, in the order a person would fix them. */
export function checkMeeting(db: Db, session: Session, today: string, input: MeetingInput, current: StoredMeeting | null): void {
  if (!activeCodes(db, 'meetingKind').has(input.kind) && input.kind !== current?.kind) throw fieldRefusal('kind', `会议类型不在字典中：${input.kind}。可在“设置 → 字典”中维护。`);
  // A meeting dated ahead is a plan: nothing has been said or decided yet.
  if (input.date > today && (input.minutes !== '' || input.decisions.length > 0)) {
    throw fieldRefusal(input.minutes !== '' ? 'minutes' : 'decisions', `会议日期 ${input.date} 在今天之后，只能登记为计划中的会议：会议纪要和决议请在会后填写。`);
  }
  const kept = new Set([...(current?.staff ?? []).map((member) => member.id), ...(current?.decisions ?? []).map((decision) => decision.responsible.id)]);
  requireAccounts(db, input.staffIds, kept, 'staffIds', '参会人员');
  if (session.role === 'counsellor' && !input.staffIds.includes(session.userId ?? 0)) {
    throw fieldRefusal('staffIds', '咨询师只能登记自己参加的会议：请在参会人员中保留自己；其他会议请由站长登记。');
  }
  requireAccounts(db, input.decisions.map((decision) => decision.responsibleId), kept, 'decisions', '决议负责人');
  requireCaseLink(db, session, input.caseId, current);
  requireNoClientNames(db, input);
}

/** What this reader sees of a stored meeting: minutes and decisions only where they may read them (and they are asked for). */
export function viewOf(db: Db, session: Session, today: string, meeting: StoredMeeting, options: { withContent: boolean } = { withContent: true }): MeetingRecord {
  const { sealedMinutes, decisions, caseId, caseClientName, ...rest } = meeting;
  const hidden = hiddenReason(db, session, meeting);
  const open = options.withContent && hidden === null;
  return {
    ...rest,
    planned: meeting.date > today,
    minutesRecorded: sealedMinutes !== '',
    decisionCount: decisions.length,
    decisionsOpen: decisions.filter((decision) => !decision.done).length,
    minutes: open ? openMinutes(db, meeting) : null,
    decisions: open ? decisions.map((decision) => ({ id: decision.id, text: openDecisionText(db, decision), responsible: decision.responsible, dueOn: decision.dueOn, done: decision.done })) : null,
    hidden,
    case: caseId !== null && hidden === null ? { id: caseId, clientName: caseClientName ?? '' } : null,
    caseHidden: caseId !== null && hidden !== null,
    editable: mayEdit(db, session, meeting),
  };
}
