import type { z } from 'zod';
import type { MeetingInput, MeetingRecord, meetingListInput, meetingRemoveInput } from '../../../../shared/api/schemas/meetings.js';
import { fieldLabels } from '../../../../shared/api/fieldLabels/index.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { insertMeeting, listMeetings, openDecisionText, openMinutes, readMeeting, removeMeeting, updateMeeting, type StoredMeeting } from '../../repositories/meetingsRepo.js';
import type { Vault } from '../../vault.js';
import { checkMeeting, requireEditable, viewOf } from './meetingChecks.js';

/** The plain fields an edit may change, named in the audit row (which fields changed, never their values). */
const plainFields = ['kind', 'date', 'startTime', 'endTime', 'location', 'agenda', 'caseId'] as const;

/** What an edit changed, by field name: the encrypted minutes and decisions compared opened. */
function changedFields(db: Db, current: StoredMeeting, next: MeetingInput): string {
  const changed: string[] = plainFields.filter((field) => current[field] !== next[field]);
  if (current.staff.map((member) => member.id).join() !== [...next.staffIds].sort((a, b) => a - b).join()) changed.push('staffIds');
  if (current.outsideAttendees.join('\n') !== next.outsideAttendees.join('\n')) changed.push('outsideAttendees');
  if (openMinutes(db, current) !== next.minutes) changed.push('minutes');
  const decisionsBefore = current.decisions.map((decision) => [openDecisionText(db, decision), decision.responsible.id, decision.dueOn, decision.done]);
  const decisionsAfter = next.decisions.map((decision) => [decision.text, decision.responsibleId, decision.dueOn, decision.done]);
  if (JSON.stringify(decisionsBefore) !== JSON.stringify(decisionsAfter)) changed.push('decisions');
  return changed.map((field) => fieldLabels[field] ?? field).join('、');
}

/**
 * The meetings ledger (会议记录). Every write is audited and is one transaction, so a refusal changes nothing.
 * Lists carry no minutes; reading a case-linked meeting's minutes is audited like opening a case file.
 */
export class MeetingsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return localDay(this.clock.now());
  }

  private require(db: Db, id: number): StoredMeeting {
    const meeting = readMeeting(db, id);
    if (!meeting) throw new AppError('NOT_FOUND', '找不到该会议记录。');
    return meeting;
  }

  list(session: Session, filter: z.output<typeof meetingListInput>): MeetingRecord[] {
    const db = this.vault.connection();
    return listMeetings(db, filter).map((meeting) => viewOf(db, session, this.today(), meeting, { withContent: false }));
  }

  get(session: Session, id: number): MeetingRecord {
    const db = this.vault.connection();
    const view = viewOf(db, session, this.today(), this.require(db, id));
    if (view.case !== null) this.vault.write((_db, audit) => audit({ ...actorOf(session), action: 'meetings.view', objectType: 'meeting', objectId: id }));
    return view;
  }

  create(session: Session, input: MeetingInput): MeetingRecord {
    return this.vault.write((db, audit) => {
      checkMeeting(db, session, this.today(), input, null);
      const id = insertMeeting(db, input, session.userId ?? 0, this.clock.now().toISOString());
      audit({
        ...actorOf(session),
        action: 'meetings.create',
        objectType: 'meeting',
        objectId: id,
        detail: { meetingKind: input.kind, meetingDate: input.date, planned: input.date > this.today(), decisionCount: input.decisions.length, caseLinked: input.caseId !== null },
      });
      return viewOf(db, session, this.today(), this.require(db, id));
    });
  }

  update(session: Session, input: MeetingInput & { id: number }): MeetingRecord {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      requireEditable(db, session, current);
      checkMeeting(db, session, this.today(), input, current);
      const changed = changedFields(db, current, input);
      updateMeeting(db, input.id, input, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'meetings.update', objectType: 'meeting', objectId: input.id, detail: { changedFields: changed } });
      return viewOf(db, session, this.today(), this.require(db, input.id));
    });
  }

  /** Only the 站长 removes a meeting (a wrong entry, a planned meeting called off); minutes and decisions go with it. */
  remove(session: Session, input: z.output<typeof meetingRemoveInput>): { ok: true } {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      removeMeeting(db, input.id, session.userId ?? 0, input.reason, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'meetings.remove', objectType: 'meeting', objectId: input.id, detail: { meetingKind: current.kind, meetingDate: current.date } });
      return { ok: true as const };
    });
  }
}
