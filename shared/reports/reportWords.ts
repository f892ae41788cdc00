import type { ReportState } from '../api/schemas/reports.js';

/** The report states as the issue and the 站长 name them (issue 14): on screen (vue-i18n reads these), in files and prints. */
export const reportStateWords: Record<ReportState, string> = {
  draft: '草稿',
  review: '待审核',
  reported: '已上报',
  received: '已接收',
  returned: '退回',
};
