import type { Db } from '../db/driver.js';

/** A version of the district's own report upward, as made (issue 14): the signed file and what it added up. */
export type StoredDistrictReport = Readonly<{
  id: number;
  period: string;
  version: number;
  correctionReason: string | null;
  /** The received versions it added up (JSON of `ReportSource[]`), to tell whether a later make would differ. */
  sources: string;
  package: string;
  sha256: string;
  madeBy: string;
  madeAt: string;
}>;
export type NewDistrictReport = Omit<StoredDistrictReport, 'id' | 'madeBy'>;

const selectReports = `SELECT r.id, r.period, r.version, r.correction_reason AS correctionReason, r.sources, r.package, r.sha256, u.display_name AS madeBy, r.made_at AS madeAt
  FROM district_reports r JOIN users u ON u.id = r.made_by`;

/** Every version made for a period, oldest first. */
export function districtReportVersions(db: Db, period: string): StoredDistrictReport[] {
  return db.prepare(`${selectReports} WHERE r.period = ? ORDER BY r.version`).all(period) as StoredDistrictReport[];
}

export function latestDistrictReport(db: Db, period: string): StoredDistrictReport | undefined {
  return db.prepare(`${selectReports} WHERE r.period = ? ORDER BY r.version DESC LIMIT 1`).get(period) as StoredDistrictReport | undefined;
}

export function insertDistrictReport(db: Db, report: NewDistrictReport, userId: number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO district_reports (period, version, correction_reason, sources, package, sha256, made_by, made_at)
         VALUES (@period, @version, @correctionReason, @sources, @package, @sha256, @userId, @madeAt)`,
      )
      .run({ ...report, userId }).lastInsertRowid,
  );
}
