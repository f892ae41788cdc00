/**
 * Knowledge surveys (知晓率调查, issue 12): a survey run hands a knowledge questionnaire (the scale definition format,
 * kind 'knowledge') to residents on a day, at a place, often at an activity of the activities ledger; each anonymous
 * response is entered from paper or answered at the kiosk. The 知晓率 is the share of respondents who pass the
 * questionnaire's rule; 国家卫健委《探索抑郁症防治特色服务工作方案》(2020) sets 80% for the public and 85% for
 * students (reports-standards.md S5), so a survey names which of the two it asked.
 */
import { z } from '../zod.js';
import { idSchema, isoDate, removeInput, trimmed } from './common.js';

/** The two populations S5 sets a 知晓率 target for. */
export const surveyPopulations = ['public', 'students'] as const;
export type SurveyPopulation = (typeof surveyPopulations)[number];
export const surveyChannels = ['paper', 'kiosk'] as const;
export type SurveyChannel = (typeof surveyChannels)[number];
/** The report's AGE code list (reports-standards.md §3.2: <14 / 14–17 / 18–34 / 35–59 / ≥60; null = 未知). */
export const surveyAgeBands = ['under14', '14to17', '18to34', '35to59', '60plus'] as const;
export type SurveyAgeBand = (typeof surveyAgeBands)[number];
export const surveySexes = ['female', 'male'] as const;

const questionnaireId = z.string({ message: '请选择问卷。' }).trim().min(1, '请选择问卷。').max(40, '问卷编号过长。');

const surveyFields = z.object({
  date: isoDate,
  /** The activity (a 讲座 …) where the questionnaire was handed out, if any. */
  activityId: idSchema.nullable().default(null),
  population: z.enum(surveyPopulations, { message: '请选择调查对象（公众或学生）。' }),
  place: trimmed(1, 100, '调查地点'),
  note: z.string({ message: '备注必须是文字。' }).trim().max(500, '备注不能超过 500 个字符。').default(''),
});

export const surveyInput = surveyFields.extend({ questionnaireId });
export type SurveyInput = z.output<typeof surveyInput>;
/** The questionnaire stays: responses already given answer its items. */
export const surveyUpdateInput = surveyFields.extend({ id: idSchema });
export type SurveyUpdateInput = z.output<typeof surveyUpdateInput>;
export const surveyRemoveInput = removeInput;

const rangeRule = { message: '开始日期不能晚于结束日期。', path: ['to'] };
export const surveyListInput = z
  .object({ from: isoDate, to: isoDate, questionnaireId: z.string().max(40).optional(), activityId: idSchema.optional() })
  .refine((value) => value.from <= value.to, rangeRule);
export const surveyCountsInput = z.object({ from: isoDate, to: isoDate }).refine((value) => value.from <= value.to, rangeRule);

/**
 * One respondent's answers, in item order, from paper or the kiosk: anonymous, with sex and age band if given. A null
 * answer is let through here so that core names every unanswered item in one refusal.
 */
export const surveyResponseInput = z.object({
  surveyId: idSchema,
  answers: z
    .array(z.number({ message: '答案须为选项编码。' }).int('答案须为选项编码。').nullable(), { message: '请填写答案。' })
    .min(1, '请填写答案。')
    .max(100, '答案过多。'),
  sex: z.enum(surveySexes, { message: '性别只能是男或女（不填为未说明）。' }).nullable().default(null),
  ageBand: z.enum(surveyAgeBands, { message: '请选择年龄段。' }).nullable().default(null),
});
export type SurveyResponseInput = z.output<typeof surveyResponseInput>;
export const surveyResponseRemoveInput = removeInput;

export const questionnaireInput = z.object({ id: questionnaireId, version: z.number().int().positive().optional() });
/** The definition as JSON (the scale format), correct answers included: a knowledge quiz is no secret to staff. */
export const questionnaireOutput = z.object({ json: z.string() });

export const questionnaireSummary = z.object({ id: z.string(), version: z.number().int(), name: z.string(), itemCount: z.number().int(), passMinCorrect: z.number().int() });
export type QuestionnaireSummary = z.infer<typeof questionnaireSummary>;
export const questionnaireList = z.array(questionnaireSummary);

const person = z.object({ id: idSchema, displayName: z.string() });

export const surveyRecord = z.object({
  id: idSchema,
  questionnaire: questionnaireSummary,
  date: isoDate,
  activity: z.object({ id: idSchema, type: z.string(), theme: z.string(), date: isoDate }).nullable(),
  population: z.enum(surveyPopulations),
  place: z.string(),
  note: z.string(),
  closed: z.boolean(),
  createdBy: person,
  createdAt: z.string(),
  updatedAt: z.string(),
  respondents: z.number().int(),
  /** Respondents who passed the questionnaire's rule (知晓). */
  aware: z.number().int(),
  /** Whether this user may edit, close, reopen or remove it (the 站长, or the counsellor who created it). */
  editable: z.boolean(),
});
export type SurveyRecord = z.infer<typeof surveyRecord>;
export const surveyList = z.array(surveyRecord);

export const surveyResponseRow = z.object({
  id: idSchema,
  channel: z.enum(surveyChannels),
  sex: z.enum(surveySexes).nullable(),
  ageBand: z.enum(surveyAgeBands).nullable(),
  correctCount: z.number().int(),
  aware: z.boolean(),
  /** Who typed it in from paper; null at the kiosk. */
  enteredBy: person.nullable(),
  createdAt: z.string(),
  removable: z.boolean(),
});
export type SurveyResponseRow = z.infer<typeof surveyResponseRow>;

/** A survey with its results: per item the respondents who answered it correctly, by channel, and the responses. */
export const surveyDetail = surveyRecord.extend({
  items: z.array(z.object({ itemId: z.string(), correct: z.number().int() })),
  byChannel: z.array(z.object({ channel: z.enum(surveyChannels), respondents: z.number().int(), aware: z.number().int() })),
  responses: z.array(surveyResponseRow),
});
export type SurveyDetail = z.infer<typeof surveyDetail>;

export const surveyResponseOutput = z.object({ response: surveyResponseRow, itemCount: z.number().int(), respondents: z.number().int(), aware: z.number().int() });

const countFields = { surveys: z.number().int(), respondents: z.number().int(), aware: z.number().int() };
/** A period's respondents and 知晓 counted in SQL, per questionnaire and population, and per activity (the report reads these). */
export const surveyCounts = z.object({
  from: isoDate,
  to: isoDate,
  byQuestionnaire: z.array(z.object({ questionnaireId: z.string(), name: z.string(), population: z.enum(surveyPopulations), ...countFields })),
  byActivity: z.array(z.object({ activityId: idSchema, type: z.string(), theme: z.string(), date: isoDate, questionnaireId: z.string(), name: z.string(), ...countFields })),
  total: z.object(countFields),
});
export type SurveyCounts = z.infer<typeof surveyCounts>;
