import type { ReportState } from '../../../shared/api/schemas/reports.js';
import type { Db } from '../db/driver.js';

/** A report version as stored (issue 14); JSON columns parsed by the service. */
export type StoredReportVersion = Readonly<{
  id: number;
  period: string;
  periodFrom: string;
  periodTo: string;
  version: number;
  state: ReportState;
  setId: string;
  setVersion: number;
  header: string;
  notes: string;
  correctionReason: string | null;
  figures: string | null;
  violations: string | null;
  createdAt: string;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  answeredAt: string | null;
  answerNote: string | null;
}>;

const selectVersions = `
  SELECT r.id, r.period, r.period_from AS periodFrom, r.period_to AS periodTo, r.version, r.state, r.set_id AS setId,
    r.set_version AS setVersion, r.header, r.notes, r.correction_reason AS correctionReason, r.figures, r.violations,
    r.created_at AS createdAt, r.submitted_at AS submittedAt, s.display_name AS submittedBy, r.reviewed_at AS reviewedAt,
    v.display_name AS reviewedBy, r.answered_at AS answeredAt, r.answer_note AS answerNote
  FROM report_versions r LEFT JOIN users s ON s.id = r.submitted_by LEFT JOIN users v ON v.id = r.reviewed_by`;

/** The period's newest version (its draft, or the last one submitted). */
export function latestVersion(db: Db, period: string): StoredReportVersion | undefined {
  return db.prepare(`${selectVersions} WHERE r.period = ? ORDER BY r.version DESC LIMIT 1`).get(period) as StoredReportVersion | undefined;
}

/** Every version of every period, newest period first. */
export function listVersions(db: Db): StoredReportVersion[] {
  return db.prepare(`${selectVersions} ORDER BY r.period_to DESC, r.period DESC, r.version DESC`).all() as StoredReportVersion[];
}

export type NewDraft = Readonly<{ period: string; from: string; to: string; version: number; setId: string; setVersion: number; header: string; notes: string; correctionReason: string | null }>;

export function insertDraft(db: Db, draft: NewDraft, userId: number, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO report_versions (period, period_from, period_to, version, state, set_id, set_version, header, notes, correction_reason, created_by, created_at)
         VALUES (@period, @from, @to, @version, 'draft', @setId, @setVersion, @header, @notes, @correctionReason, @userId, @at)`,
      )
      .run({ ...draft, userId, at }).lastInsertRowid,
  );
}

export function updateDraft(db: Db, id: number, header: string, notes: string): void {
  db.prepare(`UPDATE report_versions SET header = ?, notes = ? WHERE id = ? AND state = 'draft'`).run(header, notes, id);
}

/** A draft becomes 待审核 with its figures and validation results frozen. */
export function freezeDraft(db: Db, id: number, frozen: Readonly<{ figures: string; violations: string; setId: string; setVersion: number }>, userId: number, at: string): void {
  db.prepare(
    `UPDATE report_versions SET state = 'review', figures = @figures, violations = @violations, set_id = @setId, set_version = @setVersion,
       submitted_by = @userId, submitted_at = @at WHERE id = @id AND state = 'draft'`,
  ).run({ ...frozen, id, userId, at });
}

/** 待审核 → 已上报: the 站长 who made the upward file is its 审核人. */
export function markReported(db: Db, id: number, userId: number, at: string): void {
  db.prepare(`UPDATE report_versions SET state = 'reported', reviewed_by = ?, reviewed_at = ? WHERE id = ? AND state = 'review'`).run(userId, at, id);
}

/** 已上报 → 已接收 / 退回, as the 街道 answered. */
export function recordAnswer(db: Db, id: number, answer: 'received' | 'returned', note: string, at: string): void {
  db.prepare(`UPDATE report_versions SET state = ?, answer_note = ?, answered_at = ? WHERE id = ? AND state = 'reported'`).run(answer, note, at, id);
}

/** The station's signing key (made by migration 260). */
export function readStationKey(db: Db): { publicKey: string; privateKey: string; createdAt: string } {
  return db.prepare('SELECT public_key AS publicKey, private_key AS privateKey, created_at AS createdAt FROM station_key WHERE id = 1').get() as {
    publicKey: string;
    privateKey: string;
    createdAt: string;
  };
}
