import type { ChecklistItem } from '../../../../shared/checklist/templateSchema.js';

type Translate = (key: string) => string;

/** What was said of an item in words (达到, the level's text, 由记录计分), or `unassessed` when nothing was. */
export function answerText(t: Translate, item: ChecklistItem, answer: Readonly<{ met: boolean | null; level: number | null }> | undefined, unassessed: string): string {
  if (item.scoring.model === 'formula' || item.scoring.model === 'proportional') return t('checklist.fromRecords');
  if (item.scoring.model === 'levels' && typeof answer?.level === 'number') return item.scoring.levels[answer.level]?.text ?? '';
  if (typeof answer?.met === 'boolean') return t(answer.met ? 'checklist.met' : 'checklist.notMet');
  return unassessed;
}
