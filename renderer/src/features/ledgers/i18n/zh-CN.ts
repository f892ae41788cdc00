import { ledgersAuditWords } from '../../../../../shared/audit/words/ledgers.js';

/**
 * The ledgers feature's messages. Its screens are not built yet: for now the feature brings the audit
 * screen its words (en.ts beside this file has exactly these keys).
 */
export const zhCN = {
  audit: ledgersAuditWords,
};

export type Messages = typeof zhCN;
