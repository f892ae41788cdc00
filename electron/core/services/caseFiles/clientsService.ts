import type { z } from 'zod';
import type { consentInput, mergeInput } from '../../../../shared/api/schemas/clients.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { maskIdNumber } from '../../../../shared/domain/idNumber.js';
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
  searchClients,
  updateClient,
  type ClientQuery,
  type Registration,
} from '../../repositories/clientsRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf, seesRisk } from './access.js';
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

  register(session: Session, client: Registration) {
    return this.vault.write((db, audit) => {
      requireActiveCodes(db, 'clientSource', [client.source], '来源');
      requireActiveCodes(db, 'populationTag', client.tags, '重点人群标签');
      this.assertNotDuplicate(db, client);
      const id = insertClient(db, client, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'clients.register', objectType: 'client', objectId: id });
      return readClientDetail(db, id, this.today(), seesRisk(session))!;
    });
  }

  update(session: Session, id: number, client: Registration) {
    return this.vault.write((db, audit) => {
      if (!clientExists(db, id)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      requireActiveCodes(db, 'clientSource', [client.source], '来源');
      requireActiveCodes(db, 'populationTag', client.tags, '重点人群标签');
      this.assertNotDuplicate(db, client, id);
      const changed = updateClient(db, id, client, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'clients.update', objectType: 'client', objectId: id, detail: { fields: changed.join(',') } });
      return readClientDetail(db, id, this.today(), seesRisk(session))!;
    });
  }

  /** Opening a client record is audited (DESIGN.md §3: reading a case file is audited). */
  get(session: Session, id: number) {
    return this.vault.write((db, audit) => {
      const detail = readClientDetail(db, id, this.today(), seesRisk(session));
      if (!detail) throw new AppError('NOT_FOUND', '找不到该来访者。');
      audit({ ...actorOf(session), action: 'clients.view', objectType: 'client', objectId: id });
      return detail;
    });
  }

  search(session: Session, query: ClientQuery) {
    return searchClients(this.vault.connection(), query, this.today(), seesRisk(session));
  }

  addConsent(session: Session, consent: z.output<typeof consentInput>) {
    return this.vault.write((db, audit) => {
      if (!clientExists(db, consent.clientId)) throw new AppError('NOT_FOUND', '找不到该来访者。');
      const id = insertConsent(db, consent, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'consents.add', objectType: 'client', objectId: consent.clientId, detail: { kind: consent.kind, consentId: id } });
      return readClientDetail(db, consent.clientId, this.today(), seesRisk(session))!;
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
      return readClientDetail(db, input.keepId, this.today(), seesRisk(session))!;
    });
  }
}
