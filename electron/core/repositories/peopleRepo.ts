import type { Employment, PeopleCounts, PersonInput, QualificationInput, ServiceHoursInput, TrainingInput, TrainingKind } from '../../../shared/api/schemas/people.js';
import type { Db } from '../db/driver.js';

/** A person as stored; their qualifications, trainings and hours are read separately (the list needs only a summary). */
export type StoredPerson = Readonly<{
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  phone: string;
  employment: Employment;
  fte: number | null;
  organisation: string;
  position: string;
  user: { id: number; displayName: string } | null;
  joinedOn: string;
  leftOn: string | null;
  note: string;
}>;
export type StoredQualification = Readonly<{ id: number; personId: number; kind: string; level: string; certificateNo: string; issuedOn: string | null; expiresOn: string | null; scans: number }>;
export type StoredTraining = Readonly<{ id: number; personId: number; kind: TrainingKind; date: string; topic: string; provider: string; hours: number }>;
export type StoredServiceHours = Readonly<{ id: number; personId: number; date: string; hours: number; activity: { id: number; theme: string } | null; note: string }>;
export type PeopleFilter = Readonly<{ status: 'active' | 'left' | 'all'; employment?: Employment | undefined; today: string }>;

type PersonRow = {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  phone: string;
  employment: Employment;
  fte: number | null;
  organisation: string;
  position: string;
  user_id: number | null;
  user_name: string | null;
  joined_on: string;
  left_on: string | null;
  note: string;
};

const selectPeople = 'SELECT p.*, u.display_name AS user_name FROM people p LEFT JOIN users u ON u.id = p.user_id';

const toPerson = (row: PersonRow): StoredPerson => ({
  id: row.id,
  name: row.name,
  gender: row.gender,
  phone: row.phone,
  employment: row.employment,
  fte: row.fte,
  organisation: row.organisation,
  position: row.position,
  user: row.user_id === null ? null : { id: row.user_id, displayName: row.user_name ?? '' },
  joinedOn: row.joined_on,
  leftOn: row.left_on,
  note: row.note,
});

export function readPerson(db: Db, id: number): StoredPerson | undefined {
  const row = db.prepare(`${selectPeople} WHERE p.id = ?`).get(id) as PersonRow | undefined;
  return row && toPerson(row);
}

/** Someone still works here on `today` when they have not left by then. */
export function listPeople(db: Db, filter: PeopleFilter): StoredPerson[] {
  const rows = db
    .prepare(
      `${selectPeople}
       WHERE (@status = 'all' OR (@status = 'active') = (p.left_on IS NULL OR p.left_on >= @today))
         AND (@employment IS NULL OR p.employment = @employment)
       ORDER BY CASE p.employment WHEN 'fulltime' THEN 0 WHEN 'parttime' THEN 1 ELSE 2 END, p.joined_on, p.id`,
    )
    .all({ status: filter.status, employment: filter.employment ?? null, today: filter.today }) as PersonRow[];
  return rows.map(toPerson);
}

/** The person with this name and phone (how a staff list names someone), or with this account. */
export function findPerson(db: Db, match: Readonly<{ name: string; phone: string }> | Readonly<{ userId: number }>): number | undefined {
  const row = ('userId' in match
    ? db.prepare('SELECT id FROM people WHERE user_id = ?').get(match.userId)
    : db.prepare('SELECT id FROM people WHERE name = ? AND phone = ?').get(match.name, match.phone)) as { id: number } | undefined;
  return row?.id;
}

const personParams = (person: PersonInput) => ({
  name: person.name,
  gender: person.gender,
  phone: person.phone,
  employment: person.employment,
  fte: person.fte,
  organisation: person.organisation,
  position: person.position,
  userId: person.userId,
  joinedOn: person.joinedOn,
  leftOn: person.leftOn,
  note: person.note,
});

