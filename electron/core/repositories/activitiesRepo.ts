import type { ActivityCounts, ActivityInput, ActivityOutputs, ActivityStatus } from '../../../shared/api/schemas/activities.js';
import type { Db } from '../db/driver.js';

/** An activity as stored: the full roster, before it is cut to what a viewer may see. */
export type StoredActivity = Readonly<{
  id: number;
  type: string;
  outreachTargets: string[];
  theme: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  partnerUnits: string[];
  staff: Array<{ id: number; displayName: string }>;
  volunteers: string[];
  participantCount: number | null;
  /** Clients on the roster, merged-away records left out (their rows were copied to the kept client). */
  rosterClientIds: number[];
  /** Residents on its imported sign-in sheet (签到表). */
  signInCount: number;
  outputs: ActivityOutputs;
  summary: string;
  status: ActivityStatus;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  /** The counselling group this activity is a meeting of (团体辅导); its register is kept there. */
  group: { id: number; name: string } | null;
}>;

export type ActivityFilter = Readonly<{ from: string; to: string; type?: string | undefined; outreachTarget?: string | undefined; status?: ActivityStatus | undefined }>;

type Row = {
  id: number;
  type: string;
  theme: string;
  held_on: string;
  start_time: string;
  end_time: string;
  location: string;
  partner_units: string;
  volunteers: string;
  participant_count: number | null;
  materials: number;
  displays: number;
  consult_desk: 0 | 1;
  household_visits: number;
  online_reach: number | null;
  online_reach_estimated: 0 | 1;
  summary: string;
  status: ActivityStatus;
  created_by: number;
  created_at: string;
  updated_at: string;
  outreach: string;
  staff: string;
  roster: string;
  sign_ins: number;
  group_id: number | null;
  group_name: string | null;
};

const selectActivities = `
  SELECT a.*,
    (SELECT json_group_array(target) FROM (SELECT o.target FROM activity_outreach o
       LEFT JOIN dictionary_items d ON d.dictionary = 'outreachTarget' AND d.code = o.target
       WHERE o.activity_id = a.id ORDER BY d.sort, o.target)) AS outreach,
    (SELECT json_group_array(json_object('id', id, 'displayName', display_name)) FROM (SELECT u.id, u.display_name FROM activity_staff s
       JOIN users u ON u.id = s.user_id WHERE s.activity_id = a.id ORDER BY u.id)) AS staff,
    (SELECT json_group_array(client_id) FROM (SELECT r.client_id FROM activity_roster r
       JOIN clients c ON c.id = r.client_id AND c.merged_into IS NULL WHERE r.activity_id = a.id ORDER BY r.client_id)) AS roster,
    (SELECT count(*) FROM activity_sign_ins si WHERE si.activity_id = a.id) AS sign_ins,
    (SELECT g.name FROM counselling_groups g WHERE g.id = a.group_id) AS group_name
  FROM activities a`;

function toActivity(row: Row): StoredActivity {
  return {
    id: row.id,
    type: row.type,
    outreachTargets: JSON.parse(row.outreach) as string[],
    theme: row.theme,
    date: row.held_on,
    startTime: row.start_time,
    endTime: row.end_time,
    location: row.location,
    partnerUnits: JSON.parse(row.partner_units) as string[],
    staff: JSON.parse(row.staff) as Array<{ id: number; displayName: string }>,
    volunteers: JSON.parse(row.volunteers) as string[],
    participantCount: row.participant_count,
    rosterClientIds: JSON.parse(row.roster) as number[],
    signInCount: row.sign_ins,
    outputs: {
      materials: row.materials,
      displays: row.displays,
      consultDesk: row.consult_desk === 1,
      householdVisits: row.household_visits,
      onlineReach: row.online_reach,
      onlineReachEstimated: row.online_reach_estimated === 1,
    },
    summary: row.summary,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    group: row.group_id === null ? null : { id: row.group_id, name: row.group_name ?? '' },
  };
}

