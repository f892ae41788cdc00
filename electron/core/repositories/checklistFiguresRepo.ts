import { localDayStartUtc } from '../../../shared/domain/dates.js';
import { toMinute } from '../../../shared/domain/localTime.js';
import { ruleTemplateCodes } from '../../../shared/domain/ruleTemplates.js';
import type { Db } from '../db/driver.js';

/**
 * The counts behind the checklist's figures (issue 13), each read from the ledger or record that is its evidence.
 * `from`–`to` is the checklist's period (flows); stocks are taken on `to`.
 */
export type Period = Readonly<{ from: string; to: string }>;

const one = (db: Db, sql: string, params: Record<string, unknown>): number => (db.prepare(sql).get(params) as { n: number | null }).n ?? 0;

/** People of the people ledger working at the station on `to`, by employment (专职/兼职, or 志愿者). */
export function peopleWorking(db: Db, to: string, volunteers: boolean): number {
  return one(
    db,
    `SELECT count(*) AS n FROM people WHERE (employment = 'volunteer') = @volunteers AND joined_on <= @to AND (left_on IS NULL OR left_on > @to)`,
    { to, volunteers: volunteers ? 1 : 0 },
  );
}

/** Staff working on `to` who hold one of these qualifications, valid that day (no expiry, or not yet expired). */
export function qualifiedWorking(db: Db, to: string, kinds: readonly string[]): number {
  return one(
    db,
    `SELECT count(DISTINCT p.id) AS n FROM people p JOIN person_qualifications q ON q.person_id = p.id
     WHERE p.employment <> 'volunteer' AND p.joined_on <= @to AND (p.left_on IS NULL OR p.left_on > @to)
       AND q.kind IN (SELECT value FROM json_each(@kinds)) AND (q.expires_on IS NULL OR q.expires_on >= @to)`,
    { to, kinds: JSON.stringify(kinds) },
  );
}

/** The station's rules in force on `to` (a version adopted by then); only seed 003's eight when `managementOnly`. */
export function rulesInForce(db: Db, to: string, managementOnly: boolean): number {
  return one(
    db,
    `SELECT count(*) AS n FROM station_rules r
     WHERE EXISTS (SELECT 1 FROM rule_versions v WHERE v.rule_id = r.id AND v.adopted_on <= @to)
       AND (@managementOnly = 0 OR r.template_code IN (SELECT value FROM json_each(@codes)))`,
    { to, managementOnly: managementOnly ? 1 : 0, codes: JSON.stringify(ruleTemplateCodes) },
  );
}

/** Bookings of the period that were not cancelled. */
export function bookingsIn(db: Db, period: Period): number {
  return one(db, `SELECT count(*) AS n FROM appointments WHERE status <> 'cancelled' AND start_minute >= @from AND start_minute < @to`, {
    from: toMinute(`${period.from}T00:00`),
    to: toMinute(`${period.to}T00:00`) + 24 * 60,
  });
}

/**
 * Client files on record when the day `to` ended (merged duplicates left out). Instants are compared with the UTC
 * start of the next local day, as the report counts them: a file opened at 00:30 Beijing time is that day's, though
 * its UTC date is the day before.
 */
export function clientFilesOn(db: Db, to: string): number {
  return one(db, `SELECT count(*) AS n FROM clients WHERE merged_into IS NULL AND created_at < @toUtc`, { toUtc: localDayStartUtc(to, 1) });
}

/** Crises begun in the period's local days, and how many of them are resolved. */
export function crisesIn(db: Db, period: Period): { started: number; resolved: number } {
  return db
    .prepare(
      `SELECT count(*) AS started, coalesce(sum(status = 'resolved'), 0) AS resolved FROM crises
       WHERE started_at >= @fromUtc AND started_at < @toUtc`,
    )
    .get({ fromUtc: localDayStartUtc(period.from), toUtc: localDayStartUtc(period.to, 1) }) as { started: number; resolved: number };
}

/**
 * Follow-ups done in the period with one of these people along (网格员, 社工, 村（居）委干部: the 关爱帮扶小组). The index of
 * done follow-ups by day is named: without statistics the planner takes the one on status alone and reads them all.
 */
export function followUpsWith(db: Db, period: Period, participants: readonly string[]): number {
  return one(
    db,
    `SELECT count(*) AS n FROM follow_ups f INDEXED BY follow_ups_done WHERE f.status = 'done' AND f.done_on BETWEEN @from AND @to
       AND EXISTS (SELECT 1 FROM json_each(f.participants) p WHERE p.value IN (SELECT value FROM json_each(@participants)))`,
    { ...period, participants: JSON.stringify(participants) },
  );
}

/** Months of the period whose report went upward (已上报, or answered by the 街道), whatever version. */
export function reportsSentIn(db: Db, period: Period): number {
  return one(
    db,
    `SELECT count(DISTINCT period) AS n FROM report_versions WHERE length(period) = 7 AND period_from >= @from AND period_to <= @to AND state IN ('reported', 'received', 'returned')`,
    period,
  );
}

/** Held activities, screening visits and meetings of the period (removed entries left out). */
export function ledgerEntriesIn(db: Db, period: Period): { activities: number; visits: number; meetings: number } {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM activities WHERE status = 'done' AND removed_at IS NULL AND held_on BETWEEN @from AND @to) AS activities,
         (SELECT count(*) FROM screening_visits WHERE removed_at IS NULL AND visited_on BETWEEN @from AND @to) AS visits,
         (SELECT count(*) FROM meetings WHERE removed_at IS NULL AND held_on BETWEEN @from AND @to) AS meetings`,
    )
    .get(period) as { activities: number; visits: number; meetings: number };
}
