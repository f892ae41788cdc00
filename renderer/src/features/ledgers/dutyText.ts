import type { DutyDay, DutyMonth } from '../../../../shared/api/schemas/duty.js';
import { hoursOf } from '../../../../shared/domain/dutyWords.js';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The month's opening hours against the roster and the logs, in one line: the same on the screen and the print. */
export function hoursText(t: Translate, totals: DutyMonth['totals']): string {
  const parts = [
    t('duty.hours.opening', { hours: hoursOf(totals.openingMinutes) }),
    t('duty.hours.roster', { hours: hoursOf(totals.rosterMinutes) }),
    t('duty.hours.actual', { hours: hoursOf(totals.actualMinutes) }),
  ];
  if (totals.rosterMinutes > 0) parts.push(t('duty.hours.rate', { rate: `${Math.round((totals.actualMinutes / totals.rosterMinutes) * 100)}%` }));
  return parts.join('；');
}

/** A shift or a log as "李明 09:00–12:00". */
export const timeSpan = (entry: { onDuty: { displayName: string }; startTime: string; endTime: string }) => `${entry.onDuty.displayName} ${entry.startTime}–${entry.endTime}`;

/** What a day is on the roster: a holiday or 调休 by its calendar name, else 工作日 / 周末 / 闭站. */
export const dayKindText = (t: Translate, day: Pick<DutyDay, 'kind' | 'name'>) => day.name || t(`duty.dayKinds.${day.kind}`);
