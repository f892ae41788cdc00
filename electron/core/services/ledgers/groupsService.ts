import type { z } from 'zod';
import type {
  attendanceInput,
  FeedbackInput,
  GroupInput,
  GroupRecord,
  GroupSummary,
  memberAdmitInput,
  memberLeaveInput,
  MemberSignUpInput,
  SessionInput,
  sessionRemoveInput,
  sessionUpdateInput,
} from '../../../../shared/api/schemas/groups.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { insertActivity, readActivity, removeActivity, replaceActivityLinks, updateActivity, type StoredActivity } from '../../repositories/activitiesRepo.js';
import {
  admitMember,
  closeGroup,
  deleteFeedback,
  groupCounts,
  hasAttendance,
  insertFeedback,
  insertGroup,
  insertMember,
  listFeedback,
  listGroups,
  listMembers,
  listSessions,
  memberAttended,
  memberLeaves,
  readFeedbackActivity,
  readGroup,
  readMember,
  replaceAttendance,
  replaceGroupLeaders,
  setActivityGroup,
  touchGroup,
  updateGroup,
  type StoredGroup,
} from '../../repositories/groupsRepo.js';
import type { Vault } from '../../vault.js';
import { checkRegister, checkSignUp, groupView, mayLead, requireLead, requireLeaders, requireMeetingBegun, requireNotFutureDay, requireOpen, summaryView } from './groupChecks.js';

const noOutputs = { materials: 0, displays: 0, consultDesk: false, householdVisits: 0, onlineReach: null, onlineReachEstimated: false };
const memberStatusLabel = { signedUp: '已报名', admitted: '已入组', declined: '未入组', withdrawn: '已退出' } as const;

/**
 * Group counselling (团体辅导): a group's sign-ups, agreements, meetings, registers and feedback forms. A meeting
 * is an activity of the activities ledger (type 团体辅导), so it is counted there once. Every write is one
 * transaction with its audit row; every refusal changes nothing.
 */
