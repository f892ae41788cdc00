import ExcelJS from 'exceljs';
import type { ExportFile } from '../../../shared/api/schemas/exports.js';
import type { caseFileStation } from './caseFileStation.js';

type Setup = Awaited<ReturnType<typeof caseFileStation>>;

/** The station's accounts by username: their ids for ledger rows that name staff. */
export async function userIds(setup: Setup): Promise<Record<string, number>> {
  const users = await setup.station.call(setup.station.admin, 'users.list', {});
  return Object.fromEntries(users.map((user) => [user.username, user.id]));
}

export async function auditRows(setup: Setup, action: string) {
  return (await setup.station.call(setup.station.admin, 'audit.list', { action, pageSize: 200 })).rows;
}

/** An exported ledger's title, header row and rows; dates as YYYY-MM-DD, empty cells as null. */
export async function sheetOf(file: ExportFile) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const values = (index: number) => Array.from((sheet.getRow(index).values as ExcelJS.CellValue[]).slice(1), (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null)));
  return { title: String(values(1)[0]), headers: values(2), rows: Array.from({ length: sheet.rowCount - 2 }, (_, index) => values(index + 3)) };
}