export function readActivity(db: Db, id: number): StoredActivity | undefined {
  const row = db.prepare(`${selectActivities} WHERE a.id = ? AND a.removed_at IS NULL`).get(id) as Row | undefined;
  return row && toActivity(row);
}

/** A period's activities, oldest first, by type, "五进" target and status when given (served by activities_by_day). */
export function listActivities(db: Db, filter: ActivityFilter): StoredActivity[] {
  const rows = db
    .prepare(
      `${selectActivities}
       WHERE a.held_on BETWEEN @from AND @to AND a.removed_at IS NULL
         AND (@type IS NULL OR a.type = @type)
         AND (@status IS NULL OR a.status = @status)
         AND (@target IS NULL OR EXISTS (SELECT 1 FROM activity_outreach o WHERE o.activity_id = a.id AND o.target = @target))
       ORDER BY a.held_on, a.start_time, a.id`,
    )
    .all({ from: filter.from, to: filter.to, type: filter.type ?? null, status: filter.status ?? null, target: filter.outreachTarget ?? null }) as Row[];
  return rows.map(toActivity);
}

/** What the activities table stores of an input (the children are replaced separately). */
export type ActivityColumns = Omit<ActivityInput, 'outreachTargets' | 'staffIds' | 'rosterClientIds'>;

const columnParams = (activity: ActivityColumns) => ({
  type: activity.type,
  theme: activity.theme,
  heldOn: activity.date,
  startTime: activity.startTime,
  endTime: activity.endTime,
  location: activity.location,
  partnerUnits: JSON.stringify(activity.partnerUnits),
  volunteers: JSON.stringify(activity.volunteers),
  participantCount: activity.participantCount,
  materials: activity.outputs.materials,
  displays: activity.outputs.displays,
  consultDesk: activity.outputs.consultDesk ? 1 : 0,
  householdVisits: activity.outputs.householdVisits,
  onlineReach: activity.outputs.onlineReach,
  onlineReachEstimated: activity.outputs.onlineReachEstimated ? 1 : 0,
  summary: activity.summary,
  status: activity.status,
});

