import type { z } from 'zod';
import { fieldLabels } from '../../../../shared/api/fieldLabels/index.js';
import {
  expiryReminderDays,
  type PersonInput,
  type PersonRecord,
  type PersonSummary,
  type peopleListInput,
  type QualificationInput,
  type ServiceHoursInput,
  type TrainingInput,
} from '../../../../shared/api/schemas/people.js';
import { addDays, localDay } from '../../../../shared/domain/dates.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { dictionaryLabels } from '../../export/labels.js';
import { readActivity } from '../../repositories/activitiesRepo.js';
import { activeCodes, listDictionary } from '../../repositories/dictionariesRepo.js';
import {
  expiringQualifications,
  findPerson,
  insertPerson,
  insertServiceHours,
  insertTraining,
  listPeople,
  peopleCounts,
  qualificationsOf,
  readPerson,
  readQualification,
  readServiceHours,
  readTraining,
  removeQualification,
  removeServiceHours,
  removeTraining,
  saveQualification,
  serviceHoursOf,
  trainingsOf,
  updatePerson,
  type StoredPerson,
} from '../../repositories/peopleRepo.js';
import { findUserById } from '../../repositories/usersRepo.js';
import type { Vault } from '../../vault.js';
import { readStaffList } from './staffListSheet.js';

const personFields = ['name', 'gender', 'phone', 'employment', 'fte', 'organisation', 'position', 'userId', 'joinedOn', 'leftOn', 'note'] as const;
const storedValue = (person: StoredPerson, field: (typeof personFields)[number]) => (field === 'userId' ? (person.user?.id ?? null) : person[field]);
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * The people ledger (人员台账). The 站长 keeps it; everyone reads it. Each write is one audited transaction, so a
 * refusal changes nothing. Trainings, supervision and volunteer hours are dated records the periodic report sums.
 */
