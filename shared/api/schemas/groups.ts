/**
 * Group counselling (团体辅导, issue 12): a group's sign-ups (报名表), signed agreements (团体辅导协议书), the
 * register of each meeting and the anonymous effect-feedback forms (效果反馈调查表) — the archive a 团辅 keeps
 * (station-work-and-reporting.md §1.3). Each meeting is an activity of the activities ledger; the report's SPS05
 * (团体辅导场次/参与人次) and SPS19 (服务满意度) read the counts (reports-standards.md §3.1).
 */
import { z } from '../zod.js';
import { hourMinute, idSchema, isoDate, nameText, trimmed } from './common.js';

const wholeNumber = (label: string, min: number, max: number) =>
  z.number({ message: `${label}须为数字。` }).int(`${label}须为整数。`).min(min, `${label}不能小于 ${min}。`).max(max, `${label}不能大于 ${max}。`);
const longText = (label: string, max: number) => z.string({ message: `${label}必须是文字。` }).trim().max(max, `${label}不能超过 ${max} 个字符。`).default('');

const groupFields = z.object({
  name: nameText(1, 60, '小组名称'),
  targetGroup: trimmed(1, 60, '面向人群'),
  goals: longText('团体目标', 1000),
  location: trimmed(1, 100, '活动地点'),
  plannedSessions: wholeNumber('计划次数', 1, 30),
  capacity: wholeNumber('人数上限', 2, 40),
  leaderIds: z
    .array(idSchema)
    .min(1, '请至少选择一名带领者。')
    .max(5, '带领者最多 5 名。')
    .refine((ids) => new Set(ids).size === ids.length, { message: '带领者有重复。' }),
});
export const groupInput = groupFields;
export type GroupInput = z.output<typeof groupInput>;
export const groupUpdateInput = groupFields.extend({ id: idSchema });

export const groupListInput = z.object({ status: z.enum(['open', 'closed']).optional() });

