import { z } from '../zod.js';
import { riskLevel } from './clients.js';
import { idSchema, isoDate, isoTimestamp, trimmed } from './common.js';

const reason = (label: string) => trimmed(2, 500, label);
const noteText = (label: string) => z.string().max(20_000, `${label}不能超过 20000 字。`).default('');

export const caseSummary = z.object({
  id: idSchema,
  clientId: idSchema,
  clientName: z.string(),
  counsellorId: idSchema,
  counsellorName: z.string(),
  status: z.enum(['open', 'closed']),
  openedOn: isoDate,
  closedOn: isoDate.nullable(),
  problemCategories: z.array(z.string()),
  riskLevel: riskLevel.nullable(),
  sessionCount: z.number().int(),
  lastSessionOn: isoDate.nullable(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const caseOpenInput = z.object({
  clientId: idSchema,
  /** Defaults to the counsellor opening it; the 站长 assigns anyone. */
  counsellorId: idSchema.optional(),
  problemCategories: z.array(z.string().max(40)).min(1, '请至少选择一个问题类别。').max(10),
  reason: reason('开案原因'),
  openedOn: isoDate,
});
export const caseCloseInput = z.object({ id: idSchema, reason: reason('结案原因'), closedOn: isoDate });
export const caseTransferInput = z.object({ id: idSchema, counsellorId: idSchema, reason: reason('转移原因') });
export const caseShareInput = z.object({ id: idSchema, userId: idSchema, shared: z.boolean() });
/** A page of cases, open ones first, newest first; found by the client as the client search finds one. */
export const caseListInput = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  clientId: idSchema.optional(),
  query: z.string().trim().max(40).default(''),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});

export const modalities = ['in_person', 'phone', 'home_visit', 'online', 'group'] as const;
export const sessionKinds = ['intake', 'follow_up_session', 'crisis', 'follow_up_visit', 'closing'] as const;

export const sessionNote = z.object({
  complaint: noteText('主诉'),
  assessment: noteText('评估'),
  intervention: noteText('干预'),
  plan: noteText('计划'),
  freeText: noteText('其他记录'),
});

/** A signed note is final, so it must say something: 主诉 or 评估 (core refuses the signature otherwise). */
export const signRequirement = '签名前须填写主诉或评估。';
export function isSignable(note: Readonly<{ complaint: string; assessment: string }>): boolean {
  return note.complaint.trim() !== '' || note.assessment.trim() !== '';
}

export const sessionDraftInput = z.object({
  caseId: idSchema,
  /** Absent: a new draft; present: save over that draft (refused once signed). */
  id: idSchema.optional(),
  heldOn: isoDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '开始时间格式应为 HH:MM。'),
  durationMinutes: z.number().int('时长须为整数分钟。').min(1, '时长至少 1 分钟。').max(600, '时长不能超过 600 分钟。'),
  modality: z.enum(modalities, { message: '请选择咨询方式。' }),
  kind: z.enum(sessionKinds, { message: '请选择记录类型。' }),
  note: sessionNote,
});

export const addendum = z.object({ id: idSchema, text: z.string(), signedBy: z.string(), signedAt: isoTimestamp });

export const sessionRecord = z.object({
  id: idSchema,
  caseId: idSchema,
  /** Who wrote it: only they save its draft and sign it (core's rule), so others see it read-only. */
  counsellorId: idSchema,
  counsellorName: z.string(),
  heldOn: isoDate,
  startTime: z.string(),
  durationMinutes: z.number().int(),
  modality: z.enum(modalities),
  kind: z.enum(sessionKinds),
  note: sessionNote,
  signedAt: isoTimestamp.nullable(),
  signedBy: z.string().nullable(),
  addenda: z.array(addendum),
  updatedAt: isoTimestamp,
});
export type SessionRecord = z.infer<typeof sessionRecord>;

export const sessionSignInput = z.object({ id: idSchema });
export const addendumInput = z.object({ sessionId: idSchema, text: trimmed(2, 5000, '补充内容') });

