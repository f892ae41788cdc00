import { z } from '../zod.js';
import { answersInput, scoreResult } from './scales.js';

/** Staff open a kiosk for walk-in residents with the scales it offers and a PIN to leave it. */
export const kioskOpenInput = z.object({
  scaleIds: z.array(z.string().min(1).max(40)).min(1, '请至少选择一个量表。').max(20),
  pin: z.string().regex(/^\d{4,8}$/, '离开终端的密码须为 4–8 位数字。'),
  showScores: z.boolean().default(false),
});
export const kioskOpenOutput = z.object({
  /** Transport token of the kiosk screen: it can call kiosk methods and nothing else. */
  token: z.string(),
  sessionToken: z.string(),
  /** Browser mode: where the kiosk window opens. */
  path: z.string(),
});

export const kioskInfo = z.object({
  stationName: z.string(),
  scales: z.array(z.object({ id: z.string(), name: z.string(), itemCount: z.number().int() })),
  showScores: z.boolean(),
  idleSeconds: z.number().int(),
});

export const kioskScaleInput = z.object({ scaleId: z.string().min(1).max(40) });

/** At most a nickname or an assigned code: never an ID number (long digit runs are refused). */
export const respondentName = z
  .string()
  .trim()
  .max(20, '称呼不能超过 20 个字。')
  .refine((value) => !/\d{6,}/.test(value), '请只填写称呼或工作人员给您的编号，不要填写身份证号或电话。');

export const kioskSubmitInput = z.object({
  scaleId: z.string().min(1).max(40),
  version: z.number().int().positive(),
  answers: answersInput,
  respondent: respondentName.default(''),
});

/** What the resident sees: a gentle message; scores only when the station allows it. */
export const kioskSubmitOutput = z.object({
  critical: z.boolean(),
  result: scoreResult.nullable(),
});

export const kioskExitInput = z.object({ pin: z.string().max(8) });
