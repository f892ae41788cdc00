import { maxSignInRows, type SignInEntry } from '../../../../shared/api/schemas/signIns.js';
import { AppError } from '../../errors.js';
import { firstSheet, refuseBadRows, sheetGenders, sheetPhonePattern, sheetRows, type RowProblem } from './xlsxSheet.js';

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

/** The sheet's entries, or a refusal naming every bad row (INVALID_INPUT, details.problems). */
export async function readSignInSheet(bytes: Buffer): Promise<SignInEntry[]> {
  const sheet = await firstSheet(bytes, '签到表');
  const rows = sheetRows(sheet, headers, 'name', '找不到“姓名”列：请在表头写明“姓名”，或下载签到表模板填写。');
  if (rows.length > maxSignInRows) throw new AppError('INVALID_INPUT', `签到表最多 ${maxSignInRows} 行，这份有 ${rows.length} 行：请分成几份分别导入。`);
  const entries: SignInEntry[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const values = { name: row.text('name'), gender: row.text('gender'), unit: row.text('unit'), phone: row.text('phone') };
    const reason = problemOf(values);
    if (reason) {
      problems.push({ row: row.number, reason });
      continue;
    }
    const key = `${values.name}|${values.phone || values.unit}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ row: row.number, reason: `与第 ${earlier} 行是同一人（姓名和${values.phone ? '电话' : '单位'}相同）` });
      continue;
    }
    seen.set(key, row.number);
    entries.push({ row: row.number, name: values.name, gender: sheetGenders[values.gender] ?? null, unit: values.unit, phone: values.phone });
  }
  refuseBadRows(problems, '签到表');
  if (entries.length === 0) throw new AppError('INVALID_INPUT', '签到表里没有签到记录：请在“姓名”列下填写签到的人。');
  return entries;
}

function problemOf(values: Record<Field, string>): string | null {
  if (values.name === '') return '姓名为空';
  if (values.name.length > 40) return '姓名超过 40 个字';
  if (!(values.gender in sheetGenders)) return `性别“${values.gender}”应为“男”或“女”（或留空）`;
  if (values.unit.length > 60) return '单位/社区超过 60 个字';
  if (values.phone !== '' && !sheetPhonePattern.test(values.phone)) return `联系电话“${values.phone}”格式不对`;
  return null;
}