export class GroupsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private requireGroup(db: Db, id: number): StoredGroup {
    const group = readGroup(db, id);
    if (!group) throw new AppError('NOT_FOUND', '找不到该团体辅导小组。');
    return group;
  }

  /** A meeting of a group (a live activity with a group), and its group. */
  private requireMeeting(db: Db, activityId: number): { meeting: StoredActivity; group: StoredGroup } {
    const meeting = readActivity(db, activityId);
    if (!meeting?.group) throw new AppError('NOT_FOUND', '找不到该次团体辅导活动。');
    return { meeting, group: this.requireGroup(db, meeting.group.id) };
  }

  private now(): { now: Date; at: string } {
    const now = this.clock.now();
    return { now, at: now.toISOString() };
  }

  list(session: Session, status: 'open' | 'closed' | undefined): GroupSummary[] {
    return listGroups(this.vault.connection(), status).map((group) => summaryView(session, group));
  }

  /** Member names of a counselling group are sensitive (团辅守密): each read that shows any is audited. */
  get(session: Session, id: number): GroupRecord {
    return this.vault.write((db, audit) => {
      const view = groupView(db, session, this.requireGroup(db, id));
      if (view.members.length > 0) {
        const motivesShown = view.members.filter((member) => member.motive !== null && member.motive !== '').length;
        audit({ ...actorOf(session), action: 'groups.view', objectType: 'group', objectId: id, detail: { namesShown: view.members.length, motivesShown } });
      }
      return view;
    });
  }

  counts(from: string, to: string) {
    return groupCounts(this.vault.connection(), from, to);
  }

  create(session: Session, input: GroupInput): GroupRecord {
    return this.vault.write((db, audit) => {
      requireLeaders(db, session, input, null);
      const id = insertGroup(db, input, session.userId ?? 0, this.now().at);
      replaceGroupLeaders(db, id, input.leaderIds);
      audit({ ...actorOf(session), action: 'groups.create', objectType: 'group', objectId: id, detail: { groupName: input.name } });
      return groupView(db, session, this.requireGroup(db, id));
    });
  }

  /** New leaders also run the meetings still planned; held ones keep who ran them. */
  update(session: Session, input: GroupInput & { id: number }): GroupRecord {
    return this.vault.write((db, audit) => {
      const current = this.requireGroup(db, input.id);
      requireLead(session, current);
      requireLeaders(db, session, input, current);
      const meetings = listSessions(db, current.id);
      const scheduled = meetings.length;
      if (input.plannedSessions < scheduled) throw fieldRefusal('plannedSessions', `计划次数（${input.plannedSessions}）不能少于已安排的活动次数（${scheduled}）。`);
      const { at } = this.now();
      updateGroup(db, input.id, input, at);
      replaceGroupLeaders(db, input.id, input.leaderIds);
      for (const meeting of meetings.filter((item) => item.status === 'planned')) {
        replaceActivityLinks(db, meeting.activityId, { outreachTargets: [], staffIds: input.leaderIds, rosterClientIds: [] });
      }
      audit({ ...actorOf(session), action: 'groups.update', objectType: 'group', objectId: input.id, detail: { groupName: input.name } });
      return groupView(db, session, this.requireGroup(db, input.id));
    });
  }

  close(session: Session, id: number): GroupRecord {
    return this.vault.write((db, audit) => {
      const group = this.requireGroup(db, id);
      requireLead(session, group);
      requireOpen(group);
      const planned = listSessions(db, id).filter((meeting) => meeting.status === 'planned').length;
      if (planned > 0) throw new AppError('INVALID_INPUT', `还有 ${planned} 次计划中的活动：请先登记出席，或删除不再开展的活动，再结束小组。`);
      closeGroup(db, id, this.now().at);
      audit({ ...actorOf(session), action: 'groups.close', objectType: 'group', objectId: id, detail: { groupName: group.name } });
      return groupView(db, session, this.requireGroup(db, id));
    });
  }

  /** The front desk takes sign-ups too (报名); the leaders decide who joins. */
  signUp(session: Session, input: MemberSignUpInput): GroupRecord {
    return this.vault.write((db, audit) => {
      const group = this.requireGroup(db, input.groupId);
      requireOpen(group);
      if (session.role === 'counsellor' && !mayLead(session, group)) throw new AppError('FORBIDDEN', '只有站长、前台或该小组的带领者可以登记报名。');
      const { now, at } = this.now();
      checkSignUp(db, session, now, input, listMembers(db, group.id));
      const memberId = insertMember(db, input, session.userId ?? 0, at);
      touchGroup(db, group.id, at);
      audit({ ...actorOf(session), action: 'groups.signUp', objectType: 'groupMember', objectId: memberId, detail: { groupName: group.name } });
      return groupView(db, session, this.requireGroup(db, group.id));
    });
  }

  /** 入组 once the agreement is signed (团体辅导协议书), within the group's places. */
  admit(session: Session, input: z.output<typeof memberAdmitInput>): GroupRecord {
    return this.vault.write((db, audit) => {
      const { member, group } = this.requireMember(db, session, input.memberId);
      if (member.status !== 'signedUp') throw new AppError('INVALID_INPUT', `${member.name} 当前为“${memberStatusLabel[member.status]}”，不能再办理入组。`);
      requireNotFutureDay(this.clock.now(), input.agreementSignedOn, 'agreementSignedOn', '协议签署日期');
      if (input.agreementSignedOn < member.signedUpOn) throw fieldRefusal('agreementSignedOn', `协议签署日期不能早于报名日期（${member.signedUpOn}）。`);
      if (group.admitted >= group.capacity) throw new AppError('INVALID_INPUT', `小组已满（人数上限 ${group.capacity} 人）；如需增加名额请先修改人数上限。`);
      const { at } = this.now();
      admitMember(db, member.id, input.agreementSignedOn);
      touchGroup(db, group.id, at);
      audit({ ...actorOf(session), action: 'groups.admit', objectType: 'groupMember', objectId: member.id, detail: { groupName: group.name, memberStatus: memberStatusLabel.admitted } });
      return groupView(db, session, this.requireGroup(db, group.id));
    });
  }

  /** A sign-up not taken becomes 未入组; an admitted member who stops coming 已退出 — from the day after their last meeting. */
  leave(session: Session, input: z.output<typeof memberLeaveInput>): GroupRecord {
    return this.vault.write((db, audit) => {
      const { member, group } = this.requireMember(db, session, input.memberId);
      if (member.status !== 'signedUp' && member.status !== 'admitted') throw new AppError('INVALID_INPUT', `${member.name} 已是“${memberStatusLabel[member.status]}”。`);
      requireNotFutureDay(this.clock.now(), input.on, 'on', '日期');
      const since = member.agreementSignedOn ?? member.signedUpOn;
      if (input.on < since) throw fieldRefusal('on', `日期不能早于${member.agreementSignedOn ? '协议签署日期' : '报名日期'}（${since}）。`);
      const lastPresent = memberAttended(db, member.id);
      if (lastPresent && input.on <= lastPresent) throw fieldRefusal('on', `${member.name} 在 ${lastPresent} 仍出席了活动，退出日期须晚于这一天。`);
      const status = member.status === 'signedUp' ? 'declined' : 'withdrawn';
      const { at } = this.now();
      memberLeaves(db, member.id, status, input.on, input.reason);
      touchGroup(db, group.id, at);
      audit({ ...actorOf(session), action: 'groups.leave', objectType: 'groupMember', objectId: member.id, detail: { groupName: group.name, memberStatus: memberStatusLabel[status] } });
      return groupView(db, session, this.requireGroup(db, group.id));
    });
  }

  private requireMember(db: Db, session: Session, memberId: number) {
    const member = readMember(db, memberId);
    if (!member) throw new AppError('NOT_FOUND', '找不到该组员。');
    const group = this.requireGroup(db, member.groupId);
    requireLead(session, group);
    return { member, group };
  }

  /** A meeting is an activity of the ledger (type 团体辅导) run by the group's leaders, up to the planned number. */
  addSession(session: Session, input: SessionInput): GroupRecord {
    return this.vault.write((db, audit) => {
      const group = this.requireGroup(db, input.groupId);
      requireLead(session, group);
      requireOpen(group);
      const meetings = listSessions(db, group.id);
      if (meetings.length >= group.plannedSessions) throw new AppError('INVALID_INPUT', `已安排 ${meetings.length} 次活动，达到计划次数；如需增加请先修改计划次数。`);
      if (meetings.some((meeting) => meeting.date === input.date && meeting.startTime === input.startTime)) {
        throw fieldRefusal('startTime', `该小组在 ${input.date} ${input.startTime} 已安排了活动。`);
      }
      const { at } = this.now();
      const location = input.location || group.location;
      const activityId = insertActivity(
        db,
        { type: 'group_counselling', theme: input.theme, date: input.date, startTime: input.startTime, endTime: input.endTime, location, partnerUnits: [], volunteers: [], participantCount: null, outputs: noOutputs, summary: '', status: 'planned' },
        session.userId ?? 0,
        at,
      );
      setActivityGroup(db, activityId, group.id);
      replaceActivityLinks(db, activityId, { outreachTargets: [], staffIds: group.leaders.map((leader) => leader.id), rosterClientIds: [] });
      touchGroup(db, group.id, at);
      audit({ ...actorOf(session), action: 'groups.addSession', objectType: 'activity', objectId: activityId, detail: { groupName: group.name, sessionDate: input.date } });
      return groupView(db, session, this.requireGroup(db, group.id));
    });
  }

  /** A held meeting may be corrected but not moved ahead of now. */
  updateSession(session: Session, input: z.output<typeof sessionUpdateInput>): GroupRecord {
    return this.vault.write((db, audit) => {
      const { meeting, group } = this.requireMeeting(db, input.activityId);
      requireLead(session, group);
      if (meeting.status === 'done') requireMeetingBegun(this.clock.now(), input);
      const { at } = this.now();
      const { id: _id, outreachTargets: _targets, staff: _staff, rosterClientIds: _roster, signInCount: _signIns, createdBy: _by, createdAt: _created, updatedAt: _updated, group: _group, ...columns } = meeting;
      updateActivity(db, meeting.id, { ...columns, date: input.date, startTime: input.startTime, endTime: input.endTime, theme: input.theme, location: input.location || group.location }, at);
      touchGroup(db, group.id, at);
      audit({ ...actorOf(session), action: 'groups.updateSession', objectType: 'activity', objectId: meeting.id, detail: { groupName: group.name, sessionDate: input.date } });
      return groupView(db, session, this.requireGroup(db, group.id));
    });
  }

  /** A planned meeting that will not take place; a held one is ledger evidence, which only the 站长 may remove. */
  removeSession(session: Session, input: z.output<typeof sessionRemoveInput>): GroupRecord {
    return this.vault.write((db, audit) => {
      const { meeting, group } = this.requireMeeting(db, input.activityId);
      requireLead(session, group);
      if (meeting.status === 'done' && session.role !== 'admin') throw new AppError('FORBIDDEN', '已开展的团体辅导活动是台账记录，只有站长可以删除。');
      const { at } = this.now();
      removeActivity(db, meeting.id, session.userId ?? 0, input.reason, at);
      touchGroup(db, group.id, at);
      audit({ ...actorOf(session), action: 'groups.removeSession', objectType: 'activity', objectId: meeting.id, detail: { groupName: group.name, sessionDate: meeting.date } });
      return groupView(db, session, this.requireGroup(db, group.id));
    });
  }

  /** The register (签到) of a meeting: every member expected that day, once; the meeting is then held. */
  recordAttendance(session: Session, input: z.output<typeof attendanceInput>): GroupRecord {
    return this.vault.write((db, audit) => {
      const { meeting, group } = this.requireMeeting(db, input.activityId);
      requireLead(session, group);
      requireMeetingBegun(this.clock.now(), meeting);
      checkRegister(listMembers(db, group.id), meeting.date, input.attendance);
      const { at } = this.now();
      const present = replaceAttendance(db, meeting.id, input.attendance, input.summary, at);
      touchGroup(db, group.id, at);
      audit({ ...actorOf(session), action: 'groups.recordAttendance', objectType: 'activity', objectId: meeting.id, detail: { groupName: group.name, sessionDate: meeting.date, present } });
      return groupView(db, session, this.requireGroup(db, group.id));
    });
  }

  /** One anonymous effect-feedback form of a held meeting; no more forms than members present. */
  addFeedback(session: Session, input: FeedbackInput): GroupRecord {
    return this.vault.write((db, audit) => {
      const { meeting, group } = this.requireMeeting(db, input.activityId);
      requireLead(session, group);
      if (!hasAttendance(db, meeting.id)) throw fieldRefusal('activityId', '请先登记该次活动的出席情况，再录入反馈表。');
      const forms = listFeedback(db, meeting.id).length;
      if (forms >= (meeting.participantCount ?? 0)) throw fieldRefusal('activityId', `反馈表份数不能多于出席人数（${meeting.participantCount ?? 0} 人）。`);
      insertFeedback(db, input, session.userId ?? 0, this.now().at);
      audit({ ...actorOf(session), action: 'groups.addFeedback', objectType: 'activity', objectId: meeting.id, detail: { groupName: group.name, sessionDate: meeting.date } });
      return groupView(db, session, this.requireGroup(db, group.id));
    });
  }

  removeFeedback(session: Session, id: number): GroupRecord {
    return this.vault.write((db, audit) => {
      const activityId = readFeedbackActivity(db, id);
      if (activityId === undefined) throw new AppError('NOT_FOUND', '找不到该反馈表。');
      const { meeting, group } = this.requireMeeting(db, activityId);
      requireLead(session, group);
      deleteFeedback(db, id);
      audit({ ...actorOf(session), action: 'groups.removeFeedback', objectType: 'activity', objectId: meeting.id, detail: { groupName: group.name, sessionDate: meeting.date } });
      return groupView(db, session, this.requireGroup(db, group.id));
    });
  }

  /** The forms' comments are the members' words about the group: for the leaders and the 站长. */
  feedback(session: Session, activityId: number) {
    const db = this.vault.connection();
    const { group } = this.requireMeeting(db, activityId);
    requireLead(session, group);
    return listFeedback(db, activityId);
  }
}
