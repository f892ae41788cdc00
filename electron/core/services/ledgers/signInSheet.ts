import ExcelJS from 'exceljs';
import { maxSignInRows, type SignInEntry, type SignInProblem } from '../../../../shared/api/schemas/signIns.js';
import { AppError } from '../../errors.js';

/**
 * Reading a sign-in sheet (签到表). Stations keep their own layouts, so columns are found by their header text,
 * in the first rows of the first sheet: 姓名 is required; 性别, 单位/社区 and 联系电话 are read when present; 序号,
 * 签名 and anything else are ignored. Blank rows are skipped. Any bad row refuses the whole sheet, each named.
 */
const headers = {
  name: ['姓名'],
  gender: ['性别'],
  unit: ['单位/社区', '单位', '社区', '单位或社区', '所在单位', '工作单位', '所在社区', '村/社区'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式'],
} as const;
type Field = keyof typeof headers;

const headerSearchRows = 5;
/** Problems listed in the refusal's message; all of them are in its details. */
const problemsInMessage = 10;

const phonePattern = /^[0-9+\-() ]{7,20}$/;
const genders: Record<string, SignInEntry['gender']> = { '': null, 男: 'male', 女: 'female' };

/** The sheet's entries, or a refusal naming every bad row (INVALID_INPUT, details.problems). */
export async function readSignInSheet(bytes: Buffer): Promise<SignInEntry[]> {
  const sheet = await firstSheet(bytes);
  const { headerRow, columns } = findColumns(sheet);
  const entries: SignInEntry[] = [];
  const problems: SignInProblem[] = [];
  const seen = new Map<string, number>();
  const lastRow = sheet.lastRow?.number ?? 0;
  for (let number = headerRow + 1; number <= lastRow; number += 1) {
    const row = sheet.getRow(number);
    const text = (field: Field) => (columns[field] === undefined ? '' : row.getCell(columns[field]).text.trim());
    const values = { name: text('name'), gender: text('gender'), unit: text('unit'), phone: text('phone') };
    if (Object.values(values).every((value) => value === '')) continue;
    const reason = problemOf(values);
    if (reason) {
      problems.push({ row: number, reason });
      continue;
    }
    const key = `${values.name}|${values.phone || values.unit}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ row: number, reason: `与第 ${earlier} 行是同一人（姓名和${values.phone ? '电话' : '单位'}相同）` });
      continue;
    }
    seen.set(key, number);
    entries.push({ row: number, name: values.name, gender: genders[values.gender] ?? null, unit: values.unit, phone: values.phone });
  }
  if (entries.length + problems.length > maxSignInRows) throw new AppError('INVALID_INPUT', `签到表最多 ${maxSignInRows} 行，这份有 ${entries.length + problems.length} 行：请分成几份分别导入。`);
  if (problems.length > 0) {
    const listed = problems.slice(0, problemsInMessage).map((problem) => `第 ${problem.row} 行：${problem.reason}`);
    const more = problems.length > problemsInMessage ? `；另有 ${problems.length - problemsInMessage} 行有问题` : '';
    throw new AppError('INVALID_INPUT', `签到表有 ${problems.length} 行无法导入，整份未导入。${listed.join('；')}${more}。`, { problems });
  }
  if (entries.length === 0) throw new AppError('INVALID_INPUT', '签到表里没有签到记录：请在“姓名”列下填写签到的人。');
  return entries;
}

function problemOf(values: Record<Field, string>): string | null {
  if (values.name === '') return '姓名为空';
  if (values.name.length > 40) return '姓名超过 40 个字';
  if (!(values.gender in genders)) return `性别“${values.gender}”应为“男”或“女”（或留空）`;
  if (values.unit.length > 60) return '单位/社区超过 60 个字';
  if (values.phone !== '' && !phonePattern.test(values.phone)) return `联系电话“${values.phone}”格式不对`;
  return null;
}

async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('INVALID_INPUT', '无法读取该文件：请选择 Excel 的 .xlsx 格式签到表（.xls 请先另存为 .xlsx）。');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('INVALID_INPUT', '该文件里没有工作表。');
  return sheet;
}

/** The header row (the first of the first rows with a 姓名 cell) and where each known column is. */
function findColumns(sheet: ExcelJS.Worksheet): { headerRow: number; columns: Partial<Record<Field, number>> } {
  for (let number = 1; number <= headerSearchRows; number += 1) {
    const columns: Partial<Record<Field, number>> = {};
    sheet.getRow(number).eachCell((cell, column) => {
      const header = cell.text.replace(/\s/g, '');
      for (const field of Object.keys(headers) as Field[]) {
        if (columns[field] === undefined && (headers[field] as readonly string[]).includes(header)) columns[field] = column;
      }
    });
    if (columns.name !== undefined) return { headerRow: number, columns };
  }
  throw new AppError('INVALID_INPUT', '找不到“姓名”列：请在表头写明“姓名”，或下载签到表模板填写。');
}
