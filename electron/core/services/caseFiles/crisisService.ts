import type { z } from 'zod';
import type { crisisContactInput, crisisOpenInput, crisisResolveInput, crisisStepInput } from '../../../../shared/api/schemas/crises.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { clientExists } from '../../repositories/clientsRepo.js';
import { insertCrisis, insertCrisisContact, listCrises, readCrisis, recordCrisisStep, resolveCrisis } from '../../repositories/crisesRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, caseAccessOf, requireCrisis } from '../../access/clinicalReach.js';
import type { RiskService } from './riskService.js';

/**
 * Crisis intervention (危机干预). Any counsellor present may open one for any client or an unknown
 * person: in an emergency the rule is to act. Opening grades the client red with the crisis as reason.
 */
export class CrisisService {
  constructor(
    private readonly vault: Vault,
    private readonly risk: RiskService,
    private readonly clock: Clock,
  ) {}

  open(session: Session, input: z.output<typeof crisisOpenInput>) {
    const access = caseAccessOf(session);
    return this.vault.write((db, audit) => {
      if (input.clientId !== undefined && !clientExists(db, input.clientId)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      const id = insertCrisis(db, { clientId: input.clientId ?? null, unknownPerson: input.unknownPerson, location: input.location, summary: input.summary }, access.userId, this.clock.now().toISOString());
      const gradeId =
        input.clientId === undefined ? null : this.risk.gradeWithin(db, session, input.clientId, 'red', `危机事件（编号 ${id}）：${input.summary.slice(0, 80)}`, 'crisis');
      audit({ ...actorOf(session), action: 'crises.open', objectType: 'crisis', objectId: id, detail: { clientId: input.clientId ?? null, gradeId } });
      return readCrisis(db, id)!;
    });
  }

  list(session: Session, status: 'active' | 'resolved' | 'all') {
    return auditedRead(this.vault, session, { action: 'crises.list', detail: { status } }, () => this.visible(session, status));
  }

  /** The crises this user handles, without an audit row of its own (the dashboard audits its one read). */
  visible(session: Session, status: 'active' | 'resolved' | 'all') {
    const access = caseAccessOf(session);
    return listCrises(this.vault.connection(), access.seesAll ? null : access.userId, status);
  }

  get(session: Session, crisisId: number) {
    return auditedRead(this.vault, session, { action: 'crises.view', objectType: 'crisis', objectId: crisisId }, (db) => requireCrisis(db, session, crisisId));
  }

  checkStep(session: Session, input: z.output<typeof crisisStepInput>) {
    return this.vault.write((db, audit) => {
      const crisis = requireCrisis(db, session, input.crisisId);
      if (crisis.status !== 'active') throw new AppError('INVALID_INPUT', '该危机事件已处置完毕。');
      recordCrisisStep(db, input.crisisId, input.step, input.note, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'crises.step', objectType: 'crisis', objectId: input.crisisId, detail: { step: input.step } });
      return readCrisis(db, input.crisisId)!;
    });
  }

  addContact(session: Session, input: z.output<typeof crisisContactInput>) {
    return this.vault.write((db, audit) => {
      requireCrisis(db, session, input.crisisId);
      insertCrisisContact(db, input, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'crises.contact', objectType: 'crisis', objectId: input.crisisId, detail: { party: input.party } });
      return readCrisis(db, input.crisisId)!;
    });
  }

  resolve(session: Session, input: z.output<typeof crisisResolveInput>) {
    return this.vault.write((db, audit) => {
      const crisis = requireCrisis(db, session, input.crisisId);
      if (crisis.status !== 'active') throw new AppError('INVALID_INPUT', '该危机事件已处置完毕。');
      resolveCrisis(db, input.crisisId, input.outcome, input.outcomeNote, input.followUpPlan, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'crises.resolve', objectType: 'crisis', objectId: input.crisisId, detail: { outcome: input.outcome } });
      return readCrisis(db, input.crisisId)!;
    });
  }
}
