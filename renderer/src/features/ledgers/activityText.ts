import type { ActivityCounts, ActivityRecord } from '../../../../shared/api/schemas/activities.js';
import { localMinute } from '../../../../shared/domain/dates.js';
import { toMinute } from '../../../../shared/domain/localTime.js';
import { parsePeriod, periodLabel, type Period } from '../../../../shared/domain/periods.js';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What an activity or a period produced, as one shape: a single activity's 咨询台 counts as one. */
export type OutputFigures = Readonly<{
  materials: number;
  displays: number;
  consultDesks: number;
  householdVisits: number;
  onlineReach: number | null;
  onlineReachEstimated: boolean;
}>;

export function figuresOf(outputs: ActivityRecord['outputs']): OutputFigures {
  return { ...outputs, consultDesks: outputs.consultDesk ? 1 : 0 };
}

export function totalFigures(total: ActivityCounts['total']): OutputFigures {
  return { ...total, onlineReach: total.onlineReach > 0 ? total.onlineReach : null };
}

/** The outputs in the words of a paper ledger ("资料 150 份、横幅/展板 2 块、咨询台 1 处"); nothing produced is a dash. */
export function outputsText(t: Translate, figures: OutputFigures): string {
  const parts = [
    figures.materials > 0 ? t('activities.outputWords.materials', { count: figures.materials }) : '',
    figures.displays > 0 ? t('activities.outputWords.displays', { count: figures.displays }) : '',
    figures.consultDesks > 0 ? t('activities.outputWords.consultDesks', { count: figures.consultDesks }) : '',
    figures.householdVisits > 0 ? t('activities.outputWords.householdVisits', { count: figures.householdVisits }) : '',
    figures.onlineReach !== null ? t(figures.onlineReachEstimated ? 'activities.outputWords.onlineReachEstimated' : 'activities.outputWords.onlineReach', { count: figures.onlineReach }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('、') : '—';
}

/** Held activities by type or by "五进" target in words ("讲座 2 场 200 人次；…"), leaving out the ones with none. */
export function countRowsText(t: Translate, rows: ActivityCounts['byType']): string {
  const held = rows.filter((row) => row.activities > 0);
  if (held.length === 0) return t('activities.totals.noneHeld');
  return held.map((row) => t('activities.totals.row', { label: row.label, activities: row.activities, participants: row.participants })).join('；');
}

/** Core's rule (activityChecks.requireNotFuture): an activity may be recorded as held once its start has passed. */
export function hasStarted(activity: Pick<ActivityRecord, 'date' | 'startTime'>, now: Date): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(activity.date) && /^\d{2}:\d{2}$/.test(activity.startTime) && toMinute(`${activity.date}T${activity.startTime}`) <= localMinute(now);
}

/** The ledger's period: a whole month (YYYY-MM) or a range of days, with the name a document heads it by. */
export function periodOf(choice: { by: 'month' | 'range'; month: string | null; range: readonly [string, string] | null }): Period | null {
  if (choice.by === 'month') return choice.month ? parsePeriod(choice.month) : null;
  if (!choice.range) return null;
  const [from, to] = choice.range;
  return { from, to, label: periodLabel(from, to) };
}
