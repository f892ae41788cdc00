import type { CallCounts, CallRecord } from '../../../../shared/api/schemas/calls.js';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The 高危/困难/反复来电 flags a call carries, in words ("高危、反复来电"); none is empty. */
export function flagsText(t: Translate, call: Pick<CallRecord, 'highRisk' | 'difficult' | 'repeatCaller'>): string {
  return (['highRisk', 'difficult', 'repeatCaller'] as const)
    .filter((flag) => call[flag])
    .map((flag) => t(`calls.fields.${flag}`))
    .join('、');
}

/** Count rows in words ("情绪 3；子女教育 1"), leaving out the ones with no calls; none at all is a dash. */
export function callRowsText(rows: CallCounts['byProblemType']): string {
  const used = rows.filter((row) => row.calls > 0);
  return used.length > 0 ? used.map((row) => `${row.label} ${row.calls}`).join('；') : '—';
}

/** The month's totals line, the same on the screen and the print. */
export function callTotalsText(t: Translate, total: CallCounts['total']): string {
  return [t('calls.totals.calls', { count: total.calls }), t('calls.totals.minutes', { count: total.minutes }), t('calls.totals.flags', total)].join('；');
}
