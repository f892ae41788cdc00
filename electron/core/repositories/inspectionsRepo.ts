import type { FindingRecord, InspectionKind, InspectionSummary, RectificationRecord } from '../../../shared/api/schemas/inspections.js';
import type { Db } from '../db/driver.js';

type Person = { id: number; displayName: string };
const personOf = (id: number | null, name: string | null): Person | null => (id === null ? null : { id, displayName: name ?? '' });

export type NewInspection = Readonly<{
  kind: InspectionKind;
  title: string;
  inspectingBody: string;
  plannedOn: string;
  templateId: string;
  templateVersion: number;
  from: string;
  to: string;
  snapshot: string;
  snapshotSha256: string;
  createdBy: number;
  createdAt: string;
}>;

export function insertInspection(db: Db, inspection: NewInspection): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO inspections (kind, title, inspecting_body, planned_on, template_id, template_version, period_from, period_to, snapshot, snapshot_sha256, created_by, created_at)
       VALUES (@kind, @title, @inspectingBody, @plannedOn, @templateId, @templateVersion, @from, @to, @snapshot, @snapshotSha256, @createdBy, @createdAt)`,
    )
    .run(inspection);
  return Number(lastInsertRowid);
}

type InspectionRow = {
  id: number;
  kind: InspectionKind;
  title: string;
  inspecting_body: string;
  planned_on: string;
  status: InspectionSummary['status'];
  verdict: 'pass' | 'fail' | null;
  percent: number | null;
  grade: string | null;
  created_at: string;
  inspector_id: number | null;
  inspector_name: string | null;
  inspector_username: string | null;
  inspector_until: string | null;
  inspector_disabled: 0 | 1 | null;
  open_rectifications: number;
};

const summarySql = `
  SELECT i.id, i.kind, i.title, i.inspecting_body, i.planned_on, i.status, i.verdict, i.percent, i.grade, i.created_at,
         i.inspector_id, u.display_name AS inspector_name, u.username AS inspector_username, u.access_until AS inspector_until, u.disabled AS inspector_disabled,
         (SELECT count(*) FROM rectifications r WHERE r.inspection_id = i.id AND r.status <> 'accepted') AS open_rectifications
  FROM inspections i LEFT JOIN users u ON u.id = i.inspector_id`;

function toSummary(row: InspectionRow): InspectionSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    inspectingBody: row.inspecting_body,
    plannedOn: row.planned_on,
    status: row.status,
    verdict: row.verdict,
    percent: row.percent,
    grade: row.grade,
    inspector:
      row.inspector_id === null
        ? null
        : { id: row.inspector_id, displayName: row.inspector_name ?? '', username: row.inspector_username ?? '', accessUntil: row.inspector_until ?? '', disabled: row.inspector_disabled === 1 },
    openRectifications: row.open_rectifications,
    createdAt: row.created_at,
  };
}

/** Every inspection, the latest planned first; an inspector's session passes its own account to see only its own. */
export function listInspections(db: Db, inspectorId: number | null): InspectionSummary[] {
  const where = inspectorId === null ? '' : 'WHERE i.inspector_id = ?';
  const rows = db.prepare(`${summarySql} ${where} ORDER BY i.planned_on DESC, i.id DESC`).all(...(inspectorId === null ? [] : [inspectorId])) as InspectionRow[];
  return rows.map(toSummary);
}

export type StoredInspection = InspectionSummary &
  Readonly<{
    snapshot: string;
    snapshotSha256: string;
    from: string;
    to: string;
    opinion: string;
    concludedBy: Person | null;
    concludedAt: string | null;
    closedAt: string | null;
    createdBy: Person;
  }>;

export function readInspection(db: Db, id: number): StoredInspection | undefined {
  const row = db
    .prepare(
      `SELECT s.*, i.snapshot, i.snapshot_sha256, i.period_from, i.period_to, i.opinion, i.concluded_by, cb.display_name AS concluded_name, i.concluded_at, i.closed_at,
              i.created_by, c.display_name AS created_name
       FROM (${summarySql} WHERE i.id = ?) s JOIN inspections i ON i.id = s.id JOIN users c ON c.id = i.created_by LEFT JOIN users cb ON cb.id = i.concluded_by`,
    )
    .get(id) as
    | (InspectionRow & {
        snapshot: string;
        snapshot_sha256: string;
        period_from: string;
        period_to: string;
        opinion: string;
        concluded_by: number | null;
        concluded_name: string | null;
        concluded_at: string | null;
        closed_at: string | null;
        created_by: number;
        created_name: string;
      })
    | undefined;
  if (!row) return undefined;
  return {
    ...toSummary(row),
    snapshot: row.snapshot,
    snapshotSha256: row.snapshot_sha256,
    from: row.period_from,
    to: row.period_to,
    opinion: row.opinion,
    concludedBy: personOf(row.concluded_by, row.concluded_name),
    concludedAt: row.concluded_at,
    closedAt: row.closed_at,
    createdBy: { id: row.created_by, displayName: row.created_name },
  };
}

export function setInspector(db: Db, inspectionId: number, userId: number): void {
  db.prepare('UPDATE inspections SET inspector_id = ? WHERE id = ?').run(userId, inspectionId);
}

/** The inspection an inspector account was let in for. */
export function inspectionOfInspector(db: Db, userId: number): number | undefined {
  return (db.prepare('SELECT id FROM inspections WHERE inspector_id = ?').get(userId) as { id: number } | undefined)?.id;
}

export type Conclusion = Readonly<{ verdict: 'pass' | 'fail'; opinion: string; score: number; percent: number; grade: string | null; by: number; at: string }>;

export function concludeInspection(db: Db, id: number, conclusion: Conclusion): void {
  db.prepare(
    `UPDATE inspections SET status = 'concluded', verdict = @verdict, opinion = @opinion, score = @score, percent = @percent, grade = @grade, concluded_by = @by, concluded_at = @at WHERE id = @id`,
  ).run({ ...conclusion, id });
}

export function closeInspection(db: Db, id: number, at: string): void {
  db.prepare(`UPDATE inspections SET status = 'closed', closed_at = ? WHERE id = ?`).run(at, id);
}

export type StoredScore = Readonly<{ itemId: string; met: boolean | null; level: number | null; note: string; assessedBy: Person; assessedAt: string }>;

export function scoresOf(db: Db, inspectionId: number): StoredScore[] {
  const rows = db
    .prepare(
      `SELECT s.item_id, s.met, s.level, s.note, s.assessed_at, u.id AS user_id, u.display_name FROM inspection_scores s JOIN users u ON u.id = s.assessed_by
       WHERE s.inspection_id = ? ORDER BY s.item_id`,
    )
    .all(inspectionId) as Array<{ item_id: string; met: 0 | 1 | null; level: number | null; note: string; assessed_at: string; user_id: number; display_name: string }>;
  return rows.map((row) => ({ itemId: row.item_id, met: row.met === null ? null : row.met === 1, level: row.level, note: row.note, assessedBy: { id: row.user_id, displayName: row.display_name }, assessedAt: row.assessed_at }));
}

export function saveScore(db: Db, inspectionId: number, score: Readonly<{ itemId: string; met: boolean | null; level: number | null; note: string }>, by: number, at: string): void {
  db.prepare(
    `INSERT INTO inspection_scores (inspection_id, item_id, met, level, note, assessed_by, assessed_at) VALUES (@inspectionId, @itemId, @met, @level, @note, @by, @at)
     ON CONFLICT (inspection_id, item_id) DO UPDATE SET met = excluded.met, level = excluded.level, note = excluded.note, assessed_by = excluded.assessed_by, assessed_at = excluded.assessed_at`,
  ).run({ inspectionId, itemId: score.itemId, met: score.met === null ? null : score.met ? 1 : 0, level: score.level, note: score.note, by, at });
}

export type NewFinding = Omit<FindingRecord, 'id' | 'createdBy' | 'createdAt'>;

export function insertFinding(db: Db, inspectionId: number, finding: NewFinding, by: number, at: string): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO inspection_findings (inspection_id, item_id, point, requirement, location, observed_on, problem, created_by, created_at)
       VALUES (@inspectionId, @itemId, @point, @requirement, @location, @observedOn, @problem, @by, @at)`,
    )
    .run({ ...finding, inspectionId, by, at });
  return Number(lastInsertRowid);
}

