/**
 * The one scoring engine (pure, isomorphic): the kiosk preview and core both call it, and core's
 * result is the one stored. Answers are option codes in item order, null where skipped.
 */
import type { Comparison, Condition, LocalText, ScaleDefinition, ScaleItem } from './definitionSchema.js';

export type ScoreResult = {
  scaleId: string;
  version: number;
  /** Headline score: the transformed standard score where the scale has one (SDS/SAS), else raw. */
  total: number | null;
  raw: number | null;
  subscales: Record<string, number>;
  band: { index: number; id: string; label: string } | null;
  critical: boolean;
  criticalReasons: Array<{ id: string; message: string }>;
  flags: Array<{ id: string; label: string }>;
  /** Items missing but allowed by the scale's own missing-data rule (K10 proration). */
  prorated: boolean;
};

export class ScoreError extends Error {
  constructor(
    message: string,
    readonly details: { missing?: number[]; invalid?: number[] } = {},
  ) {
    super(message);
    this.name = 'ScoreError';
  }
}

const compare = (left: number, op: Comparison, right: number): boolean =>
  op === '>' ? left > right : op === '>=' ? left >= right : op === '<' ? left < right : op === '<=' ? left <= right : left === right;

/** Half up for positive scores: 52.5 → 53 (Zung's conversion table; scales.md §3.1). */
export function roundScore(value: number, rounding: 'halfUp' | 'truncate' | 'none'): number {
  if (rounding === 'none') return value;
  return rounding === 'halfUp' ? Math.floor(value + 0.5 + 1e-9) : Math.trunc(value);
}

export function optionsOf(definition: ScaleDefinition, item: ScaleItem) {
  return typeof item.options === 'string' ? (definition.optionSets[item.options] ?? []) : item.options;
}

/** Reverse scoring is a reflection (base − x), so applying it twice gives the original. */
export function reverseScore(base: number, value: number): number {
  return base - value;
}

/** Item score: explicit map first, then reverse where the item is reverse-keyed. */
export function itemScore(definition: ScaleDefinition, item: ScaleItem, answer: number): number {
  const mapped = item.scoreMap ? item.scoreMap[String(answer)]! : answer;
  return item.reverse ? reverseScore(definition.scoring.reverseBase!, mapped) : mapped;
}

type Facts = {
  scores: Map<string, number | null>;
  raw: number | null;
  total: number | null;
  subscales: Record<string, number>;
};

function holds(condition: Condition, facts: Facts): boolean {
  if ('any' in condition) return condition.any.some((part) => holds(part, facts));
  if ('all' in condition) return condition.all.every((part) => holds(part, facts));
  if ('answered' in condition) return facts.scores.get(condition.answered) != null;
  if ('item' in condition) {
    const score = facts.scores.get(condition.item);
    return score != null && compare(score, condition.op, condition.value);
  }
  if ('total' in condition) {
    const total = condition.total === 'raw' ? facts.raw : facts.total;
    return total !== null && compare(total, condition.op, condition.value);
  }
  if ('subscale' in condition) {
    const value = facts.subscales[condition.subscale];
    return value !== undefined && compare(value, condition.op, condition.value);
  }
  if ('anySubscale' in condition) {
    return condition.anySubscale.some((id) => facts.subscales[id] !== undefined && compare(facts.subscales[id]!, condition.op, condition.value));
  }
  const { items, op, value } = condition.countItems;
  const pool = items ? items.map((id) => facts.scores.get(id) ?? null) : [...facts.scores.values()];
  const count = pool.filter((score) => score !== null && compare(score, op, value)).length;
  return compare(count, condition.op, condition.value);
}

const zh = (text: LocalText) => text.zh;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Which items the scale asks, given the answers so far (skip logic such as C-SSRS 3–5 after "no"):
 * the rule the scorer applies, for the kiosk and the counsellor's form to follow.
 */
export function askedItems(definition: ScaleDefinition, answers: ReadonlyArray<number | null>): boolean[] {
  const scores = new Map<string, number | null>();
  const facts: Facts = { scores, raw: null, total: null, subscales: {} };
  return definition.items.map((item, index) => {
    const asked = !item.enableIf || holds(item.enableIf, facts);
    const answer = answers[index] ?? null;
    const valid = asked && answer !== null && optionsOf(definition, item).some((option) => option.value === answer);
    scores.set(item.id, valid ? itemScore(definition, item, answer) : asked && answer === null ? (item.nullScore ?? null) : null);
    return asked;
  });
}

