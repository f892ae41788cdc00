/**
 * Inspections of the station's checklist (issue 13: 自查, 上级督导, 验收, 复查). An inspection keeps the checklist as it
 * stood when it was opened; its evaluator (the inspector account the 站长 let in for it, or the 站长 where there is
 * none) gives each item an 评估得分 beside the 自评得分, writes findings (考察点/要求/地点/时间/存在问题), concludes with a
 * verdict, and issues 整改 tasks that the station closes with evidence and the evaluator rechecks (复查).
 */
import { z } from '../zod.js';
import { checklistView } from './checklist.js';
import { idSchema, isoDate, trimmed } from './common.js';
import { displayName, password, username } from './users.js';

export const inspectionKinds = ['self', 'supervision', 'acceptance', 'recheck'] as const;
export type InspectionKind = (typeof inspectionKinds)[number];
export const inspectionStatuses = ['open', 'concluded', 'closed'] as const;
export const rectificationStatuses = ['open', 'submitted', 'accepted'] as const;

const periodRefined = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema.refine((value) => value.from <= value.to, { message: '开始日期不能晚于结束日期。', path: ['to'] });

export const inspectionCreateInput = periodRefined(
  z.object({
    kind: z.enum(inspectionKinds, { message: '请选择检查类型。' }),
    title: trimmed(2, 60, '检查名称'),
    inspectingBody: trimmed(2, 60, '检查单位'),
    plannedOn: isoDate,
    /** The period whose records the checklist's figures count (the snapshot keeps them as they were). */
    from: isoDate,
    to: isoDate,
  }),
);

export const inspectionIdInput = z.object({ inspectionId: idSchema });

/** The 站长 lets one inspector in for one inspection, until a given day (at most 60 days ahead). */
export const inspectorAccountInput = z.object({
  inspectionId: idSchema,
  username,
  displayName,
  temporaryPassword: password,
  accessUntil: isoDate,
});

/** The 站长 moves the inspector's last day (the 复查 comes after it), within the same two months from today. */
export const inspectorAccessInput = z.object({ inspectionId: idSchema, accessUntil: isoDate });

export const inspectionScoreInput = z.object({
  inspectionId: idSchema,
  itemId: z.string().trim().min(1).max(40),
  met: z.boolean().nullable().optional(),
  levelReached: z.number().int().min(0).max(5).nullable().optional(),
  note: z.string().trim().max(500, '说明不能超过 500 个字符。').default(''),
});

export const findingInput = z.object({
  inspectionId: idSchema,
  itemId: z.string().trim().min(1, '请选择检查条目。').max(40),
  point: trimmed(1, 100, '考察点'),
  requirement: trimmed(1, 300, '要求'),
  location: trimmed(1, 60, '地点'),
  observedOn: isoDate,
  problem: trimmed(2, 500, '存在问题'),
});
export const findingIdInput = z.object({ findingId: idSchema });

export const concludeInput = z.object({
  inspectionId: idSchema,
  verdict: z.enum(['pass', 'fail'], { message: '请选择检查结论。' }),
  opinion: trimmed(2, 1000, '检查意见'),
});

export const rectificationInput = z.object({
  inspectionId: idSchema,
  findingId: idSchema.nullable().default(null),
  task: trimmed(2, 300, '整改要求'),
  assigneeId: idSchema,
  dueOn: isoDate,
});
export const rectificationSubmitInput = z.object({ rectificationId: idSchema, closureNote: trimmed(2, 1000, '整改情况') });
export const recheckInput = z.object({ rectificationId: idSchema, accepted: z.boolean({ message: '请选择复查结果。' }), recheckNote: trimmed(2, 500, '复查意见') });

export const sampleKinds = ['cases', 'sessions', 'followUps', 'crises', 'referrals', 'activities', 'calls', 'dutyLogs', 'meetings'] as const;
export type SampleKind = (typeof sampleKinds)[number];
export const sampleInput = z.object({
  inspectionId: idSchema,
  kind: z.enum(sampleKinds, { message: '请选择抽查的记录类型。' }),
  sampleSize: z.number({ message: '请填写抽查份数。' }).int('抽查份数须为整数。').min(1, '抽查份数至少 1 份。').max(50, '抽查份数不能超过 50 份。'),
});

