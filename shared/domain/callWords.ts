import type { CallOutcome } from '../api/schemas/calls.js';

/** The outcome of a hotline call in Chinese (issue 12: 疏导/转介/报警/120/转本站个案), for the screen, the print and the export. */
export const callOutcomeWords: Readonly<Record<CallOutcome, string>> = {
  counselled: '疏导',
  referred: '转介',
  police: '报警',
  ambulance: '120',
  station_case: '转本站个案',
};

/** How long a call is kept before it may be removed (心理援助热线技术指南: 登记、处理记录 "保存期限至少3年"). */
export const callRetentionYears = 3;

/** The same date `years` on (or back); 29 Feb becomes 1 Mar. */
function yearsFrom(day: string, years: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + years, month - 1, date)).toISOString().slice(0, 10);
}

/** The first day a call of `day` may be removed: the same date three years on. */
export const callRemovableFrom = (day: string): string => yearsFrom(day, callRetentionYears);

/** The earliest day of the calls still within their keeping on `today`: a client's recent calls (the client page). */
export const callKeptSince = (today: string): string => yearsFrom(today, -callRetentionYears);
