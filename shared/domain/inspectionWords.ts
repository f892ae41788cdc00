import type { InspectionKind, InspectionSummary, RectificationRecord } from '../api/schemas/inspections.js';

/**
 * An inspection's words in Chinese, for what core writes (the 迎检包's checklist PDF and manifest) and the screens
 * (through vue-i18n, renderer/src/features/checklist/i18n): the kinds of issue 13 (自查, 上级督导, 验收, 复查), where an
 * inspection stands, the verdict and where a 整改 task stands.
 */
export const inspectionKindWords: Readonly<Record<InspectionKind, string>> = {
  self: '自查',
  supervision: '上级督导',
  acceptance: '验收',
  recheck: '复查',
};

export const inspectionStatusWords: Readonly<Record<InspectionSummary['status'], string>> = {
  open: '检查中',
  concluded: '已出结论',
  closed: '已办结',
};

export const verdictWords: Readonly<Record<'pass' | 'fail', string>> = { pass: '通过', fail: '不通过' };

export const rectificationStatusWords: Readonly<Record<RectificationRecord['status'], string>> = {
  open: '待整改',
  submitted: '待复查',
  accepted: '复查通过',
};

/** Where a template comes from: an official text or a composite. */
export const templateSourceWords: Readonly<Record<'official' | 'composite', string>> = { official: '官方文本', composite: '汇编模板' };
