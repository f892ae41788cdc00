import type { ExportFile } from '../../../../shared/api/schemas/exports.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { ExportRange } from '../../export/auditedExport.js';
import type { Vault } from '../../vault.js';
import { exportActivities } from '../ledgers/activitiesExport.js';
import { exportCalls } from '../ledgers/callsExport.js';
import { exportDuty } from '../ledgers/dutyExport.js';
import { exportGroups } from '../ledgers/groupsExport.js';
import { exportMeetings } from '../ledgers/meetingsExport.js';
import { exportPeople } from '../ledgers/peopleExport.js';
import type { PeopleService } from '../ledgers/peopleService.js';
import { exportRules } from '../ledgers/rulesExport.js';
import { exportSurveys } from '../ledgers/surveysExport.js';
import { exportVisits } from '../ledgers/visitsExport.js';

/** One ledger of a period as the ledgers feature exports it (each export audits itself). */
export type LedgerExport = (session: Session, range: ExportRange) => Promise<ExportFile>;

/**
 * The ledgers an inspector checks the period's work against (station-work-and-reporting.md §1.3: 人员台账, 制度,
 * 值班, 活动, 热线, 会议, 走访, 小组, 调查), written by the ledgers' own exports so the 迎检包 holds the same workbooks
 * the station would hand over one by one. 制度 is the register as it stands (it has no period).
 */
export function periodLedgers(vault: Vault, clock: Clock, people: PeopleService): readonly LedgerExport[] {
  return [
    (session, range) => exportPeople(vault, people, session, range),
    (session) => exportRules(vault, session),
    (session, range) => exportDuty(vault, session, range),
    (session, range) => exportActivities(vault, session, range),
    (session, range) => exportCalls(vault, session, range),
    (session, range) => exportMeetings(vault, clock, session, range),
    (session, range) => exportVisits(vault, session, range),
    (session, range) => exportGroups(vault, session, range),
    (session, range) => exportSurveys(vault, session, range),
  ];
}
