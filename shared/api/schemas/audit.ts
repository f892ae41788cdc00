import { z } from '../zod.js';
import { idSchema, isoDate, isoTimestamp } from './common.js';

export const auditResult = z.enum(['success', 'failure', 'denied']);

export const auditEntry = z.object({
  seq: z.number().int(),
  at: isoTimestamp,
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: auditResult,
  /** Non-sensitive facts only: field names, counts, reasons chosen from a list. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListInput = z
  .object({
    userId: idSchema.optional(),
    action: z.string().max(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: '开始日期不能晚于结束日期。',
    path: ['to'],
  });

export const auditListOutput = z.object({
  rows: z.array(auditEntry),
  total: z.number().int(),
  actions: z.array(z.string()),
});

export const auditVerifyOutput = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** First sequence number whose hash does not match, or which is missing. */
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyOutput>;
