import type { ChecklistItem, ChecklistTemplate } from '../../../../shared/checklist/templateSchema.js';
import { fieldRefusal } from '../../errors.js';

export type CheckedAnswer = Readonly<{ item: ChecklistItem; met: boolean | null; level: number | null; assessment: string }>;

/**
 * One item's answer as its scoring model takes it, for the 自评 and the inspector's 评估 alike: a pass-or-fail item takes
 * 达到/未达到, a levelled one the level reached, and a figure item is scored by the station's records (a note only).
 */
export function checkedAnswer(template: ChecklistTemplate, input: Readonly<{ itemId: string; met?: boolean | null | undefined; levelReached?: number | null | undefined }>): CheckedAnswer {
  const item = template.sections.flatMap((section) => section.items).find((entry) => entry.id === input.itemId);
  if (!item) throw fieldRefusal('itemId', `检查标准中没有条目 ${input.itemId}。`);
  const met = input.met ?? null;
  const level = input.levelReached ?? null;
  const { scoring } = item;
  if (scoring.model === 'levels' && met !== null) throw fieldRefusal('met', `“${item.title}”按档次评分，请选择达到的档次。`);
  if (scoring.model === 'levels' && level !== null && level >= scoring.levels.length) throw fieldRefusal('levelReached', `“${item.title}”只有 ${scoring.levels.length} 档。`);
  if (scoring.model === 'passFail' && level !== null) throw fieldRefusal('levelReached', `“${item.title}”按达到或未达到评分，没有档次。`);
  if ((scoring.model === 'formula' || scoring.model === 'proportional') && (met !== null || level !== null)) {
    throw fieldRefusal('met', `“${item.title}”由本站记录中的数据计分，不能手填结果；可以填写说明。`);
  }
  const assessment = met !== null ? (met ? '达到' : '未达到') : level !== null && scoring.model === 'levels' ? scoring.levels[level]!.text : '—';
  return { item, met, level, assessment };
}
