import ExcelJS from 'exceljs';
import type { ExportFile } from '../../../shared/api/schemas/exports.js';
import { wallClockAsUtc } from '../../../shared/domain/dates.js';

/**
 * One table per workbook, as every list a station is asked for looks: a title row naming the station and
 * the period (and 演示数据 for the demo station), a frozen header row of Chinese column names, then the rows.
 * Ledgers and reports build on the same description.
 */
export type CellType = 'text' | 'number' | 'date' | 'dateTime';
export type CellValue = string | number | null;

export type Column<Row> = Readonly<{
  header: string;
  /** In characters, as Excel counts them (a Chinese character is about two). */
  width: number;
  type: CellType;
  /** text: any string; number: a number; date: YYYY-MM-DD; dateTime: an ISO instant, shown in the station's time. */
  value: (row: Row) => CellValue;
}>;

export type TableHeading = Readonly<{
  /** The station's name, from its profile. */
  station: string;
  /** What the list is: 来访者名单, 咨询记录 … (also the sheet's name). */
  title: string;
  /** The period's name (2026年11月), or null for a list without one. */
  period: string | null;
  demo: boolean;
  /** A named list of sensitive personal information: 敏感 in its title and on every printed page. */
  sensitive?: boolean;
}>;

export type Table<Row> = Readonly<{ heading: TableHeading; columns: ReadonlyArray<Column<Row>>; rows: readonly Row[] }>;

const numberFormats: Record<CellType, string | undefined> = { text: '@', number: undefined, date: 'yyyy-mm-dd', dateTime: 'yyyy-mm-dd hh:mm' };

/** Excel stores wall-clock serials: a day or the station's local time as the same digits in UTC. */
function excelDate(type: 'date' | 'dateTime', value: string): Date {
  if (type === 'date') return new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return wallClockAsUtc(new Date(value));
}

function cellValue(type: CellType, value: CellValue): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (type === 'date' || type === 'dateTime') return excelDate(type, String(value));
  return value;
}

export function titleOf(heading: TableHeading): string {
  return [heading.station, heading.title, heading.period].filter(Boolean).join(' · ') + (heading.demo ? '（演示数据）' : '') + (heading.sensitive ? '（敏感）' : '');
}

/** Sheet names may not hold []:*?/\\ and are at most 31 characters. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** A table's header row: bold on the light blue every list of the app uses, ruled below. */
export function addHeaderRow(sheet: ExcelJS.Worksheet, names: readonly string[]): ExcelJS.Row {
  const header = sheet.addRow([...names]);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  return header;
}

/** A sheet of a report workbook: A4 fitted to the page width, its column widths in characters. */
export function addA4Sheet(workbook: ExcelJS.Workbook, name: string, widths: readonly number[], orientation: 'portrait' | 'landscape', frozenRows = 0): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(name), {
    ...(frozenRows > 0 ? { views: [{ state: 'frozen' as const, ySplit: frozenRows }] } : {}),
    pageSetup: { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

/** The workbook's bytes. */
export async function writeTable<Row>(table: Table<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '心驿';
  const sheet = workbook.addWorksheet(sheetName(table.heading.title), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }],
  });
  sheet.columns = table.columns.map((column) => ({ width: column.width, style: { numFmt: numberFormats[column.type] ?? 'General' } }));
  if (table.heading.sensitive) {
    const mark = '&C&"-,Bold"敏感信息 · 仅限指定用途，不得转发或公开';
    sheet.headerFooter = { oddHeader: mark, evenHeader: mark, oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' };
  }
  const title = sheet.addRow([titleOf(table.heading)]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(1, table.columns.length));
  addHeaderRow(sheet, table.columns.map((column) => column.header));
  for (const row of table.rows) sheet.addRow(table.columns.map((column) => cellValue(column.type, column.value(row))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The file name a save dialog proposes: 来访者名单_2026-11.xlsx; characters Windows refuses are replaced. */
export function exportFileName(title: string, period: string | null, extension = 'xlsx'): string {
  return `${[title, period].filter(Boolean).join('_')}.${extension}`.replace(/[<>:"/\\|?*\s]+/g, '_');
}

/** A table written, as the contract answers it. */
export async function exportTable<Row>(table: Table<Row>, period: string | null): Promise<ExportFile> {
  const bytes = await writeTable(table);
  return { fileName: exportFileName(table.heading.title, period), dataBase64: bytes.toString('base64'), rows: table.rows.length };
}