export function insertPerson(db: Db, person: PersonInput, at: string): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO people (name, gender, phone, employment, fte, organisation, position, user_id, joined_on, left_on, note, created_at, updated_at)
       VALUES (@name, @gender, @phone, @employment, @fte, @organisation, @position, @userId, @joinedOn, @leftOn, @note, @at, @at)`,
    )
    .run({ ...personParams(person), at });
  return Number(lastInsertRowid);
}

export function updatePerson(db: Db, id: number, person: PersonInput, at: string): void {
  db.prepare(
    `UPDATE people SET name = @name, gender = @gender, phone = @phone, employment = @employment, fte = @fte, organisation = @organisation,
       position = @position, user_id = @userId, joined_on = @joinedOn, left_on = @leftOn, note = @note, updated_at = @at WHERE id = @id`,
  ).run({ ...personParams(person), id, at });
}

type QualificationRow = { id: number; person_id: number; kind: string; level: string; certificate_no: string; issued_on: string | null; expires_on: string | null; scans: number };
const selectQualifications = `
  SELECT q.*, (SELECT count(*) FROM attachments a WHERE a.owner_type = 'qualification' AND a.owner_id = q.id) AS scans
  FROM person_qualifications q`;
const toQualification = (row: QualificationRow): StoredQualification => ({
  id: row.id,
  personId: row.person_id,
  kind: row.kind,
  level: row.level,
  certificateNo: row.certificate_no,
  issuedOn: row.issued_on,
  expiresOn: row.expires_on,
  scans: row.scans,
});

/** Every listed person's qualifications in one query (earliest expiry first). */
export function qualificationsOf(db: Db, personIds: readonly number[]): StoredQualification[] {
  if (personIds.length === 0) return [];
  const rows = db
    .prepare(`${selectQualifications} WHERE q.person_id IN (SELECT value FROM json_each(?)) ORDER BY q.expires_on IS NULL, q.expires_on, q.id`)
    .all(JSON.stringify(personIds)) as QualificationRow[];
  return rows.map(toQualification);
}

export function readQualification(db: Db, id: number): StoredQualification | undefined {
  const row = db.prepare(`${selectQualifications} WHERE q.id = ?`).get(id) as QualificationRow | undefined;
  return row && toQualification(row);
}

export function saveQualification(db: Db, qualification: QualificationInput): number {
  const params = {
    personId: qualification.personId,
    kind: qualification.kind,
    level: qualification.level,
    certificateNo: qualification.certificateNo,
    issuedOn: qualification.issuedOn,
    expiresOn: qualification.expiresOn,
  };
  if (qualification.id !== undefined) {
    db.prepare(
      'UPDATE person_qualifications SET kind = @kind, level = @level, certificate_no = @certificateNo, issued_on = @issuedOn, expires_on = @expiresOn WHERE id = @id',
    ).run({ ...params, id: qualification.id });
    return qualification.id;
  }
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO person_qualifications (person_id, kind, level, certificate_no, issued_on, expires_on)
       VALUES (@personId, @kind, @level, @certificateNo, @issuedOn, @expiresOn)`,
    )
    .run(params);
  return Number(lastInsertRowid);
}

export function removeQualification(db: Db, id: number): void {
  db.prepare('DELETE FROM person_qualifications WHERE id = ?').run(id);
}

type TrainingRow = { id: number; person_id: number; kind: TrainingKind; held_on: string; topic: string; provider: string; hours: number };
const toTraining = (row: TrainingRow): StoredTraining => ({ id: row.id, personId: row.person_id, kind: row.kind, date: row.held_on, topic: row.topic, provider: row.provider, hours: row.hours });

export function trainingsOf(db: Db, personId: number): StoredTraining[] {
  return (db.prepare('SELECT * FROM person_trainings WHERE person_id = ? ORDER BY held_on DESC, id DESC').all(personId) as TrainingRow[]).map(toTraining);
}

export function readTraining(db: Db, id: number): StoredTraining | undefined {
  const row = db.prepare('SELECT * FROM person_trainings WHERE id = ?').get(id) as TrainingRow | undefined;
  return row && toTraining(row);
}

export function insertTraining(db: Db, training: TrainingInput): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO person_trainings (person_id, kind, held_on, topic, provider, hours) VALUES (@personId, @kind, @date, @topic, @provider, @hours)')
    .run(training);
  return Number(lastInsertRowid);
}

export function removeTraining(db: Db, id: number): void {
  db.prepare('DELETE FROM person_trainings WHERE id = ?').run(id);
}

type HoursRow = { id: number; person_id: number; served_on: string; hours: number; activity_id: number | null; activity_theme: string | null; note: string };
const selectHours = 'SELECT h.*, a.theme AS activity_theme FROM volunteer_service_hours h LEFT JOIN activities a ON a.id = h.activity_id';
const toHours = (row: HoursRow): StoredServiceHours => ({
  id: row.id,
  personId: row.person_id,
  date: row.served_on,
  hours: row.hours,
  activity: row.activity_id === null ? null : { id: row.activity_id, theme: row.activity_theme ?? '' },
  note: row.note,
});

export function serviceHoursOf(db: Db, personId: number): StoredServiceHours[] {
  return (db.prepare(`${selectHours} WHERE h.person_id = ? ORDER BY h.served_on DESC, h.id DESC`).all(personId) as HoursRow[]).map(toHours);
}

export function readServiceHours(db: Db, id: number): StoredServiceHours | undefined {
  const row = db.prepare(`${selectHours} WHERE h.id = ?`).get(id) as HoursRow | undefined;
  return row && toHours(row);
}

