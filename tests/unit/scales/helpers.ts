import { builtinScales } from '../../../shared/scales/library.js';
import type { ScaleDefinition, ScaleItem } from '../../../shared/scales/definitionSchema.js';
import { itemScore, optionsOf, scoreAnswers } from '../../../shared/scales/score.js';

export const scale = (id: string): ScaleDefinition => {
  const definition = builtinScales.get(id);
  if (!definition) throw new Error(`no scale ${id}`);
  return definition;
};

/** Option code giving `score` on this item (after reverse and maps). */
export function codeFor(definition: ScaleDefinition, item: ScaleItem, score: number): number {
  const option = optionsOf(definition, item).find((candidate) => itemScore(definition, item, candidate.value) === score);
  if (!option) throw new Error(`${definition.id} ${item.id} has no option scoring ${score}`);
  return option.value;
}

function scoreRange(definition: ScaleDefinition, item: ScaleItem): number[] {
  return optionsOf(definition, item)
    .map((option) => itemScore(definition, item, option.value))
    .sort((a, b) => a - b);
}

/**
 * Answers whose summed item scores equal `target`: each item takes the highest score that still
 * lets the remaining items reach the target exactly.
 */
export function answersForRawTotal(definition: ScaleDefinition, target: number): number[] {
  const items = definition.items;
  const ranges = items.map((item) => scoreRange(definition, item));
  let remaining = target;
  return items.map((item, index) => {
    const rest = ranges.slice(index + 1);
    const minRest = rest.reduce((total, range) => total + range[0]!, 0);
    const maxRest = rest.reduce((total, range) => total + range.at(-1)!, 0);
    const choice = [...ranges[index]!].reverse().find((score) => remaining - score >= minRest && remaining - score <= maxRest);
    if (choice === undefined) throw new Error(`${definition.id}: total ${target} unreachable`);
    remaining -= choice;
    return codeFor(definition, item, choice);
  });
}

export const bandOf = (id: string, answers: ReadonlyArray<number | null>) => scoreAnswers(scale(id), answers).band?.id ?? null;
