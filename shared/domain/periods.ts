import { addDays } from './dates.js';

/** A reporting period as inclusive calendar days (YYYY-MM-DD) and how a document names it. */
export type Period = Readonly<{ from: string; to: string; label: string }>;

const pad = (value: number) => String(value).padStart(2, '0');
const lastDayOf = (year: number, month: number) => addDays(`${month === 12 ? year + 1 : year}-${pad(month === 12 ? 1 : month + 1)}-01`, -1);

function months(year: number, first: number, last: number, label: string): Period {
  return { from: `${year}-${pad(first)}-01`, to: lastDayOf(year, last), label };
}

/** The way staff and the CLI name a period: 2026 (year), 2026-11 (month), 2026-Q4 (quarter), 2026-H2 (half year). */
export const periodFormatHint = '统计期格式应为 2026（年）、2026-11（月）、2026-Q4（季度）或 2026-H2（半年）。';

/** The period a text names, or null when it names none (2026-13, 2026-Q5, "上月"). */
export function parsePeriod(text: string): Period | null {
  const match = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/i.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  const [, , month, quarter, half] = match;
  if (month !== undefined) {
    const value = Number(month);
    return value >= 1 && value <= 12 ? months(year, value, value, `${year}年${value}月`) : null;
  }
  if (quarter !== undefined) return months(year, Number(quarter) * 3 - 2, Number(quarter) * 3, `${year}年第${'一二三四'[Number(quarter) - 1]}季度`);
  if (half !== undefined) return half === '1' ? months(year, 1, 6, `${year}年上半年`) : months(year, 7, 12, `${year}年下半年`);
  return months(year, 1, 12, `${year}年`);
}

/** How a document heads a range of days: a whole month, quarter, half or year by its name, else the two days. */
export function periodLabel(from: string, to: string): string {
  const year = Number(from.slice(0, 4));
  const candidates = [`${year}`, `${year}-H1`, `${year}-H2`, ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), `${from.slice(0, 7)}`];
  const named = candidates.map(parsePeriod).find((period) => period !== null && period.from === from && period.to === to);
  return named ? named.label : from === to ? from : `${from} 至 ${to}`;
}

/**
 * The named periods a month (YYYY-MM) falls in, the month first: its quarter, half and year. The report screen opens
 * each kind of period on the one holding the last full month, and a month that ends a quarter, half or year closes
 * them: the month after is when a station reports them upward (定期上报: monthly, and at quarter, half-year and year ends).
 */
export function periodsContaining(month: string): [string, string, string, string] {
  const year = month.slice(0, 4);
  const number = Number(month.slice(5, 7));
  return [month, `${year}-Q${Math.ceil(number / 3)}`, `${year}-H${number <= 6 ? 1 : 2}`, year];
}
