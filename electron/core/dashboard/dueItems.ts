import type { z } from 'zod';
import type { todayOutput } from '../../../shared/api/schemas/cases.js';
import type { Session } from '../auth/sessionStore.js';

export type TodayCards = z.output<typeof todayOutput>;

/**
 * A feature's cards on the 今日待办 page. Each feature supplies its own; the dashboard composes them
 * inside its one audited read, so no feature imports another to fill the page.
 */
export type DueItemsProvider = (session: Session) => Partial<TodayCards>;

export function composeToday(providers: readonly DueItemsProvider[], session: Session): TodayCards {
  // The contract's output check names any card no provider filled.
  return Object.assign({}, ...providers.map((provide) => provide(session))) as TodayCards;
}
