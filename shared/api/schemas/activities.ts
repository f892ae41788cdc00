/**
 * The activities ledger (活动台账, issue 12): one record per 讲座, 团体辅导, 咨询台, 宣传 … as the evidence an
 * inspector reads and the periodic report counts. The outputs are the figures real county tallies report
 * (station-work-and-reporting.md §1.3 "活动 (宣传)": 横幅, 咨询台, 进村入户, 宣传单/折页); activities are counted
 * in 场次 and 人次 (reports-standards.md §2.3).
 */
import { z } from '../zod.js';
import { hourMinute, idSchema, isoDate, nameText, removeInput, trimmed } from './common.js';

export const activityStatuses = ['planned', 'done'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

const count = (label: string) => z.number({ message: `${label}须为数字。` }).int(`${label}须为整数。`).min(0, `${label}不能为负数。`).max(10_000_000, `${label}过大。`);
const code = z.string().trim().min(1).max(40);
const uniqueList = <T extends z.ZodType<string | number>>(item: T, max: number, label: string) =>
  z
    .array(item)
    .max(max, `${label}最多 ${max} 项。`)
    .refine((values) => new Set(values).size === values.length, { message: `${label}有重复项。` });

/** 资料份数, 横幅/展板, 咨询台, 入户数, online reach (an estimate unless counted by the platform). */
export const activityOutputs = z.object({
  materials: count('资料份数').default(0),
  displays: count('横幅/展板数').default(0),
  consultDesk: z.boolean().default(false),
  householdVisits: count('入户数').default(0),
  onlineReach: count('线上覆盖人次').nullable().default(null),
  onlineReachEstimated: z.boolean().default(false),
});
export type ActivityOutputs = z.output<typeof activityOutputs>;

const activityFields = z.object({
  type: code,
  outreachTargets: uniqueList(code, 10, '“五进”对象').default([]),
  theme: nameText(1, 100, '活动主题'),
  date: isoDate,
  startTime: hourMinute,
  endTime: hourMinute,
  location: trimmed(1, 100, '活动地点'),
  partnerUnits: uniqueList(trimmed(1, 60, '合作单位'), 20, '合作单位').default([]),
  staffIds: uniqueList(idSchema, 30, '工作人员').refine((ids) => ids.length > 0, { message: '请至少选择一名开展活动的工作人员。' }),
  volunteers: uniqueList(trimmed(1, 40, '志愿者/外请人员姓名'), 50, '志愿者/外请人员').default([]),
  /** Null while planned (unknown yet); marking done needs it. */
  participantCount: count('参与人数').nullable().default(null),
  /** Known clients who took part; the count includes them. */
  rosterClientIds: uniqueList(idSchema, 500, '参与来访者名单').default([]),
  outputs: activityOutputs.default({ materials: 0, displays: 0, consultDesk: false, householdVisits: 0, onlineReach: null, onlineReachEstimated: false }),
  summary: z.string().trim().max(2000, '活动小结不能超过 2000 个字符。').default(''),
  status: z.enum(activityStatuses, { message: '请选择活动状态（计划中或已开展）。' }).default('planned'),
});

type Fields = z.output<typeof activityFields>;
/** The rules between fields; the ones needing the clock or the database (future date, codes, roster) are core's. */
const fieldRules = <S extends z.ZodType<Fields>>(schema: S) =>
  schema
    .refine((value) => value.endTime > value.startTime, { message: '结束时间须晚于开始时间。', path: ['endTime'] })
    .refine((value) => value.status === 'planned' || value.participantCount !== null, { message: '已开展的活动须填写参与人数。', path: ['participantCount'] })
    .refine((value) => value.participantCount === null || value.participantCount >= value.rosterClientIds.length, {
      message: '参与人数不能少于名单中的来访者人数。',
      path: ['participantCount'],
    })
    .refine((value) => value.outputs.onlineReach !== null || !value.outputs.onlineReachEstimated, { message: '未填写线上覆盖人次时不能标为估算。', path: ['outputs', 'onlineReachEstimated'] });

export const activityInput = fieldRules(activityFields);
export type ActivityInput = z.output<typeof activityInput>;
export const activityUpdateInput = fieldRules(activityFields.extend({ id: idSchema }));

export const activityMarkDoneInput = z.object({ id: idSchema, participantCount: count('参与人数'), summary: z.string().trim().max(2000, '活动小结不能超过 2000 个字符。').optional() });
export const activityRemoveInput = removeInput;

const dayRange = { from: isoDate, to: isoDate };
const rangeRule = { message: '开始日期不能晚于结束日期。', path: ['to'] };
export const activityListInput = z
  .object({
    ...dayRange,
    type: code.optional(),
    outreachTarget: code.optional(),
    status: z.enum(activityStatuses).optional(),
  })
  .refine((value) => value.from <= value.to, rangeRule);
export const activityCountsInput = z.object(dayRange).refine((value) => value.from <= value.to, rangeRule);

const rosterEntry = z.object({ clientId: idSchema, name: z.string() });
export const activityRecord = z.object({
  id: idSchema,
  type: z.string(),
  outreachTargets: z.array(z.string()),
  theme: z.string(),
  date: isoDate,
  startTime: z.string(),
  endTime: z.string(),
  location: z.string(),
  partnerUnits: z.array(z.string()),
  staff: z.array(z.object({ id: idSchema, displayName: z.string() })),
  volunteers: z.array(z.string()),
  participantCount: z.number().int().nullable(),
  /** Null for a role that never sees client names (reception); else the clients this user reaches and how many others. */
  roster: z.object({ shown: z.array(rosterEntry), hidden: z.number().int() }).nullable(),
  /** Residents on its imported sign-in sheet (签到表, activities.signIns lists them). */
  signInCount: z.number().int(),
  outputs: activityOutputs,
  summary: z.string(),
  status: z.enum(activityStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Whether this user may edit it (the 站长, or a counsellor listed as its staff). */
  editable: z.boolean(),
  /** The counselling group it is a meeting of: edited, registered and removed on the group's page. */
  group: z.object({ id: idSchema, name: z.string() }).nullable(),
});
export type ActivityRecord = z.infer<typeof activityRecord>;
export const activityList = z.array(activityRecord);

/** Done activities of a period: 场次 and 人次, by type and by "五进" target (an activity with two targets counts in each). */
const countRow = z.object({ code: z.string(), label: z.string(), activities: z.number().int(), participants: z.number().int() });
export const activityCounts = z.object({
  from: isoDate,
  to: isoDate,
  byType: z.array(countRow),
  byOutreachTarget: z.array(countRow),
  total: z.object({
    activities: z.number().int(),
    participants: z.number().int(),
    materials: z.number().int(),
    displays: z.number().int(),
    consultDesks: z.number().int(),
    householdVisits: z.number().int(),
    onlineReach: z.number().int(),
    /** Whether any online reach in the total is an estimate. */
    onlineReachEstimated: z.boolean(),
  }),
  planned: z.number().int(),
});
export type ActivityCounts = z.infer<typeof activityCounts>;
