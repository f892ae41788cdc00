/**
 * The duty ledger (值班, issue 12): the 值班安排表 (roster) and the 值班记录 (log) inspectors ask for
 * (station-work-and-reporting.md §1.3: "值班安排表; 值班记录; 突发事件及时汇报"), and the month's opening hours kept
 * against them. A log is a plain duty note every staff role reads: no clinical content.
 */
import { z } from '../zod.js';
import { clockTime } from './appointments.js';
import { idSchema, isoDate } from './common.js';

/** The longest text a log field keeps: a duty note, not a session record. */
export const dutyTextMax = 1000;

const endAfterStart = { message: '结束时间须晚于开始时间。', path: ['endTime'] };
const ordered = (value: { startTime: string; endTime: string }) => value.endTime > value.startTime;
const times = { startTime: clockTime, endTime: clockTime };
const dutyText = (label: string) => z.string({ message: `${label}必须是文字。` }).trim().max(dutyTextMax, `${label}不能超过 ${dutyTextMax} 个字符。`).default('');
const count = (label: string) =>
  z.number({ message: `${label}须为数字。` }).int(`${label}须为整数。`).min(0, `${label}不能为负数。`).max(1000, `${label}不能超过 1000。`).default(0);

export const monthText = z.string({ message: '请选择月份。' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM。');

const shiftFields = z.object({
  onDutyId: idSchema,
  date: isoDate,
  ...times,
  note: z.string().trim().max(100, '备注不能超过 100 个字符。').default(''),
});
export const dutyShiftInput = shiftFields.refine(ordered, endAfterStart);
export type DutyShiftInput = z.output<typeof dutyShiftInput>;
export const dutyShiftUpdateInput = shiftFields.extend({ id: idSchema }).refine(ordered, endAfterStart);

/** One line of a weekly pattern: who is on duty on which weekday (1 = Monday), from–to. */
export const dutyPatternLine = z.object({ weekday: z.number().int().min(1, '星期应为 1–7。').max(7, '星期应为 1–7。'), onDutyId: idSchema, ...times }).refine(ordered, endAfterStart);
export type DutyPatternLine = z.output<typeof dutyPatternLine>;
export const dutyRepeatInput = z.object({
  month: monthText,
  pattern: z.array(dutyPatternLine).min(1, '请至少填写一行每周排班。').max(50, '每周排班最多 50 行。'),
  /** Holidays and closures of the station's calendar get no shift (weekends only when the pattern names them). */
  skipHolidays: z.boolean().default(true),
});
export const dutyMonthInput = z.object({ month: monthText });

const logFields = z.object({
  onDutyId: idSchema,
  date: isoDate,
  ...times,
  visitorsReceived: count('接待来访人次'),
  callsReceived: count('接听来电次数'),
  events: dutyText('值班情况'),
  incidents: dutyText('突发事件'),
  handover: dutyText('交接班事项'),
});
export const dutyLogInput = logFields.refine(ordered, endAfterStart);
export type DutyLogInput = z.output<typeof dutyLogInput>;
export const dutyLogUpdateInput = logFields.extend({ id: idSchema }).refine(ordered, endAfterStart);
export const dutyLogListInput = z
  .object({ from: isoDate, to: isoDate, onDutyId: idSchema.optional() })
  .refine((value) => value.from <= value.to, { message: '开始日期不能晚于结束日期。', path: ['to'] });

const person = z.object({ id: idSchema, displayName: z.string() });
export const dutyShift = z.object({ id: idSchema, onDuty: person, date: isoDate, startTime: z.string(), endTime: z.string(), note: z.string() });
export type DutyShift = z.infer<typeof dutyShift>;

export const dutyLog = z.object({
  id: idSchema,
  onDuty: person,
  date: isoDate,
  startTime: z.string(),
  endTime: z.string(),
  visitorsReceived: z.number().int(),
  callsReceived: z.number().int(),
  events: z.string(),
  incidents: z.string(),
  handover: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The 站长 corrects any log; everyone else their own. */
  editable: z.boolean(),
});
export type DutyLog = z.infer<typeof dutyLog>;
export const dutyLogList = z.array(dutyLog);

export const dutyDayKinds = ['normal', 'weekend', 'holiday', 'workday', 'closure'] as const;
/** One day of the month: what the calendar says it is, and its hours in minutes (union of overlapping shifts or logs). */
export const dutyDay = z.object({
  day: isoDate,
  weekday: z.number().int(),
  kind: z.enum(dutyDayKinds),
  name: z.string(),
  /** The station's opening hours (设置 → 预约 → 开放时间) for that weekday, none on a holiday or closure. */
  openingMinutes: z.number().int(),
  rosterMinutes: z.number().int(),
  actualMinutes: z.number().int(),
});
export type DutyDay = z.infer<typeof dutyDay>;
const hours = z.object({ openingMinutes: z.number().int(), rosterMinutes: z.number().int(), actualMinutes: z.number().int(), shifts: z.number().int(), logs: z.number().int() });
export const dutyMonth = z.object({ month: z.string(), from: isoDate, to: isoDate, days: z.array(dutyDay), shifts: z.array(dutyShift), totals: hours });
export type DutyMonth = z.infer<typeof dutyMonth>;
export const dutyRepeatOutput = z.object({ created: z.number().int(), skippedDays: z.array(z.object({ day: isoDate, name: z.string() })) });