export const memberStatuses = ['signedUp', 'admitted', 'declined', 'withdrawn'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/** A phone number as people write it: digits with optional +, spaces and dashes. */
const phone = z
  .string({ message: '联系电话必须是文字。' })
  .trim()
  .max(20, '联系电话不能超过 20 个字符。')
  .regex(/^$|^\+?[\d\s-]{5,20}$/, '联系电话只能包含数字、空格、“-”和开头的“+”。')
  .default('');

export const memberSignUpInput = z.object({
  groupId: idSchema,
  name: nameText(1, 40, '姓名'),
  gender: z.enum(['male', 'female'], { message: '请选择性别。' }).nullable().default(null),
  age: wholeNumber('年龄', 3, 120).nullable().default(null),
  phone,
  /** A known client, linked by staff who reach them; the front desk links none. */
  clientId: idSchema.nullable().default(null),
  signedUpOn: isoDate,
  /** 报名原因/希望解决的问题: clinical text, encrypted; never shown to the front desk. */
  motive: longText('报名原因', 500),
});
export type MemberSignUpInput = z.output<typeof memberSignUpInput>;

/** 入组: the member signed the group agreement (团体辅导协议书) on that day. */
export const memberAdmitInput = z.object({ memberId: idSchema, agreementSignedOn: isoDate });
/** 未入组 (a sign-up not taken) or 退出 (an admitted member who left), with the day and why. */
export const memberLeaveInput = z.object({ memberId: idSchema, on: isoDate, reason: trimmed(2, 200, '原因') });

const sessionFields = z.object({
  date: isoDate,
  startTime: hourMinute,
  endTime: hourMinute,
  theme: nameText(1, 100, '本次主题'),
  /** Empty: the group's usual place. */
  location: z.string().trim().max(100, '活动地点不能超过 100 个字符。').default(''),
});
const endAfterStart = { message: '结束时间须晚于开始时间。', path: ['endTime'] };
export const sessionRemoveInput = z.object({ activityId: idSchema, reason: trimmed(2, 200, '删除原因') });
export const sessionInput = sessionFields.extend({ groupId: idSchema }).refine((value) => value.endTime > value.startTime, endAfterStart);
export type SessionInput = z.output<typeof sessionInput>;
export const sessionUpdateInput = sessionFields.extend({ activityId: idSchema }).refine((value) => value.endTime > value.startTime, endAfterStart);
export const sessionIdInput = z.object({ activityId: idSchema });

export const attendanceStatuses = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceInput = z.object({
  activityId: idSchema,
  attendance: z
    .array(z.object({ memberId: idSchema, status: z.enum(attendanceStatuses, { message: '请为每位组员选择出席、请假或缺席。' }) }))
    .min(1, '请登记组员的出席情况。')
    .max(40, '出席名单过长。')
    .refine((rows) => new Set(rows.map((row) => row.memberId)).size === rows.length, { message: '出席名单中有重复的组员。' }),
  summary: z.string().trim().max(2000, '活动小结不能超过 2000 个字符。').optional(),
});

const rating = (label: string) => wholeNumber(label, 1, 5);
/** The four questions of the effect-feedback form (效果反馈调查表), answered anonymously after a meeting. */
export const feedbackInput = z.object({
  activityId: idSchema,
  satisfaction: rating('总体满意度'),
  helpfulness: rating('对自己的帮助'),
  atmosphere: rating('团体氛围'),
  recommend: z.boolean({ message: '请选择是否愿意推荐他人参加。' }),
  comment: longText('意见和建议', 300),
});
export type FeedbackInput = z.output<typeof feedbackInput>;

const person = z.object({ id: idSchema, displayName: z.string() });
export const groupMember = z.object({
  id: idSchema,
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  age: z.number().int().nullable(),
  /** Empty for counsellors who do not lead the group. */
  phone: z.string(),
  /** The linked client, for those who reach them; null otherwise or when none is linked. */
  client: z.object({ id: idSchema, name: z.string() }).nullable(),
  signedUpOn: isoDate,
  /** Null for the front desk and counsellors who do not lead the group. */
  motive: z.string().nullable(),
  status: z.enum(memberStatuses),
  agreementSignedOn: isoDate.nullable(),
  leftOn: isoDate.nullable(),
  leftReason: z.string().nullable(),
});
export type GroupMember = z.infer<typeof groupMember>;

/** Averages of a meeting's feedback forms (null without forms); `satisfied` counts forms rating satisfaction 4 or 5. */
const feedbackSummary = z.object({
  forms: z.number().int(),
  satisfied: z.number().int(),
  satisfaction: z.number().nullable(),
  helpfulness: z.number().nullable(),
  atmosphere: z.number().nullable(),
  recommend: z.number().int(),
});
export type FeedbackSummary = z.infer<typeof feedbackSummary>;

export const groupSession = z.object({
  activityId: idSchema,
  /** 第 N 次, counted by date among the group's meetings. */
  number: z.number().int(),
  date: isoDate,
  startTime: z.string(),
  endTime: z.string(),
  theme: z.string(),
  location: z.string(),
  status: z.enum(['planned', 'done']),
  present: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
  feedback: feedbackSummary,
});
export type GroupSession = z.infer<typeof groupSession>;

export const groupSummary = z.object({
  id: idSchema,
  name: z.string(),
  targetGroup: z.string(),
  status: z.enum(['open', 'closed']),
  leaders: z.array(person),
  plannedSessions: z.number().int(),
  sessionsHeld: z.number().int(),
  capacity: z.number().int(),
  admitted: z.number().int(),
  waiting: z.number().int(),
  firstDate: isoDate.nullable(),
  lastDate: isoDate.nullable(),
  /** The 站长 or a leader: may edit, admit, hold meetings and record their registers and forms. */
  editable: z.boolean(),
});
export type GroupSummary = z.infer<typeof groupSummary>;
export const groupList = z.array(groupSummary);

export const groupRecord = groupSummary.extend({
  goals: z.string(),
  location: z.string(),
  members: z.array(groupMember),
  sessions: z.array(groupSession),
  attendance: z.array(z.object({ activityId: idSchema, memberId: idSchema, status: z.enum(attendanceStatuses) })),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupRecord = z.infer<typeof groupRecord>;

export const feedbackEntry = z.object({
  id: idSchema,
  satisfaction: z.number().int(),
  helpfulness: z.number().int(),
  atmosphere: z.number().int(),
  recommend: z.boolean(),
  comment: z.string(),
  enteredAt: z.string(),
});
export const feedbackList = z.array(feedbackEntry);

/** A period's group work (SPS05, SPS19): meetings held, 人次 present, people who came, and the forms' verdict. */
export const groupCountsInput = z.object({ from: isoDate, to: isoDate }).refine((value) => value.from <= value.to, { message: '开始日期不能晚于结束日期。', path: ['to'] });
export const groupCounts = z.object({
  from: isoDate,
  to: isoDate,
  groups: z.number().int(),
  sessions: z.number().int(),
  attendances: z.number().int(),
  members: z.number().int(),
  feedback: feedbackSummary,
});
export type GroupCounts = z.infer<typeof groupCounts>;
