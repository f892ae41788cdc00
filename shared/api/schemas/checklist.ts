/**
 * The station's compliance checklist (issue 13): the template it follows, each item's self-assessment (自评) and the
 * figures the app computes from the station's own records, scored by shared/checklist/scoring.ts.
 */
import { checklistFigureIds, type ChecklistFigure } from '../../checklist/figures.js';
import { checklistTemplate } from '../../checklist/templateSchema.js';
import { z } from '../zod.js';
import { idSchema, isoDate } from './common.js';

const templateId = z.string().trim().min(1, '请选择检查标准。').max(40, '检查标准编号过长。');
export const templateRef = z.object({ templateId, version: z.number().int().positive() });

export const templateSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  level: z.enum(['community', 'street', 'district']),
  sourceKind: z.enum(['official', 'composite']),
  citation: z.string(),
  builtin: z.boolean(),
  items: z.number().int(),
});
export type TemplateSummary = z.infer<typeof templateSummary>;
export const templateList = z.array(templateSummary);

/** A district's own template as JSON text (the shipped templates' format), checked before anything is stored. */
export const templateImportInput = z.object({ templateJson: z.string().min(2, '请选择模板文件。').max(500_000, '模板文件过大（不能超过 500 KB）。') });

export const checklistGetInput = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((value) => (value.from === undefined) === (value.to === undefined), { message: '统计期须同时给出开始和结束日期。', path: ['to'] })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: '开始日期不能晚于结束日期。', path: ['to'] });

export const assessInput = templateRef.extend({
  itemId: z.string().trim().min(1).max(40),
  /** 达到 / 未达到 for a pass-or-fail item; null clears it. */
  met: z.boolean().nullable().optional(),
  /** The level reached (0 = the lowest) for an item with anchored levels. */
  levelReached: z.number().int().min(0).max(5).nullable().optional(),
  note: z.string().trim().max(500, '说明不能超过 500 个字符。').default(''),
});

const figureId = z.enum(checklistFigureIds as [ChecklistFigure, ...ChecklistFigure[]]);
export const figureValue = z.object({ id: figureId, value: z.number().nullable() });

export const itemAnswer = z.object({
  /** The answer's row: its evidence files are attachments owned by it ('checklistItem'). */
  id: idSchema,
  itemId: z.string(),
  met: z.boolean().nullable(),
  level: z.number().int().nullable(),
  note: z.string(),
  assessedBy: z.object({ id: idSchema, displayName: z.string() }),
  assessedAt: z.string(),
});
export type ItemAnswerRecord = z.infer<typeof itemAnswer>;

/** The station's checklist: the template as data, what was assessed, the live figures of the period, the score. */
export const checklistView = z.object({
  template: checklistTemplate,
  chosenAt: z.string().nullable(),
  from: isoDate,
  to: isoDate,
  answers: z.array(itemAnswer),
  figures: z.array(figureValue),
  score: z.object({
    items: z.array(z.object({ id: z.string(), max: z.number(), score: z.number().nullable(), evidenceHolds: z.boolean().nullable(), key: z.boolean(), tier: z.enum(['basic', 'model']) })),
    sections: z.array(z.object({ id: z.string(), score: z.number(), max: z.number() })),
    score: z.number(),
    max: z.number(),
    percent: z.number(),
    assessed: z.number().int(),
    total: z.number().int(),
    keyShort: z.array(z.string()),
    passes: z.boolean(),
    modelReached: z.boolean(),
    grade: z.object({ code: z.string(), label: z.string() }).nullable(),
    shortfall: z.array(z.string()),
  }),
});
export type ChecklistView = z.infer<typeof checklistView>;
