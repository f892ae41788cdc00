import { z } from '../zod.js';
import { idSchema, isoDate, trimmed } from './common.js';

export const referralStatuses = ['sent', 'received', 'feedback', 'not_received'] as const;

export const referralCreateInput = z.object({
  clientId: idSchema,
  caseId: idSchema.optional(),
  target: z.string().min(1, '请选择转介机构类别。').max(40),
  targetDetail: z.string().trim().max(100).default(''),
  reason: trimmed(2, 2000, '转介原因'),
  /** What was handed over; anything at all needs a 信息共享同意 on record. */
  sharedInfo: z.string().trim().max(2000).default(''),
  sentOn: isoDate,
});

export const referralUpdateInput = z.discriminatedUnion('status', [
  z.object({ id: idSchema, status: z.literal('received'), on: isoDate }),
  z.object({ id: idSchema, status: z.literal('feedback'), on: isoDate, feedback: trimmed(2, 2000, '反馈内容') }),
  z.object({ id: idSchema, status: z.literal('not_received'), on: isoDate, reason: trimmed(2, 500, '未接收原因') }),
]);

export const referralRecord = z.object({
  id: idSchema,
  clientId: idSchema,
  clientName: z.string(),
  caseId: idSchema.nullable(),
  target: z.string(),
  targetDetail: z.string(),
  reason: z.string(),
  sharedInfo: z.string(),
  status: z.enum(referralStatuses),
  sentOn: isoDate,
  receivedOn: isoDate.nullable(),
  feedbackOn: isoDate.nullable(),
  feedback: z.string(),
  notReceivedReason: z.string(),
  /** Sent and still without a receipt after the station's reminder days. */
  awaitingReceipt: z.boolean(),
});
export type ReferralRecord = z.infer<typeof referralRecord>;
export const referralListInput = z.object({ clientId: idSchema.optional(), status: z.enum([...referralStatuses, 'all']).default('all') });

export const referralList = z.array(referralRecord);
