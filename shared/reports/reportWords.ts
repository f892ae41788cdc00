import type { ReportState } from '../api/schemas/reports.js';
import type { StationStatus } from './district.js';

/** The report states as the issue and the 站长 name them (issue 14): on screen (vue-i18n reads these), in files and prints. */
export const reportStateWords: Record<ReportState, string> = {
  draft: '草稿',
  review: '待审核',
  reported: '已上报',
  received: '已接收',
  returned: '退回',
};

/** How a station's reporting of a period reads at the district: its tables, its screen and its XLSX. */
export const stationStatusWords: Record<StationStatus, string> = { onTime: '按时', late: '逾期', missing: '未报', notExpected: '无需上报' };
