import type { ActivityInput, ActivityRecord } from '../../../../shared/api/schemas/activities.js';
import { localMinute } from '../../../../shared/domain/dates.js';
import { toMinute } from '../../../../shared/domain/localTime.js';
import { caseAccessOf } from '../../access/clinicalReach.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { clientNames, type StoredActivity } from '../../repositories/activitiesRepo.js';
import { reachableClients } from '../../repositories/casesRepo.js';
import { clientExists } from '../../repositories/clientsRepo.js';
import { activeCodes } from '../../repositories/dictionariesRepo.js';
import { requireStaffAccount } from './ledgerStaff.js';


/** The 站长 edits every activity; a counsellor those they are listed as staff of (issue 12: "activities they took part in"). */
export function mayEdit(session: Session, activity: StoredActivity): boolean {
  return session.role === 'admin' || (session.role === 'counsellor' && activity.staff.some((member) => member.id === session.userId));
}

export function requireEditable(session: Session, activity: StoredActivity): void {
  if (!mayEdit(session, activity)) throw new AppError('FORBIDDEN', '只有站长或列为该活动工作人员的咨询师可以修改此活动记录。');
  requireNotGroupMeeting(activity);
}

/** A group's meeting is kept on its group's page: the register sets its 参与人数 (GroupsService). */
export function requireNotGroupMeeting(activity: StoredActivity): void {
  if (activity.group) throw new AppError('INVALID_INPUT', `这是团体辅导小组“${activity.group.name}”的一次活动：请在该小组的页面修改、登记出席或删除。`);
}

/** A done activity is a record of the past: its start may not lie after now (a future one is saved as planned). */
export function requireNotFuture(now: Date, activity: Pick<ActivityInput, 'date' | 'startTime'>): void {
  if (toMinute(`${activity.date}T${activity.startTime}`) <= localMinute(now)) return;
  throw fieldRefusal('date', `活动时间 ${activity.date} ${activity.startTime} 还未到，不能登记为已开展；请先保存为“计划中”，开展后再标记。`);
}

/** Codes must be active dictionary entries; a hidden one already on the record may stay. */
function requireCodes(db: Db, dictionary: 'activityType' | 'outreachTarget', codes: readonly string[], kept: readonly string[], label: string): void {
  const known = activeCodes(db, dictionary);
  const unknown = codes.filter((code) => !known.has(code) && !kept.includes(code));
  if (unknown.length > 0) throw fieldRefusal(dictionary === 'activityType' ? 'type' : 'outreachTargets', `${label}不在字典中：${unknown.join('、')}。可在“设置 → 字典”中维护。`);
}

function requireStaff(db: Db, session: Session, staffIds: readonly number[], current: StoredActivity | null): void {
  for (const id of staffIds) requireStaffAccount(db, id, current?.staff.some((member) => member.id === id) ?? false, 'staffIds', '工作人员');
  if (session.role === 'counsellor' && !staffIds.includes(session.userId ?? 0)) {
    throw fieldRefusal('staffIds', '咨询师登记或修改的活动须把自己列为工作人员；其他人开展的活动请由站长登记。');
  }
}

/**
 * The roster that will be stored. The 站长 gives it whole; a counsellor gives the part they reach, and the
 * clients already listed that they do not reach stay listed (they never saw them, so they cannot have removed them).
 * Every client given must exist and, for a counsellor, be one of theirs: a roster links client data.
 */
function rosterToStore(db: Db, session: Session, given: readonly number[], current: StoredActivity | null): number[] {
  for (const id of given) if (!clientExists(db, id)) throw fieldRefusal('rosterClientIds', `参与来访者 #${id} 不存在（或已并入其他档案）。`);
  const access = caseAccessOf(session);
  if (access.seesAll) return [...given];
  const reached = reachableClients(db, given, access);
  const unreached = given.filter((id) => !reached.has(id));
  if (unreached.length > 0) throw new AppError('FORBIDDEN', `来访者 #${unreached.join('、#')} 不在您负责或共享的个案中，不能列入活动名单。`);
  const listed = current?.rosterClientIds ?? [];
  const reachedBefore = reachableClients(db, listed, access);
  return [...given, ...listed.filter((id) => !reachedBefore.has(id) && !given.includes(id))];
}

/** Everyone on the roster and everyone who signed in took part. */
export function requireParticipants(count: number | null, rosterSize: number, signInCount: number): void {
  if (count !== null && count < rosterSize) throw fieldRefusal('participantCount', `参与人数（${count}）不能少于名单中的来访者人数（${rosterSize}）。`);
  if (count !== null && count < signInCount) throw fieldRefusal('participantCount', `参与人数（${count}）不能少于签到表上的人数（${signInCount}）。`);
}

/** Every rule a create or an edit must pass, in the order a person would fix them; returns the roster to store. */
export function checkActivity(db: Db, session: Session, now: Date, input: ActivityInput, current: StoredActivity | null): number[] {
  requireCodes(db, 'activityType', [input.type], current ? [current.type] : [], '活动类型');
  requireCodes(db, 'outreachTarget', input.outreachTargets, current?.outreachTargets ?? [], '“五进”对象');
  if (input.status === 'done') requireNotFuture(now, input);
  if (current?.status === 'done' && input.status === 'planned') throw fieldRefusal('status', '已开展的活动不能改回“计划中”。');
  requireStaff(db, session, input.staffIds, current);
  const roster = rosterToStore(db, session, input.rosterClientIds, current);
  requireParticipants(input.participantCount, roster.length, current?.signInCount ?? 0);
  return roster;
}

/** What this user sees of a stored activity: reception no roster; a counsellor the names of clients they reach. */
export function viewOf(db: Db, session: Session, activity: StoredActivity): ActivityRecord {
  const { rosterClientIds, createdBy: _createdBy, ...rest } = activity;
  // A group's meeting is edited on its group's page (its register sets the count).
  return { ...rest, roster: rosterView(db, session, rosterClientIds), editable: mayEdit(session, activity) && activity.group === null };
}

function rosterView(db: Db, session: Session, clientIds: readonly number[]): ActivityRecord['roster'] {
  if (session.role !== 'admin' && session.role !== 'counsellor') return null;
  const reached = reachableClients(db, clientIds, caseAccessOf(session));
  const shownIds = clientIds.filter((id) => reached.has(id));
  const names = clientNames(db, shownIds);
  return { shown: shownIds.map((clientId) => ({ clientId, name: names.get(clientId) ?? '' })), hidden: clientIds.length - shownIds.length };
}
