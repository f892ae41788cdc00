import type { MeetingInput } from '../../../shared/api/schemas/meetings.js';
import type { Db } from '../db/driver.js';
import { decryptText, encryptText, nextRowId } from './clinicalFields.js';

type Person = { id: number; displayName: string };

/** A stored decision, its text still encrypted. */
export type StoredDecision = Readonly<{ id: number; sealedText: string; responsible: Person; dueOn: string; done: boolean }>;

/** A meeting as stored, minutes and decisions still encrypted: the service decides who may open them. */
export type StoredMeeting = Readonly<{
  id: number;
  kind: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  staff: Person[];
  outsideAttendees: string[];
  agenda: string;
  sealedMinutes: string;
  decisions: StoredDecision[];
  caseId: number | null;
  caseClientName: string | null;
  recordedBy: Person;
  createdAt: string;
  updatedAt: string;
}>;

export type MeetingFilter = Readonly<{ from: string; to: string; kind?: string | undefined }>;

type Row = {
  id: number;
  kind: string;
  held_on: string;
  start_time: string;
  end_time: string;
  location: string;
  outside_attendees: string;
  agenda: string;
  minutes: string;
  case_id: number | null;
  case_client_name: string | null;
  created_by: number;
  recorder_name: string;
  created_at: string;
  updated_at: string;
  staff: string;
  decisions: string;
};

const selectMeetings = `
  SELECT m.*, u.display_name AS recorder_name, cl.name AS case_client_name,
    (SELECT json_group_array(json_object('id', id, 'displayName', display_name)) FROM (SELECT su.id, su.display_name FROM meeting_staff s
       JOIN users su ON su.id = s.user_id WHERE s.meeting_id = m.id ORDER BY su.id)) AS staff,
    (SELECT json_group_array(json_object('id', id, 'sealedText', text, 'responsible', json_object('id', responsible_id, 'displayName', display_name), 'dueOn', due_on, 'done', json(iif(done, 'true', 'false'))))
       FROM (SELECT d.id, d.text, d.responsible_id, ru.display_name, d.due_on, d.done FROM meeting_decisions d
       JOIN users ru ON ru.id = d.responsible_id WHERE d.meeting_id = m.id ORDER BY d.position)) AS decisions
  FROM meetings m JOIN users u ON u.id = m.created_by
    LEFT JOIN cases ca ON ca.id = m.case_id LEFT JOIN clients cl ON cl.id = ca.client_id`;

