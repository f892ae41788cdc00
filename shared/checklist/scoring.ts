import type { ChecklistFigure } from './figures.js';
import type { ChecklistItem, ChecklistTemplate } from './templateSchema.js';
import { maxPoints } from './validateTemplate.js';

/** What a person said of an item: met or not (达到/未达到), or the level reached (0 = the lowest). Null: not assessed yet. */
export type ItemAnswer = Readonly<{ met?: boolean | null; level?: number | null }>;
/** The app's figures as computed now from the records (null: the station has no such records to count). */
export type FigureValues = Readonly<Partial<Record<ChecklistFigure, number | null>>>;

export type ItemScore = {
  id: string;
  max: number;
  /** Null while not assessed (a figure item is assessed once its figure is known). */
  score: number | null;
  /** Whether the bound figure meets the threshold the item names (null without a binding or a value). */
  evidenceHolds: boolean | null;
  key: boolean;
  tier: ChecklistItem['tier'];
};

export type ChecklistScore = {
  items: ItemScore[];
  sections: Array<{ id: string; score: number; max: number }>;
  score: number;
  max: number;
  /** Share of the maximum, one decimal. */
  percent: number;
  assessed: number;
  total: number;
  /** ★ items without full marks (assessed or not): any of them fails the checklist. */
  keyShort: string[];
  passes: boolean;
  /** Passes, and every 示范 item has full marks. */
  modelReached: boolean;
  grade: { code: string; label: string } | null;
  /** Items short of full marks, the most points missing first (★ items first of all): what to fix to pass. */
  shortfall: string[];
};

const meets = (value: number, comparison: 'atLeast' | 'atMost', threshold: number) => (comparison === 'atLeast' ? value >= threshold : value <= threshold);

function itemScore(item: ChecklistItem, answer: ItemAnswer | undefined, figures: FigureValues): ItemScore {
  const max = maxPoints(item);
  const { scoring } = item;
  let score: number | null = null;
  if (scoring.model === 'passFail' && typeof answer?.met === 'boolean') score = answer.met ? scoring.points : 0;
  if (scoring.model === 'levels' && typeof answer?.level === 'number') score = scoring.levels[Math.min(Math.max(answer.level, 0), scoring.levels.length - 1)]!.points;
  if (scoring.model === 'formula' || scoring.model === 'proportional') {
    const value = figures[scoring.figure];
    if (typeof value === 'number') {
      score = scoring.model === 'formula' ? (meets(value, scoring.comparison, scoring.threshold) ? scoring.points : 0) : Math.round(Math.min(1, value / scoring.target) * scoring.points * 10) / 10;
    }
  }
  const bound = item.evidence.figure;
  const value = bound ? figures[bound.id] : undefined;
  const evidenceHolds = bound && typeof value === 'number' ? meets(value, bound.comparison, bound.threshold) : null;
  return { id: item.id, max, score, evidenceHolds, key: item.key, tier: item.tier };
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * A checklist scored from what was assessed and what the records say: per item, per section and overall, the ★ items
 * that fail it, pass (★ met and the share at least the pass mark), the 示范 level, the grade, and what is missing.
 * Items not assessed count 0: a checklist half filled never looks better than it is.
 */
export function scoreChecklist(template: ChecklistTemplate, answers: Readonly<Record<string, ItemAnswer>>, figures: FigureValues): ChecklistScore {
  const sections = template.sections.map((section) => ({ id: section.id, items: section.items.map((item) => itemScore(item, answers[item.id], figures)) }));
  const items = sections.flatMap((section) => section.items);
  const score = oneDecimal(items.reduce((sum, item) => sum + (item.score ?? 0), 0));
  const max = items.reduce((sum, item) => sum + item.max, 0);
  const percent = max === 0 ? 0 : oneDecimal((score / max) * 100);
  const full = (item: ItemScore) => item.score !== null && item.score >= item.max;
  const keyShort = items.filter((item) => item.key && !full(item)).map((item) => item.id);
  const passes = keyShort.length === 0 && percent >= template.passPercent;
  const grade = passes ? (template.grades.find((entry) => percent >= entry.minPercent) ?? null) : null;
  const shortfall = items
    .filter((item) => !full(item))
    .sort((a, b) => Number(b.key) - Number(a.key) || b.max - (b.score ?? 0) - (a.max - (a.score ?? 0)))
    .map((item) => item.id);
  return {
    items,
    sections: sections.map((section) => ({ id: section.id, score: oneDecimal(section.items.reduce((sum, item) => sum + (item.score ?? 0), 0)), max: section.items.reduce((sum, item) => sum + item.max, 0) })),
    score,
    max,
    percent,
    assessed: items.filter((item) => item.score !== null).length,
    total: items.length,
    keyShort,
    passes,
    modelReached: passes && items.filter((item) => item.tier === 'model').every(full),
    grade: grade ? { code: grade.code, label: grade.label } : null,
    shortfall,
  };
}
