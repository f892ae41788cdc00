import { z } from '../zod.js';
import { idSchema, isoTimestamp, trimmed } from './common.js';

export const screeningCreateInput = z
  .object({
    name: trimmed(2, 60, '普查名称'),
    scaleIds: z.array(z.string().min(1).max(40)).min(1, '请至少选择一个量表。').max(10),
    /** Either N anonymous codes … */
    codes: z.number().int().min(1, '至少 1 个编号。').max(1000, '一次最多 1000 个编号。').optional(),
    /** … or a roster (one name per participant, e.g. a class list). */
    roster: z.array(z.string().trim().min(1).max(40)).max(1000, '名单最多 1000 人。').optional(),
  })
  .refine((value) => (value.codes === undefined) !== (value.roster === undefined || value.roster.length === 0), {
    message: '请选择生成匿名编号，或导入名单（二选一）。',
    path: ['codes'],
  });

export const screeningParticipant = z.object({ id: idSchema, code: z.string(), rosterName: z.string(), completed: z.number().int() });

export const screeningSummary = z.object({
  id: idSchema,
  name: z.string(),
  scaleIds: z.array(z.string()),
  status: z.enum(['open', 'closed']),
  createdAt: isoTimestamp,
  participants: z.number().int(),
  completed: z.number().int(),
});
export type ScreeningSummary = z.infer<typeof screeningSummary>;

export const screeningDetail = screeningSummary.extend({
  participantList: z.array(screeningParticipant),
  /** Per scale: how many results fell in each band (ascending). */
  distribution: z.array(z.object({ scaleId: z.string(), bands: z.array(z.object({ id: z.string(), label: z.string(), count: z.number().int() })), unbanded: z.number().int() })),
  /** Participants to follow up: a critical answer, a screening flag, or a yellow/red band. */
  positives: z.array(
    z.object({
      code: z.string(),
      rosterName: z.string(),
      scaleId: z.string(),
      resultId: idSchema,
      total: z.number().nullable(),
      band: z.string().nullable(),
      critical: z.boolean(),
      flags: z.array(z.string()),
    }),
  ),
});
export type ScreeningDetail = z.infer<typeof screeningDetail>;

export const screeningSummaryList = z.array(screeningSummary);