export const riskEvidence = ['scale', 'disclosure', 'grid_report', 'follow_up', 'crisis', 'other'] as const;
export const riskGradeInput = z.object({
  clientId: idSchema,
  level: riskLevel,
  reason: reason('分级理由'),
  evidence: z.enum(riskEvidence, { message: '请选择分级依据。' }),
});
export const riskGradeRecord = z.object({
  id: idSchema,
  level: riskLevel,
  reason: z.string(),
  evidence: z.enum(riskEvidence),
  gradedBy: z.string(),
  gradedAt: isoTimestamp,
});

/** After a red grade the counsellor may tell the 站长 (the protocol's 报告站长); offered, never automatic. */
export const managerNoticeInput = z.object({ clientId: idSchema });
export const managerNoticeOutput = z.object({ notifiedAt: isoTimestamp });

export const followUpMethods = ['home_visit', 'phone', 'visit', 'video'] as const;
export const followUpRecord = z.object({
  id: idSchema,
  clientId: idSchema,
  clientName: z.string(),
  dueOn: isoDate,
  level: riskLevel,
  status: z.enum(['due', 'done', 'cancelled']),
  doneOn: isoDate.nullable(),
  method: z.enum(followUpMethods).nullable(),
  participants: z.array(z.string()),
  findings: z.string(),
  reassessedLevel: riskLevel.nullable(),
  overdueDays: z.number().int(),
  /** Start of the live appointment booked for this follow-up (预约随访), if any. */
  bookedFor: z.string().nullable(),
});
export type FollowUpRecord = z.infer<typeof followUpRecord>;

export const riskGradeOutput = z.object({ history: z.array(riskGradeRecord), followUps: z.array(followUpRecord) });

export const followUpRecordInput = z.object({
  followUpId: idSchema,
  doneOn: isoDate,
  method: z.enum(followUpMethods, { message: '请选择随访方式。' }),
  participants: z.array(z.string().max(40)).max(10).default([]),
  findings: trimmed(2, 5000, '随访情况'),
  reassessedLevel: riskLevel,
  /** Required when the colour goes down (红 → 黄 …). */
  reason: z.string().trim().max(500).default(''),
});
export const followUpListInput = z.object({
  scope: z.enum(['due', 'overdue', 'client']).default('due'),
  clientId: idSchema.optional(),
  /** `due` lists follow-ups due within this many days. */
  withinDays: z.number().int().min(0).max(90).default(7),
});

export const casePage = z.object({
  case: caseSummary,
  openReason: z.string(),
  closeReason: z.string().nullable(),
  sharedWith: z.array(z.object({ id: idSchema, displayName: z.string() })),
  sessions: z.array(sessionRecord),
  riskHistory: z.array(riskGradeRecord),
  followUps: z.array(followUpRecord),
});
export type CasePage = z.infer<typeof casePage>;

/** A referral past its reminder without a receipt, as the home card lists it: whose, where to and since when (none of its texts). */
const referralAwaitingReceipt = z.object({ id: idSchema, clientId: idSchema, clientName: z.string(), sentOn: isoDate, target: z.string() });
export type ReferralAwaitingReceipt = z.infer<typeof referralAwaitingReceipt>;

export const todayOutput = z.object({
  openAlerts: z.number().int(),
  activeCrises: z.array(z.object({ id: idSchema, who: z.string(), startedAt: isoTimestamp })),
  referralsAwaitingReceipt: z.array(referralAwaitingReceipt),
  /** How many follow-ups are due today and how many are overdue: counted, not listed (their lists are the 随访 page's). */
  followUpsDueToday: z.number().int(),
  followUpsOverdue: z.number().int(),
  /** The oldest notes left unsigned (at most 100) and how many there are in all. */
  unsignedSessions: z.array(z.object({ id: idSchema, caseId: idSchema, clientName: z.string(), heldOn: isoDate })),
  unsignedSessionCount: z.number().int(),
  recentRedGrades: z.array(z.object({ clientId: idSchema, clientName: z.string(), reason: z.string(), gradedAt: isoTimestamp })),
});

export const caseSummaryPage = z.object({ rows: z.array(caseSummary), total: z.number().int() });
/** Who a case is shared with after a change. */
export const caseShareOutput = z.array(z.object({ id: z.number(), displayName: z.string() }));
export const followUpList = z.array(followUpRecord);
