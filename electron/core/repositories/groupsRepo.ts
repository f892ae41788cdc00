import type { AttendanceStatus, FeedbackInput, FeedbackSummary, GroupCounts, GroupInput, MemberSignUpInput, MemberStatus } from '../../../shared/api/schemas/groups.js';
import type { Db } from '../db/driver.js';
import { decryptText, encryptText, nextRowId } from './clinicalFields.js';

export type StoredGroup = Readonly<{
  id: number;
  name: string;
  targetGroup: string;
  goals: string;
  location: string;
  plannedSessions: number;
  capacity: number;
  leaders: Array<{ id: number; displayName: string }>;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  sessionsHeld: number;
  admitted: number;
  waiting: number;
  firstDate: string | null;
  lastDate: string | null;
}>;

type GroupRow = {
  id: number;
  name: string;
  target_group: string;
  goals: string;
  location: string;
  planned_sessions: number;
  capacity: number;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  leaders: string;
  sessions_held: number;
  admitted: number;
  waiting: number;
  first_date: string | null;
  last_date: string | null;
};

const selectGroups = `
  SELECT g.*,
    (SELECT json_group_array(json_object('id', id, 'displayName', display_name)) FROM (SELECT u.id, u.display_name FROM counselling_group_leaders l
       JOIN users u ON u.id = l.user_id WHERE l.group_id = g.id ORDER BY u.id)) AS leaders,
    (SELECT count(*) FROM activities a WHERE a.group_id = g.id AND a.status = 'done' AND a.removed_at IS NULL) AS sessions_held,
    (SELECT count(*) FROM counselling_group_members m WHERE m.group_id = g.id AND m.status = 'admitted') AS admitted,
    (SELECT count(*) FROM counselling_group_members m WHERE m.group_id = g.id AND m.status = 'signedUp') AS waiting,
    (SELECT min(held_on) FROM activities a WHERE a.group_id = g.id AND a.removed_at IS NULL) AS first_date,
    (SELECT max(held_on) FROM activities a WHERE a.group_id = g.id AND a.removed_at IS NULL) AS last_date
  FROM counselling_groups g`;

function toGroup(row: GroupRow): StoredGroup {
  return {
    id: row.id,
    name: row.name,
    targetGroup: row.target_group,
    goals: row.goals,
    location: row.location,
    plannedSessions: row.planned_sessions,
    capacity: row.capacity,
    leaders: JSON.parse(row.leaders) as Array<{ id: number; displayName: string }>,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sessionsHeld: row.sessions_held,
    admitted: row.admitted,
    waiting: row.waiting,
    firstDate: row.first_date,
    lastDate: row.last_date,
  };
}

export function readGroup(db: Db, id: number): StoredGroup | undefined {
  const row = db.prepare(`${selectGroups} WHERE g.id = ?`).get(id) as GroupRow | undefined;
  return row && toGroup(row);
}

/** Open groups first, then by their latest meeting (or creation), newest first. */
export function listGroups(db: Db, status: 'open' | 'closed' | undefined): StoredGroup[] {
  const rows = db
    .prepare(
      `SELECT * FROM (${selectGroups}) WHERE (@status IS NULL OR (closed_at IS NULL) = (@status = 'open'))
       ORDER BY closed_at IS NOT NULL, coalesce(last_date, substr(created_at, 1, 10)) DESC, id DESC`,
    )
    .all({ status: status ?? null }) as GroupRow[];
  return rows.map(toGroup);
}

const groupParams = (group: GroupInput) => ({
  name: group.name,
  targetGroup: group.targetGroup,
  goals: group.goals,
  location: group.location,
  plannedSessions: group.plannedSessions,
  capacity: group.capacity,
});