export function insertActivity(db: Db, activity: ActivityColumns, createdBy: number, at: string): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO activities (type, theme, held_on, start_time, end_time, location, partner_units, volunteers, participant_count, materials, displays,
         consult_desk, household_visits, online_reach, online_reach_estimated, summary, status, created_by, created_at, updated_at)
       VALUES (@type, @theme, @heldOn, @startTime, @endTime, @location, @partnerUnits, @volunteers, @participantCount, @materials, @displays,
         @consultDesk, @householdVisits, @onlineReach, @onlineReachEstimated, @summary, @status, @createdBy, @at, @at)`,
    )
    .run({ ...columnParams(activity), createdBy, at });
  return Number(lastInsertRowid);
}

export function updateActivity(db: Db, id: number, activity: ActivityColumns, at: string): void {
  db.prepare(
    `UPDATE activities SET type = @type, theme = @theme, held_on = @heldOn, start_time = @startTime, end_time = @endTime, location = @location,
       partner_units = @partnerUnits, volunteers = @volunteers, participant_count = @participantCount, materials = @materials, displays = @displays,
       consult_desk = @consultDesk, household_visits = @householdVisits, online_reach = @onlineReach, online_reach_estimated = @onlineReachEstimated,
       summary = @summary, status = @status, updated_at = @at
     WHERE id = @id`,
  ).run({ ...columnParams(activity), id, at });
}

/** The activity's "五进" targets, staff and roster, replaced as a whole. */
export function replaceActivityLinks(db: Db, id: number, links: Readonly<{ outreachTargets: readonly string[]; staffIds: readonly number[]; rosterClientIds: readonly number[] }>): void {
  for (const table of ['activity_outreach', 'activity_staff', 'activity_roster']) db.prepare(`DELETE FROM ${table} WHERE activity_id = ?`).run(id);
  const target = db.prepare('INSERT INTO activity_outreach (activity_id, target) VALUES (?, ?)');
  for (const code of links.outreachTargets) target.run(id, code);
  const staff = db.prepare('INSERT INTO activity_staff (activity_id, user_id) VALUES (?, ?)');
  for (const userId of links.staffIds) staff.run(id, userId);
  const roster = db.prepare('INSERT INTO activity_roster (activity_id, client_id) VALUES (?, ?)');
  for (const clientId of links.rosterClientIds) roster.run(id, clientId);
}

export function markActivityDone(db: Db, id: number, participantCount: number, summary: string | undefined, at: string): void {
  db.prepare("UPDATE activities SET status = 'done', participant_count = ?, summary = coalesce(?, summary), updated_at = ? WHERE id = ?").run(participantCount, summary ?? null, at, id);
}

export function removeActivity(db: Db, id: number, removedBy: number, reason: string, at: string): void {
  db.prepare('UPDATE activities SET removed_at = ?, removed_by = ?, removed_reason = ? WHERE id = ?').run(at, removedBy, reason, id);
}

/** Registered names of these clients (the service decides who may see them). */
export function clientNames(db: Db, clientIds: readonly number[]): Map<number, string> {
  const rows = db.prepare('SELECT id, name FROM clients WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(clientIds)) as Array<{ id: number; name: string }>;
  return new Map(rows.map((row) => [row.id, row.name]));
}

type CountRow = { code: string; label: string; activities: number; participants: number };

/** A done activity of the period, not removed (`a` is the activities table). */
const heldInPeriod = "a.status = 'done' AND a.held_on BETWEEN @from AND @to AND a.removed_at IS NULL";

/** 场次 and 人次 per entry of a dictionary; `join` left-joins the activities (as `a`) counted under entry `d`. */
function countsByEntry(db: Db, dictionary: 'activityType' | 'outreachTarget', join: string, params: { from: string; to: string }): CountRow[] {
  return db
    .prepare(
      `SELECT d.code, d.label, count(a.id) AS activities, coalesce(sum(a.participant_count), 0) AS participants
       FROM dictionary_items d LEFT JOIN ${join}
       WHERE d.dictionary = @dictionary
       GROUP BY d.id HAVING d.active = 1 OR count(a.id) > 0
       ORDER BY d.sort, d.id`,
    )
    .all({ ...params, dictionary }) as CountRow[];
}

/**
 * Done activities of a period counted in SQL: 场次 and 人次 by type and by "五进" target (every active entry of
 * each dictionary, with zeros; a hidden entry only when it has activities), the outputs' totals, and how many are
 * still planned. What the checklist and the periodic report read.
 */
export function activityCounts(db: Db, from: string, to: string): ActivityCounts {
  const params = { from, to };
  const byType = countsByEntry(db, 'activityType', `activities a ON a.type = d.code AND ${heldInPeriod}`, params);
  const byOutreachTarget = countsByEntry(db, 'outreachTarget', `(activity_outreach o JOIN activities a ON a.id = o.activity_id AND ${heldInPeriod}) ON o.target = d.code`, params);
  const total = db
    .prepare(
      `SELECT count(*) AS activities, coalesce(sum(participant_count), 0) AS participants, coalesce(sum(materials), 0) AS materials,
         coalesce(sum(displays), 0) AS displays, coalesce(sum(consult_desk), 0) AS consultDesks, coalesce(sum(household_visits), 0) AS householdVisits,
         coalesce(sum(online_reach), 0) AS onlineReach, coalesce(max(online_reach_estimated), 0) AS onlineReachEstimated
       FROM activities WHERE status = 'done' AND held_on BETWEEN @from AND @to AND removed_at IS NULL`,
    )
    .get(params) as Omit<ActivityCounts['total'], 'onlineReachEstimated'> & { onlineReachEstimated: 0 | 1 };
  const planned = (db.prepare("SELECT count(*) AS n FROM activities WHERE status = 'planned' AND held_on BETWEEN @from AND @to AND removed_at IS NULL").get(params) as { n: number }).n;
  return { from, to, byType, byOutreachTarget, total: { ...total, onlineReachEstimated: total.onlineReachEstimated === 1 }, planned };
}
