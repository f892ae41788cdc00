import type { DictionaryEntries } from './entries.js';

/** The code of the 个案研讨 kind: its minutes never reach the front desk and name no client unless a case is linked. */
export const caseDiscussionKind = 'case_discussion';

/** Built-in entries of the meetings ledger's dictionary (会议记录, issue 12), merged into ledgersDictionaries. */
export const meetingsDictionaries = {
  // seeds/003 附件3: "每半年至少召开1次党政领导参加的领导小组会议"; 联席会议 with the 街道 offices and 村（社区）;
  // 个案研讨 and 督导 of the counsellors' work; the station's own 工作例会.
  meetingKind: [
    ['leading_group', '领导小组会议'],
    ['joint', '联席会议'],
    [caseDiscussionKind, '个案研讨'],
    ['supervision', '督导'],
    ['staff', '工作例会'],
    ['training', '业务培训'],
  ],
} satisfies Record<string, DictionaryEntries>;
