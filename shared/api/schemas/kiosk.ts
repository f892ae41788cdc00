import { z } from '../zod.js';
import { idSchema } from './common.js';
import { answersInput, scoreResult } from './scales.js';

/**
 * Staff open a kiosk for walk-in residents with the scales it offers, or the knowledge survey it takes answers for
 * (知晓率调查), or both, and a PIN to leave it.
 */
export const kioskOpenInput = z
  .object({
    scaleIds: z.array(z.string().min(1).max(40)).max(20).default([]),
    surveyId: idSchema.nullable().default(null),
    pin: z.string().regex(/^\d{4,8}$/, '离开终端的密码须为 4–8 位数字。'),
    showScores: z.boolean().default(false),
  })
  .refine((value) => value.scaleIds.length > 0 || value.surveyId !== null, { message: '请至少选择一个量表或一项知晓率调查。', path: ['scaleIds'] });
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
  /** The knowledge survey the kiosk takes answers for, if any. */
  survey: z.object({ id: idSchema, name: z.string(), itemCount: z.number().int() }).nullable(),
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

/** The open survey's questionnaire for the resident (the scale format as JSON), without its correct answers. */
export const kioskSurveyOutput = z.object({ surveyId: idSchema, json: z.string() });

/**
 * What the resident sees after a knowledge survey: how many they got right, and per item whether and what the correct
 * answer is (a knowledge quiz teaches as it asks). Never a clinical alert.
 */
export const kioskSurveyResult = z.object({
  correctCount: z.number().int(),
  itemCount: z.number().int(),
  aware: z.boolean(),
  key: z.array(z.object({ correct: z.boolean(), answer: z.array(z.string()) })),
});
