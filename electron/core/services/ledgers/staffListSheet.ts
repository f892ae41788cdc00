import { maxStaffRows, type Employment, type PersonInput, type QualificationInput } from '../../../../shared/api/schemas/people.js';
import { AppError } from '../../errors.js';
import { firstSheet, refuseBadRows, sheetGenders, sheetPhonePattern, sheetRows, type RowProblem, type SheetRow } from './xlsxSheet.js';

/**
 * Reading a station's existing staff list (人员名单, issue 12) into the people ledger: 姓名 and 类别 are required;
 * one qualification per row when given (a second one is added on the person's page). Any bad row refuses the sheet.
 */
export const staffListHeaders = {
  name: ['姓名'],
  gender: ['性别'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式'],
  employment: ['类别', '人员类别', '专职/兼职', '用工性质'],
  fte: ['工作量折算', '折算', 'FTE'],
  organisation: ['所在单位', '单位', '工作单位'],
  position: ['岗位/职务', '岗位', '职务'],
  joinedOn: ['到岗日期', '入职日期', '加入日期'],
  qualification: ['资质', '资质类别', '资格证书'],
  certificateNo: ['证书编号'],
  issuedOn: ['发证日期'],
  expiresOn: ['有效期至', '证书有效期'],
} as const;
type Field = keyof typeof staffListHeaders;

const employmentWords: Readonly<Record<string, Employment>> = { 专职: 'fulltime', 兼职: 'parttime', 志愿者: 'volunteer' };

export type StaffListEntry = Readonly<{ row: number; person: PersonInput; qualification: Omit<QualificationInput, 'personId'> | null }>;
export type StaffListContext = Readonly<{
  today: string;
  /** The active qualification code of a label as staff write it (心理咨询师 …). */
  qualificationCode: (label: string) => string | undefined;
  /** Whether the ledger already has this person (same name and phone). */
  known: (name: string, phone: string) => boolean;
}>;

export async function readStaffList(bytes: Buffer, context: StaffListContext): Promise<StaffListEntry[]> {
  const sheet = await firstSheet(bytes, '人员名单');
  const rows = sheetRows(sheet, staffListHeaders, 'name', '找不到“姓名”列：请在表头写明“姓名”和“类别”，或下载人员名单模板填写。');
  if (rows.length > maxStaffRows) throw new AppError('INVALID_INPUT', `人员名单最多 ${maxStaffRows} 行，这份有 ${rows.length} 行。`);
  const entries: StaffListEntry[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    // The same person twice is named even when the first of the two rows has its own problem.
    const key = `${row.text('name')}|${row.text('phone')}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, row.number);
    const read = earlier === undefined ? entryOf(row, context) : `与第 ${earlier} 行是同一人（姓名和电话相同）`;
    if (typeof read === 'string') problems.push({ row: row.number, reason: read });
    else if (context.known(read.person.name, read.person.phone)) problems.push({ row: row.number, reason: `${read.person.name} 已在人员台账中` });
    else entries.push(read);
  }
  refuseBadRows(problems, '人员名单');
  if (entries.length === 0) throw new AppError('INVALID_INPUT', '人员名单里没有人员：请在“姓名”列下填写。');
  return entries;
}

/** One row as a person (and their qualification), or why it cannot be one. */
function entryOf(row: SheetRow<Field>, context: StaffListContext): StaffListEntry | string {
  const text = (field: Field) => row.text(field);
  const name = text('name');
  if (name === '') return '姓名为空';
  if (name.length > 40) return '姓名超过 40 个字';
  if (!(text('gender') in sheetGenders)) return `性别“${text('gender')}”应为“男”或“女”（或留空）`;
  if (text('phone') !== '' && !sheetPhonePattern.test(text('phone'))) return `联系电话“${text('phone')}”格式不对`;
  const employment = employmentWords[text('employment')];
  if (!employment) return `类别“${text('employment')}”应为“专职”“兼职”或“志愿者”`;
  const fte = text('fte') === '' ? null : Number(text('fte'));
  if (employment === 'parttime' && (fte === null || !(fte >= 0.1 && fte <= 0.9))) return '兼职人员的工作量折算应为 0.1 到 0.9 之间的数';
  if (employment !== 'parttime' && fte !== null) return '只有兼职人员填写工作量折算';
  if (text('organisation').length > 60 || text('position').length > 40) return '所在单位或岗位过长';
  const dates = { joinedOn: row.date('joinedOn'), issuedOn: row.date('issuedOn'), expiresOn: row.date('expiresOn') };
  if (Object.values(dates).includes('invalid')) return '日期应写作 2024-03-01 或 2024/3/1';
  const joinedOn = dates.joinedOn ?? context.today;
  if (joinedOn > context.today) return `到岗日期 ${joinedOn} 晚于今天`;
  const person: PersonInput = { name, gender: sheetGenders[text('gender')] ?? null, phone: text('phone'), employment, fte, organisation: text('organisation'), position: text('position'), userId: null, joinedOn, leftOn: null, note: '' };
  const label = text('qualification');
  if (label === '') return { row: row.number, person, qualification: null };
  const kind = context.qualificationCode(label);
  if (!kind) return `资质“${label}”不在资质类别字典中（可在 设置 → 字典 中添加）`;
  const issuedOn = dates.issuedOn as string | null;
  const expiresOn = dates.expiresOn as string | null;
  if (issuedOn !== null && issuedOn > context.today) return `发证日期 ${issuedOn} 晚于今天`;
  if (issuedOn !== null && expiresOn !== null && expiresOn <= issuedOn) return '有效期须晚于发证日期';
  if (text('certificateNo').length > 40) return '证书编号过长';
  return { row: row.number, person, qualification: { kind, level: '', certificateNo: text('certificateNo'), issuedOn, expiresOn } };
}