export function findingsOf(db: Db, inspectionId: number): FindingRecord[] {
  const rows = db
    .prepare(
      `SELECT f.*, u.display_name FROM inspection_findings f JOIN users u ON u.id = f.created_by WHERE f.inspection_id = ? ORDER BY f.id`,
    )
    .all(inspectionId) as Array<{ id: number; item_id: string; point: string; requirement: string; location: string; observed_on: string; problem: string; created_by: number; display_name: string; created_at: string }>;
  return rows.map((row) => ({
    id: row.id,
    itemId: row.item_id,
    point: row.point,
    requirement: row.requirement,
    location: row.location,
    observedOn: row.observed_on,
    problem: row.problem,
    createdBy: { id: row.created_by, displayName: row.display_name },
    createdAt: row.created_at,
  }));
}

/** A finding's inspection and whether a 整改 task names it (such a finding stays). */
export function findingParent(db: Db, findingId: number): { inspectionId: number; tasks: number } | undefined {
  const row = db.prepare('SELECT inspection_id, (SELECT count(*) FROM rectifications r WHERE r.finding_id = f.id) AS tasks FROM inspection_findings f WHERE f.id = ?').get(findingId) as
    | { inspection_id: number; tasks: number }
    | undefined;
  return row && { inspectionId: row.inspection_id, tasks: row.tasks };
}

