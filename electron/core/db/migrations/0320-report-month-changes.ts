import { changeTriggers } from './changeTriggers.js';
import type { Migration } from './types.js';

/**
 * The report's flows counted by the month their records fall in (issue 15): recording a session of this month leaves
 * last year's figures kept, so a year's report after one new note recomputes one year of sessions, not two. A day
 * column gives its month; an instant (stored in UTC) marks the months fourteen hours either side of it, so whatever
 * the station's time zone, the local month it fell in is marked. An update marks the record's month before and after.
 */
const datedColumns: Readonly<Record<string, { column: string; instant: boolean }>> = {
  counselling_sessions: { column: 'held_on', instant: false },
  scale_results: { column: 'completed_at', instant: true },
  crises: { column: 'started_at', instant: true },
  referrals: { column: 'sent_on', instant: false },
  follow_ups: { column: 'done_on', instant: false },
  activities: { column: 'held_on', instant: false },
  screening_visits: { column: 'visited_on', instant: false },
  hotline_calls: { column: 'called_on', instant: false },
  person_trainings: { column: 'held_on', instant: false },
  volunteer_service_hours: { column: 'served_on', instant: false },
  meetings: { column: 'held_on', instant: false },
};

/** The months a record's date marks, as SQL over `row` (NEW or OLD); a record without a date (a follow-up not done) marks none. */
function monthsOf(row: 'NEW' | 'OLD', { column, instant }: { column: string; instant: boolean }): string[] {
  const value = `${row}.${column}`;
  return instant ? [`strftime('%Y-%m', ${value}, '-14 hours')`, `strftime('%Y-%m', ${value}, '+14 hours')`] : [`substr(${value}, 1, 7)`];
}

function countedByMonth(table: string): string {
  const dated = datedColumns[table]!;
  return changeTriggers(
    table,
    'counted_month',
    (rows) => `INSERT INTO report_month_changes (table_name, month, changes)
          SELECT '${table}', month, 1 FROM (${rows.flatMap((row) => monthsOf(row, dated)).map((month) => `SELECT ${month} AS month`).join(' UNION ')}) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1;`,
  );
}

export const migration: Migration = {
  version: 320,
  name: 'report-month-changes',
  up(db) {
    db.exec(`
      CREATE TABLE report_month_changes (
        table_name TEXT NOT NULL,
        month TEXT NOT NULL,
        changes INTEGER NOT NULL,
        PRIMARY KEY (table_name, month)
      ) STRICT, WITHOUT ROWID;
      ${Object.keys(datedColumns).map(countedByMonth).join('\n')}
    `);
  },
};
