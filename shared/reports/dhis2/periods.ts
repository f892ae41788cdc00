import { parsePeriod } from '../../domain/periods.js';

/**
 * Our period keys (shared/domain/periods.ts: 2026-11, 2026-Q4, 2026-H2, 2026) in DHIS2's three spellings: the ISO
 * period id of dataValueSets (reports-standards.md §5.4, from dhis2-docs `overview.md` "Period format"), the period
 * type name a data set carries, and ADX's start/duration form (§5.5, dhis2-docs `data.md` "ADX data format", whose
 * table misprints the quarterly start: quarters start in months 01/04/07/10).
 */
export type Dhis2PeriodType = 'Monthly' | 'Quarterly' | 'SixMonthly' | 'Yearly';

export type Dhis2Period = Readonly<{
  /** Our key, as parsePeriod reads it. */
  key: string;
  /** DHIS2's ISO period id: 202611, 2026Q4, 2026S2, 2026. */
  id: string;
  type: Dhis2PeriodType;
  /** ADX period: 2026-11-01/P1M. */
  adx: string;
  /** How a Chinese document names it: 2026年11月. */
  label: string;
  /** Inclusive calendar days. */
  from: string;
  to: string;
  /** Periods of this type since year 0: consecutive periods differ by one, so windows are counted by subtraction. */
  ordinal: number;
}>;

const shape: Readonly<Record<Dhis2PeriodType, { perYear: number; duration: string }>> = {
  Monthly: { perYear: 12, duration: 'P1M' },
  Quarterly: { perYear: 4, duration: 'P3M' },
  SixMonthly: { perYear: 2, duration: 'P6M' },
  Yearly: { perYear: 1, duration: 'P1Y' },
};

const pad = (value: number) => String(value).padStart(2, '0');

/** Every spelling of the index-th period (1-based) of its year. */
function spellings(type: Dhis2PeriodType, year: number, index: number): { key: string; id: string } {
  switch (type) {
    case 'Monthly':
      return { key: `${year}-${pad(index)}`, id: `${year}${pad(index)}` };
    case 'Quarterly':
      return { key: `${year}-Q${index}`, id: `${year}Q${index}` };
    case 'SixMonthly':
      return { key: `${year}-H${index}`, id: `${year}S${index}` };
    case 'Yearly':
      return { key: `${year}`, id: `${year}` };
  }
}

function build(type: Dhis2PeriodType, year: number, index: number): Dhis2Period | null {
  const { key, id } = spellings(type, year, index);
  const days = parsePeriod(key);
  if (!days) return null;
  const { perYear, duration } = shape[type];
  return { key, id, type, adx: `${days.from}/${duration}`, label: days.label, from: days.from, to: days.to, ordinal: year * perYear + index - 1 };
}

const typeBySpan: Readonly<Record<number, Dhis2PeriodType>> = { 1: 'Monthly', 3: 'Quarterly', 6: 'SixMonthly', 12: 'Yearly' };

/** Our key in DHIS2's spellings, or null when it names no period. */
export function toDhis2Period(key: string): Dhis2Period | null {
  const days = parsePeriod(key);
  if (!days) return null;
  const first = Number(days.from.slice(5, 7));
  const span = Number(days.to.slice(5, 7)) - first + 1;
  const type = typeBySpan[span];
  return type ? build(type, Number(days.from.slice(0, 4)), (first - 1) / span + 1) : null;
}

/** A DHIS2 period id of the four types we report in (case as DHIS2 writes it), or null: 202613, 2026W45, 2026Q5. */
export function fromDhis2PeriodId(id: string): Dhis2Period | null {
  const match = /^(\d{4})(?:(\d{2})|Q([1-4])|S([12]))?$/.exec(id);
  if (!match) return null;
  const [, year, month, quarter, half] = match;
  if (month !== undefined) return Number(month) >= 1 && Number(month) <= 12 ? build('Monthly', Number(year), Number(month)) : null;
  if (quarter !== undefined) return build('Quarterly', Number(year), Number(quarter));
  if (half !== undefined) return build('SixMonthly', Number(year), Number(half));
  return build('Yearly', Number(year), 1);
}

/** The ordinal of the period of `type` that holds a calendar day (YYYY-MM-DD). */
export function ordinalOfDay(type: Dhis2PeriodType, day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const { perYear } = shape[type];
  return year * perYear + Math.floor(((month - 1) * perYear) / 12);
}

/** The DHIS2 id of the period at an ordinal, for messages that name a period we computed (not parsed). */
export function dhis2PeriodIdAt(type: Dhis2PeriodType, ordinal: number): string {
  const { perYear } = shape[type];
  return spellings(type, Math.floor(ordinal / perYear), (ordinal % perYear) + 1).id;
}
