import type { DistrictOverview, DistrictSettings } from '../api/schemas/district.js';
import type { SetFigures } from './compute.js';

const total = (figures: SetFigures, code: string) => figures[code]?.total;
const share = (part: number | undefined, whole: number | null | undefined, per = 100) => (part === undefined || !whole ? null : Math.round((part / whole) * per * 10) / 10);

/**
 * DST01–DST06, the district's derived indicators (reports-standards.md §3.1), from its totals, its completeness and
 * its own settings; each says how it was computed, and is null where an input is missing rather than a made-up zero.
 */
export function derivedIndicators(totals: SetFigures, completeness: DistrictOverview['completeness'], settings: DistrictSettings, months: number): DistrictOverview['derived'] {
  return [
    { id: 'DST01', name: '社会心理服务站（室）建成率', value: share(total(totals, 'CHK01C'), settings.communities), unit: '%', basis: '自查达标的站点数 ÷ 辖区村（社区）数（在“辖区设置”中填写）' },
    { id: 'DST02', name: '报表完整率', value: completeness.rate, unit: '%', basis: '收到的报表 ÷ 应报报表（期内在运行的站点 × 月数）' },
    { id: 'DST03', name: '报表及时率', value: completeness.onTimeRate, unit: '%', basis: `按时报表 ÷ 应报报表（月末后 ${settings.timelyDays} 天内生成上报文件为按时）` },
    { id: 'DST04', name: '每千常住人口个体咨询人次', value: share(total(totals, 'SPS01'), settings.residents, 1000), unit: '人次/千人', basis: '个体咨询人次 ÷ 常住人口 × 1000（常住人口在“辖区设置”中填写）' },
    { id: 'DST05', name: '转介闭环率', value: share(total(totals, 'SPS09B'), total(totals, 'SPS09A')), unit: '%', basis: '转介回执数 ÷ 转介人次' },
    {
      id: 'DST06',
      name: '人员培训覆盖率',
      // The stations send distinct trainees per month; several months' sums would count a person once per month.
      value: months === 1 ? share(total(totals, 'SPS17C'), total(totals, 'SPS16A')) : null,
      unit: '%',
      basis: months === 1 ? '当月参加培训督导的人数 ÷ 期末在岗人员' : '只按月计算：多月的参训人数无法由各月报表去重',
    },
  ];
}
