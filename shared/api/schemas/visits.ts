/**
 * The screening-visit ledger (走访排查, issue 12): the 特殊人群排查评估记录 inspectors check (station-work-and-reporting.md
 * §1.3) and the rounds seeds/003 asks for ("组织心理服务工作者…对居民摸排各类矛盾问题，主动排查发现疑似心理行为问题人员";
 * seeds/002: "经常性心理健康走访排查制度"), counted for 重点人群排查人数 (reports-standards.md §2.3, SPS11).
 */
import { z } from '../zod.js';
import { idSchema, isoDate } from './common.js';
import { clientRegistration } from './clients.js';

export const visitObservationsMax = 500;

const code = z.string().max(40);
const visitFields = z.object({
  date: isoDate,
  /** The staff accounts who made the visit; whoever records it (but the 站长) is among them. */
  visitorIds: z.array(idSchema).min(1, '请至少选择一名走访人员。').max(10, '走访人员最多 10 人。'),
  /** A registered client, or null for an anonymous household known by its address area only. */
  clientId: idSchema.nullable().default(null),
  /** 小区/楼栋 (never a name): required for an anonymous household. */
  area: z.string({ message: '走访地址必须是文字。' }).trim().max(60, '走访地址不能超过 60 个字符。').default(''),
  companionRoles: z.array(code).max(10, '同行人员类别最多 10 项。').default([]),
  companionNames: z.string().trim().max(100, '同行人员姓名不能超过 100 个字符。').default(''),
  tags: z.array(code).max(20, '重点人群标签最多 20 个。').default([]),
  /** Clinical content: encrypted, never shown to reception. */
  observations: z.string({ message: '走访情况必须是文字。' }).trim().max(visitObservationsMax, `走访情况不能超过 ${visitObservationsMax} 个字符。`).default(''),
  followUpNeeded: z.boolean().default(false),
});
const householdNamed = (value: { clientId: number | null; area: string }) => value.clientId !== null || value.area !== '';
const householdRule = { message: '未建档的住户请填写走访地址（小区/楼栋，不写姓名）。', path: ['area'] };

export const visitInput = visitFields.refine(householdNamed, householdRule);
export type VisitInput = z.output<typeof visitInput>;
export const visitUpdateInput = visitFields.extend({ id: idSchema }).refine(householdNamed, householdRule);
export const visitRemoveInput = z.object({ id: idSchema, reason: z.string().trim().min(2, '删除原因至少 2 个字符。').max(200, '删除原因不能超过 200 个字符。') });
/** 建档: the household's client file, registered through the case files' rules and linked to the visit. */
export const visitRegisterInput = z.object({ visitId: idSchema, client: clientRegistration });

const rangeRule = { message: '开始日期不能晚于结束日期。', path: ['to'] };
export const visitListInput = z
  .object({ from: isoDate, to: isoDate, tag: code.optional(), visitorId: idSchema.optional() })
  .refine((value) => value.from <= value.to, rangeRule);
export const visitCountsInput = z.object({ from: isoDate, to: isoDate }).refine((value) => value.from <= value.to, rangeRule);

const person = z.object({ id: idSchema, displayName: z.string() });
export const visitRecord = z.object({
  id: idSchema,
  date: isoDate,
  visitors: z.array(person),
  /** The visited client; null for a household, or when this user does not reach them (then `clientHidden`). */
  client: z.object({ id: idSchema, name: z.string() }).nullable(),
  clientHidden: z.boolean(),
  /** Whether the visit concerns a registered client (reception's 建档 is offered only for a household). */
  registered: z.boolean(),
  area: z.string(),
  companionRoles: z.array(z.string()),
  companionNames: z.string(),
  tags: z.array(z.string()),
  /** Null where this user may not read it (reception; a counsellor not among the visitors), and in lists. */
  observations: z.string().nullable(),
  followUpNeeded: z.boolean(),
  /** The client file made from this household by 建档, if any. */
  filedFromVisit: z.boolean(),
  /** For the 站长 and counsellors: the client already has an open case (then no new one is offered). */
  clientHasOpenCase: z.boolean().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The 站长, or a counsellor among the visitors. */
  editable: z.boolean(),
  /** May register the household's client file (建档): an anonymous visit, by the 站长, reception or a visitor. */
  mayRegister: z.boolean(),
});
export type VisitRecord = z.infer<typeof visitRecord>;
export const visitList = z.array(visitRecord);

const countRow = z.object({ code: z.string(), label: z.string(), visits: z.number().int() });
/** A period's visits counted in SQL for the reports (重点人群排查人数 by tag). */
export const visitCounts = z.object({
  from: isoDate,
  to: isoDate,
  byTag: z.array(countRow),
  total: z.object({ visits: z.number().int(), households: z.number().int(), clients: z.number().int(), followUps: z.number().int(), filed: z.number().int() }),
});
export type VisitCounts = z.infer<typeof visitCounts>;
