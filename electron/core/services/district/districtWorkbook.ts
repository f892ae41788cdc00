import ExcelJS from 'exceljs';
import type { DistrictOverview } from '../../../../shared/api/schemas/district.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { stationStatusWords } from '../../../../shared/reports/reportWords.js';
import { addA4Sheet, addHeaderRow } from '../../export/xlsxTable.js';


const sheetOf = (workbook: ExcelJS.Workbook, name: string, widths: number[]) => addA4Sheet(workbook, name, widths, 'landscape', 2);

function heading(sheet: ExcelJS.Worksheet, title: string, headers: string[]): void {
  sheet.addRow([title]).font = { bold: true, size: 14 };
  addHeaderRow(sheet, headers);
}

/**
 * The district's tables for a period (issue 14): 辖区汇总 (every value's district total, the rates recomputed from the
 * totals, DST01–DST06 with how each was computed), 各站数值 (one row per station, one column per value: the drill
 * from a district figure to each station's), and 上报情况 (completeness and timeliness, station by station).
 */
export async function districtWorkbook(overview: DistrictOverview, district: string): Promise<Buffer> {
  const { set, period, completeness } = overview;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '心驿';
  const title = (what: string) => `${district} · ${what} · ${period.label}`;

  const totals = sheetOf(workbook, '辖区汇总', [10, 36, 26, 8, 12]);
  heading(totals, title('辖区汇总'), ['编号', '指标', '取值', '单位', '合计']);
  for (const item of set.indicators) {
    item.values.forEach((value, index) => totals.addRow([index === 0 ? item.id : '', index === 0 ? item.name : '', value.name, value.unit, overview.totals[value.code]?.total ?? 0]));
    if (item.ratio) totals.addRow(['', '', `${item.name}（由合计计算）`, item.ratio.unit, overview.ratios[item.id] ?? '—']);
  }
  totals.addRow([]);
  for (const derived of overview.derived) totals.addRow([derived.id, derived.name, derived.basis, derived.unit, derived.value ?? '—']);

  const values = set.indicators.flatMap((item) => item.values);
  const byStation = sheetOf(workbook, '各站数值', [28, 16, ...values.map(() => 10)]);
  heading(byStation, title('各站数值'), ['站点', '行政区划代码', ...values.map((value) => `${value.code} ${value.name}`)]);
  for (const station of overview.stations) byStation.addRow([station.name, station.regionCode, ...values.map((value) => station.figures?.[value.code]?.total ?? null)]);
  byStation.addRow(['合计', '', ...values.map((value) => overview.totals[value.code]?.total ?? 0)]).font = { bold: true };

  const reporting = sheetOf(workbook, '上报情况', [28, 16, 10, 8, 18, 14]);
  heading(reporting, title('上报情况'), ['站点', '行政区划代码', '状态', '版本', '生成时间', '连续六个月未报']);
  for (const station of overview.stations) {
    reporting.addRow([station.name, station.regionCode, stationStatusWords[station.status], station.version, station.generatedAt ? `${localDay(new Date(station.generatedAt))}` : '', station.silentSixMonths ? '是' : '']);
  }
  reporting.addRow([]);
  reporting.addRow([`应报 ${completeness.expected}，已报 ${completeness.received}（按时 ${completeness.onTime}，逾期 ${completeness.late}），未报 ${completeness.missing}；完整率 ${completeness.rate ?? '—'}%，及时率 ${completeness.onTimeRate ?? '—'}%${completeness.strong ? '（≥ 90%）' : ''}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
