/**
 * The people ledger (人员台账, issue 12): everyone who works for the station, with or without an account. Inspectors
 * ask for 辅导人员名单（资质） beside the 排班表 (station-work-and-reporting.md §1.3 "人员"), seed 003 asks for "一名
 * 工作人员" and "一个团队支撑服务", and the periodic report counts 专职/兼职 staff, their qualifications and the
 * training and supervision they received (reports-standards.md §2.3).
 */
import { z } from '../zod.js';
import { idSchema, isoDate, nameText, trimmed } from './common.js';

/** 专职 / 兼职 / 志愿者: the report counts each; a part-timer's share of a full post is their FTE. */
export const employments = ['fulltime', 'parttime', 'volunteer'] as const;
export type Employment = (typeof employments)[number];
export const trainingKinds = ['training', 'supervision'] as const;
export type TrainingKind = (typeof trainingKinds)[number];

/** A qualification shows in the reminders this many days before it expires. */
export const expiryReminderDays = 60;
/** A staff list of 500 people is about 40 KB; the limit keeps one call under the host's 1 MiB body. */
export const maxStaffSheetBytes = 700 * 1024;
export const maxStaffRows = 500;

const phone = z.string({ message: '联系电话必须是文字。' }).trim().regex(/^([0-9+\-() ]{7,20})?$/, '联系电话格式不对（7–20 位数字，可含 + - 括号和空格）。');
const optionalText = (max: number, label: string) => z.string({ message: `${label}必须是文字。` }).trim().max(max, `${label}不能超过 ${max} 个字符。`).default('');
const code = (label: string) => z.string({ message: `请选择${label}。` }).trim().min(1, `请选择${label}。`).max(40, `${label}代码过长。`);
const hours = (label: string) => z.number({ message: `${label}须为数字。` }).positive(`${label}须大于 0。`).max(1000, `${label}不能超过 1000 小时。`);

const personFields = z.object({
  name: nameText(1, 40, '姓名'),
  gender: z.enum(['male', 'female'], { message: '性别应为男或女。' }).nullable().default(null),
  phone: phone.default(''),
  employment: z.enum(employments, { message: '请选择人员类别（专职、兼职或志愿者）。' }),
  /** A part-timer's share of a full post (0.1–0.9); a full-timer counts 1 and a volunteer none. */
  fte: z.number({ message: '工作量折算须为数字。' }).min(0.1, '兼职人员的工作量折算在 0.1 到 0.9 之间。').max(0.9, '兼职人员的工作量折算在 0.1 到 0.9 之间。').nullable().default(null),
  organisation: optionalText(60, '所在单位'),
  position: optionalText(40, '岗位/职务'),
  /** The login this person works with, if any (one person per account). */
  userId: idSchema.nullable().default(null),
  joinedOn: isoDate,
  leftOn: isoDate.nullable().default(null),
  note: optionalText(500, '备注'),
});
type PersonFields = z.output<typeof personFields>;
const personRules = <S extends z.ZodType<PersonFields>>(schema: S) =>
  schema
    .refine((value) => (value.employment === 'parttime') === (value.fte !== null), { message: '兼职人员须填写工作量折算（0.1–0.9），专职和志愿者不填。', path: ['fte'] })
    .refine((value) => value.leftOn === null || value.leftOn >= value.joinedOn, { message: '离岗日期不能早于到岗日期。', path: ['leftOn'] });

export const personInput = personRules(personFields);
export type PersonInput = z.output<typeof personInput>;
export const personUpdateInput = personRules(personFields.extend({ id: idSchema }));

export const qualificationInput = z
  .object({
    personId: idSchema,
    /** Absent: a new qualification; present: the one to change. */
    id: idSchema.optional(),
    kind: code('资质类别'),
    level: optionalText(20, '等级'),
    certificateNo: optionalText(40, '证书编号'),
    issuedOn: isoDate.nullable().default(null),
    /** Null: does not expire. */
    expiresOn: isoDate.nullable().default(null),
  })
  .refine((value) => value.issuedOn === null || value.expiresOn === null || value.expiresOn > value.issuedOn, { message: '有效期须晚于发证日期。', path: ['expiresOn'] });
export type QualificationInput = z.output<typeof qualificationInput>;

