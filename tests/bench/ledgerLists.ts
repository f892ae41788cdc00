import type { Db } from '../../electron/core/db/driver.js';
import { listActivities } from '../../electron/core/repositories/activitiesRepo.js';
import { listCalls } from '../../electron/core/repositories/callsRepo.js';
import { listLogs } from '../../electron/core/repositories/dutyRepo.js';
import { listMeetings } from '../../electron/core/repositories/meetingsRepo.js';
import { listSurveys } from '../../electron/core/repositories/surveysRepo.js';
import { listVisits } from '../../electron/core/repositories/visitsRepo.js';

type Month = Readonly<{ from: string; to: string }>;

/** Each ledger's screen for one month, as the screens call core (issue 12: each ≤ 50 ms p95). */
export function ledgerMonthLists(month: Month): Record<string, [method: string, input: unknown]> {
  return {
    activities: ['activities.list', month],
    visits: ['visits.list', month],
    duty: ['duty.month', { month: month.from.slice(0, 7) }],
    dutyLogs: ['duty.logs', month],
    meetings: ['meetings.list', month],
    calls: ['calls.list', month],
    callCounts: ['calls.counts', month],
    // A station's groups are few (three a year): the list has no period, the month's figures do.
    groups: ['groups.list', {}],
    groupCounts: ['groups.counts', month],
    surveys: ['surveys.list', month],
    people: ['people.list', { status: 'all' }],
    rules: ['rules.list', {}],
  };
}

/**
 * The month lists' own queries (their repositories') run straight on a connection: the raw-SQL bound of the screens
 * that read one ledger table for the month (issue 15: each figure beside the same query on a plaintext copy).
 */
export function ledgerMonthQueries(month: Month): Record<string, (db: Db) => unknown> {
  return {
    activities: (db) => listActivities(db, month),
    visits: (db) => listVisits(db, month),
    dutyLogs: (db) => listLogs(db, month),
    meetings: (db) => listMeetings(db, month),
    calls: (db) => listCalls(db, month),
    surveys: (db) => listSurveys(db, month),
  };
}
