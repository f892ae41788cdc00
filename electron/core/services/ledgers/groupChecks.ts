import type { AttendanceStatus, GroupInput, GroupMember, GroupRecord, MemberSignUpInput } from '../../../../shared/api/schemas/groups.js';
import { localDay, localMinute } from '../../../../shared/domain/dates.js';
import { expectedOn } from '../../../../shared/domain/groupRegister.js';
import { toMinute } from '../../../../shared/domain/localTime.js';
import { caseAccessOf } from '../../access/clinicalReach.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { reachableClients } from '../../repositories/casesRepo.js';
import { clientExists } from '../../repositories/clientsRepo.js';
import { listAttendance, listMembers, listSessions, openMotive, type StoredGroup, type StoredMember } from '../../repositories/groupsRepo.js';
import { findUserById } from '../../repositories/usersRepo.js';
import { requireStaffAccount } from './ledgerStaff.js';

/** The 站长 runs every group; a counsellor the groups they lead. */
export function mayLead(session: Session, group: Pick<StoredGroup, 'leaders'>): boolean {
  return session.role === 'admin' || (session.role === 'counsellor' && group.leaders.some((leader) => leader.id === session.userId));
}

export function requireLead(session: Session, group: Pick<StoredGroup, 'leaders'>): void {
  if (!mayLead(session, group)) throw new AppError('FORBIDDEN', '只有站长或该小组的带领者可以修改此团体辅导小组。');
}

export function requireOpen(group: StoredGroup): void {
  if (group.closedAt) throw new AppError('INVALID_INPUT', `团体辅导小组“${group.name}”已结束，不能再报名或安排活动。`);
}

/** A day that has happened (a sign-up, an agreement, a departure): not after today at the station. */
export function requireNotFutureDay(now: Date, day: string, field: string, label: string): void {
  if (day > localDay(now)) throw fieldRefusal(field, `${label}（${day}）不能晚于今天。`);
}

/** A meeting's register is kept once it has begun, never ahead. */
export function requireMeetingBegun(now: Date, meeting: { date: string; startTime: string }): void {
  if (toMinute(`${meeting.date}T${meeting.startTime}`) > localMinute(now)) {
    throw fieldRefusal('activityId', `该次活动（${meeting.date} ${meeting.startTime}）还未开始，不能登记出席或反馈。`);
  }
}

/** Leaders run a counselling group: each an active account of a counsellor or the 站长; a counsellor leads what they create. */
export function requireLeaders(db: Db, session: Session, input: GroupInput, current: StoredGroup | null): void {
  for (const id of input.leaderIds) {
    requireStaffAccount(db, id, current?.leaders.some((leader) => leader.id === id) ?? false, 'leaderIds', '带领者');
    const user = findUserById(db, id);
    if (user && user.role === 'reception') throw fieldRefusal('leaderIds', `“${user.displayName}”是前台账号，不能担任团体辅导带领者。`);
  }
  if (session.role === 'counsellor' && !input.leaderIds.includes(session.userId ?? 0)) {
    throw fieldRefusal('leaderIds', '咨询师新建或修改的小组须把自己列为带领者。');
  }
  if (current && input.capacity < current.admitted) throw fieldRefusal('capacity', `人数上限（${input.capacity}）不能少于已入组的人数（${current.admitted}）。`);
}

/** A sign-up names a real person once; a linked client must exist and be one the recorder reaches. */
export function checkSignUp(db: Db, session: Session, now: Date, input: MemberSignUpInput, members: readonly StoredMember[]): void {
  requireNotFutureDay(now, input.signedUpOn, 'signedUpOn', '报名日期');
  const twin = members.find((member) => member.status !== 'declined' && member.status !== 'withdrawn' && member.name === input.name && member.phone === input.phone);
  if (twin) throw fieldRefusal('name', `“${input.name}”${input.phone ? `（${input.phone}）` : ''}已在报名名单中。`);
  if (input.clientId === null) return;
  if (session.role === 'reception') throw fieldRefusal('clientId', '前台登记报名时不能关联来访者档案；如需关联请由带领者操作。');
  if (!clientExists(db, input.clientId)) throw fieldRefusal('clientId', `来访者 #${input.clientId} 不存在（或已并入其他档案）。`);
  if (!reachableClients(db, [input.clientId], caseAccessOf(session)).has(input.clientId)) {
    throw new AppError('FORBIDDEN', `来访者 #${input.clientId} 不在您负责或共享的个案中，不能关联。`);
  }
}

/** A register names every member expected that day, no one else, and someone present. */
export function checkRegister(members: readonly StoredMember[], day: string, rows: ReadonlyArray<{ memberId: number; status: AttendanceStatus }>): void {
  const expected = expectedOn(members, day);
  const byId = new Map(members.map((member) => [member.id, member]));
  for (const row of rows) {
    const member = byId.get(row.memberId);
    if (!member) throw fieldRefusal('attendance', `组员 #${row.memberId} 不属于该小组。`);
    if (!expected.includes(member)) throw fieldRefusal('attendance', `${member.name} 在 ${day} 未签署协议入组或已退出，不能登记出席。`);
  }
  const listed = new Set(rows.map((row) => row.memberId));
  const missing = expected.filter((member) => !listed.has(member.id));
  if (missing.length > 0) throw fieldRefusal('attendance', `出席名单缺少：${missing.map((member) => member.name).join('、')}。`);
  if (!rows.some((row) => row.status === 'present')) throw fieldRefusal('attendance', '至少须有一名组员出席；无人出席的活动请改期或删除。');
}

/**
 * What this user sees of a group: every staff role the names; those who take sign-ups (the front desk, leaders, the
 * 站长) the phone numbers; leaders and the 站长 the motives; a linked client's name only those who reach the client.
 */
export function groupView(db: Db, session: Session, group: StoredGroup): GroupRecord {
  const leads = mayLead(session, group);
  const takesSignUps = leads || session.role === 'reception';
  const members = listMembers(db, group.id);
  const reached = session.role === 'reception' ? new Set<number>() : reachableClients(db, members.flatMap((member) => (member.clientId === null ? [] : [member.clientId])), caseAccessOf(session));
  const sessions = listSessions(db, group.id).map((meeting, index) => ({ ...meeting, number: index + 1 }));
  return {
    ...summaryView(session, group),
    goals: group.goals,
    location: group.location,
    members: members.map((member): GroupMember => ({
      id: member.id,
      name: member.name,
      gender: member.gender,
      age: member.age,
      phone: takesSignUps ? member.phone : '',
      client: member.clientId !== null && reached.has(member.clientId) ? { id: member.clientId, name: member.clientName ?? '' } : null,
      signedUpOn: member.signedUpOn,
      motive: leads ? openMotive(db, member) : null,
      status: member.status,
      agreementSignedOn: member.agreementSignedOn,
      leftOn: member.leftOn,
      leftReason: member.leftReason,
    })),
    sessions,
    attendance: listAttendance(db, group.id),
    closedAt: group.closedAt,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
  };
}

export function summaryView(session: Session, group: StoredGroup) {
  return {
    id: group.id,
    name: group.name,
    targetGroup: group.targetGroup,
    status: group.closedAt ? ('closed' as const) : ('open' as const),
    leaders: group.leaders,
    plannedSessions: group.plannedSessions,
    sessionsHeld: group.sessionsHeld,
    capacity: group.capacity,
    admitted: group.admitted,
    waiting: group.waiting,
    firstDate: group.firstDate,
    lastDate: group.lastDate,
    editable: mayLead(session, group),
  };
}
