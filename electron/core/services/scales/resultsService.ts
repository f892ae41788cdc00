import type { z } from 'zod';
import type { resultSubmitInput } from '../../../../shared/api/schemas/scales.js';
import { localDay, localDayStartUtc } from '../../../../shared/domain/dates.js';
import { scoreAnswers, ScoreError } from '../../../../shared/scales/score.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import type { EventBus } from '../../events.js';
import { canReachClientCases, reachableClients, readCase } from '../../repositories/casesRepo.js';
import { clientExists } from '../../repositories/clientsRepo.js';
import { acknowledgeAlert, insertResult, linkResultToClient, listAlerts, listKioskResults, listResults, openAlertClient, openAlertsByClient, raiseAlert, readResult } from '../../repositories/scalesRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, caseAccessOf, clientHistoryOf, requireClientCases, requireClientHistory, requireClientRecord, type ClientHistory } from '../../access/clinicalReach.js';
import type { ScaleCatalog } from './scaleCatalog.js';

/** Each client's history as this session reaches it, looked up once per client. */
function historiesOf(db: Db, session: Session): (clientId: number) => ClientHistory | null {
  const histories = new Map<number, ClientHistory | null>();
  return (clientId) => {
    if (!histories.has(clientId)) histories.set(clientId, clientHistoryOf(db, session, clientId));
    return histories.get(clientId) ?? null;
  };
}

export type Respondent = Readonly<{ clientId: number | null; caseId: number | null; respondent: string }>;

/**
 * Administration: score with the shared engine, store answers + result + definition version, and
 * raise an alert in the same transaction when the result is critical. A critical result suggests a
 * red grade to staff; it never sets one.
 */
