/**
 * The hotline / phone consultation ledger (热线/电话咨询登记, issue 12). Each call is one row of the evidence the
 * 心理援助热线技术指南 asks for ("制定热线电话登记、处理记录及评估表格，保存期限至少3年"; station-work-and-reporting.md §1)
 * and the source of the 热线工作报表 figures (§2.1: 高度危机/困难/反复来电数, 来电问题类型).
 */
import { z } from '../zod.js';
import { hourMinute, idSchema, isoDate, removeInput } from './common.js';

/** 疏导/转介/报警/120/转本站个案 (issue 12): what the person on the line did, a fixed list the report counts by. */
export const callOutcomes = ['counselled', 'referred', 'police', 'ambulance', 'station_case'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/** The longest note a call keeps: a short summary, not a session record. */
export const callNoteMax = 1000;

const code = (label: string) => z.string({ message: `请选择${label}。` }).trim().min(1, `请选择${label}。`).max(40, `${label}代码过长。`);

const callFields = z.object({
  date: isoDate,
  startTime: hourMinute,
  durationMinutes: z
    .number({ message: '通话时长须为数字。' })
    .int('通话时长须为整数分钟。')
    .min(1, '通话时长至少 1 分钟。')
    .max(600, '通话时长不能超过 600 分钟。'),
  /** The staff member who took the call. */
  takenBy: idSchema,
  callerType: code('来电者类型'),
  problemType: code('问题类型'),
  highRisk: z.boolean().default(false),
  difficult: z.boolean().default(false),
  repeatCaller: z.boolean().default(false),
  outcome: z.enum(callOutcomes, { message: '请选择处理方式（疏导、转介、报警、120 或转本站个案）。' }),
  /** Clinical content: encrypted, never shown to reception. */
  note: z.string({ message: '通话摘要必须是文字。' }).trim().max(callNoteMax, `通话摘要不能超过 ${callNoteMax} 个字符。`).default(''),
  clientId: idSchema.nullable().default(null),
});

export const callInput = callFields;
export type CallInput = z.output<typeof callInput>;
export const callUpdateInput = callFields.extend({ id: idSchema });
export const callRemoveInput = removeInput;
export const callOpenCrisisInput = z.object({ id: idSchema, location: z.string().trim().max(100, '地点不能超过 100 个字符。').default('') });

const rangeRule = { message: '开始日期不能晚于结束日期。', path: ['to'] };
/** `clientId`: one client's calls (the client page), refused to whoever does not reach that client. */
export const callListInput = z
  .object({ from: isoDate, to: isoDate, problemType: z.string().max(40).optional(), highRisk: z.boolean().optional(), clientId: idSchema.optional() })
  .refine((value) => value.from <= value.to, rangeRule);
export const callCountsInput = z.object({ from: isoDate, to: isoDate }).refine((value) => value.from <= value.to, rangeRule);

export const callRecord = z.object({
  id: idSchema,
  date: isoDate,
  startTime: z.string(),
  durationMinutes: z.number().int(),
  takenBy: z.object({ id: idSchema, displayName: z.string() }),
  callerType: z.string(),
  problemType: z.string(),
  highRisk: z.boolean(),
  difficult: z.boolean(),
  repeatCaller: z.boolean(),
  outcome: z.enum(callOutcomes),
  /** Null when this user may not read it (reception; a counsellor on a call someone else took), and in lists. */
  note: z.string().nullable(),
  /** The linked client; null when none, or when this user does not reach them (then `clientHidden`). */
  client: z.object({ id: idSchema, name: z.string() }).nullable(),
  clientHidden: z.boolean(),
  /** The crisis record opened from this call, if any. */
  crisisId: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Whether this user may edit it (the 站长, or the counsellor who took it). */
  editable: z.boolean(),
});
export type CallRecord = z.infer<typeof callRecord>;
export const callList = z.array(callRecord);

const countRow = z.object({ code: z.string(), label: z.string(), calls: z.number().int() });
/** A period's calls counted for the 热线工作报表 (station-work-and-reporting.md §2.1). */
export const callCounts = z.object({
  from: isoDate,
  to: isoDate,
  byProblemType: z.array(countRow),
  byOutcome: z.array(countRow),
  total: z.object({ calls: z.number().int(), minutes: z.number().int(), highRisk: z.number().int(), difficult: z.number().int(), repeatCaller: z.number().int() }),
});
export type CallCounts = z.infer<typeof callCounts>;
