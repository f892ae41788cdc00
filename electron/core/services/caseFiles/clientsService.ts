import type { z } from 'zod';
import type { consentInput, mergeInput } from '../../../../shared/api/schemas/clients.js';
import { localDay } from '../../../../shared/domain/dates.js';
import type { ClientDetail, ClientListRow } from '../../../../shared/api/schemas/clients.js';
import { maskIdNumber, maskPhone } from '../../../../shared/domain/idNumber.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import {
  clientExists,
  duplicatePairs,
  findSameClient,
  insertClient,
  insertConsent,
  listRowOf,
  mergeClients,
  readClientDetail,
  registeredByWithoutCase,
  searchClients,
  updateClient,
  type ClientQuery,
  type Registration,
} from '../../repositories/clientsRepo.js';
import type { Vault } from '../../vault.js';
import { canReachClientCases, reachableClients } from '../../repositories/casesRepo.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, caseAccessOf, seesRisk } from '../../access/clinicalReach.js';
import { requireActiveCodes } from './dictionaryCodes.js';

/** Clients (来访者): registration, consent, search, duplicates and merging. */
export class ClientsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return localDay(this.clock.now());
  }

  private assertNotDuplicate(db: Db, client: Registration, excludeId = 0): void {
    const same = findSameClient(db, client, excludeId);
    if (!same) return;
    const existing = listRowOf(db, same.id, this.today(), false);
    const how = same.rule === 'idNumber' ? `身份证号 ${maskIdNumber(client.idNumber)}` : '姓名、出生日期和电话';
    throw new AppError('DUPLICATE_CLIENT', `已有相同${how}的档案：${existing?.name ?? ''}（编号 ${same.id}）。请打开该档案，不要重复登记。`, {
      existingId: same.id,
      rule: same.rule,
    });
  }

  /**
   * Registration details of a client the viewer does not reach (a counsellor without one of the
   * client's cases): the colour hidden, ID number and phones masked, the address left out.
   */
  private reaches(db: Db, session: Session, clientId: number): boolean {
    if (session.role !== 'counsellor') return true;
    return canReachClientCases(db, clientId, caseAccessOf(session)) || registeredByWithoutCase(db, clientId, session.userId ?? 0);
  }

  private detailFor(db: Db, session: Session, id: number): ClientDetail | undefined {
    const detail = readClientDetail(db, id, this.today(), seesRisk(session));
    if (!detail) return undefined;
    if (this.reaches(db, session, id)) return { ...detail, mayEdit: true };
    return {
      ...detail,
      mayEdit: false,
      riskLevel: null,
      idNumber: maskIdNumber(detail.idNumber) ?? '',
      phone: maskPhone(detail.phone) ?? '',
      guardianPhone: maskPhone(detail.guardianPhone) ?? '',
      address: '',
    };
  }

  /** Rows of a list: a counsellor sees the colour only of clients whose cases they reach. */
  private rowsFor(db: Db, session: Session, rows: ClientListRow[]): ClientListRow[] {
    if (session.role !== 'counsellor') return rows;
    const reached = reachableClients(db, rows.map((row) => row.id), caseAccessOf(session));
    return rows.map((row) => (reached.has(row.id) ? row : { ...row, riskLevel: null }));
  }

  register(session: Session, client: Registration) {
    return this.vault.write((db, audit) => {
      requireActiveCodes(db, 'clientSource', [client.source], '来源');
      requireActiveCodes(db, 'populationTag', client.tags, '重点人群标签');
      this.assertNotDuplicate(db, client);
      const id = insertClient(db, client, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'clients.register', objectType: 'client', objectId: id });
      return this.detailFor(db, session, id)!;
    });
  }

  update(session: Session, id: number, client: Registration) {
    return this.vault.write((db, audit) => {
      if (!clientExists(db, id)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      // They see the ID number and phone masked, so saving their form would overwrite the real ones.
      if (!this.reaches(db, session, id)) throw new AppError('FORBIDDEN', '该来访者不由您负责：登记信息请由前台或站长修改。');
      requireActiveCodes(db, 'clientSource', [client.source], '来源');
      requireActiveCodes(db, 'populationTag', client.tags, '重点人群标签');
      this.assertNotDuplicate(db, client, id);
      const changed = updateClient(db, id, client, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'clients.update', objectType: 'client', objectId: id, detail: { fields: changed.join(',') } });
      return this.detailFor(db, session, id)!;
    });
  }

  /** Opening a client record is audited (DESIGN.md §3: reading a case file is audited). */
  get(session: Session, id: number) {
    return this.vault.write((db, audit) => {
      const detail = this.detailFor(db, session, id);
      if (!detail) throw new AppError('NOT_FOUND', '找不到该来访者。');
      audit({ ...actorOf(session), action: 'clients.view', objectType: 'client', objectId: id });
      return detail;
    });
  }

  /** Searching by colour is a clinical list read: audited once per call. */
  search(session: Session, query: ClientQuery) {
    // The front desk reaches no case, so no client is "reached" for them.
    if (query.reachedOnly && !seesRisk(session)) return { total: 0, rows: [] };
    const run = (db: Db) => {
      const found = searchClients(db, query, this.today(), seesRisk(session), session.role === 'counsellor' ? session.userId : null);
      return { total: found.total, rows: this.rowsFor(db, session, found.rows) };
    };
    if (!query.riskLevel) return run(this.vault.connection());
    return auditedRead(this.vault, session, { action: 'clients.search', detail: { riskLevel: query.riskLevel } }, run);
  }

  addConsent(session: Session, consent: z.output<typeof consentInput>) {
    return this.vault.write((db, audit) => {
      if (!clientExists(db, consent.clientId)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      if (!this.reaches(db, session, consent.clientId)) throw new AppError('FORBIDDEN', '该来访者不由您负责：同意书请由前台或站长登记。');
      const id = insertConsent(db, consent, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'consents.add', objectType: 'client', objectId: consent.clientId, detail: { kind: consent.kind, consentId: id } });
      return this.detailFor(db, session, consent.clientId)!;
    });
  }

  duplicates(session: Session) {
    const db = this.vault.connection();
    const today = this.today();
    return duplicatePairs(db).map((pair) => ({
      keep: listRowOf(db, pair.keepId, today, seesRisk(session))!,
      other: listRowOf(db, pair.otherId, today, seesRisk(session))!,
      rule: pair.rule,
    }));
  }

  merge(session: Session, input: z.output<typeof mergeInput>) {
    return this.vault.write((db, audit) => {
      if (!clientExists(db, input.keepId) || !clientExists(db, input.mergeId)) throw new AppError('NOT_FOUND', '找不到要合并的档案。');
      mergeClients(db, input.keepId, input.mergeId, input.reason, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'clients.merge', objectType: 'client', objectId: input.keepId, detail: { mergedId: input.mergeId, reasonLength: input.reason.length } });
      return this.detailFor(db, session, input.keepId)!;
    });
  }
}
