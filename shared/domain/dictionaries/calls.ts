import type { DictionaryEntries } from './entries.js';

/** Built-in entries of the hotline ledger's dictionaries (热线/电话咨询登记, issue 12), merged into ledgersDictionaries. */
export const callsDictionaries = {
  // Who is on the line (issue 12: 本人/家属/朋友/同事/其他).
  callerType: [
    ['self', '本人'],
    ['family', '家属'],
    ['friend', '朋友'],
    ['colleague', '同事'],
    ['other', '其他'],
  ],
  // Modelled on the 来电问题类型 columns of the 心理援助热线工作报表 (station-work-and-reporting.md §2.1: 健康问题数,
  // 精神疾病问题数, 情绪问题数, 性问题数, 恋爱问题数, 婚姻问题数, 家庭问题数, 子女教育问题…), grouped as stations log them.
  callProblemType: [
    ['emotion', '情绪'],
    ['family', '家庭关系'],
    ['love_marriage', '婚姻恋爱'],
    ['child_education', '子女教育'],
    ['interpersonal', '人际关系'],
    ['study_work_stress', '学习工作压力'],
    ['mental_illness', '精神疾病相关'],
    ['physical_health', '躯体健康'],
    ['sexuality', '性心理'],
    ['other', '其他'],
  ],
} satisfies Record<string, DictionaryEntries>;