export function insertGroup(db: Db, group: GroupInput, createdBy: number, at: string): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO counselling_groups (name, target_group, goals, location, planned_sessions, capacity, created_by, created_at, updated_at)
       VALUES (@name, @targetGroup, @goals, @location, @plannedSessions, @capacity, @createdBy, @at, @at)`,
    )
    .run({ ...groupParams(group), createdBy, at });
  return Number(lastInsertRowid);
}

export function updateGroup(db: Db, id: number, group: GroupInput, at: string): void {
  db.prepare(
    `UPDATE counselling_groups SET name = @name, target_group = @targetGroup, goals = @goals, location = @location,
       planned_sessions = @plannedSessions, capacity = @capacity, updated_at = @at WHERE id = @id`,
  ).run({ ...groupParams(group), id, at });
}

export function replaceGroupLeaders(db: Db, id: number, leaderIds: readonly number[]): void {
  db.prepare('DELETE FROM counselling_group_leaders WHERE group_id = ?').run(id);
  const insert = db.prepare('INSERT INTO counselling_group_leaders (group_id, user_id) VALUES (?, ?)');
  for (const userId of leaderIds) insert.run(id, userId);
}

export function closeGroup(db: Db, id: number, at: string): void {
  db.prepare('UPDATE counselling_groups SET closed_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
}

/** Marks a group touched, so lists sort by it (a member or a meeting changed). */
export function touchGroup(db: Db, id: number, at: string): void {
  db.prepare('UPDATE counselling_groups SET updated_at = ? WHERE id = ?').run(at, id);
}

// ---- Members (报名表) ----

export type StoredMember = Readonly<{
  id: number;
  groupId: number;
  name: string;
  gender: 'male' | 'female' | null;
  age: number | null;
  phone: string;
  clientId: number | null;
  clientName: string | null;
  signedUpOn: string;
  sealedMotive: string;
  status: MemberStatus;
  agreementSignedOn: string | null;
  leftOn: string | null;
  leftReason: string | null;
}>;

type MemberRow = {
  id: number;
  group_id: number;
  name: string;
  gender: 'male' | 'female' | null;
  age: number | null;
  phone: string;
  client_id: number | null;
  client_name: string | null;
  signed_up_on: string;
  motive: string;
  status: MemberStatus;
  agreement_signed_on: string | null;
  left_on: string | null;
  left_reason: string | null;
};

const selectMembers = `SELECT m.*, c.name AS client_name FROM counselling_group_members m LEFT JOIN clients c ON c.id = m.client_id`;

const toMember = (row: MemberRow): StoredMember => ({
  id: row.id,
  groupId: row.group_id,
  name: row.name,
  gender: row.gender,
  age: row.age,
  phone: row.phone,
  clientId: row.client_id,
  clientName: row.client_name,
  signedUpOn: row.signed_up_on,
  sealedMotive: row.motive,
  status: row.status,
  agreementSignedOn: row.agreement_signed_on,
  leftOn: row.left_on,
  leftReason: row.left_reason,
});

/** In sign-up order. */
export function listMembers(db: Db, groupId: number): StoredMember[] {
  return (db.prepare(`${selectMembers} WHERE m.group_id = ? ORDER BY m.signed_up_on, m.id`).all(groupId) as MemberRow[]).map(toMember);
}

export function readMember(db: Db, id: number): StoredMember | undefined {
  const row = db.prepare(`${selectMembers} WHERE m.id = ?`).get(id) as MemberRow | undefined;
  return row && toMember(row);
}

/** The motive in plain text; only for a session that holds the clinical key (the service checks who may read it). */
export function openMotive(db: Db, member: StoredMember): string {
  return decryptText(db, 'counselling_group_members', 'motive', member.id, member.sealedMotive);
}

export function insertMember(db: Db, member: MemberSignUpInput, createdBy: number, at: string): number {
  const id = nextRowId(db, 'counselling_group_members');
  db.prepare(
    `INSERT INTO counselling_group_members (id, group_id, name, gender, age, phone, client_id, signed_up_on, motive, status, created_by, created_at)
     VALUES (@id, @groupId, @name, @gender, @age, @phone, @clientId, @signedUpOn, @motive, 'signedUp', @createdBy, @at)`,
  ).run({
    id,
    groupId: member.groupId,
    name: member.name,
    gender: member.gender,
    age: member.age,
    phone: member.phone,
    clientId: member.clientId,
    signedUpOn: member.signedUpOn,
    motive: encryptText(db, 'counselling_group_members', 'motive', id, member.motive),
    createdBy,
    at,
  });
  return id;
}

export function admitMember(db: Db, id: number, agreementSignedOn: string): void {
  db.prepare("UPDATE counselling_group_members SET status = 'admitted', agreement_signed_on = ? WHERE id = ?").run(agreementSignedOn, id);
}

export function memberLeaves(db: Db, id: number, status: 'declined' | 'withdrawn', on: string, reason: string): void {
  db.prepare('UPDATE counselling_group_members SET status = ?, left_on = ?, left_reason = ? WHERE id = ?').run(status, on, reason, id);
}

// ---- Meetings: activities with a group_id, their register and feedback forms ----

/** Marks an activity as a meeting of the group. */
export function setActivityGroup(db: Db, activityId: number, groupId: number): void {
  db.prepare('UPDATE activities SET group_id = ? WHERE id = ?').run(groupId, activityId);
}

export type StoredSession = Readonly<{
  activityId: number;
  date: string;
  startTime: string;
  endTime: string;
  theme: string;
  location: string;
  status: 'planned' | 'done';
  present: number;
  excused: number;
  absent: number;
  feedback: FeedbackSummary;
}>;

type SessionRow = {
  id: number;
  held_on: string;
  start_time: string;
  end_time: string;
  theme: string;
  location: string;
  status: 'planned' | 'done';
  present: number;
  excused: number;
  absent: number;
  forms: number;
  satisfied: number;
  satisfaction: number | null;
  helpfulness: number | null;
  atmosphere: number | null;
  recommend: number;
};

const feedbackColumns = `count(f.id) AS forms, coalesce(sum(f.satisfaction >= 4), 0) AS satisfied, avg(f.satisfaction) AS satisfaction,
  avg(f.helpfulness) AS helpfulness, avg(f.atmosphere) AS atmosphere, coalesce(sum(f.recommend), 0) AS recommend`;

const summaryOf = (row: Pick<SessionRow, 'forms' | 'satisfied' | 'satisfaction' | 'helpfulness' | 'atmosphere' | 'recommend'>): FeedbackSummary => ({
  forms: row.forms,
  satisfied: row.satisfied,
  satisfaction: row.satisfaction,
  helpfulness: row.helpfulness,
  atmosphere: row.atmosphere,
  recommend: row.recommend,
});

/** A group's meetings in date order, with their register's counts and their forms' averages. */
export function listSessions(db: Db, groupId: number): StoredSession[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.held_on, a.start_time, a.end_time, a.theme, a.location, a.status,
         (SELECT count(*) FROM counselling_group_attendance t WHERE t.activity_id = a.id AND t.status = 'present') AS present,
         (SELECT count(*) FROM counselling_group_attendance t WHERE t.activity_id = a.id AND t.status = 'excused') AS excused,
         (SELECT count(*) FROM counselling_group_attendance t WHERE t.activity_id = a.id AND t.status = 'absent') AS absent,
         ${feedbackColumns}
       FROM activities a LEFT JOIN counselling_group_feedback f ON f.activity_id = a.id
       WHERE a.group_id = ? AND a.removed_at IS NULL
       GROUP BY a.id
       ORDER BY a.held_on, a.start_time, a.id`,
    )
    .all(groupId) as SessionRow[];
  return rows.map((row) => ({
    activityId: row.id,
    date: row.held_on,
    startTime: row.start_time,
    endTime: row.end_time,
    theme: row.theme,
    location: row.location,
    status: row.status,
    present: row.present,
    excused: row.excused,
    absent: row.absent,
    feedback: summaryOf(row),
  }));
}