export function insertServiceHours(db: Db, entry: ServiceHoursInput): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO volunteer_service_hours (person_id, served_on, hours, activity_id, note) VALUES (@personId, @date, @hours, @activityId, @note)')
    .run(entry);
  return Number(lastInsertRowid);
}

export function removeServiceHours(db: Db, id: number): void {
  db.prepare('DELETE FROM volunteer_service_hours WHERE id = ?').run(id);
}

/** Qualifications of people still working on `today` that expire on or before `until` (expired ones too). */
export function expiringQualifications(db: Db, today: string, until: string): Array<{ personId: number; personName: string; qualificationId: number; kind: string; expiresOn: string }> {
  return db
    .prepare(
      `SELECT p.id AS personId, p.name AS personName, q.id AS qualificationId, q.kind, q.expires_on AS expiresOn
       FROM person_qualifications q JOIN people p ON p.id = q.person_id
       WHERE q.expires_on IS NOT NULL AND q.expires_on <= @until AND (p.left_on IS NULL OR p.left_on >= @today)
       ORDER BY q.expires_on, p.id`,
    )
    .all({ today, until }) as Array<{ personId: number; personName: string; qualificationId: number; kind: string; expiresOn: string }>;
}

/** Each person's hours in a period, summed in SQL (the export's columns): training, supervision, volunteer service. */
export function hoursByPerson(db: Db, from: string, to: string): Map<number, { training: number; supervision: number; service: number }> {
  const rows = db
    .prepare(
      `SELECT person_id AS id, sum(CASE WHEN kind = 'training' THEN hours ELSE 0 END) AS training, sum(CASE WHEN kind = 'supervision' THEN hours ELSE 0 END) AS supervision, 0 AS service
         FROM person_trainings WHERE held_on BETWEEN @from AND @to GROUP BY person_id
       UNION ALL
       SELECT person_id, 0, 0, sum(hours) FROM volunteer_service_hours WHERE served_on BETWEEN @from AND @to GROUP BY person_id`,
    )
    .all({ from, to }) as Array<{ id: number; training: number; supervision: number; service: number }>;
  const hours = new Map<number, { training: number; supervision: number; service: number }>();
  for (const row of rows) {
    const sum = hours.get(row.id) ?? { training: 0, supervision: 0, service: 0 };
    hours.set(row.id, { training: sum.training + row.training, supervision: sum.supervision + row.supervision, service: sum.service + row.service });
  }
  return hours;
}

/**
 * A period's team in figures: who worked here at any time in it, full-time equivalents, who held each
 * qualification on its last day, and the hours of training, supervision and volunteer service in it.
 */
export function peopleCounts(db: Db, from: string, to: string, labelOf: (code: string) => string): PeopleCounts {
  const inPeriod = 'p.joined_on <= @to AND (p.left_on IS NULL OR p.left_on >= @from)';
  const team = db
    .prepare(
      `SELECT count(*) FILTER (WHERE employment = 'fulltime') AS fulltime, count(*) FILTER (WHERE employment = 'parttime') AS parttime,
         count(*) FILTER (WHERE employment = 'volunteer') AS volunteers,
         coalesce(sum(CASE employment WHEN 'fulltime' THEN 1.0 WHEN 'parttime' THEN fte ELSE 0 END), 0) AS fte
       FROM people p WHERE ${inPeriod}`,
    )
    .get({ from, to }) as { fulltime: number; parttime: number; volunteers: number; fte: number };
  const qualified = db
    .prepare(
      `SELECT q.kind AS code, count(DISTINCT q.person_id) AS people FROM person_qualifications q JOIN people p ON p.id = q.person_id
       WHERE ${inPeriod} AND (q.issued_on IS NULL OR q.issued_on <= @to) AND (q.expires_on IS NULL OR q.expires_on >= @to)
       GROUP BY q.kind ORDER BY people DESC, q.kind`,
    )
    .all({ from, to }) as Array<{ code: string; people: number }>;
  const trained = db
    .prepare(
      `SELECT coalesce(sum(hours) FILTER (WHERE kind = 'training'), 0) AS training, coalesce(sum(hours) FILTER (WHERE kind = 'supervision'), 0) AS supervision
       FROM person_trainings WHERE held_on BETWEEN @from AND @to`,
    )
    .get({ from, to }) as { training: number; supervision: number };
  const served = db.prepare('SELECT coalesce(sum(hours), 0) AS hours FROM volunteer_service_hours WHERE served_on BETWEEN @from AND @to').get({ from, to }) as { hours: number };
  return {
    from,
    to,
    ...team,
    fte: Math.round(team.fte * 10) / 10,
    byQualification: qualified.map((row) => ({ ...row, label: labelOf(row.code) })),
    trainingHours: trained.training,
    supervisionHours: trained.supervision,
    volunteerHours: served.hours,
  };
}
