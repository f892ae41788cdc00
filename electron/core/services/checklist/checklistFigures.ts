import type { ChecklistFigure } from '../../../../shared/checklist/figures.js';
import type { FigureValues } from '../../../../shared/checklist/scoring.js';
import { addDays, localDay } from '../../../../shared/domain/dates.js';
import type { Db } from '../../db/driver.js';
import { lastBackupAt } from '../../repositories/backupsRepo.js';
import { bookingsIn, clientFilesOn, crisesIn, followUpsWith, ledgerEntriesIn, peopleWorking, qualifiedWorking, reportsSentIn, rulesInForce, type Period } from '../../repositories/checklistFiguresRepo.js';
import { readDutyPeriod } from '../ledgers/dutyService.js';

/** Qualifications that count as a 心理咨询人员 (seed 003 "专（兼）职心理咨询人员"): counselling, social work, psychiatry, psychotherapy. */
const counsellingQualifications = ['counsellor', 'social_worker', 'psychiatrist', 'psychotherapist'] as const;
/** Who makes a follow-up the 关爱帮扶小组's (seed 003 "社区关爱帮扶小组"): the 网格员, a 社工, a 村（居）委干部. */
const careTeam = ['grid_worker', 'social_worker', 'community_cadre'] as const;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * Every checklist figure, computed now from the records for the period (stocks on its last day). A figure the
 * records cannot give (no crisis begun, no backup yet) is null, never a made-up zero.
 */
export function computeFigures(db: Db, period: Period, now: Date): Record<ChecklistFigure, number | null> & FigureValues {
  const crises = crisesIn(db, period);
  const entries = ledgerEntriesIn(db, period);
  // Four weeks of the duty log up to the period's end: opening hours as kept, overlaps counted once.
  const duty = readDutyPeriod(db, { from: addDays(period.to, -27), to: period.to });
  const backupAt = lastBackupAt(db);
  const today = localDay(now);
  return {
    staffWorking: peopleWorking(db, period.to, false),
    counsellorsQualified: qualifiedWorking(db, period.to, counsellingQualifications),
    volunteersWorking: peopleWorking(db, period.to, true),
    weeklyOpenHours: oneDecimal(duty.totals.actualMinutes / 60 / 4),
    rulesAdopted: rulesInForce(db, period.to, false),
    managementRulesAdopted: rulesInForce(db, period.to, true),
    bookingsInPeriod: bookingsIn(db, period),
    clientFiles: clientFilesOn(db, period.to),
    crisesClosedShare: crises.started === 0 ? null : oneDecimal((crises.resolved / crises.started) * 100),
    careTeamFollowUps: followUpsWith(db, period, careTeam),
    outreachActivities: entries.activities,
    screeningVisits: entries.visits,
    meetingsHeld: entries.meetings,
    reportsSent: reportsSentIn(db, period),
    daysSinceVerifiedBackup: backupAt === null ? null : Math.max(0, (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${localDay(new Date(backupAt))}T00:00:00Z`)) / 86_400_000),
  };
}
