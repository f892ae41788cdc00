import chineseDays from 'chinese-days';
import type { Db } from '../../db/driver.js';
import { stationDay } from '../../repositories/calendarDaysRepo.js';

/** Years whose State Council schedule chinese-days carries (each is published late in the year before). */
const officialYears: ReadonlySet<number> = new Set(
  (chineseDays.getHolidaysInRange('2004-01-01', '2040-12-31', false) as string[]).map((day) => Number(day.slice(0, 4))),
);

export type DayFacts = Readonly<{ kind: 'holiday' | 'workday' | 'closure' | 'weekend' | 'normal'; name: string; source: 'official' | 'station' | 'none' }>;

/**
 * What a day is: the station's own entry first (closures, hand-entered holidays and 调休 days for
 * years the package does not cover yet), then the official schedule from chinese-days.
 */
export function dayFacts(db: Db, day: string): DayFacts {
  const station = stationDay(db, day);
  if (station) return { ...station, source: 'station' };
  if (officialYears.has(Number(day.slice(0, 4)))) {
    const detail = chineseDays.getDayDetail(day) as { work: boolean; name: string };
    const [, chineseName] = detail.name.split(',');
    if (chineseDays.isInLieu(day) || (!detail.work && chineseName)) return { kind: 'holiday', name: chineseName ?? detail.name, source: 'official' };
    if (detail.work && chineseName) return { kind: 'workday', name: `${chineseName}调休上班`, source: 'official' };
  }
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? { kind: 'weekend', name: '', source: 'none' } : { kind: 'normal', name: '', source: 'none' };
}

export function hasOfficialSchedule(year: number): boolean {
  return officialYears.has(year);
}
