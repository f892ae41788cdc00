import ExcelJS from 'exceljs';
import type { ReportView } from '../../../../shared/api/schemas/reports.js';
import { violationText } from '../../../../shared/reports/rules.js';
import type { ShownFigure, ShownFigures } from '../../../../shared/reports/suppress.js';
import { reportStateWords } from '../../../../shared/reports/reportWords.js';
import { addA4Sheet, addHeaderRow } from '../../export/xlsxTable.js';

export type WorkbookOptions = Readonly<{ shownFigures: ShownFigures; sharedThreshold: number | null; demo: boolean }>;

const sheetOf = (workbook: ExcelJS.Workbook, name: string, widths: number[]) => addA4Sheet(workbook, name, widths, 'portrait');

const cell = (figure: ShownFigure | undefined) => figure ?? null;

/**
 * The report as a workbook (issue 14: "the same tables, one sheet per section, plus a sheet in the district's own
 * column layout when the indicator set defines one"): 报表 (the header block and every value with its comparison),
 * 分类明细 (each value by each category), 校验说明 (the validation results and the station's notes), 上报格式.
 */
export async function reportWorkbook(view: ReportView, options: WorkbookOptions): Promise<Buffer> {
  const { set, period, version } = view;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '心驿';
  const title = `${view.unit}社会心理服务工作${period.label}报表${options.demo ? '（演示数据）' : ''}${options.sharedThreshold ? '（对外共享版）' : ''}`;

  const main = sheetOf(workbook, '报表', [10, 34, 24, 8, 12, 12, 12, 12]);
  main.addRow([title]).font = { bold: true, size: 14 };
  main.mergeCells(1, 1, 1, 8);
  const header = version?.header;
  main.addRow(['填表单位', view.unit, '报表时限', `${period.from} 至 ${period.to}`]);
  main.addRow(['填表人', header?.preparedBy ?? '', '联系电话', header?.contactPhone ?? '']);
  main.addRow(['审核人', version?.reviewedBy ?? '', '审核时间', version?.reviewedAt?.slice(0, 10) ?? '']);
  main.addRow(['状态', version ? `${reportStateWords[version.state]}（第 ${version.version} 版）` : '未保存', '指标集', `${set.name}（第 ${set.version} 版）`]);
  main.addRow([]);
  addHeaderRow(main, ['指标编号', '指标', '取值', '单位', '本期', '上期', '去年同期', '比率']);
  for (const item of set.indicators) {
    item.values.forEach((value, index) => {
      const comparison = view.comparison[value.code];
      const ratio = index === 0 && item.ratio ? view.ratios[item.id] : null;
      main.addRow([item.id, index === 0 ? item.name : '', value.name, value.unit, cell(options.shownFigures[value.code]?.total), comparison?.previous ?? null, comparison?.lastYear ?? null, ratio === null || ratio === undefined ? null : `${ratio}${item.ratio!.unit}`]);
    });
  }
  if (options.sharedThreshold) main.addRow([`注：本表为对外共享版，1 至 ${options.sharedThreshold - 1} 的计数显示为“<${options.sharedThreshold}”；为防止由合计推算而补充隐藏的单元格显示为“*”。`]);

  const detail = sheetOf(workbook, '分类明细', [10, 24, 14, 26, 12]);
  addHeaderRow(detail, ['取值代码', '取值', '分类', '选项', '数']);
  const categories = new Map(set.categories.map((category) => [category.code, category]));
  for (const item of set.indicators) {
    for (const value of item.values) {
      for (const code of item.disaggregations) {
        const category = categories.get(code)!;
        for (const option of category.options) detail.addRow([value.code, value.name, category.name, option.name, cell(options.shownFigures[value.code]?.breakdown[code]?.[option.code])]);
      }
    }
  }

  const checks = sheetOf(workbook, '校验说明', [8, 30, 24, 50, 50]);
  addHeaderRow(checks, ['规则', '名称', '结果', '核对要求', '本站说明']);
  for (const violation of view.violations) {
    checks.addRow([violation.ruleId, violation.name, violationText(violation), violation.instruction, version?.notes[violation.ruleId] ?? '']);
  }
  if (view.violations.length === 0) checks.addRow(['', '本期各项校验均通过。']);

  if (set.layout) {
    const layout = sheetOf(workbook, set.layout.name, set.layout.columns.map(() => 12));
    addHeaderRow(layout, set.layout.columns.map((column) => column.header));
    layout.addRow(set.layout.columns.map((column) => cell(column.category ? options.shownFigures[column.value]?.breakdown[column.category]?.[column.option!] : options.shownFigures[column.value]?.total)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