/**
 * A sampled record as an inspector sees it: when, what kind, whether it is complete (signed, closed, held), who
 * kept it, and the client's name masked to its first character. Never a note's text.
 */
export const sampledRecord = z.object({
  id: idSchema,
  date: z.string(),
  type: z.string(),
  state: z.string(),
  staff: z.string().nullable(),
  client: z.string().nullable(),
});
export const sampleOutput = z.object({ kind: z.enum(sampleKinds), from: isoDate, to: isoDate, total: z.number().int(), records: z.array(sampledRecord) });
export type SampledRecord = z.infer<typeof sampledRecord>;

const person = z.object({ id: idSchema, displayName: z.string() });

export const inspectionSummary = z.object({
  id: idSchema,
  kind: z.enum(inspectionKinds),
  title: z.string(),
  inspectingBody: z.string(),
  plannedOn: isoDate,
  status: z.enum(inspectionStatuses),
  verdict: z.enum(['pass', 'fail']).nullable(),
  percent: z.number().nullable(),
  grade: z.string().nullable(),
  inspector: person.extend({ username: z.string(), accessUntil: isoDate, disabled: z.boolean() }).nullable(),
  openRectifications: z.number().int(),
  createdAt: z.string(),
});
export type InspectionSummary = z.infer<typeof inspectionSummary>;
export const inspectionList = z.array(inspectionSummary);

export const evaluatorScore = z.object({
  itemId: z.string(),
  met: z.boolean().nullable(),
  level: z.number().int().nullable(),
  note: z.string(),
  assessedBy: person,
  assessedAt: z.string(),
});

export const finding = z.object({
  id: idSchema,
  itemId: z.string(),
  point: z.string(),
  requirement: z.string(),
  location: z.string(),
  observedOn: isoDate,
  problem: z.string(),
  createdBy: person,
  createdAt: z.string(),
});
export type FindingRecord = z.infer<typeof finding>;

export const rectification = z.object({
  id: idSchema,
  findingId: idSchema.nullable(),
  task: z.string(),
  owner: person,
  dueOn: isoDate,
  status: z.enum(rectificationStatuses),
  closureNote: z.string(),
  submittedBy: person.nullable(),
  submittedAt: z.string().nullable(),
  recheckNote: z.string(),
  recheckedBy: person.nullable(),
  recheckedAt: z.string().nullable(),
  createdBy: person,
  createdAt: z.string(),
  fileCount: z.number().int(),
});
export type RectificationRecord = z.infer<typeof rectification>;

/** The evaluator's score of the snapshot: the same shape the checklist's own score has. */
const scoreShape = checklistView.shape.score;

export const inspectionRecord = inspectionSummary.extend({
  snapshot: checklistView,
  snapshotSha256: z.string(),
  opinion: z.string(),
  concludedBy: person.nullable(),
  concludedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdBy: person,
  scores: z.array(evaluatorScore),
  evaluation: scoreShape,
  findings: z.array(finding),
  rectifications: z.array(rectification),
  /** Who may be given a 整改 task: the station's active staff. */
  staff: z.array(person),
  /** What the caller may do now (core decides; the screen only shows it). */
  mayEvaluate: z.boolean(),
  mayRecheck: z.boolean(),
  mayManage: z.boolean(),
});
export type InspectionRecord = z.infer<typeof inspectionRecord>;

/**
 * 清单.json of the 迎检包 (one ZIP: 检查表.pdf, 台账/*.xlsx, 佐证材料/<条目标题>/…, 整改材料/<任务序号>/…): what it
 * was made from and each file's size and SHA-256; 清单.sha256 holds this file's own SHA-256 (`sha256sum -c` reads it).
 */
export const packageManifest = z.object({
  station: z.string(),
  inspection: z.object({ id: idSchema, title: z.string(), kind: z.string(), inspectingBody: z.string(), plannedOn: isoDate }),
  period: z.object({ from: isoDate, to: isoDate }),
  template: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
  snapshotSha256: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  files: z.array(z.object({ path: z.string(), size: z.number().int(), sha256: z.string() })),
});
export type PackageManifest = z.infer<typeof packageManifest>;
