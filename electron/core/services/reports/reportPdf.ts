import type { ReportView } from '../../../../shared/api/schemas/reports.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { reportStateWords } from '../../../../shared/reports/reportWords.js';
import type { ValueFigures } from '../../../../shared/reports/compute.js';
import type { Indicator, IndicatorSet, IndicatorValue, ReportCategory } from '../../../../shared/reports/indicatorSetSchema.js';
import { violationText, type RuleViolation } from '../../../../shared/reports/rules.js';
import { PdfLayout, textAreaWidth, type TableColumn, type TableRow } from '../../export/pdf/pdfLayout.js';

const headerColumns: TableColumn[] = [
  { header: '项目', width: 80 },
  { header: '内容', width: textAreaWidth / 2 - 80 },
  { header: '项目', width: 80 },
  { header: '内容', width: textAreaWidth / 2 - 80 },
];

const valueColumns: TableColumn[] = [
  { header: '编号', width: 46, align: 'center' },
  { header: '指标', width: textAreaWidth - 46 - 34 - 3 * 52 - 60 },
  { header: '单位', width: 34, align: 'center' },
  { header: '本期', width: 52, align: 'center' },
  { header: '上期', width: 52, align: 'center' },
  { header: '去年同期', width: 52, align: 'center' },
  { header: '分类', width: 60 },
];

export const number = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(value));

export const categoriesOf = (set: IndicatorSet) => new Map(set.categories.map((category) => [category.code, category]));

/** A value's breakdowns in words, one line per category, the options with nothing left out: "性别：男 3、女 5". */
export function breakdownWords(categories: ReadonlyMap<string, ReportCategory>, item: Indicator, figures: ValueFigures | undefined): string {
  return item.disaggregations
    .map((code) => {
      const category = categories.get(code)!;
      const cells = category.options.filter((option) => (figures?.breakdown[code]?.[option.code] ?? 0) > 0).map((option) => `${option.name} ${figures!.breakdown[code]![option.code]}`);
      return cells.length > 0 ? `${category.name}：${cells.join('、')}` : '';
    })
    .filter(Boolean)
    .join('\n');
}

/** One row per value of the set: the indicator's number on its first value, the value's name with the indicator's rate, then the caller's cells. */
export function valueRows(set: IndicatorSet, ratios: Readonly<Record<string, number | null>>, cells: (item: Indicator, value: IndicatorValue) => string[]): TableRow[] {
  return set.indicators.flatMap((item) =>
    item.values.map((value, index) => {
      const ratio = index === 0 && item.ratio ? `（${item.name} ${number(ratios[item.id])}${item.ratio.unit}）` : '';
      return { cells: [index === 0 ? item.id : '', `${value.name}${ratio}`, ...cells(item, value)] };
    }),
  );
}

/** The validation results with their notes, then the seal and signature lines that close a Chinese report. */
export function validationAndSeal(layout: PdfLayout, violations: ReadonlyArray<Pick<RuleViolation, 'ruleId' | 'name' | 'left' | 'right'> & { operator: string }>, words: Readonly<{ passed: string; noteLabel: string; notes: Readonly<Record<string, string>> }>): void {
  layout.gap(8);
  layout.keep(60);
  layout.text('校验说明', { size: 12, bold: true });
  layout.gap(3);
  if (violations.length === 0) layout.text(words.passed, { size: 10 });
  for (const violation of violations) {
    const note = words.notes[violation.ruleId];
    layout.text(`${violation.ruleId} ${violation.name}：${violationText(violation)}。${note ? `${words.noteLabel}：${note}` : ''}`, { size: 10 });
  }
  layout.gap(28);
  layout.keep(60);
  layout.spread(['单位盖章：', '负责人签字：', '日期：'], { size: 11 });
}

/**
 * The report as a Chinese 月报 on A4 (issue 14), written by core for the CLI and for saving: the title, the header
 * block (填表单位（盖章）, 报表时限, 填表人, 联系电话, 审核人, 审核时间), one row per value with the period before and a
 * year earlier, each breakdown in words under its value, the validation results with the station's notes, and the
 * seal and signature lines. The screen prints the same through the print layer.
 */
export function reportPdf(view: ReportView, demo: boolean, generatedAt: Date): Buffer {
  const { set, period, version } = view;
  const layout = new PdfLayout();
  const title = `${view.unit}社会心理服务工作${period.label}报表`;
  layout.text(title + (demo ? '（演示数据）' : ''), { size: 16, bold: true, align: 'center' });
  layout.gap(8);
  layout.table(headerColumns, [
    { cells: ['填表单位（盖章）', view.unit, '报表时限', `${period.from} 至 ${period.to}`] },
    { cells: ['填表人', version?.header.preparedBy ?? '', '联系电话', version?.header.contactPhone ?? ''] },
    { cells: ['审核人', version?.reviewedBy ?? '', '审核时间', version?.reviewedAt ? localDay(new Date(version.reviewedAt)) : ''] },
    { cells: ['报表状态', version ? `${reportStateWords[version.state]}（第 ${version.version} 版）` : '未保存的预览', '指标集', `${set.name}（第 ${set.version} 版）`] },
    ...(version?.correctionReason ? [{ cells: ['更正原因', version.correctionReason, '', ''] }] : []),
  ]);
  const categories = categoriesOf(set);
  layout.gap(8);
  layout.table(
    valueColumns,
    valueRows(set, view.ratios, (item, value) => {
      const figures = view.figures[value.code];
      const comparison = view.comparison[value.code];
      return [value.unit, number(figures?.total), number(comparison?.previous), number(comparison?.lastYear), breakdownWords(categories, item, figures)];
    }),
  );
  validationAndSeal(layout, view.violations, { passed: '本期各项校验均通过。', noteLabel: '本站说明', notes: version?.notes ?? {} });
  return layout.finish({ title, createdAt: generatedAt });
}
