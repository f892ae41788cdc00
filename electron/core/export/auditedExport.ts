import type { AuditAction } from '../../../shared/api/contract/index.js';
import type { ExportFile } from '../../../shared/api/schemas/exports.js';
import { periodLabel } from '../../../shared/domain/periods.js';
import type { AuditDetail } from '../audit/auditLog.js';
import { auditedRead } from '../access/clinicalReach.js';
import type { Session } from '../auth/sessionStore.js';
import type { Db } from '../db/driver.js';
import { readMarker } from '../repositories/settingsRepo.js';
import { readStation } from '../repositories/stationRepo.js';
import type { Vault } from '../vault.js';
import { exportTable, type Column, type Table } from './xlsxTable.js';
import type { AuditObjectType } from '../../../shared/audit/words/index.js';

export type ExportRange = Readonly<{ from: string; to: string }>;

/** What one export is: its audit action, what the row names (never content), the list's title and period. */
export type ExportRequest = Readonly<{
  action: AuditAction;
  objectType?: AuditObjectType;
  objectId?: number;
  /** Non-sensitive facts of the request (the period, whether masked); the row count is added. */
  detail?: AuditDetail;
  title: string;
  range?: ExportRange;
  /** Marks the workbook 敏感 (a named list of sensitive personal information). */
  sensitive?: boolean;
}>;

/** The list's rows and columns, read inside the audited transaction (a refusal thrown here is audited as denied). */
export type ExportContent<Row> = Readonly<{ columns: ReadonlyArray<Column<Row>>; rows: readonly Row[]; period?: string }>;

/**
 * Every export: read the rows as this user reaches them, record who exported what and how many rows (never
 * a value of them) in the same transaction, then write the workbook. A refusal is audited too.
 */
export async function auditedExport<Row>(vault: Vault, session: Session, request: ExportRequest, read: (db: Db) => ExportContent<Row>): Promise<ExportFile> {
  const range = request.range;
  const detail = { ...request.detail, ...(range ? { period: `${range.from}~${range.to}` } : {}) };
  const record = { action: request.action, objectType: request.objectType ?? null, objectId: request.objectId ?? null, detail };
  const table = auditedRead(
    vault,
    session,
    record,
    (db): Table<Row> => {
      const content = read(db);
      const period = content.period ?? (range ? periodLabel(range.from, range.to) : null);
      const heading = { station: readStation(db)?.name ?? '', title: request.title, period, demo: readMarker(db, 'demo'), sensitive: request.sensitive ?? false };
      return { heading, columns: content.columns, rows: content.rows };
    },
    (written) => ({ count: written.rows.length }),
  );
  return exportTable(table, table.heading.period);
}
