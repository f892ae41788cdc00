/**
 * The meetings ledger (会议记录, issue 12): 领导小组会议, 联席会议, 个案研讨, 督导, 工作例会 … with who attended, the
 * agenda, the minutes and the decisions each with its owner and due date. Inspectors read 会议纪要/会议记录 as the
 * evidence of a station's working mechanism (station-work-and-reporting.md §1 "查看会议纪要或会议记录"); seed 003
 * 附件3 asks for a 领导小组会议 at least every half year.
 */
import { z } from '../zod.js';
import { hourMinute, idSchema, isoDate, trimmed } from './common.js';

export const meetingMinutesMax = 5000;
export const meetingAgendaMax = 1000;

const kindCode = z.string({ message: '请选择会议类型。' }).trim().min(1, '请选择会议类型。').max(40, '会议类型代码过长。');
const uniqueIds = z
  .array(idSchema)
  .max(40, '参会人员最多 40 人。')
  .refine((ids) => new Set(ids).size === ids.length, { message: '参会人员有重复。' })
  .refine((ids) => ids.length > 0, { message: '请至少选择一名参会的本站人员。' });

export const meetingDecisionInput = z.object({
  text: trimmed(1, 300, '决议事项'),
  responsibleId: z.number({ message: '请选择决议负责人。' }).int().positive('请选择决议负责人。'),
  dueOn: isoDate,
  done: z.boolean().default(false),
});

const meetingFields = z.object({
  kind: kindCode,
  date: isoDate,
  startTime: hourMinute,
  endTime: hourMinute,
  location: trimmed(1, 100, '会议地点'),
  staffIds: uniqueIds,
  /** Outside units and persons, free text ("街道综治办 张主任"). */
  outsideAttendees: z.array(trimmed(1, 60, '外单位参会人员')).max(40, '外单位参会人员最多 40 项。').default([]),
  agenda: trimmed(1, meetingAgendaMax, '会议议程'),
  /** Clinical text (encrypted): empty while the meeting is planned. */
  minutes: z.string({ message: '会议纪要必须是文字。' }).trim().max(meetingMinutesMax, `会议纪要不能超过 ${meetingMinutesMax} 个字符。`).default(''),
  decisions: z.array(meetingDecisionInput).max(30, '决议事项最多 30 项。').default([]),
  /** The case a 个案研讨 discusses; only then may the minutes name its client. */
  caseId: idSchema.nullable().default(null),
});

type Fields = z.output<typeof meetingFields>;
/** The rules between fields; the ones needing the clock or the database (planned meetings, names, staff) are core's. */
const fieldRules = <S extends z.ZodType<Fields>>(schema: S) =>
  schema
    .refine((value) => value.endTime > value.startTime, { message: '结束时间须晚于开始时间。', path: ['endTime'] })
    .superRefine((value, context) => {
      value.decisions.forEach((decision, index) => {
        if (decision.dueOn < value.date) context.addIssue({ code: 'custom', message: `第 ${index + 1} 项决议的完成期限不能早于会议日期。`, path: ['decisions', index, 'dueOn'] });
      });
    });

export const meetingInput = fieldRules(meetingFields);
export type MeetingInput = z.output<typeof meetingInput>;
export const meetingUpdateInput = fieldRules(meetingFields.extend({ id: idSchema }));
export const meetingRemoveInput = z.object({ id: idSchema, reason: trimmed(2, 200, '删除原因') });

export const meetingListInput = z
  .object({ from: isoDate, to: isoDate, kind: z.string().max(40).optional() })
  .refine((value) => value.from <= value.to, { message: '开始日期不能晚于结束日期。', path: ['to'] });

const person = z.object({ id: idSchema, displayName: z.string() });
export const meetingDecision = z.object({ id: idSchema, text: z.string(), responsible: person, dueOn: isoDate, done: z.boolean() });
export type MeetingDecision = z.infer<typeof meetingDecision>;

/** Why a reader gets a meeting without its minutes and decisions. */
export const meetingHiddenReasons = ['reception', 'case'] as const;
export type MeetingHiddenReason = (typeof meetingHiddenReasons)[number];

export const meetingRecord = z.object({
  id: idSchema,
  kind: z.string(),
  date: isoDate,
  startTime: z.string(),
  endTime: z.string(),
  location: z.string(),
  staff: z.array(person),
  outsideAttendees: z.array(z.string()),
  agenda: z.string(),
  /** Planned: dated after today, no minutes yet. */
  planned: z.boolean(),
  minutesRecorded: z.boolean(),
  decisionCount: z.number().int(),
  decisionsOpen: z.number().int(),
  /** Null in lists, and where `hidden` says why this reader may not read them. */
  minutes: z.string().nullable(),
  decisions: z.array(meetingDecision).nullable(),
  hidden: z.enum(meetingHiddenReasons).nullable(),
  /** The linked case; null when none or when this reader does not reach it (then `caseHidden`). */
  case: z.object({ id: idSchema, clientName: z.string() }).nullable(),
  caseHidden: z.boolean(),
  recordedBy: person,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The 站长, or a counsellor who attended (and reaches the linked case). */
  editable: z.boolean(),
});
export type MeetingRecord = z.infer<typeof meetingRecord>;
export const meetingList = z.array(meetingRecord);
