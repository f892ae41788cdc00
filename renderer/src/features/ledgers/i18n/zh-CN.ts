import { ledgersAuditWords } from '../../../../../shared/audit/words/ledgers.js';

/**
 * The ledgers feature's messages. Its screens are not built yet: for now the feature brings the audit
 * screen its words (en.ts beside this file has exactly these keys).
 */
export const zhCN = {
  audit: ledgersAuditWords,
  // The settings' 字典 tab names each dictionary by the feature that brings it.
  dictionaries: { names: { activityType: '活动类型', outreachTarget: '“五进”对象' } },
};

export type Messages = typeof zhCN;
