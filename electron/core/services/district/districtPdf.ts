import type { DistrictOverview } from '../../../../shared/api/schemas/district.js';
import { localDay } from '../../../../shared/domain/dates.js';
import type { PackagePayload } from '../../../../shared/reports/packageFormat.js';
import { stationStatusWords } from '../../../../shared/reports/reportWords.js';
import { checkRules } from '../../../../shared/reports/rules.js';
import { PdfLayout, textAreaWidth, type TableColumn } from '../../export/pdf/pdfLayout.js';
import { breakdownWords, categoriesOf, number, validationAndSeal, valueRows } from '../reports/reportPdf.js';

const half = textAreaWidth / 2;
const headerColumns: TableColumn[] = [
  { header: '项目', width: 80 },
  { header: '内容', width: half - 80 },
  { header: '项目', width: 80 },
  { header: '内容', width: half - 80 },
];
const valueColumns: TableColumn[] = [
  { header: '编号', width: 46, align: 'center' },
  { header: '指标', width: textAreaWidth - 46 - 34 - 60 - 150 },
  { header: '单位', width: 34, align: 'center' },
  { header: '辖区合计', width: 60, align: 'center' },
  { header: '分类', width: 150 },
];
const stationColumns: TableColumn[] = [
  { header: '站点', width: textAreaWidth - 96 - 60 - 50 - 90 },
  { header: '行政区划代码', width: 96, align: 'center' },
  { header: '上报状态', width: 60, align: 'center' },
  { header: '版本', width: 50, align: 'center' },
  { header: '生成日期', width: 90, align: 'center' },
];
const derivedColumns: TableColumn[] = [
  { header: '编号', width: 46, align: 'center' },
  { header: '指标', width: 150 },
  { header: '数值', width: 70, align: 'center' },
  { header: '口径', width: textAreaWidth - 46 - 150 - 70 },
];

export type DistrictPdfContext = Readonly<{ unit: string; demo: boolean; latest: PackagePayload | null; changed: boolean; generatedAt: Date }>;

/** Where the period stands upward: not yet sent, sent as version N, or sent and changed since. */
function upwardState({ latest, changed }: DistrictPdfContext): string {
  if (!latest) return '未上报（本表为当前汇总）';
  return `已上报第 ${latest.manifest.version} 版${changed ? '；其后收到的站点报表有变化，本表为当前汇总，须生成更正版本' : ''}`;
}

/**
 * The district's 汇总表 for a period on A4 (issue 14): the header block, reporting completeness and timeliness, every
 * value's district total with its breakdowns, the stations one by one, DST01–DST06 with how each was computed, the
 * validation results of the totals, and the seal and signature lines.
 */
export function districtPdf(overview: DistrictOverview, context: DistrictPdfContext): Buffer {
  const { set, period, completeness } = overview;
  const header = context.latest?.manifest.header;
  const layout = new PdfLayout();
  const title = `${context.unit}辖区社会心理服务工作${period.label}汇总表`;
  layout.text(title + (context.demo ? '（演示数据）' : ''), { size: 16, bold: true, align: 'center' });
  layout.gap(8);
  layout.table(headerColumns, [
    { cells: ['填表单位（盖章）', context.unit, '报表时限', `${period.from} 至 ${period.to}`] },
    { cells: ['填表人', header?.preparedBy ?? '', '联系电话', header?.contactPhone ?? ''] },
    { cells: ['审核人', header?.reviewer ?? '', '审核时间', header ? localDay(new Date(header.reviewedAt)) : ''] },
    { cells: ['上报状态', upwardState(context), '指标集', `${set.name}（第 ${set.version} 版）`] },
    {
      cells: [
        '站点上报',
        `应报 ${completeness.expected}，已报 ${completeness.received}（按时 ${completeness.onTime}，逾期 ${completeness.late}），未报 ${completeness.missing}`,
        '完整率 / 及时率',
        `${number(completeness.rate)}% / ${number(completeness.onTimeRate)}%`,
      ],
    },
  ]);
  const categories = categoriesOf(set);
  layout.gap(8);
  layout.table(
    valueColumns,
    valueRows(set, overview.ratios, (item, value) => [value.unit, String(overview.totals[value.code]?.total ?? 0), breakdownWords(categories, item, overview.totals[value.code])]),
  );
  layout.gap(8);
  layout.keep(60);
  layout.text('各站点上报情况', { size: 12, bold: true });
  layout.gap(3);
  layout.table(
    stationColumns,
    overview.stations.map((row) => ({
      cells: [`${row.name}${row.silentSixMonths ? '（连续六个月未报）' : ''}`, row.regionCode, stationStatusWords[row.status], row.version === null ? '—' : `第 ${row.version} 版`, row.generatedAt ? localDay(new Date(row.generatedAt)) : '—'],
    })),
  );
  layout.gap(8);
  layout.keep(60);
  layout.text('辖区派生指标', { size: 12, bold: true });
  layout.gap(3);
  layout.table(
    derivedColumns,
    overview.derived.map((derived) => ({ cells: [derived.id, derived.name, derived.value === null ? '—' : `${derived.value}${derived.unit}`, derived.basis] })),
  );
  validationAndSeal(layout, checkRules(set, overview.totals), { passed: '辖区合计的各项校验均通过。', noteLabel: '说明', notes: context.latest?.notes ?? {} });
  return layout.finish({ title, createdAt: context.generatedAt });
}