export class ResultsService {
  constructor(
    private readonly vault: Vault,
    private readonly catalog: ScaleCatalog,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  /** Shared by staff administration and the kiosk. */
  record(
    actor: Session | null,
    input: { scaleId: string; version?: number | undefined; answers: ReadonlyArray<number | null>; comment: string },
    who: Respondent,
    via: 'counsellor' | 'kiosk',
    /** Runs in the same transaction as the insert (the kiosk attaches a screening code). */
    within?: (db: Db, resultId: number) => void,
  ) {
    const definition = this.catalog.find(input.scaleId, input.version);
    let result;
    try {
      result = scoreAnswers(definition, input.answers);
    } catch (error) {
      if (error instanceof ScoreError) throw new AppError('INVALID_INPUT', error.message, error.details);
      throw error;
    }
    const at = this.clock.now().toISOString();
    const stored = this.vault.write((db, audit) => {
      const id = insertResult(db, { scaleId: definition.id, version: definition.version, ...who, answers: input.answers, result, via, administeredBy: actor?.userId ?? null, comment: input.comment, at });
      within?.(db, id);
      const alertId = result.critical ? raiseAlert(db, id, at) : null;
      audit({ actorId: actor?.userId ?? null, actorName: actor?.username ?? null, action: 'results.submit', objectType: 'result', objectId: id, detail: { scale: definition.id, via, critical: result.critical } });
      return { id, alertId };
    });
    if (stored.alertId !== null) {
      this.events.emit({ name: 'alert.raised', payload: { alertId: stored.alertId, scaleId: definition.id, messages: result.criticalReasons.map((reason) => reason.message) } });
    }
    // Not read back: the kiosk writes while no clinical key may be held, and needs only the score.
    return { ...stored, score: result };
  }

  submit(session: Session, input: z.output<typeof resultSubmitInput>) {
    const db = this.vault.connection();
    if (input.clientId !== undefined) {
      if (!clientExists(db, input.clientId)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      requireClientCases(db, session, input.clientId);
    } else {
      caseAccessOf(session);
    }
    if (input.caseId !== undefined && readCase(db, input.caseId)?.clientId !== input.clientId) throw new AppError('INVALID_INPUT', '个案与来访者不符。');
    const stored = this.record(session, input, { clientId: input.clientId ?? null, caseId: input.caseId ?? null, respondent: '' }, 'counsellor');
    return readResult(this.vault.connection(), stored.id, (id) => this.catalog.nameOf(id))!;
  }

  list(session: Session, clientId: number | undefined, scaleId: string | undefined, limit: number) {
    return auditedRead(this.vault, session, { action: 'results.list', objectType: 'client', objectId: clientId ?? null }, (db) => {
      const access = caseAccessOf(session);
      if (clientId === undefined && !access.seesAll) throw new AppError('FORBIDDEN', '请从来访者档案中查看测评结果。');
      const rows = listResults(db, { clientId, scaleId, limit }, (id) => this.catalog.nameOf(id));
      if (clientId === undefined) return rows;
      const history = requireClientHistory(db, session, clientId);
      return rows.filter((row) => history.reaches(row.completedAt));
    });
  }

  get(session: Session, id: number) {
    return auditedRead(this.vault, session, { action: 'results.view', objectType: 'result', objectId: id }, (db) => {
      const result = readResult(db, id, (scaleId) => this.catalog.nameOf(scaleId));
      if (!result) throw new AppError('NOT_FOUND', '找不到该测评结果。');
      if (result.clientId !== null) requireClientRecord(db, session, result.clientId, result.completedAt);
      else caseAccessOf(session);
      return result;
    });
  }

  /**
   * One station day's kiosk results (today by default), so a result below the critical line is found too. An
   * unlinked one is an anonymous walk-in's, for all clinical staff like its alert; a linked one is reached like
   * the client's other records.
   */
  kioskList(session: Session, date: string | undefined, unlinkedOnly: boolean) {
    const day = date ?? localDay(this.clock.now());
    return auditedRead(this.vault, session, { action: 'results.kioskList', detail: { date: day, unlinkedOnly } }, (db) => {
      caseAccessOf(session);
      const rows = listKioskResults(db, { fromUtc: localDayStartUtc(day), toUtc: localDayStartUtc(day, 1), unlinkedOnly }, (id) => this.catalog.nameOf(id));
      const historyOf = historiesOf(db, session);
      return rows.filter((row) => row.clientId === null || (historyOf(row.clientId)?.reaches(row.completedAt) ?? false));
    });
  }

  /** A walk-in's anonymous result joins the client's record once they register. */
  linkClient(session: Session, resultId: number, clientId: number) {
    return this.vault.write((db, audit) => {
      const result = readResult(db, resultId, (id) => this.catalog.nameOf(id));
      if (!result) throw new AppError('NOT_FOUND', '找不到该测评结果。');
      // Someone else's client's result is refused as such, before saying anything about it.
      if (result.clientId !== null) requireClientCases(db, session, result.clientId);
      if (result.clientId !== null) throw new AppError('INVALID_INPUT', '该结果已关联来访者。');
      if (!clientExists(db, clientId)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      requireClientCases(db, session, clientId);
      linkResultToClient(db, resultId, clientId);
      audit({ ...actorOf(session), action: 'results.link', objectType: 'result', objectId: resultId, detail: { clientId } });
      return readResult(db, resultId, (id) => this.catalog.nameOf(id))!;
    });
  }

  /** The alert list as a clinical read: audited once per call. */
  alertList(session: Session, open: boolean) {
    return auditedRead(this.vault, session, { action: 'alerts.list', detail: { open } }, () => this.alerts(session, open));
  }

  /** How many open alerts this user reaches, as `alerts(session, true)` picks them: every one, where that list stops at 200. */
  openAlertCount(session: Session): number {
    const db = this.vault.connection();
    const byClient = openAlertsByClient(db);
    const reached = reachableClients(db, byClient.flatMap((row) => (row.clientId === null ? [] : [row.clientId])), caseAccessOf(session));
    return byClient.reduce((sum, row) => sum + (row.clientId === null || reached.has(row.clientId) ? row.alerts : 0), 0);
  }

  /**
   * Alerts about a client go to those who reach the client's cases; anonymous walk-ins' go to all. An
   * alert still open is today's work; an acknowledged one is history, reached like the client's other records.
   */
  alerts(session: Session, open: boolean) {
    const db = this.vault.connection();
    const alerts = listAlerts(db, open);
    // One query for who is reached; a client's history is looked up only for acknowledged alerts (never on the dashboard's open list).
    const reached = reachableClients(db, [...new Set(alerts.flatMap((alert) => (alert.clientId === null ? [] : [alert.clientId])))], caseAccessOf(session));
    const historyOf = historiesOf(db, session);
    return alerts.filter((alert) => {
      if (alert.clientId === null) return true;
      if (!reached.has(alert.clientId)) return false;
      return alert.acknowledgedAt === null || (historyOf(alert.clientId)?.reaches(alert.raisedAt) ?? false);
    });
  }

  acknowledge(session: Session, alertId: number, note: string) {
    return this.vault.write((db, audit) => {
      // The alert itself, not the newest page of alerts: an old one can still be acknowledged.
      const alert = openAlertClient(db, alertId);
      if (!alert || (alert.clientId !== null && !canReachClientCases(db, alert.clientId, caseAccessOf(session)))) {
        throw new AppError('NOT_FOUND', '该提醒不存在、已被处理，或不属于您负责的来访者。');
      }
      if (!acknowledgeAlert(db, alertId, session.userId ?? 0, note, this.clock.now().toISOString())) {
        throw new AppError('INVALID_INPUT', '该提醒不存在或已被处理。');
      }
      audit({ ...actorOf(session), action: 'alerts.acknowledge', objectType: 'alert', objectId: alertId });
      return this.alerts(session, true);
    });
  }
}
