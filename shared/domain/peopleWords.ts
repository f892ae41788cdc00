import type { Employment, PersonSummary } from '../api/schemas/people.js';

/** 专职/兼职/志愿者 in Chinese, for the screens, the print and the export. */
export const employmentWords: Readonly<Record<Employment, string>> = { fulltime: '专职', parttime: '兼职', volunteer: '志愿者' };

/** 心理咨询师（二级）、社会工作者: a person's qualifications in one line (the list, the printed team list, the export). */
export function qualificationsText(qualifications: PersonSummary['qualifications'], label: (code: string) => string): string {
  return qualifications.map((item) => `${label(item.kind)}${item.level ? `（${item.level}）` : ''}`).join('、');
}