function toMeeting(row: Row): StoredMeeting {
  return {
    id: row.id,
    kind: row.kind,
    date: row.held_on,
    startTime: row.start_time,
    endTime: row.end_time,
    location: row.location,
    staff: JSON.parse(row.staff) as Person[],
    outsideAttendees: JSON.parse(row.outside_attendees) as string[],
    agenda: row.agenda,
    sealedMinutes: row.minutes,
    decisions: JSON.parse(row.decisions) as StoredDecision[],
    caseId: row.case_id,
    caseClientName: row.case_client_name,
    recordedBy: { id: row.created_by, displayName: row.recorder_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The minutes in plain text; only for a session that holds the clinical key (the service checks who may read them). */
export function openMinutes(db: Db, meeting: StoredMeeting): string {
  return decryptText(db, 'meetings', 'minutes', meeting.id, meeting.sealedMinutes);
}

export function openDecisionText(db: Db, decision: StoredDecision): string {
  return decryptText(db, 'meeting_decisions', 'text', decision.id, decision.sealedText);
}

export function readMeeting(db: Db, id: number): StoredMeeting | undefined {
  const row = db.prepare(`${selectMeetings} WHERE m.id = ? AND m.removed_at IS NULL`).get(id) as Row | undefined;
  return row && toMeeting(row);
}

/** A period's meetings, oldest first, of one kind when given (served by meetings_by_day). */
export function listMeetings(db: Db, filter: MeetingFilter): StoredMeeting[] {
  const rows = db
    .prepare(
      `${selectMeetings}
       WHERE m.held_on BETWEEN @from AND @to AND m.removed_at IS NULL AND (@kind IS NULL OR m.kind = @kind)
       ORDER BY m.held_on, m.start_time, m.id`,
    )
    .all({ from: filter.from, to: filter.to, kind: filter.kind ?? null }) as Row[];
  return rows.map(toMeeting);
}

const columnParams = (meeting: MeetingInput) => ({
  kind: meeting.kind,
  heldOn: meeting.date,
  startTime: meeting.startTime,
  endTime: meeting.endTime,
  location: meeting.location,
  outside: JSON.stringify(meeting.outsideAttendees),
  agenda: meeting.agenda,
  caseId: meeting.caseId,
});

/** The attendees and decisions, replaced as a whole (each decision's text encrypted to its new row). */
function replaceChildren(db: Db, id: number, meeting: MeetingInput): void {
  db.prepare('DELETE FROM meeting_staff WHERE meeting_id = ?').run(id);
  db.prepare('DELETE FROM meeting_decisions WHERE meeting_id = ?').run(id);
  const staff = db.prepare('INSERT INTO meeting_staff (meeting_id, user_id) VALUES (?, ?)');
  for (const userId of meeting.staffIds) staff.run(id, userId);
  const decision = db.prepare('INSERT INTO meeting_decisions (id, meeting_id, position, text, responsible_id, due_on, done) VALUES (?, ?, ?, ?, ?, ?, ?)');
  meeting.decisions.forEach((item, position) => {
    const decisionId = nextRowId(db, 'meeting_decisions');
    decision.run(decisionId, id, position, encryptText(db, 'meeting_decisions', 'text', decisionId, item.text), item.responsibleId, item.dueOn, item.done ? 1 : 0);
  });
}

export function insertMeeting(db: Db, meeting: MeetingInput, createdBy: number, at: string): number {
  const id = nextRowId(db, 'meetings');
  db.prepare(
    `INSERT INTO meetings (id, kind, held_on, start_time, end_time, location, outside_attendees, agenda, minutes, case_id, created_by, created_at, updated_at)
     VALUES (@id, @kind, @heldOn, @startTime, @endTime, @location, @outside, @agenda, @minutes, @caseId, @createdBy, @at, @at)`,
  ).run({ ...columnParams(meeting), id, minutes: encryptText(db, 'meetings', 'minutes', id, meeting.minutes), createdBy, at });
  replaceChildren(db, id, meeting);
  return id;
}

export function updateMeeting(db: Db, id: number, meeting: MeetingInput, at: string): void {
  db.prepare(
    `UPDATE meetings SET kind = @kind, held_on = @heldOn, start_time = @startTime, end_time = @endTime, location = @location,
       outside_attendees = @outside, agenda = @agenda, minutes = @minutes, case_id = @caseId, updated_at = @at
     WHERE id = @id`,
  ).run({ ...columnParams(meeting), id, minutes: encryptText(db, 'meetings', 'minutes', id, meeting.minutes), at });
  replaceChildren(db, id, meeting);
}

/** Removed, its minutes and decisions erased: the ledger keeps who removed the row and why. */
export function removeMeeting(db: Db, id: number, removedBy: number, reason: string, at: string): void {
  db.prepare("UPDATE meetings SET minutes = '', removed_at = ?, removed_by = ?, removed_reason = ? WHERE id = ?").run(at, removedBy, reason, id);
  db.prepare('DELETE FROM meeting_decisions WHERE meeting_id = ?').run(id);
}

/** Registered clients (not merged away) whose full name appears in these texts: two characters or more, not also a staff account's name. */
export function clientNamesIn(db: Db, texts: readonly string[]): string[] {
  const joined = texts.join('\n');
  if (joined.trim() === '') return [];
  const rows = db
    .prepare(`SELECT DISTINCT name FROM clients WHERE merged_into IS NULL AND length(name) >= 2 AND instr(@joined, name) > 0
         AND name NOT IN (SELECT display_name FROM users) ORDER BY name`)
    .all({ joined }) as Array<{ name: string }>;
  return rows.map((row) => row.name);
}