export class PeopleService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return localDay(this.clock.now());
  }

  list(filter: z.output<typeof peopleListInput>): PersonSummary[] {
    const db = this.vault.connection();
    const people = listPeople(db, { ...filter, today: this.today() });
    const qualifications = qualificationsOf(
      db,
      people.map((person) => person.id),
    );
    return people.map((person) => {
      const own = qualifications.filter((qualification) => qualification.personId === person.id);
      return {
        ...person,
        qualifications: own.map(({ kind, level, expiresOn }) => ({ kind, level, expiresOn })),
        nextExpiry: own.find((qualification) => qualification.expiresOn !== null)?.expiresOn ?? null,
      };
    });
  }

  get(id: number): PersonRecord {
    return this.recordOf(this.vault.connection(), id);
  }

  create(session: Session, input: PersonInput): PersonRecord {
    return this.vault.write((db, audit) => {
      this.checkPerson(db, input, null);
      const id = insertPerson(db, input, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'people.create', objectType: 'person', objectId: id, detail: { employment: input.employment } });
      return this.recordOf(db, id);
    });
  }

  update(session: Session, input: PersonInput & { id: number }): PersonRecord {
    return this.vault.write((db, audit) => {
      const current = this.requirePerson(db, input.id);
      this.checkPerson(db, input, current);
      updatePerson(db, input.id, input, this.clock.now().toISOString());
      const changedFields = personFields
        .filter((field) => storedValue(current, field) !== input[field])
        .map((field) => fieldLabels[field] ?? field)
        .join('、');
      audit({ ...actorOf(session), action: 'people.update', objectType: 'person', objectId: input.id, detail: { changedFields } });
      return this.recordOf(db, input.id);
    });
  }

  saveQualification(session: Session, input: QualificationInput): PersonRecord {
    return this.vault.write((db, audit) => {
      this.requirePerson(db, input.personId);
      const current = input.id === undefined ? undefined : readQualification(db, input.id);
      if (input.id !== undefined && current?.personId !== input.personId) throw new AppError('NOT_FOUND', '找不到该人员的这项资质。');
      if (!activeCodes(db, 'qualificationKind').has(input.kind) && input.kind !== current?.kind) {
        throw fieldRefusal('kind', `资质类别不在字典中：${input.kind}。可在“设置 → 字典”中维护。`);
      }
      if (input.issuedOn !== null && input.issuedOn > this.today()) throw fieldRefusal('issuedOn', `发证日期 ${input.issuedOn} 晚于今天。`);
      const id = saveQualification(db, input);
      audit({ ...actorOf(session), action: 'people.saveQualification', objectType: 'person', objectId: input.personId, detail: { qualificationKind: input.kind } });
      return this.recordOf(db, readQualification(db, id)?.personId ?? input.personId);
    });
  }

  /** A mistaken entry goes; one with a certificate scan stays (scans are evidence, never deleted): correct it instead. */
  removeQualification(session: Session, id: number): PersonRecord {
    return this.vault.write((db, audit) => {
      const qualification = readQualification(db, id);
      if (!qualification) throw new AppError('NOT_FOUND', '找不到该资质记录。');
      if (qualification.scans > 0) throw new AppError('INVALID_INPUT', '这项资质已附有证书扫描件，不能删除；信息有误请修改。');
      removeQualification(db, id);
      audit({ ...actorOf(session), action: 'people.removeQualification', objectType: 'person', objectId: qualification.personId, detail: { qualificationKind: qualification.kind } });
      return this.recordOf(db, qualification.personId);
    });
  }

  addTraining(session: Session, input: TrainingInput): PersonRecord {
    return this.vault.write((db, audit) => {
      this.checkDated(db, input.personId, input.date, '培训/督导日期');
      insertTraining(db, input);
      audit({ ...actorOf(session), action: 'people.addTraining', objectType: 'person', objectId: input.personId, detail: { trainingKind: input.kind === 'training' ? '培训' : '督导', hours: input.hours } });
      return this.recordOf(db, input.personId);
    });
  }

  removeTraining(session: Session, id: number): PersonRecord {
    return this.vault.write((db, audit) => {
      const training = readTraining(db, id);
      if (!training) throw new AppError('NOT_FOUND', '找不到该培训/督导记录。');
      removeTraining(db, id);
      audit({ ...actorOf(session), action: 'people.removeTraining', objectType: 'person', objectId: training.personId, detail: { hours: training.hours } });
      return this.recordOf(db, training.personId);
    });
  }

  addServiceHours(session: Session, input: ServiceHoursInput): PersonRecord {
    return this.vault.write((db, audit) => {
      const person = this.checkDated(db, input.personId, input.date, '服务日期');
      if (person.employment !== 'volunteer') throw new AppError('INVALID_INPUT', `${person.name} 不是志愿者：志愿服务时长只登记给志愿者。`);
      if (input.activityId !== null && !readActivity(db, input.activityId)) throw fieldRefusal('activityId', `活动 #${input.activityId} 不存在（或已删除）。`);
      insertServiceHours(db, input);
      audit({ ...actorOf(session), action: 'people.addServiceHours', objectType: 'person', objectId: input.personId, detail: { hours: input.hours } });
      return this.recordOf(db, input.personId);
    });
  }

  removeServiceHours(session: Session, id: number): PersonRecord {
    return this.vault.write((db, audit) => {
      const entry = readServiceHours(db, id);
      if (!entry) throw new AppError('NOT_FOUND', '找不到该志愿服务记录。');
      removeServiceHours(db, id);
      audit({ ...actorOf(session), action: 'people.removeServiceHours', objectType: 'person', objectId: entry.personId, detail: { hours: entry.hours } });
      return this.recordOf(db, entry.personId);
    });
  }

  /** Qualifications expiring within the reminder window (or expired) of people still working here. */
  expiring() {
    const today = this.today();
    return expiringQualifications(this.vault.connection(), today, addDays(today, expiryReminderDays)).map((entry) => ({
      ...entry,
      daysLeft: Math.round((Date.parse(entry.expiresOn) - Date.parse(today)) / 86_400_000),
    }));
  }

  counts(from: string, to: string) {
    const db = this.vault.connection();
    const counts = peopleCounts(db, from, to, dictionaryLabels(db, 'qualificationKind'));
    return { ...counts, trainingHours: oneDecimal(counts.trainingHours), supervisionHours: oneDecimal(counts.supervisionHours), volunteerHours: oneDecimal(counts.volunteerHours) };
  }

  /** A station's existing 人员名单 in one step: every row or none. */
  async importStaffList(session: Session, bytes: Buffer): Promise<{ imported: number }> {
    const db = this.vault.connection();
    const codes = activeCodes(db, 'qualificationKind');
    const byLabel = new Map(listDictionary(db, 'qualificationKind').filter((item) => codes.has(item.code)).map((item) => [item.label, item.code]));
    const entries = await readStaffList(bytes, {
      today: this.today(),
      qualificationCode: (label) => byLabel.get(label),
      known: (name, phone) => findPerson(db, { name, phone }) !== undefined,
    });
    return this.vault.write((writeDb, audit) => {
      const at = this.clock.now().toISOString();
      for (const entry of entries) {
        // Checked again inside the write: another import may have added the same person since the sheet was read.
        if (findPerson(writeDb, { name: entry.person.name, phone: entry.person.phone }) !== undefined) {
          throw new AppError('INVALID_INPUT', `人员名单第 ${entry.row} 行：${entry.person.name} 已在人员台账中，整份未导入。`);
        }
        const personId = insertPerson(writeDb, entry.person, at);
        if (entry.qualification) saveQualification(writeDb, { ...entry.qualification, personId });
      }
      audit({ ...actorOf(session), action: 'people.importStaffList', detail: { imported: entries.length } });
      return { imported: entries.length };
    });
  }

  private requirePerson(db: Db, id: number): StoredPerson {
    const person = readPerson(db, id);
    if (!person) throw new AppError('NOT_FOUND', '找不到该工作人员。');
    return person;
  }

  private checkPerson(db: Db, input: PersonInput, current: StoredPerson | null): void {
    if (input.joinedOn > this.today()) throw fieldRefusal('joinedOn', `到岗日期 ${input.joinedOn} 晚于今天：人员到岗后再登记。`);
    if (input.userId === null || input.userId === current?.user?.id) return;
    const user = findUserById(db, input.userId);
    if (!user) throw fieldRefusal('userId', `账号 #${input.userId} 不存在。`);
    const holder = findPerson(db, { userId: input.userId });
    if (holder !== undefined && holder !== current?.id) throw fieldRefusal('userId', `账号“${user.displayName}”已对应人员台账中的另一人。`);
  }

  /** A dated record of someone: not in the future, and not after they left. */
  private checkDated(db: Db, personId: number, date: string, label: string): StoredPerson {
    const person = this.requirePerson(db, personId);
    if (date > this.today()) throw fieldRefusal('date', `${label} ${date} 晚于今天。`);
    if (person.leftOn !== null && date > person.leftOn) throw fieldRefusal('date', `${label} ${date} 晚于 ${person.name} 的离岗日期 ${person.leftOn}。`);
    if (date < person.joinedOn) throw fieldRefusal('date', `${label} ${date} 早于 ${person.name} 的到岗日期 ${person.joinedOn}。`);
    return person;
  }

  private recordOf(db: Db, id: number): PersonRecord {
    const person = this.requirePerson(db, id);
    return { ...person, qualifications: qualificationsOf(db, [id]), trainings: trainingsOf(db, id), serviceHours: serviceHoursOf(db, id) };
  }
}
