import type { z } from 'zod';
import type { CallInput, CallRecord, callListInput, callOpenCrisisInput, callRemoveInput } from '../../../../shared/api/schemas/calls.js';
import { fieldLabels } from '../../../../shared/api/fieldLabels/index.js';
import { callOutcomeWords, callRemovableFrom, callRetentionYears } from '../../../../shared/domain/callWords.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { callCounts, insertCall, linkCallCrisis, listCalls, openCallNote, readCall, removeCall, updateCall, type StoredCall } from '../../repositories/callsRepo.js';
import type { Vault } from '../../vault.js';
import type { CrisisService } from '../caseFiles/crisisService.js';
import { checkCall, mayEdit, requireClientCalls, requireEditable, viewOf } from './callChecks.js';

/** The fields an edit may change, named in the audit row (which fields changed, never their values). */
const editableFields = ['date', 'startTime', 'durationMinutes', 'takenBy', 'callerType', 'problemType', 'highRisk', 'difficult', 'repeatCaller', 'outcome', 'clientId'] as const;
const storedValue = (call: StoredCall, field: (typeof editableFields)[number]) => (field === 'takenBy' ? call.takenBy.id : call[field]);

/**
 * The hotline / phone consultation ledger (热线/电话咨询登记). Every write is audited and is one transaction, so a
 * refusal changes nothing. A 高危 call can open a crisis record (the case files' crisis protocol) in one step.
 */
export class CallsService {
  constructor(
    private readonly vault: Vault,
    private readonly crises: CrisisService,
    private readonly clock: Clock,
  ) {}

  private require(db: Db, id: number): StoredCall {
    const call = readCall(db, id);
    if (!call) throw new AppError('NOT_FOUND', '找不到该热线来电记录。');
    return call;
  }

  /** The list never carries notes (the screens and the print show none): a note is read one call at a time, audited. */
  list(session: Session, filter: z.output<typeof callListInput>): CallRecord[] {
    const db = this.vault.connection();
    if (filter.clientId !== undefined) requireClientCalls(db, session, filter.clientId);
    return listCalls(db, filter).map((call) => viewOf(db, session, call, { withNote: false }));
  }

  /** Reading a call's note is audited like opening a case file (who read which call, never the note). */
  get(session: Session, id: number): CallRecord {
    const db = this.vault.connection();
    const view = viewOf(db, session, this.require(db, id));
    if (view.note) this.vault.write((_db, audit) => audit({ ...actorOf(session), action: 'calls.view', objectType: 'call', objectId: id }));
    return view;
  }

  counts(from: string, to: string) {
    return callCounts(this.vault.connection(), from, to, callOutcomeWords);
  }

  create(session: Session, input: CallInput): CallRecord {
    return this.vault.write((db, audit) => {
      checkCall(db, session, this.clock.now(), input, null);
      const id = insertCall(db, input, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'calls.create', objectType: 'call', objectId: id, detail: { problemType: input.problemType, callOutcome: callOutcomeWords[input.outcome], highRisk: input.highRisk } });
      return viewOf(db, session, this.require(db, id));
    });
  }

  update(session: Session, input: CallInput & { id: number }): CallRecord {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      requireEditable(session, current);
      // A client this user does not reach stays linked: they never saw it, so an empty field does not unlink it.
      const hidden = viewOf(db, session, current).clientHidden;
      const next = { ...input, clientId: hidden && input.clientId === null ? current.clientId : input.clientId };
      checkCall(db, session, this.clock.now(), next, current);
      updateCall(db, input.id, next, this.clock.now().toISOString());
      const changed: string[] = editableFields.filter((field) => storedValue(current, field) !== next[field]);
      if (openCallNote(db, current) !== next.note) changed.push('note');
      const changedFields = changed.map((field) => fieldLabels[field] ?? field).join('、');
      audit({ ...actorOf(session), action: 'calls.update', objectType: 'call', objectId: input.id, detail: { changedFields } });
      return viewOf(db, session, this.require(db, input.id));
    });
  }

  /**
   * A call is kept at least three years (心理援助热线技术指南 国卫办疾控函〔2021〕15号: 热线电话登记、处理记录
   * "保存期限至少3年", station-work-and-reporting.md §1); after that the 站长 may remove it, its note erased.
   */
  remove(session: Session, input: z.output<typeof callRemoveInput>): { ok: true } {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      const from = callRemovableFrom(current.date);
      if (localDay(this.clock.now()) < from) {
        throw new AppError('INVALID_INPUT', `热线来电记录须保存至少 ${callRetentionYears} 年：${current.date} 的来电要到 ${from} 起才能删除。`);
      }
      removeCall(db, input.id, session.userId ?? 0, input.reason, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'calls.remove', objectType: 'call', objectId: input.id, detail: { callDate: current.date } });
      return { ok: true as const };
    });
  }

  /**
   * A 高危 call opens a crisis record in one step (the case files' crisis protocol, CrisisService.open, which also
   * grades a linked client red) and is linked to it; both in one transaction.
   */
  openCrisis(session: Session, input: z.output<typeof callOpenCrisisInput>): CallRecord {
    return this.vault.write((db, audit) => {
      const call = this.require(db, input.id);
      if (!call.highRisk) throw new AppError('INVALID_INPUT', '只有标记为“高危”的来电可以由此开启危机干预。');
      if (call.crisisId !== null) throw new AppError('INVALID_INPUT', `该来电已开启危机干预（编号 ${call.crisisId}）。`);
      const note = mayEdit(session, call) ? openCallNote(db, call) : '';
      const summary = `热线来电（${call.date} ${call.startTime}，${call.durationMinutes} 分钟）标记为高危。${note}`.slice(0, 2000);
      const crisis = this.crises.open(session, {
        ...(call.clientId === null ? {} : { clientId: call.clientId }),
        unknownPerson: call.clientId === null ? `热线来电者（来电记录 ${call.id}）` : '',
        location: input.location === '' ? '电话' : input.location,
        summary,
      });
      linkCallCrisis(db, call.id, crisis.id, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'calls.openCrisis', objectType: 'call', objectId: call.id, detail: { crisisId: crisis.id } });
      return viewOf(db, session, this.require(db, call.id));
    });
  }
}
