import type { z } from 'zod';
import type { VisitInput, VisitRecord, visitListInput, visitRegisterInput, visitRemoveInput } from '../../../../shared/api/schemas/visits.js';
import { fieldLabels } from '../../../../shared/api/fieldLabels/index.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { insertVisit, linkFiledClient, listVisits, openVisitObservations, readVisit, removeVisit, updateVisit, visitCounts, type StoredVisit } from '../../repositories/visitsRepo.js';
import type { Vault } from '../../vault.js';
import type { ClientsService } from '../caseFiles/clientsService.js';
import { checkVisit, requireEditable, requireRegistrable, viewOf } from './visitChecks.js';

/** The fields an edit may change, named in the audit row (which fields changed, never their values). */
const comparedFields = ['date', 'clientId', 'area', 'companionNames', 'followUpNeeded'] as const;
const sameList = (a: readonly (string | number)[], b: readonly (string | number)[]) => [...a].sort().join(',') === [...b].sort().join(',');

function changedFields(db: Db, current: StoredVisit, next: VisitInput): string {
  const changed: string[] = comparedFields.filter((field) => current[field] !== next[field]);
  if (!sameList(current.visitors.map((visitor) => visitor.id), next.visitorIds)) changed.push('visitorIds');
  if (!sameList(current.tags, next.tags)) changed.push('tags');
  if (!sameList(current.companionRoles, next.companionRoles)) changed.push('companionRoles');
  if (openVisitObservations(db, current) !== next.observations) changed.push('observations');
  return changed.map((field) => fieldLabels[field] ?? field).join('、');
}

/**
 * The screening-visit ledger (走访排查). Every write is audited and is one transaction, so a refusal changes
 * nothing. 建档 registers a household's client file through the case files' own rules (ClientsService.register:
 * dictionary codes, duplicates) and links it to the visit in the same transaction.
 */
export class VisitsService {
  constructor(
    private readonly vault: Vault,
    private readonly clients: ClientsService,
    private readonly clock: Clock,
  ) {}

  private require(db: Db, id: number): StoredVisit {
    const visit = readVisit(db, id);
    if (!visit) throw new AppError('NOT_FOUND', '找不到该走访排查记录。');
    return visit;
  }

  /** Lists never carry observations: they are read one visit at a time, audited. */
  list(session: Session, filter: z.output<typeof visitListInput>): VisitRecord[] {
    const db = this.vault.connection();
    return listVisits(db, filter).map((visit) => viewOf(db, session, visit, { withObservations: false }));
  }

  /** Reading a visit's observations is audited like opening a case file (who read which visit, never the text). */
  get(session: Session, id: number): VisitRecord {
    const db = this.vault.connection();
    const view = viewOf(db, session, this.require(db, id));
    if (view.observations) this.vault.write((_db, audit) => audit({ ...actorOf(session), action: 'visits.view', objectType: 'visit', objectId: id }));
    return view;
  }

  counts(from: string, to: string) {
    return visitCounts(this.vault.connection(), from, to);
  }

  create(session: Session, input: VisitInput): VisitRecord {
    return this.vault.write((db, audit) => {
      checkVisit(db, session, this.clock.now(), input, null);
      const id = insertVisit(db, input, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'visits.create', objectType: 'visit', objectId: id, detail: { visitDate: input.date, household: input.clientId === null, tagCount: input.tags.length } });
      return viewOf(db, session, this.require(db, id));
    });
  }

  update(session: Session, input: VisitInput & { id: number }): VisitRecord {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      requireEditable(session, current);
      // A client this user does not reach stays linked: they never saw it, so an empty field does not unlink it.
      const hidden = viewOf(db, session, current, { withObservations: false }).clientHidden;
      const next = { ...input, clientId: hidden && input.clientId === null ? current.clientId : input.clientId };
      checkVisit(db, session, this.clock.now(), next, current);
      const changed = changedFields(db, current, next);
      updateVisit(db, input.id, next, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'visits.update', objectType: 'visit', objectId: input.id, detail: { changedFields: changed } });
      return viewOf(db, session, this.require(db, input.id));
    });
  }

  remove(session: Session, input: z.output<typeof visitRemoveInput>): { ok: true } {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      removeVisit(db, input.id, session.userId ?? 0, input.reason, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'visits.remove', objectType: 'visit', objectId: input.id, detail: { visitDate: current.date } });
      return { ok: true as const };
    });
  }

  /** 建档: a household visited anonymously gets its client file (prefilled on screen), linked to the visit. */
  registerClient(session: Session, input: z.output<typeof visitRegisterInput>) {
    return this.vault.write((db, audit) => {
      requireRegistrable(session, this.require(db, input.visitId));
      const client = this.clients.register(session, input.client);
      linkFiledClient(db, input.visitId, client.id, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'visits.registerClient', objectType: 'visit', objectId: input.visitId, detail: { clientId: client.id } });
      return client;
    });
  }
}
