import type { RiskLevel } from '../../../shared/api/schemas/clients.js';
import type { Db } from '../db/driver.js';
import { historyReachSql, visibleClause, type CaseAccess } from './casesRepo.js';

/**
 * The lists a station exports (DESIGN.md §5): plain columns only. Clinical text (notes, findings, answers,
 * comments) stays in the database; a list names who, when, how and the score, not what was said.
 */

export type ClientExportRow = {
  id: number;
  name: string;
  gender: 'male' | 'female' | 'unknown';
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  community: string;
  grid: string;
  source: string;
  riskLevel: RiskLevel | null;
  createdAt: string;
  /** Population-tag codes, comma-separated. */
  tags: string;
};

export function clientRegister(db: Db, tag: string | undefined): ClientExportRow[] {
  return db
    .prepare(
      `SELECT cl.id, cl.name, cl.gender, cl.birth_date AS birthDate, cl.id_number AS idNumber, cl.phone, cl.community, cl.grid,
         cl.source, cl.risk_level AS riskLevel, cl.created_at AS createdAt,
         coalesce((SELECT group_concat(t.tag, ',') FROM (SELECT tag FROM client_tags WHERE client_id = cl.id ORDER BY tag) t), '') AS tags
       FROM clients cl
       WHERE cl.merged_into IS NULL AND (@tag IS NULL OR cl.id IN (SELECT client_id FROM client_tags WHERE tag = @tag))
       ORDER BY cl.id`,
    )
    .all({ tag: tag ?? null }) as ClientExportRow[];
}

export type SessionExportRow = {
  heldOn: string;
  startTime: string;
  durationMinutes: number;
  modality: string;
  kind: string;
  caseId: number;
  clientName: string;
  counsellorName: string;
  /** Problem-category codes of the case, comma-separated. */
  problems: string;
  signedAt: string | null;
};

/** Sessions held in the period, of the cases this user reaches (their own and shared; the 站长 all). */
export function sessionsInPeriod(db: Db, access: CaseAccess, from: string, to: string): SessionExportRow[] {
  return db
    .prepare(
      `SELECT s.held_on AS heldOn, s.start_time AS startTime, s.duration_minutes AS durationMinutes, s.modality, s.kind,
         c.id AS caseId, cl.name AS clientName, u.display_name AS counsellorName, s.signed_at AS signedAt,
         coalesce((SELECT group_concat(p.category, ',') FROM (SELECT category FROM case_problems WHERE case_id = c.id ORDER BY category) p), '') AS problems
       FROM counselling_sessions s JOIN cases c ON c.id = s.case_id JOIN clients cl ON cl.id = c.client_id JOIN users u ON u.id = s.counsellor_id
       WHERE s.held_on BETWEEN @from AND @to AND ${visibleClause}
       ORDER BY s.held_on, s.start_time, s.id`,
    )
    .all({ from, to, userId: access.userId, seesAll: access.seesAll ? 1 : 0 }) as SessionExportRow[];
}

export type FollowUpExportRow = {
  clientId: number;
  clientName: string;
  level: RiskLevel;
  dueOn: string;
  status: 'due' | 'done' | 'cancelled';
  doneOn: string | null;
  method: string | null;
  reassessedLevel: RiskLevel | null;
};

/**
 * Follow-ups due or done in the period, of clients whose cases this user reaches (null = the 站长);
 * the caller narrows them further by each client's history (clinicalReach.ts).
 */
export function followUpsInPeriod(db: Db, userId: number | null, from: string, to: string): FollowUpExportRow[] {
  return db
    .prepare(
      `SELECT f.client_id AS clientId, cl.name AS clientName, f.level, f.due_on AS dueOn, f.status, f.done_on AS doneOn, f.method,
         f.reassessed_level AS reassessedLevel
       FROM follow_ups f JOIN clients cl ON cl.id = f.client_id
       WHERE (f.due_on BETWEEN @from AND @to OR f.done_on BETWEEN @from AND @to)
         AND (@userId IS NULL OR f.client_id IN (SELECT c.client_id FROM cases c WHERE ${visibleClause}))
       ORDER BY f.due_on, f.id`,
    )
    .all({ from, to, userId, seesAll: 0 }) as FollowUpExportRow[];
}

export type ResultExportRow = {
  completedAt: string;
  scaleId: string;
  version: number;
  clientName: string | null;
  respondent: string;
  total: number | null;
  bandId: string | null;
  critical: 0 | 1;
  via: 'counsellor' | 'kiosk';
  administeredBy: string | null;
  screeningName: string | null;
};

/**
 * Results completed in the period (station days) that this user reaches (null = the 站长): a client's
 * results within the reach of their history; anonymous ones unless they belong to a colleague's screening.
 */
export function resultsInPeriod(db: Db, userId: number | null, from: string, to: string, scaleId: string | undefined): ResultExportRow[] {
  return db
    .prepare(
      `SELECT r.completed_at AS completedAt, r.scale_id AS scaleId, r.scale_version AS version, cl.name AS clientName, r.respondent,
         r.total, r.band_id AS bandId, r.critical, r.via, u.display_name AS administeredBy, sc.name AS screeningName
       FROM scale_results r LEFT JOIN clients cl ON cl.id = r.client_id LEFT JOIN users u ON u.id = r.administered_by
         LEFT JOIN screening_results sr ON sr.result_id = r.id LEFT JOIN screening_participants sp ON sp.id = sr.participant_id
         LEFT JOIN screenings sc ON sc.id = sp.screening_id
       WHERE date(r.completed_at, 'localtime') BETWEEN @from AND @to AND (@scaleId IS NULL OR r.scale_id = @scaleId)
         AND (CASE WHEN r.client_id IS NULL THEN @userId IS NULL OR sc.id IS NULL OR sc.created_by = @userId
              ELSE ${historyReachSql('r.client_id', "date(r.completed_at, 'localtime')")} END)
       ORDER BY r.completed_at, r.id`,
    )
    .all({ from, to, userId, scaleId: scaleId ?? null }) as ResultExportRow[];
}

export type ScreeningExportRow = {
  code: string;
  rosterName: string;
  scaleId: string | null;
  version: number | null;
  total: number | null;
  bandId: string | null;
  critical: 0 | 1 | null;
  completedAt: string | null;
};

/** Every participant of a screening with each result given under their code (one row without a result when none). */
export function screeningParticipantResults(db: Db, screeningId: number): ScreeningExportRow[] {
  return db
    .prepare(
      `SELECT p.code, p.roster_name AS rosterName, r.scale_id AS scaleId, r.scale_version AS version, r.total, r.band_id AS bandId,
         r.critical, r.completed_at AS completedAt
       FROM screening_participants p LEFT JOIN screening_results sr ON sr.participant_id = p.id LEFT JOIN scale_results r ON r.id = sr.result_id
       WHERE p.screening_id = ? ORDER BY p.id, r.id`,
    )
    .all(screeningId) as ScreeningExportRow[];
}

export function screeningName(db: Db, screeningId: number): string | undefined {
  return (db.prepare('SELECT name FROM screenings WHERE id = ?').get(screeningId) as { name: string } | undefined)?.name;
}
