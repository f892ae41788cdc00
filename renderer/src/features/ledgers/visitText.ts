import type { VisitCounts, VisitRecord } from '../../../../shared/api/schemas/visits.js';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * Whom a visit reached: the household's area, or the client (by name on the screens where core gave it; the printed
 * ledger, like the export, names no client).
 */
export function visitedText(t: Translate, visit: VisitRecord, named = true): string {
  if (!visit.registered) return `${t('visits.household')}（${visit.area}）`;
  const who = (named ? visit.client?.name : undefined) ?? t('visits.registeredClient');
  return visit.filedFromVisit ? `${who}（${t('visits.filed')}）` : who;
}

/** Tag rows in words ("老年人（独居） 3；青少年 1"), leaving out the tags with no visits; none at all is a dash. */
export function tagRowsText(rows: VisitCounts['byTag']): string {
  const used = rows.filter((row) => row.visits > 0);
  return used.length > 0 ? used.map((row) => `${row.label} ${row.visits}`).join('；') : '—';
}
