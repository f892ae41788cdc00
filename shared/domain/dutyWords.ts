import type { DutyDay } from '../api/schemas/duty.js';

/** 一 … 日, by ISO weekday (1 = Monday) less one. */
export const weekdayWords = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** What a day is, in the words of a duty roster: a holiday or 调休 by its name, else 工作日 / 周末 / 闭站. */
export function dayKindWord(day: Pick<DutyDay, 'kind' | 'name'>): string {
  if (day.name) return day.name;
  return { normal: '工作日', weekend: '周末', holiday: '节假日', workday: '调休上班', closure: '闭站' }[day.kind];
}

/** Minutes as hours with one decimal (a roster's 3.5 小时). */
export function hoursOf(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}
