/**
 * Scoring of a knowledge questionnaire (知晓率问卷, kind 'knowledge' of the scale definition format): which items a
 * respondent answered correctly, how many, and whether that makes them 知晓 under the questionnaire's pass rule.
 * Pure and isomorphic like score.ts: core stores its result, the paper-entry form previews it.
 */
import type { ScaleDefinition } from './definitionSchema.js';
import { optionsOf, ScoreError } from './score.js';

export type KnowledgeResult = Readonly<{
  /** Per item, in order: answered correctly. */
  correct: readonly boolean[];
  correctCount: number;
  itemCount: number;
  /** 知晓: at least the pass rule's number of items answered correctly. */
  aware: boolean;
}>;

/** Every item answered with one of its own options; refused otherwise with the items named (第 3、5 题). */
export function scoreKnowledge(definition: ScaleDefinition, answers: ReadonlyArray<number | null>): KnowledgeResult {
  const { items } = definition;
  if (definition.kind !== 'knowledge' || !definition.scoring.pass) throw new ScoreError(`${definition.names.zh}不是知晓率问卷。`);
  if (answers.length !== items.length) throw new ScoreError(`问卷有 ${items.length} 道题，收到 ${answers.length} 个答案。`);
  const missing = answers.flatMap((answer, index) => (answer === null ? [index + 1] : []));
  if (missing.length > 0) throw new ScoreError(`第 ${missing.join('、')} 题未作答：知晓率问卷每题都须作答。`, { missing });
  const invalid = items.flatMap((item, index) => (optionsOf(definition, item).some((option) => option.value === answers[index]) ? [] : [index + 1]));
  if (invalid.length > 0) throw new ScoreError(`第 ${invalid.join('、')} 题的答案不是该题的选项。`, { invalid });
  const correct = items.map((item, index) => item.correct!.includes(answers[index]!));
  const correctCount = correct.filter(Boolean).length;
  return { correct, correctCount, itemCount: items.length, aware: correctCount >= definition.scoring.pass.minCorrect };
}

/** The labels of an item's correct options, for the answer key (results, the resident's feedback at the kiosk). */
export function correctLabels(definition: ScaleDefinition, index: number): string[] {
  const item = definition.items[index]!;
  return optionsOf(definition, item)
    .filter((option) => item.correct?.includes(option.value))
    .map((option) => option.label.zh);
}
