import ExcelJS from 'exceljs';
import { AppError } from '../../errors.js';

/**
 * Reading a sheet a station filled in Excel (签到表, 人员名单). Stations keep their own layouts, so columns are found
 * by their header text in the first rows of the first sheet; a bad row refuses the whole sheet, each named by its
 * Excel row number, so nothing is ever imported in part.
 */
export type HeaderNames<F extends string> = Readonly<Record<F, readonly string[]>>;
export type RowProblem = Readonly<{ row: number; reason: string }>;
export type SheetRow<F extends string> = Readonly<{ number: number; text: (field: F) => string; date: (field: F) => string | null | 'invalid' }>;

/** How sheets write a gender and a phone number (blank: not given). */
export const sheetGenders: Readonly<Record<string, 'male' | 'female' | null>> = { '': null, 男: 'male', 女: 'female' };
export const sheetPhonePattern = /^[0-9+\-() ]{7,20}$/;

const headerSearchRows = 5;
/** Problems listed in the refusal's message; all of them are in its details. */
const problemsInMessage = 10;

/** The first worksheet, or a refusal saying the file is not a readable .xlsx (`what`: 签到表, 人员名单 …). */
export async function firstSheet(bytes: Buffer, what: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('INVALID_INPUT', `无法读取该文件：请选择 Excel 的 .xlsx 格式${what}（.xls 请先另存为 .xlsx）。`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('INVALID_INPUT', '该文件里没有工作表。');
  return sheet;
}

/** Each non-blank row below the header row (the first of the first rows naming `required`), read by header. */
export function sheetRows<F extends string>(sheet: ExcelJS.Worksheet, headers: HeaderNames<F>, required: NoInfer<F>, missing: string): Array<SheetRow<F>> {
  const { headerRow, columns } = findColumns(sheet, headers, required, missing);
  const fields = Object.keys(headers) as F[];
  const rows: Array<SheetRow<F>> = [];
  const lastRow = sheet.lastRow?.number ?? 0;
  for (let number = headerRow + 1; number <= lastRow; number += 1) {
    const row = sheet.getRow(number);
    const cell = (field: F) => (columns[field] === undefined ? undefined : row.getCell(columns[field]));
    const text = (field: F) => cell(field)?.text.trim() ?? '';
    if (fields.every((field) => text(field) === '')) continue;
    rows.push({ number, text, date: (field) => dateOf(cell(field)) });
  }
  return rows;
}

/** The refusal naming every bad row, when there is one. */
export function refuseBadRows(problems: readonly RowProblem[], what: string): void {
  if (problems.length === 0) return;
  const listed = problems.slice(0, problemsInMessage).map((problem) => `第 ${problem.row} 行：${problem.reason}`);
  const more = problems.length > problemsInMessage ? `；另有 ${problems.length - problemsInMessage} 行有问题` : '';
  throw new AppError('INVALID_INPUT', `${what}有 ${problems.length} 行无法导入，整份未导入。${listed.join('；')}${more}。`, { problems });
}

/** A date cell as YYYY-MM-DD: Excel dates, or text written 2024-03-01, 2024/3/1 or 2024.3.1; null when empty. */
function dateOf(cell: ExcelJS.Cell | undefined): string | null | 'invalid' {
  if (!cell) return null;
  const value = cell.value;
  // Excel keeps a date as a day count; exceljs gives it as a UTC midnight.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString().slice(0, 10);
  const text = cell.text.trim();
  if (text === '') return null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!match) return 'invalid';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'invalid';
  return date.toISOString().slice(0, 10);
}

function findColumns<F extends string>(sheet: ExcelJS.Worksheet, headers: HeaderNames<F>, required: F, missing: string) {
  for (let number = 1; number <= headerSearchRows; number += 1) {
    const columns: Partial<Record<F, number>> = {};
    sheet.getRow(number).eachCell((cell, column) => {
      const header = cell.text.replace(/\s/g, '');
      for (const field of Object.keys(headers) as F[]) {
        if (columns[field] === undefined && headers[field].includes(header)) columns[field] = column;
      }
    });
    if (columns[required] !== undefined) return { headerRow: number, columns };
  }
  throw new AppError('INVALID_INPUT', missing);
}
