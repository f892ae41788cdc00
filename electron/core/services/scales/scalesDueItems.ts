import type { DueItemsProvider } from '../../dashboard/dueItems.js';
import type { ResultsService } from './resultsService.js';

/** Scales' card on the dashboard: critical answers not yet acknowledged, as this user reaches them. */
export function scalesDueItems(results: ResultsService): DueItemsProvider {
  return (session) => ({ openAlerts: results.openAlertCount(session) });
}
