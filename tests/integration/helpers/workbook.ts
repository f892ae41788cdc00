import ExcelJS from 'exceljs';
import type { ExportFile } from '../../../shared/api/schemas/exports.js';

/** A ledger export as a station opens it: the title row, the header row, then the rows (dates as YYYY-MM-DD, empty cells as null). */
export async function readLedgerSheet(file: ExportFile) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  // Empty cells come back as holes: read them as null.
  const values = (index: number) => Array.from((sheet.getRow(index).values as ExcelJS.CellValue[]).slice(1), (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null)));
  return { title: String(values(1)[0]), headers: values(2), rows: Array.from({ length: sheet.rowCount - 2 }, (_, index) => values(index + 3)) };
}

/** A sheet as a station types it: a title row, the header, then the rows given (cells in header order), base64. */
export async function typedSheet(title: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | Date | null>>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(title);
  worksheet.addRow([title]);
  worksheet.addRow([...header]);
  for (const row of rows) worksheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