export function listAttendance(db: Db, groupId: number): Array<{ activityId: number; memberId: number; status: AttendanceStatus }> {
  return db
    .prepare(
      `SELECT t.activity_id AS activityId, t.member_id AS memberId, t.status FROM counselling_group_attendance t
       JOIN activities a ON a.id = t.activity_id WHERE a.group_id = ? AND a.removed_at IS NULL ORDER BY a.held_on, a.start_time, t.member_id`,
    )
    .all(groupId) as Array<{ activityId: number; memberId: number; status: AttendanceStatus }>;
}

/** The register replaced whole; the meeting is held and its 参与人数 is the present count, in one statement set. */
export function replaceAttendance(db: Db, activityId: number, rows: ReadonlyArray<{ memberId: number; status: AttendanceStatus }>, summary: string | undefined, at: string): number {
  db.prepare('DELETE FROM counselling_group_attendance WHERE activity_id = ?').run(activityId);
  const insert = db.prepare('INSERT INTO counselling_group_attendance (activity_id, member_id, status) VALUES (?, ?, ?)');
  for (const row of rows) insert.run(activityId, row.memberId, row.status);
  const present = rows.filter((row) => row.status === 'present').length;
  db.prepare("UPDATE activities SET status = 'done', participant_count = ?, summary = coalesce(?, summary), updated_at = ? WHERE id = ?").run(present, summary ?? null, at, activityId);
  return present;
}

export function hasAttendance(db: Db, activityId: number): boolean {
  return db.prepare('SELECT 1 FROM counselling_group_attendance WHERE activity_id = ? LIMIT 1').get(activityId) !== undefined;
}

