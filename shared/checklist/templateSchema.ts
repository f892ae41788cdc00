/**
 * Checklist templates as data (issue 13), like scale definitions: the station's compliance standard ("五个一",
 * "六有", a 街道 station standard …) with sections and subtotals, items with a requirement, a scoring model, a ★ key
 * flag, a tier (基本 / 示范), how an inspector assesses it and the evidence it needs — attachment kinds and/or a figure
 * from the app's own records with the threshold it must meet. The structure follows the real rubrics found
 * (station-work-and-reporting.md §1.2: anchored 0/1/3/5 levels, 自评得分/评估得分, ★ key items, 基本 vs 示范 columns,
 * formula scoring, section subtotals) and the templates of reports-standards.md §4.
 */
import { z } from '../api/zod.js';
import { checklistFigureIds, type ChecklistFigure } from './figures.js';

const code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '编号只能由小写字母、数字和“-”组成（不超过 40 个字符）。');
const text = (max: number) => z.string().trim().min(1).max(max);
const points = z.number().positive().max(1000);

export const assessmentMethods = ['materials', 'siteVisit', 'interview', 'records'] as const;
export const evidenceKinds = ['photo', 'ruleText', 'roster', 'certificate', 'floorPlan', 'minutes', 'agreement', 'other'] as const;
export const checklistTiers = ['basic', 'model'] as const;

const figure = z.enum(checklistFigureIds as [ChecklistFigure, ...ChecklistFigure[]]);
const comparison = z.enum(['atLeast', 'atMost']);

/** How an item earns its points. */
export const scoringModel = z.discriminatedUnion('model', [
  /** 达到 / 未达到: all the points or none. */
  z.object({ model: z.literal('passFail'), points }),
  /** Anchored levels (0/1/3/5 with the text of each), lowest first; the top level is full marks. */
  z.object({ model: z.literal('levels'), levels: z.array(z.object({ points: z.number().min(0).max(1000), text: text(200) })).min(2).max(6) }),
  /** A figure against a threshold ("每周开放 ≥ 8 小时"): all the points when met, none otherwise. */
  z.object({ model: z.literal('formula'), points, figure, comparison, threshold: z.number().min(0) }),
  /** A figure toward a target ("八项制度": points × reached / target, capped at full marks). */
  z.object({ model: z.literal('proportional'), points, figure, target: z.number().positive() }),
]);

export const checklistItem = z.object({
  id: code,
  title: text(60),
  requirement: text(600),
  scoring: scoringModel,
  /** ★: failing it fails the whole checklist, whatever the total. */
  key: z.boolean().default(false),
  tier: z.enum(checklistTiers).default('basic'),
  methods: z.array(z.enum(assessmentMethods)).min(1),
  evidence: z
    .object({
      attachments: z.array(z.enum(evidenceKinds)).default([]),
      /** A figure the app computes from its records, with the least (or most) it must be. */
      figure: z.object({ id: figure, comparison, threshold: z.number().min(0) }).optional(),
    })
    .default({ attachments: [] }),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const checklistSection = z.object({ id: code, title: text(40), items: z.array(checklistItem).min(1).max(60) });

export const checklistTemplate = z.object({
  id: code,
  version: z.number().int().positive(),
  name: text(60),
  /** Who it is for: 村(社区) room, 街道/乡镇 station, district centre. */
  level: z.enum(['community', 'street', 'district']),
  source: z.object({
    /** An official text as its authority words it, or a composite assembled from several sources (to edit per district). */
    kind: z.enum(['official', 'composite']),
    citation: text(300),
    url: z.string().url().optional(),
    note: z.string().max(600).optional(),
  }),
  /** Share of the maximum (0–100) a checklist needs to pass, ★ items met. */
  passPercent: z.number().min(0, '合格线须在 0 到 100 之间（百分比）。').max(100, '合格线须在 0 到 100 之间（百分比）。'),
  /** Grades by share of the maximum, highest first (e.g. A ≥ 90, B ≥ 75). */
  grades: z.array(z.object({ code: z.string().trim().min(1).max(8), label: text(20), minPercent: z.number().min(0, '等级下限须在 0 到 100 之间（百分比）。').max(100, '等级下限须在 0 到 100 之间（百分比）。') })).max(6).default([]),
  sections: z.array(checklistSection).min(1).max(20),
});
export type ChecklistTemplate = z.infer<typeof checklistTemplate>;
