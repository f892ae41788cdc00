import type { InspectionKind, InspectionSummary, RectificationRecord } from '../api/schemas/inspections.js';

/**
 * An inspection's words in Chinese for what core writes (the 迎检包's checklist PDF and manifest): the kinds of
 * issue 13 (自查, 上级督导, 验收, 复查), the verdict and where a 整改 task stands.
 */
export const inspectionKindWords: Readonly<Record<InspectionKind, string>> = {
  self: '自查',
  supervision: '上级督导',
  acceptance: '验收',
  recheck: '复查',
};

export const inspectionStatusWords: Readonly<Record<InspectionSummary['status'], string>> = {
  open: '检查中',
  concluded: '已作出结论',
  closed: '已办结',
};

export const verdictWords = { pass: '通过', fail: '不通过' } as const;

export const rectificationStatusWords: Readonly<Record<RectificationRecord['status'], string>> = {
  open: '整改中',
  submitted: '待复查',
  accepted: '复查通过',
};

/** Where a template comes from, as the checklist screen says it. */
export const templateSourceWords = { official: '官方文本', composite: '汇编模板' } as const;
