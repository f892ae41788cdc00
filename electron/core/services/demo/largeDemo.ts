import { addDays, localDay } from '../../../../shared/domain/dates.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import { withoutChangeCounting } from '../../db/bulkSeeding.js';
import type { Handlers } from '../../handlerTable.js';
import { registeredAt } from '../../repositories/clientsRepo.js';
import { listRooms } from '../../repositories/roomsRepo.js';
import { readSettings } from '../../repositories/settingsRepo.js';
import type { Vault } from '../../vault.js';
import { seedActivityVolume, type DemoStaff } from './activitiesDemo.js';
import { seedAppointmentsDemo, seedAppointmentVolume } from './appointmentsDemo.js';
import { seedCaseFilesDemo } from './caseFilesDemo.js';
import { seedChecklistDemo } from './checklistDemo.js';
import { seedLedgerYears } from './ledgerYearsDemo.js';

/** `xinyi demo --size large` (issue 15): a busy station after ten years. */
export const largeDemo = {
  years: 10,
  clients: 30_000,
  /** With 70 % of clients in a case: about 300,000 sessions (a case opened lately has had fewer). */
  sessionsPerCase: [8, 22],
  /** With the grades' own PHQ-9s: about 300,000 scale results. */
  scalesPerSession: 0.99,
  /** One client seen weekly for ten years: the case page and the client's screen with 500 sessions. */
  longCase: 500,
  appointments: 150_000,
  /** Beside the ledgers' own rhythm (about 50 a year): about 5,000 activities in all, two a working day. */
  activityVolume: 4_500,
} as const;

/** Ten counsellors in all: 300,000 sessions over ten years are about 120 a working day. */
export const largeCounsellors = [
  { username: 'zixun3', displayName: '张伟', role: 'counsellor' },
  { username: 'zixun4', displayName: '赵敏', role: 'counsellor' },
  { username: 'zixun5', displayName: '孙磊', role: 'counsellor' },
  { username: 'zixun6', displayName: '周婷', role: 'counsellor' },
  { username: 'zixun7', displayName: '吴强', role: 'counsellor' },
  { username: 'zixun8', displayName: '郑洁', role: 'counsellor' },
  { username: 'zixun9', displayName: '冯涛', role: 'counsellor' },
  { username: 'zixun10', displayName: '许丽', role: 'counsellor' },
] as const;

/** What a long seeding says as it goes: the step in Chinese, and how far it is. */
export type DemoProgress = (step: string, done: number, total: number) => void;

/**
 * The large station's records after its setup and staff: case files over ten years (sessions, grades with their
 * follow-up trails, scales taken in sessions, crises, referrals), this week's calendar beside 150,000 past bookings,
 * and ten years of ledgers, the team, rules and checklist. `scale` (0–1] shrinks the volumes, the years of ledgers
 * with them, for tests; the CLI always makes the whole station.
 */
export async function seedLargeVolumes(handlers: Handlers, vault: Vault, clock: Clock, admin: Session, staff: DemoStaff, options: Readonly<{ progress: DemoProgress; scale: number }>): Promise<void> {
  const { progress, scale } = options;
  const today = localDay(clock.now());
  const clients = Math.round(largeDemo.clients * scale);
  const caseFiles = '来访者、个案、会谈与测评';
  progress(caseFiles, 0, clients);
  vault.write((db, audit) => {
    const counts = withoutChangeCounting(db, () => seedCaseFilesDemo(db, {
      clients,
      caseShare: 0.7,
      sessionsPerCase: largeDemo.sessionsPerCase,
      counsellorIds: staff.counsellorIds,
      now: clock.now(),
      seed: 20261123,
      followUpDays: readSettings(db).followUpDays,
      years: largeDemo.years,
      scalesPerSession: largeDemo.scalesPerSession,
      historyGrades: true,
      longCase: largeDemo.longCase,
      progress: (done) => progress(caseFiles, done, clients),
    }));
    audit({ actorId: admin.userId, actorName: admin.username, action: 'demo.seed', objectType: 'station', objectId: 1, detail: counts });
  });
  progress(caseFiles, clients, clients);

  const appointments = Math.round(largeDemo.appointments * scale);
  progress('预约', 0, appointments);
  await seedAppointmentsDemo(handlers, admin, staff.counsellorIds, today);
  const roomIds = listRooms(vault.connection()).map((room) => room.id);
  vault.write((db) => withoutChangeCounting(db, () => seedAppointmentVolume(db, { count: appointments, counsellorIds: staff.counsellorIds, roomIds, today, createdBy: admin.userId!, at: clock.now().toISOString() })));
  progress('预约', appointments, appointments);

  const years = Math.max(1, Math.round(largeDemo.years * scale));
  progress('台账', 0, years);
  await seedLedgerYears(handlers, admin, staff, { today, years, registered: (ids) => registeredAt(vault.connection(), ids), onYear: (done) => progress('台账', done, years) });
  const activities = Math.round(largeDemo.activityVolume * scale);
  progress('活动', 0, activities);
  vault.write((db) => withoutChangeCounting(db, () => seedActivityVolume(db, { count: activities, years: largeDemo.years, today, staff, at: clock.now().toISOString() })));
  progress('活动', activities, activities);
  await seedLargeTeam(handlers, admin, staff.counsellorIds.slice(-largeCounsellors.length), today);
  await seedChecklistDemo(handlers, admin, today);
}

/** The eight counsellors beyond the demo's team in the people ledger: each an account, a person and a certificate. */
async function seedLargeTeam(handlers: Handlers, admin: Session, userIds: readonly number[], today: string): Promise<void> {
  for (const [index, account] of largeCounsellors.entries()) {
    const created = await handlers['people.create'](
      {
        name: account.displayName,
        gender: index % 2 === 0 ? 'male' : 'female',
        employment: index < 4 ? 'fulltime' : 'parttime',
        fte: index < 4 ? null : 0.5,
        organisation: '胜利路街道社会心理服务站',
        position: '心理咨询师',
        userId: userIds[index]!,
        phone: `1390000${String(2000 + index * 41).padStart(4, '0')}`,
        joinedOn: addDays(today, -365 * (largeDemo.years - index)),
        leftOn: null,
        note: '',
      },
      admin,
    );
    await handlers['people.saveQualification']({ personId: created.id, kind: 'counsellor', level: index < 4 ? '二级' : '三级', certificateNo: `演示-${2000 + index}`, issuedOn: addDays(today, -365 * (largeDemo.years - index) - 200), expiresOn: null }, admin);
  }
}
