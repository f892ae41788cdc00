import type { DictionaryEntries } from './entries.js';

/** Built-in entries of the people ledger's dictionaries (人员台账, issue 12), merged into ledgersDictionaries. */
export const peopleDictionaries = {
  // Issue 12's list (心理咨询师, 社会工作者, 精神科医师, 教师 C 证 …): the qualifications station staff hold and the
  // periodic report counts; 心理治疗师 and 护士 for staff seconded from a hospital.
  qualificationKind: [
    ['counsellor', '心理咨询师'],
    ['social_worker', '社会工作者'],
    ['psychiatrist', '精神科医师'],
    ['psychotherapist', '心理治疗师'],
    ['teacher_c', '中小学心理健康教育教师 C 证'],
    ['nurse', '护士'],
    ['other', '其他'],
  ],
} satisfies Record<string, DictionaryEntries>;