export function deleteFinding(db: Db, findingId: number): void {
  db.prepare('DELETE FROM inspection_findings WHERE id = ?').run(findingId);
}

export function insertRectification(db: Db, inspectionId: number, task: Readonly<{ findingId: number | null; task: string; assigneeId: number; dueOn: string }>, by: number, at: string): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO rectifications (inspection_id, finding_id, task, owner_id, due_on, created_by, created_at) VALUES (@inspectionId, @findingId, @task, @assigneeId, @dueOn, @by, @at)`,
    )
    .run({ ...task, inspectionId, by, at });
  return Number(lastInsertRowid);
}

type RectificationRow = {
  id: number;
  inspection_id: number;
  finding_id: number | null;
  task: string;
  owner_id: number;
  owner_name: string;
  due_on: string;
  status: RectificationRecord['status'];
  closure_note: string;
  submitted_by: number | null;
  submitted_name: string | null;
  submitted_at: string | null;
  recheck_note: string;
  rechecked_by: number | null;
  rechecked_name: string | null;
  rechecked_at: string | null;
  created_by: number;
  created_name: string;
  created_at: string;
  file_count: number;
};

const rectificationSql = `
  SELECT r.*, o.display_name AS owner_name, sb.display_name AS submitted_name, rb.display_name AS rechecked_name, c.display_name AS created_name,
         (SELECT count(*) FROM attachments a WHERE a.owner_type = 'rectification' AND a.owner_id = r.id) AS file_count
  FROM rectifications r JOIN users o ON o.id = r.owner_id JOIN users c ON c.id = r.created_by
  LEFT JOIN users sb ON sb.id = r.submitted_by LEFT JOIN users rb ON rb.id = r.rechecked_by`;

const toRectification = (row: RectificationRow): RectificationRecord & { inspectionId: number } => ({
  id: row.id,
  inspectionId: row.inspection_id,
  findingId: row.finding_id,
  task: row.task,
  owner: { id: row.owner_id, displayName: row.owner_name },
  dueOn: row.due_on,
  status: row.status,
  closureNote: row.closure_note,
  submittedBy: personOf(row.submitted_by, row.submitted_name),
  submittedAt: row.submitted_at,
  recheckNote: row.recheck_note,
  recheckedBy: personOf(row.rechecked_by, row.rechecked_name),
  recheckedAt: row.rechecked_at,
  createdBy: { id: row.created_by, displayName: row.created_name },
  createdAt: row.created_at,
  fileCount: row.file_count,
});

export function rectificationsOf(db: Db, inspectionId: number): RectificationRecord[] {
  return (db.prepare(`${rectificationSql} WHERE r.inspection_id = ? ORDER BY r.id`).all(inspectionId) as RectificationRow[]).map(toRectification);
}

export function readRectification(db: Db, id: number): (RectificationRecord & { inspectionId: number }) | undefined {
  const row = db.prepare(`${rectificationSql} WHERE r.id = ?`).get(id) as RectificationRow | undefined;
  return row && toRectification(row);
}

export function submitRectification(db: Db, id: number, closureNote: string, by: number, at: string): void {
  db.prepare(`UPDATE rectifications SET status = 'submitted', closure_note = ?, submitted_by = ?, submitted_at = ? WHERE id = ?`).run(closureNote, by, at, id);
}

/** The 复查: accepted closes the task; refused sends it back to the station with the evaluator's note. */
export function recheckRectification(db: Db, id: number, accepted: boolean, note: string, by: number, at: string): void {
  db.prepare(`UPDATE rectifications SET status = ?, recheck_note = ?, rechecked_by = ?, rechecked_at = ? WHERE id = ?`).run(accepted ? 'accepted' : 'open', note, by, at, id);
}
