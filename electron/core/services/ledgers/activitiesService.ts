import type { z } from 'zod';
import type { ActivityInput, ActivityRecord, activityListInput, activityMarkDoneInput, activityRemoveInput } from '../../../../shared/api/schemas/activities.js';
import { fieldLabels } from '../../../../shared/api/fieldLabels/index.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import {
  activityCounts,
  insertActivity,
  listActivities,
  markActivityDone,
  readActivity,
  removeActivity,
  replaceActivityLinks,
  updateActivity,
  type StoredActivity,
} from '../../repositories/activitiesRepo.js';
import type { Vault } from '../../vault.js';
import { checkActivity, requireEditable, requireNotFuture, requireParticipants, viewOf } from './activityChecks.js';

const sameSet = (a: readonly number[], b: readonly number[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const statusLabel = { planned: '计划中', done: '已开展' } as const;

/** The fields an edit may change, named in the audit row (which fields changed, never their values). */
const editableFields = ['type', 'outreachTargets', 'theme', 'date', 'startTime', 'endTime', 'location', 'partnerUnits', 'volunteers', 'participantCount', 'outputs', 'summary', 'status'] as const;

/**
 * The activities ledger (活动台账): plan an activity, record it once done, and count it. Every write is audited;
 * every refusal changes nothing (each write is one transaction).
 */
export class ActivitiesService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private require(db: Db, id: number): StoredActivity {
    const activity = readActivity(db, id);
    if (!activity) throw new AppError('NOT_FOUND', '找不到该活动记录。');
    return activity;
  }

  /**
   * A roster names clients: a read that shows any name is audited like opening a client's file (who read
   * which activity's names, never the names). Reads that show none stay unaudited.
   */
  list(session: Session, filter: z.output<typeof activityListInput>): ActivityRecord[] {
    const db = this.vault.connection();
    const views = listActivities(db, filter).map((activity) => viewOf(db, session, activity));
    const namesShown = views.reduce((sum, view) => sum + (view.roster?.shown.length ?? 0), 0);
    if (namesShown > 0) this.vault.write((_db, audit) => audit({ ...actorOf(session), action: 'activities.list', detail: { count: views.length, namesShown } }));
    return views;
  }

  get(session: Session, id: number): ActivityRecord {
    const db = this.vault.connection();
    const view = viewOf(db, session, this.require(db, id));
    const namesShown = view.roster?.shown.length ?? 0;
    if (namesShown > 0) this.vault.write((_db, audit) => audit({ ...actorOf(session), action: 'activities.view', objectType: 'activity', objectId: id, detail: { namesShown } }));
    return view;
  }

  counts(from: string, to: string) {
    return activityCounts(this.vault.connection(), from, to);
  }

  create(session: Session, input: ActivityInput): ActivityRecord {
    return this.vault.write((db, audit) => {
      const roster = checkActivity(db, session, this.clock.now(), input, null);
      const id = insertActivity(db, input, session.userId ?? 0, this.clock.now().toISOString());
      replaceActivityLinks(db, id, { outreachTargets: input.outreachTargets, staffIds: input.staffIds, rosterClientIds: roster });
      audit({ ...actorOf(session), action: 'activities.create', objectType: 'activity', objectId: id, detail: { activityType: input.type, status: statusLabel[input.status], rosterSize: roster.length } });
      return viewOf(db, session, this.require(db, id));
    });
  }

  update(session: Session, input: ActivityInput & { id: number }): ActivityRecord {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      requireEditable(session, current);
      const roster = checkActivity(db, session, this.clock.now(), input, current);
      updateActivity(db, input.id, input, this.clock.now().toISOString());
      replaceActivityLinks(db, input.id, { outreachTargets: input.outreachTargets, staffIds: input.staffIds, rosterClientIds: roster });
      const changed: string[] = editableFields.filter((field) => JSON.stringify(current[field]) !== JSON.stringify(input[field]));
      if (!sameSet(current.staff.map((member) => member.id), input.staffIds)) changed.push('staffIds');
      if (!sameSet(current.rosterClientIds, roster)) changed.push('rosterClientIds');
      const changedFields = changed.map((field) => fieldLabels[field] ?? field).join('、');
      audit({ ...actorOf(session), action: 'activities.update', objectType: 'activity', objectId: input.id, detail: { changedFields } });
      return viewOf(db, session, this.require(db, input.id));
    });
  }

  markDone(session: Session, input: z.output<typeof activityMarkDoneInput>): ActivityRecord {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      requireEditable(session, current);
      if (current.status === 'done') throw new AppError('INVALID_INPUT', '该活动已标记为已开展。');
      requireNotFuture(this.clock.now(), current);
      requireParticipants(input.participantCount, current.rosterClientIds.length, current.signInCount);
      markActivityDone(db, input.id, input.participantCount, input.summary, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'activities.markDone', objectType: 'activity', objectId: input.id, detail: { participantCount: input.participantCount } });
      return viewOf(db, session, this.require(db, input.id));
    });
  }

  /** A planned activity that will not take place; a done one is ledger evidence, which only the 站长 may remove. */
  remove(session: Session, input: z.output<typeof activityRemoveInput>): { ok: true } {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      requireEditable(session, current);
      if (current.status === 'done' && session.role !== 'admin') throw new AppError('FORBIDDEN', '已开展的活动是台账记录，只有站长可以删除。');
      removeActivity(db, input.id, session.userId ?? 0, input.reason, this.clock.now().toISOString());
      audit({
        ...actorOf(session),
        action: 'activities.remove',
        objectType: 'activity',
        objectId: input.id,
        detail: { activityType: current.type, date: current.date, status: statusLabel[current.status] },
      });
      return { ok: true as const };
    });
  }
}