export const trainingInput = z.object({
  personId: idSchema,
  kind: z.enum(trainingKinds, { message: '请选择培训或督导。' }),
  date: isoDate,
  topic: trimmed(1, 100, '主题'),
  provider: optionalText(60, '组织单位/督导师'),
  hours: hours('学时'),
});
export type TrainingInput = z.output<typeof trainingInput>;

export const serviceHoursInput = z.object({
  personId: idSchema,
  date: isoDate,
  hours: hours('服务时长'),
  /** The activity served, when it was one (活动台账). */
  activityId: idSchema.nullable().default(null),
  note: optionalText(200, '服务内容'),
});
export type ServiceHoursInput = z.output<typeof serviceHoursInput>;

export const peopleListInput = z.object({
  status: z.enum(['active', 'left', 'all']).default('active'),
  employment: z.enum(employments).optional(),
});

export const qualificationRecord = z.object({
  id: idSchema,
  kind: z.string(),
  level: z.string(),
  certificateNo: z.string(),
  issuedOn: isoDate.nullable(),
  expiresOn: isoDate.nullable(),
  /** Scans of the certificate kept (encrypted attachments). */
  scans: z.number().int(),
});
export const trainingRecord = z.object({ id: idSchema, kind: z.enum(trainingKinds), date: isoDate, topic: z.string(), provider: z.string(), hours: z.number() });
export const serviceHoursRecord = z.object({
  id: idSchema,
  date: isoDate,
  hours: z.number(),
  activity: z.object({ id: idSchema, theme: z.string() }).nullable(),
  note: z.string(),
});

const personBase = z.object({
  id: idSchema,
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  phone: z.string(),
  employment: z.enum(employments),
  fte: z.number().nullable(),
  organisation: z.string(),
  position: z.string(),
  user: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  joinedOn: isoDate,
  leftOn: isoDate.nullable(),
  note: z.string(),
});
export const personSummary = personBase.extend({
  qualifications: z.array(z.object({ kind: z.string(), level: z.string(), expiresOn: isoDate.nullable() })),
  /** The earliest expiry among this person's qualifications, if any expire. */
  nextExpiry: isoDate.nullable(),
});
export type PersonSummary = z.infer<typeof personSummary>;
export const personList = z.array(personSummary);
export const personRecord = personBase.extend({
  qualifications: z.array(qualificationRecord),
  trainings: z.array(trainingRecord),
  serviceHours: z.array(serviceHoursRecord),
});
export type PersonRecord = z.infer<typeof personRecord>;

/** A qualification of someone still working here that expires within the reminder window, or has expired. */
export const expiringQualification = z.object({
  personId: idSchema,
  personName: z.string(),
  qualificationId: idSchema,
  kind: z.string(),
  expiresOn: isoDate,
  daysLeft: z.number().int(),
});
export const expiringList = z.array(expiringQualification);

const periodRule = { message: '开始日期不能晚于结束日期。', path: ['to'] };
export const peopleCountsInput = z.object({ from: isoDate, to: isoDate }).refine((value) => value.from <= value.to, periodRule);
/** A period's team figures for the periodic report: who worked here in it, what they hold, what they received. */
export const peopleCounts = z.object({
  from: isoDate,
  to: isoDate,
  fulltime: z.number().int(),
  parttime: z.number().int(),
  volunteers: z.number().int(),
  /** Full-time equivalents: full-timers count 1, part-timers their share. */
  fte: z.number(),
  /** People holding each qualification kind (valid on the period's last day). */
  byQualification: z.array(z.object({ code: z.string(), label: z.string(), people: z.number().int() })),
  trainingHours: z.number(),
  supervisionHours: z.number(),
  volunteerHours: z.number(),
});
export type PeopleCounts = z.infer<typeof peopleCounts>;

export const staffImportInput = z.object({
  dataBase64: z
    .string()
    .min(1, '请选择人员名单文件。')
    .max(Math.ceil(maxStaffSheetBytes / 3) * 4, `人员名单文件过大（最大 ${maxStaffSheetBytes / 1024} KB）：请删去多余的工作表或图片后再导入。`),
});
export const staffImportOutput = z.object({ imported: z.number().int() });