/** Whether the member is on any meeting's register (then they cannot be un-admitted as if never in the group). */
export function memberAttended(db: Db, memberId: number): string | undefined {
  const row = db
    .prepare(`SELECT max(a.held_on) AS last FROM counselling_group_attendance t JOIN activities a ON a.id = t.activity_id WHERE t.member_id = ? AND a.removed_at IS NULL AND t.status = 'present'`)
    .get(memberId) as { last: string | null };
  return row.last ?? undefined;
}

export function insertFeedback(db: Db, feedback: FeedbackInput, enteredBy: number, at: string): void {
  db.prepare(
      `INSERT INTO counselling_group_feedback (activity_id, satisfaction, helpfulness, atmosphere, recommend, comment, entered_by, entered_at)
       VALUES (@activityId, @satisfaction, @helpfulness, @atmosphere, @recommend, @comment, @enteredBy, @at)`,
    )
    .run({ ...feedback, recommend: feedback.recommend ? 1 : 0, enteredBy, at });
}

export function readFeedbackActivity(db: Db, id: number): number | undefined {
  return (db.prepare('SELECT activity_id FROM counselling_group_feedback WHERE id = ?').get(id) as { activity_id: number } | undefined)?.activity_id;
}

export function deleteFeedback(db: Db, id: number): void {
  db.prepare('DELETE FROM counselling_group_feedback WHERE id = ?').run(id);
}

export function listFeedback(db: Db, activityId: number) {
  const rows = db
    .prepare('SELECT id, satisfaction, helpfulness, atmosphere, recommend, comment, entered_at FROM counselling_group_feedback WHERE activity_id = ? ORDER BY id')
    .all(activityId) as Array<{ id: number; satisfaction: number; helpfulness: number; atmosphere: number; recommend: 0 | 1; comment: string; entered_at: string }>;
  return rows.map((row) => ({ id: row.id, satisfaction: row.satisfaction, helpfulness: row.helpfulness, atmosphere: row.atmosphere, recommend: row.recommend === 1, comment: row.comment, enteredAt: row.entered_at }));
}

/**
 * A period's group work in SQL (SPS05 团体辅导场次/参与人次, SPS19's forms): groups that met, meetings held, 人次
 * present, distinct members present, and the forms of those meetings.
 */
export function groupCounts(db: Db, from: string, to: string): GroupCounts {
  const held = "a.group_id IS NOT NULL AND a.status = 'done' AND a.removed_at IS NULL AND a.held_on BETWEEN @from AND @to";
  const meetings = db
    .prepare(
      `SELECT count(DISTINCT a.group_id) AS groups, count(*) AS sessions, coalesce(sum(a.participant_count), 0) AS attendances,
         (SELECT count(DISTINCT t.member_id) FROM counselling_group_attendance t JOIN activities a ON a.id = t.activity_id WHERE t.status = 'present' AND ${held}) AS members
       FROM activities a WHERE ${held}`,
    )
    .get({ from, to }) as { groups: number; sessions: number; attendances: number; members: number };
  const forms = db.prepare(`SELECT ${feedbackColumns} FROM counselling_group_feedback f JOIN activities a ON a.id = f.activity_id WHERE ${held}`).get({ from, to }) as Parameters<typeof summaryOf>[0];
  return { from, to, ...meetings, feedback: summaryOf(forms) };
}

/** A period's held meetings with their group, for the XLSX ledger. */
export function heldSessionsInPeriod(db: Db, from: string, to: string) {
  return db
    .prepare(
      `SELECT g.id AS groupId, g.name AS groupName, a.id AS activityId, a.held_on AS date, a.start_time AS startTime, a.end_time AS endTime, a.theme,
         (SELECT count(*) FROM activities b WHERE b.group_id = a.group_id AND b.removed_at IS NULL AND (b.held_on, b.start_time, b.id) <= (a.held_on, a.start_time, a.id)) AS number,
         (SELECT count(*) FROM counselling_group_attendance t WHERE t.activity_id = a.id) AS expected,
         a.participant_count AS present,
         (SELECT count(*) FROM counselling_group_feedback f WHERE f.activity_id = a.id) AS forms,
         (SELECT count(*) FROM counselling_group_feedback f WHERE f.activity_id = a.id AND f.satisfaction >= 4) AS satisfied
       FROM activities a JOIN counselling_groups g ON g.id = a.group_id
       WHERE a.status = 'done' AND a.removed_at IS NULL AND a.held_on BETWEEN ? AND ?
       ORDER BY a.held_on, a.start_time, a.id`,
    )
    .all(from, to) as Array<{ groupId: number; groupName: string; activityId: number; date: string; startTime: string; endTime: string; theme: string; number: number; expected: number; present: number; forms: number; satisfied: number }>;
}
