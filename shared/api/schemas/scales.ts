import { z } from '../zod.js';
import { idSchema, isoDate, isoTimestamp, trimmed } from './common.js';

export const scaleSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  itemCount: z.number().int(),
  builtin: z.boolean(),
  licenceStatus: z.enum(['free', 'attribution', 'non-commercial', 'permission-required']),
  textIncluded: z.boolean(),
});
export type ScaleSummary = z.infer<typeof scaleSummary>;

export const scaleRef = z.object({ id: z.string().min(1).max(40), version: z.number().int().positive().optional() });
/** The definition travels as JSON text; core validates it completely before storing. */
export const scaleImportInput = z.object({ json: z.string().min(2).max(900_000, '定义文件过大。') });
export const scaleDefinitionOutput = z.object({ json: z.string() });

export const answersInput = z.array(z.number().nullable()).max(200);

export const scoreResult = z.object({
  scaleId: z.string(),
  version: z.number().int(),
  total: z.number().nullable(),
  raw: z.number().nullable(),
  subscales: z.record(z.string(), z.number()),
  band: z.object({ index: z.number().int(), id: z.string(), label: z.string() }).nullable(),
  critical: z.boolean(),
  criticalReasons: z.array(z.object({ id: z.string(), message: z.string() })),
  flags: z.array(z.object({ id: z.string(), label: z.string() })),
  prorated: z.boolean(),
});

export const resultSubmitInput = z.object({
  scaleId: z.string().min(1).max(40),
  version: z.number().int().positive().optional(),
  answers: answersInput,
  clientId: idSchema.optional(),
  caseId: idSchema.optional(),
  comment: z.string().trim().max(2000).default(''),
});

export const resultRecord = z.object({
  id: idSchema,
  scaleId: z.string(),
  scaleVersion: z.number().int(),
  scaleName: z.string(),
  clientId: idSchema.nullable(),
  clientName: z.string().nullable(),
  respondent: z.string(),
  caseId: idSchema.nullable(),
  answers: z.array(z.number().nullable()),
  result: scoreResult,
  via: z.enum(['counsellor', 'kiosk']),
  administeredBy: z.string().nullable(),
  comment: z.string(),
  completedAt: isoTimestamp,
  alertId: idSchema.nullable(),
});
export type ResultRecord = z.infer<typeof resultRecord>;

export const resultListInput = z.object({ clientId: idSchema.optional(), scaleId: z.string().max(40).optional(), limit: z.number().int().min(1).max(500).default(100) });
export const resultLinkInput = z.object({ resultId: idSchema, clientId: idSchema });
/** Kiosk results of one station day (today unless a date is given); by default only those not yet linked to a client file. */
export const kioskResultListInput = z.object({ date: isoDate.optional(), unlinkedOnly: z.boolean().default(true) });

export const alertRecord = z.object({
  id: idSchema,
  resultId: idSchema,
  scaleId: z.string(),
  who: z.string(),
  clientId: idSchema.nullable(),
  messages: z.array(z.string()),
  raisedAt: isoTimestamp,
  acknowledgedAt: isoTimestamp.nullable(),
  acknowledgedBy: z.string().nullable(),
  actionNote: z.string(),
});
export type AlertRecord = z.infer<typeof alertRecord>;
export const alertListInput = z.object({ open: z.boolean().default(true) });
export const alertAckInput = z.object({ id: idSchema, actionNote: trimmed(2, 1000, '处置说明') });

export const scaleSummaryList = z.array(scaleSummary);
export const resultList = z.array(resultRecord);
export const alertList = z.array(alertRecord);
