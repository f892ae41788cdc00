import { checklistFigures } from './figures.js';
import { checklistTemplate, type ChecklistItem, type ChecklistTemplate } from './templateSchema.js';

export type TemplateCheck = { ok: true; template: ChecklistTemplate } | { ok: false; problems: string[] };

/** The most an item can earn. */
export function maxPoints(item: Pick<ChecklistItem, 'scoring'>): number {
  const { scoring } = item;
  return scoring.model === 'levels' ? scoring.levels.at(-1)!.points : scoring.points;
}

function itemProblems(item: ChecklistItem, where: string): string[] {
  const problems: string[] = [];
  const { scoring } = item;
  if (scoring.model === 'levels') {
    const levels = scoring.levels;
    if (levels[0]!.points !== 0) problems.push(`${where}：最低一档须为 0 分（未达到）。`);
    for (let index = 1; index < levels.length; index += 1) {
      if (levels[index]!.points <= levels[index - 1]!.points) problems.push(`${where}：各档分值须从低到高排列，第 ${index + 1} 档不高于前一档。`);
    }
  }
  if (scoring.model === 'formula' || scoring.model === 'proportional') {
    const bound = item.evidence.figure;
    if (bound && bound.id !== scoring.figure) problems.push(`${where}：计分用的数据“${checklistFigures[scoring.figure].label}”与证据数据不一致。`);
  }
  if (scoring.model === 'proportional' && checklistFigures[scoring.figure].unit === '天') {
    problems.push(`${where}：“越少越好”的数据不能按比例计分，请用达标计分（formula, atMost）。`);
  }
  // 材料审核 alone names no material: the template must say which (an inspector cannot ask for "材料").
  if (item.methods.every((method) => method === 'materials') && item.evidence.attachments.length === 0 && !item.evidence.figure) {
    problems.push(`${where}：评估方式只有材料审核，须列出需要的材料（evidence.attachments）或本站记录中的数据（evidence.figure）。`);
  }
  if (new Set(item.evidence.attachments).size !== item.evidence.attachments.length) problems.push(`${where}：所需材料重复。`);
  if (new Set(item.methods).size !== item.methods.length) problems.push(`${where}：评估方式重复。`);
  return problems;
}

/**
 * Everything the schema cannot say about a checklist template: unique ids, levels rising from 0, a figure scored and
 * evidenced the same, grades falling, a pass mark a checklist can reach. A district's import gets every problem at
 * once with its place (section, item), in Chinese; nothing is guessed.
 */
export function validateTemplate(raw: unknown): TemplateCheck {
  const parsed = checklistTemplate.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '（根）'}：${issue.message}`) };
  const template = parsed.data;
  const problems: string[] = [];
  const sectionIds = new Set<string>();
  const itemIds = new Set<string>();
  for (const section of template.sections) {
    if (sectionIds.has(section.id)) problems.push(`部分编号 ${section.id} 重复。`);
    sectionIds.add(section.id);
    for (const item of section.items) {
      const where = `“${section.title}”的条目 ${item.id}（${item.title}）`;
      if (itemIds.has(item.id)) problems.push(`条目编号 ${item.id} 重复。`);
      itemIds.add(item.id);
      problems.push(...itemProblems(item, where));
    }
  }
  for (let index = 1; index < template.grades.length; index += 1) {
    if (template.grades[index]!.minPercent >= template.grades[index - 1]!.minPercent) problems.push(`等级须从高到低排列：${template.grades[index]!.label} 的下限不低于前一级。`);
  }
  if (template.grades.some((grade) => grade.minPercent < template.passPercent)) problems.push('等级的下限不能低于合格线（passPercent）。');
  if (!template.sections.some((section) => section.items.some((item) => item.tier === 'basic'))) problems.push('模板须至少有一项基本要求（tier 为 basic）。');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template };
}

/** A template shipped with the app: a failure is a build bug, thrown at load. */
export function loadShippedTemplate(raw: unknown): ChecklistTemplate {
  const checked = validateTemplate(raw);
  if (!checked.ok) throw new Error(`shipped checklist template is invalid: ${checked.problems.join('; ')}`);
  return checked.template;
}
