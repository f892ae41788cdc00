import type { MethodInput } from '../../../../shared/api/contract/index.js';
import { lastFullMonth } from '../../../../shared/reports/periodShift.js';

/** How the 站长 names the period a report covers; a custom range is for looking only (core keeps named periods). */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'custom';

export type PeriodChoice = {
  kind: PeriodKind;
  /** YYYY-MM */
  month: string;
  /** YYYY, for a quarter, half or year */
  year: string;
  quarter: 1 | 2 | 3 | 4;
  half: 1 | 2;
  range: [string, string] | null;
};

export const periodKinds: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year', 'custom'];

/** The last full month, and the quarter, half and year it falls in for the other kinds. */
export function defaultChoice(today: string): PeriodChoice {
  const month = lastFullMonth(today);
  const number = Number(month.slice(5, 7));
  return { kind: 'month', month, year: month.slice(0, 4), quarter: Math.ceil(number / 3) as PeriodChoice['quarter'], half: number <= 6 ? 1 : 2, range: null };
}

/** What reports.preview is asked for; null while a custom range is not chosen yet. */
export function previewInput(choice: PeriodChoice): MethodInput<'reports.preview'> | null {
  switch (choice.kind) {
    case 'month':
      return { period: choice.month };
    case 'quarter':
      return { period: `${choice.year}-Q${choice.quarter}` };
    case 'half':
      return { period: `${choice.year}-H${choice.half}` };
    case 'year':
      return { period: choice.year };
    case 'custom':
      return choice.range ? { from: choice.range[0], to: choice.range[1] } : null;
  }
}
