/**
 * The scale definition format: any standard questionnaire as data (JSON), checked by this schema.
 * A definition says what to ask and how to score; the engine in score.ts is the only scorer of scales.
 * A knowledge questionnaire (知晓率问卷, kind 'knowledge') is the same format with a correct answer on each item and
 * a pass rule; knowledge.ts scores it, and it never joins the scale library (library.ts holds scales only).
 */
import { z } from 'zod';

const text = z.object({ zh: z.string().min(1), en: z.string().optional() });
export type LocalText = z.infer<typeof text>;

export const comparison = z.enum(['>', '>=', '<', '<=', '==']);
export type Comparison = z.infer<typeof comparison>;

/** Conditions reference item ids, subscale ids or the (raw or final) total; all compare scored values. */
export type Condition =
  | { item: string; op: Comparison; value: number }
  | { total: 'raw' | 'final'; op: Comparison; value: number }
  | { subscale: string; op: Comparison; value: number }
  | { anySubscale: string[]; op: Comparison; value: number }
  | { countItems: { op: Comparison; value: number; items?: string[] | undefined }; op: Comparison; value: number }
  | { answered: string }
  | { any: Condition[] }
  | { all: Condition[] };

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ item: z.string(), op: comparison, value: z.number() }).strict(),
    z.object({ total: z.enum(['raw', 'final']), op: comparison, value: z.number() }).strict(),
    z.object({ subscale: z.string(), op: comparison, value: z.number() }).strict(),
    z.object({ anySubscale: z.array(z.string()).min(1), op: comparison, value: z.number() }).strict(),
    z
      .object({
        countItems: z.object({ op: comparison, value: z.number(), items: z.array(z.string()).min(1).optional() }).strict(),
        op: comparison,
        value: z.number(),
      })
      .strict(),
    z.object({ answered: z.string() }).strict(),
    z.object({ any: z.array(condition).min(1) }).strict(),
    z.object({ all: z.array(condition).min(1) }).strict(),
  ]),
);

const option = z.object({ value: z.number(), label: text }).strict();

const item = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    text: text.nullable(),
    /** A shared option set by name, or the options themselves in printed order. */
    options: z.union([z.string(), z.array(option).min(2)]),
    reverse: z.boolean().default(false),
    /** Explicit option → score map (EPDS: printed position → points). Applied before `reverse`. */
    scoreMap: z.record(z.string(), z.number()).optional(),
    /** Asked only when this holds (C-SSRS skip logic); otherwise the answer must be null. */
    enableIf: condition.optional(),
    /** Who it applies to; may be left null by anyone else (PHQ-15 item 4). */
    appliesTo: z.object({ gender: z.enum(['female', 'male']) }).strict().optional(),
    /** Counted in the total (PHQ-9 item 10 is not). */
    scored: z.boolean().default(true),
    /** What a null answer scores, where null is itself an answer (AD8: 不适用/不知道 = 0). */
    nullScore: z.number().optional(),
    /** Knowledge questionnaires only: the option codes that count as a correct answer. */
    correct: z.array(z.number()).min(1).optional(),
  })
  .strict();

const band = z
  .object({
    id: z.string(),
    label: text,
    /** Inclusive lower bound on the final total (bands ascend); or a rule for rule-based scales. */
    min: z.number().optional(),
    when: condition.optional(),
    color: z.enum(['green', 'yellow', 'red', 'grey']),
    interpretation: text,
  })
  .strict();

const citation = z.object({ claim: z.string(), source: z.string().min(3) }).strict();

export const scaleDefinitionSchema = z
  .object({
    format: z.literal('xinyi-scale'),
    /** 'scale': a clinical instrument; 'knowledge': a questionnaire with correct answers (知晓率调查). */
    kind: z.enum(['scale', 'knowledge']).default('scale'),
    id: z.string().regex(/^[A-Z0-9][A-Za-z0-9-]*$/),
    version: z.number().int().positive(),
    names: text,
    instructions: text,
    timeFrame: text,
    optionSets: z.record(z.string(), z.array(option).min(2)).default({}),
    items: z.array(item).min(1),
    scoring: z
      .object({
        method: z.enum(['sum', 'mean', 'none']),
        /** Reverse items score `reverseBase − x` (SDS: 5; PSS: 4; EPDS: 3 after its position map). */
        reverseBase: z.number().optional(),
        transform: z
          .object({ multiply: z.number(), rounding: z.enum(['halfUp', 'truncate', 'none']), label: text })
          .strict()
          .optional(),
        subscales: z
          .array(z.object({ id: z.string(), names: text, items: z.array(z.string()).min(1), method: z.enum(['sum', 'mean']) }).strict())
          .default([]),
        bands: z.array(band).default([]),
        critical: z.array(z.object({ id: z.string(), when: condition, message: text }).strict()).default([]),
        screening: z.array(z.object({ id: z.string(), label: text, when: condition }).strict()).default([]),
        missing: z
          .object({ rule: z.literal('prorate'), maxMissing: z.number().int().min(1), rounding: z.enum(['halfUp', 'truncate']) })
          .strict()
          .optional(),
        /** Knowledge questionnaires only: a respondent is 知晓 who answers at least this many items correctly. */
        pass: z.object({ minCorrect: z.number().int().min(1) }).strict().optional(),
      })
      .strict(),
    licence: z
      .object({
        holder: z.string(),
        status: z.enum(['free', 'attribution', 'non-commercial', 'permission-required']),
        conditions: z.string(),
        citation: z.string(),
        /** false: the item text may not be shipped in software; a station imports licensed text. */
        textIncluded: z.boolean(),
      })
      .strict(),
    sources: z.array(citation).min(1),
    notes: z.array(z.string()).default([]),
  })
  .strict();

export type ScaleDefinition = z.output<typeof scaleDefinitionSchema>;
export type ScaleItem = ScaleDefinition['items'][number];
