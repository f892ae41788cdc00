import type { z } from 'zod';
import type { followUpRecordInput, riskGradeInput } from '../../../../shared/api/schemas/cases.js';
import type { RiskLevel } from '../../../../shared/api/schemas/clients.js';
import { addDays, localDay, localMinute } from '../../../../shared/domain/dates.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import type { EventBus } from '../../events.js';
import { settleFollowUpBookings } from '../../repositories/appointmentsRepo.js';
import { clientExists, currentRiskOf, listRowOf, setCurrentRisk } from '../../repositories/clientsRepo.js';
import {
  completeFollowUp,
  dueFollowUps,
  followUpCounts,
  followUpsOfClient,
  insertRiskGrade,
  overdueFollowUps,
  readFollowUp,
  recentRedGrades,
  riskHistory,
  scheduleFollowUp,
} from '../../repositories/riskRepo.js';
import { readSettings } from '../../repositories/settingsRepo.js';
import { unsignedSessionCount, unsignedSessions } from '../../repositories/sessionsRepo.js';
import { findUserById } from '../../repositories/usersRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, caseAccessOf, requireClientCases, requireClientHistory } from '../../access/clinicalReach.js';
import { requireActiveCodes } from './dictionaryCodes.js';

const severity: Record<RiskLevel, number> = { green: 0, yellow: 1, red: 2 };

/** 三色预警 grading with its history, and the follow-up (随访) plan it drives. */
export class RiskService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  private today(): string {
    return localDay(this.clock.now());
  }

  /** Record a grade, set the client's colour, and schedule the next follow-up by the station's plan. */
  gradeWithin(db: Db, session: Session, clientId: number, level: RiskLevel, reason: string, evidence: string, fromDay = this.today()): number {
    const at = this.clock.now().toISOString();
    const id = insertRiskGrade(db, { clientId, level, reason, evidence }, session.userId ?? 0, at);
    setCurrentRisk(db, clientId, level, at);
    const days = readSettings(db).followUpDays[level];
    scheduleFollowUp(db, clientId, level, addDays(fromDay, days));
    return id;
  }

  private currentLevel(db: Db, clientId: number): RiskLevel | null {
    return currentRiskOf(db, clientId);
  }

  grade(session: Session, input: z.output<typeof riskGradeInput>) {
    return this.vault.write((db, audit) => {
      if (!clientExists(db, input.clientId)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      requireClientCases(db, session, input.clientId);
      const previous = this.currentLevel(db, input.clientId);
      const id = this.gradeWithin(db, session, input.clientId, input.level, input.reason, input.evidence);
      audit({ ...actorOf(session), action: 'risk.grade', objectType: 'client', objectId: input.clientId, detail: { level: input.level, previous, gradeId: id } });
      const history = requireClientHistory(db, session, input.clientId);
      return { history: riskHistory(db, input.clientId).filter((grade) => history.reaches(grade.gradedAt)), followUps: history.followUps(followUpsOfClient(db, input.clientId, this.today())) };
    });
  }

  /**
   * 报告站长 after a red grade: offered to the counsellor, never done for them. Audited (who told whom
   * about which client, no content) and sent at once to the 站长's open screens.
   */
  notifyManager(session: Session, clientId: number) {
    const notice = this.vault.write((db, audit) => {
      if (!clientExists(db, clientId)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      requireClientCases(db, session, clientId);
      if (this.currentLevel(db, clientId) !== 'red') throw new AppError('INVALID_INPUT', '该来访者当前不是红色预警，无需报告站长。');
      audit({ ...actorOf(session), action: 'risk.notifyManager', objectType: 'client', objectId: clientId });
      const by = findUserById(db, session.userId ?? 0)?.displayName ?? session.username;
      return { clientName: listRowOf(db, clientId, this.today(), false)?.name ?? '', by };
    });
    this.events.emit({ name: 'risk.managerNotified', payload: { clientId, ...notice } });
    return { notifiedAt: this.clock.now().toISOString() };
  }

  /** A follow-up re-assesses the colour; lowering it needs a reason (the rule). */
  recordFollowUp(session: Session, input: z.output<typeof followUpRecordInput>) {
    return this.vault.write((db, audit) => {
      const followUp = readFollowUp(db, input.followUpId, this.today());
      if (!followUp) throw new AppError('NOT_FOUND', '找不到该随访任务。');
      requireClientCases(db, session, followUp.clientId);
      if (followUp.status !== 'due') throw new AppError('INVALID_INPUT', '该随访已完成或已取消。');
      if (input.doneOn > this.today()) throw new AppError('INVALID_INPUT', '随访日期不能晚于今天。');
      const lowered = severity[input.reassessedLevel] < severity[followUp.level];
      if (lowered && input.reason.length < 2) {
        throw new AppError('INVALID_INPUT', '降低预警等级须填写理由。', [{ path: 'reason', message: '降低预警等级须填写理由。' }]);
      }
      requireActiveCodes(db, 'followUpParticipant', input.participants, '随访参与人员');
      completeFollowUp(db, followUp.id, input, session.userId ?? 0);
      settleFollowUpBookings(db, followUp.id, localMinute(this.clock.now()), session.userId ?? 0);
      const reason = input.reason || `随访复评：${input.findings.slice(0, 60)}`;
      // The next follow-up counts from the day this one was done, not the day it was typed in.
      this.gradeWithin(db, session, followUp.clientId, input.reassessedLevel, reason, 'follow_up', input.doneOn);
      audit({ ...actorOf(session), action: 'followUps.record', objectType: 'followUp', objectId: followUp.id, detail: { level: input.reassessedLevel, lowered } });
      return requireClientHistory(db, session, followUp.clientId).followUps(followUpsOfClient(db, followUp.clientId, this.today()));
    });
  }

  list(session: Session, scope: 'due' | 'overdue' | 'client', withinDays: number, clientId?: number) {
    const access = caseAccessOf(session);
    const reach = { userId: access.seesAll ? null : access.userId };
    const today = this.today();
    if (scope === 'client') {
      if (clientId === undefined) throw new AppError('INVALID_INPUT', '请指定来访者。');
      return auditedRead(this.vault, session, { action: 'followUps.list', objectType: 'client', objectId: clientId }, (db) => {
        return requireClientHistory(db, session, clientId).followUps(followUpsOfClient(db, clientId, today));
      });
    }
    return auditedRead(this.vault, session, { action: 'followUps.list', detail: { scope } }, (db) =>
      scope === 'overdue' ? overdueFollowUps(db, reach, today) : dueFollowUps(db, reach, today, addDays(today, withinDays)),
    );
  }

  /** What needs doing today (the dashboard). */
  dashboard(session: Session) {
    const db = this.vault.connection();
    const access = caseAccessOf(session);
    const reach = { userId: access.seesAll ? null : access.userId };
    const today = this.today();
    const weekAgo = new Date(this.clock.now().getTime() - 7 * 86_400_000).toISOString();
    const counted = followUpCounts(db, reach, today);
    return {
      followUpsDueToday: counted.dueToday,
      followUpsOverdue: counted.overdue,
      unsignedSessions: unsignedSessions(db, reach.userId),
      unsignedSessionCount: unsignedSessionCount(db, reach.userId),
      recentRedGrades: recentRedGrades(db, reach, weekAgo),
    };
  }
}