export function scoreAnswers(definition: ScaleDefinition, answers: ReadonlyArray<number | null>): ScoreResult {
  const { items, scoring } = definition;
  if (answers.length !== items.length) {
    throw new ScoreError(`${definition.id} 有 ${items.length} 道题，收到 ${answers.length} 个答案。`);
  }
  // First pass: validate codes and compute item scores, so skip conditions can see earlier answers.
  const scores = new Map<string, number | null>();
  const missing: number[] = [];
  const invalid: number[] = [];
  const facts: Facts = { scores, raw: null, total: null, subscales: {} };
  const asked = askedItems(definition, answers);
  items.forEach((item, index) => {
    const answer = answers[index] ?? null;
    const enabled = asked[index]!;
    if (answer === null && item.nullScore !== undefined && enabled) {
      scores.set(item.id, item.nullScore);
      return;
    }
    if (answer === null) {
      scores.set(item.id, null);
      if (enabled && !item.appliesTo && item.scored) missing.push(index + 1);
      return;
    }
    if (!enabled) {
      invalid.push(index + 1);
      return;
    }
    if (!Number.isFinite(answer) || !optionsOf(definition, item).some((option) => option.value === answer)) {
      invalid.push(index + 1);
      return;
    }
    scores.set(item.id, itemScore(definition, item, answer));
  });
  if (invalid.length > 0) {
    throw new ScoreError(`第 ${invalid.join('、')} 题的答案不在选项范围内，或该题按跳题规则应留空。`, { invalid });
  }
  const allowedMissing = scoring.missing?.maxMissing ?? 0;
  if (missing.length > allowedMissing) {
    throw new ScoreError(`第 ${missing.join('、')} 题未作答。`, { missing });
  }

  const scoredItems = items.filter((item) => item.scored);
  const answered = scoredItems.map((item) => scores.get(item.id)).filter((score): score is number => score != null);
  let raw: number | null = null;
  if (scoring.method === 'sum') {
    raw = sum(answered);
    // K10 (PMHC-MDS): one missing item is prorated as round(sum / answered × all); two or more invalidate.
    if (missing.length > 0 && scoring.missing) raw = roundScore((raw / answered.length) * scoredItems.length, scoring.missing.rounding);
  } else if (scoring.method === 'mean') {
    raw = answered.length > 0 ? sum(answered) / answered.length : null;
  }
  const total = raw === null ? null : scoring.transform ? roundScore(raw * scoring.transform.multiply, scoring.transform.rounding) : raw;

  const subscales: Record<string, number> = {};
  for (const subscale of scoring.subscales) {
    const values = subscale.items.map((id) => scores.get(id)).filter((score): score is number => score != null);
    subscales[subscale.id] = subscale.method === 'sum' ? sum(values) : values.length > 0 ? Number((sum(values) / values.length).toFixed(2)) : 0;
  }
  Object.assign(facts, { raw, total, subscales });

  const bandIndex = (() => {
    const bands = scoring.bands;
    if (bands.length === 0) return -1;
    if (bands[0]!.min !== undefined) {
      if (total === null) return -1;
      let found = -1;
      bands.forEach((band, index) => {
        if (total >= band.min!) found = index;
      });
      return found;
    }
    // Rule bands ascend in risk; the highest that holds wins, the first is the default.
    for (let index = bands.length - 1; index > 0; index -= 1) if (holds(bands[index]!.when!, facts)) return index;
    return 0;
  })();
  const band = bandIndex >= 0 ? { index: bandIndex, id: scoring.bands[bandIndex]!.id, label: zh(scoring.bands[bandIndex]!.label) } : null;

  const criticalReasons = scoring.critical.filter((rule) => holds(rule.when, facts)).map((rule) => ({ id: rule.id, message: zh(rule.message) }));
  return {
    scaleId: definition.id,
    version: definition.version,
    total,
    raw,
    subscales,
    band,
    critical: criticalReasons.length > 0,
    criticalReasons,
    flags: scoring.screening.filter((rule) => holds(rule.when, facts)).map((rule) => ({ id: rule.id, label: zh(rule.label) })),
    prorated: missing.length > 0,
  };
}
