import { callsDictionaries } from './calls.js';
import type { DictionaryEntries } from './entries.js';
import { peopleDictionaries } from './people.js';
import { meetingsDictionaries } from './meetings.js';
import { visitsDictionaries } from './visits.js';

/**
 * Built-in entries of the ledgers' dictionaries. Sources: seeds/003 (讲座 and the "五进" of 进学校/进企业/进农村/
 * 进社区/进机关); station-work-and-reporting.md §1.3 (活动: 讲座, 咨询台, 进村入户, 宣传).
 */
export const ledgersDictionaries = {
  // Activity ledger types (issue 12): what stations hold and count as 场次 (reports-standards.md §2.3).
  activityType: [
    ['lecture', '讲座'],
    ['group_counselling', '团体辅导'],
    ['consult_desk', '义诊/咨询台'],
    ['checkup', '心理体检/测评'],
    ['sandplay', '沙盘体验'],
    ['online_post', '线上科普推文'],
    ['publicity', '宣传'],
    ['training', '培训'],
    ['crisis_support', '危机事件心理援助'],
  ],
  // seeds/003: 心理健康知识"五进"活动 — 进学校、进企业、进农村、进社区、进机关 (a tag, editable: no national scheme found).
  outreachTarget: [
    ['school', '进学校'],
    ['enterprise', '进企业'],
    ['village', '进农村'],
    ['community', '进社区'],
    ['government', '进机关'],
  ],
  ...callsDictionaries,
  ...peopleDictionaries,
  ...meetingsDictionaries,
  ...visitsDictionaries,
} satisfies Record<string, DictionaryEntries>;
