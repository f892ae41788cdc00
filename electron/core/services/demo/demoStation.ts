import { AppError } from '../../errors.js';
import type { Handlers } from '../../handlerTable.js';
import { writeMarker } from '../../repositories/settingsRepo.js';
import { setMustChangePassword } from '../../repositories/usersRepo.js';
import type { Clock } from '../../clock.js';
import { readSettings } from '../../repositories/settingsRepo.js';
import type { Vault } from '../../vault.js';
import { seedActivitiesDemo } from './activitiesDemo.js';
import { seedCallsDemo } from './callsDemo.js';
import { seedDutyDemo } from './dutyDemo.js';
import { seedPeopleDemo } from './peopleDemo.js';
import { seedVisitsDemo } from './visitsDemo.js';
import { seedGroupsDemo } from './groupsDemo.js';
import { seedSurveysDemo } from './surveysDemo.js';
import { seedChecklistDemo } from './checklistDemo.js';
import { seedAppointmentsDemo } from './appointmentsDemo.js';
import { seedCaseFilesDemo } from './caseFilesDemo.js';
import { seedMeetingsDemo, seedRulesDemo } from './meetingsDemo.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { registeredAt } from '../../repositories/clientsRepo.js';
import { largeCounsellors, seedLargeVolumes, type DemoProgress } from './largeDemo.js';

/** Hundreds of clients: enough to feel like a station that has worked for two years. */
const demoClients = 400;

/** Documented in README: every demo account uses this password. Never use it for real data. */
export const demoPassword = 'xinyi-demo-2026';

export const demoAccounts = [
  { username: 'zhanzhang', displayName: '王海燕', role: 'admin' },
  { username: 'zixun1', displayName: '李明', role: 'counsellor' },
  { username: 'zixun2', displayName: '陈静', role: 'counsellor' },
  { username: 'qiantai', displayName: '刘芳', role: 'reception' },
] as const;

export type DemoSummary = Readonly<{ station: string; accounts: readonly string[]; password: string; recoveryKey: string }>;

/**
 * A realistic synthetic station, marked 演示数据 everywhere it shows. Later features append their
 * demo records here, through the same services and audit as real work.
 */
export type DemoOptions = Readonly<{
  /** `normal`: a station two years old (hundreds of clients); `large`: issue 15's ten-year station (largeDemo.ts). */
  size: 'normal' | 'large';
  progress?: DemoProgress;
  /** The large station's volumes shrunk to this share, for tests. */
  scale?: number;
}>;

export async function seedDemoStation(handlers: Handlers, vault: Vault, clock: Clock, options: DemoOptions = { size: 'normal' }): Promise<DemoSummary> {
  if (vault.phase() !== 'setup') throw new AppError('ALREADY_SET_UP', '数据文件夹里已有站点，演示数据只能写入空文件夹。');
  const [admin, ...staff] = options.size === 'large' ? [...demoAccounts, ...largeCounsellors] : demoAccounts;
  const station = '阳光社区心理咨询室（演示数据）';
  const { session, recoveryKey } = await handlers['setup.create'](
    {
      station: {
        name: station,
        level: 'community',
        regionCode: '500118001001',
        address: '重庆市永川区胜利路街道阳光社区服务中心二楼（演示数据）',
        phone: '023-49880000',
        openingHours: '周一至周五 9:00–12:00、14:00–17:30；周六上午预约开放',
      },
      admin: { username: admin.username, displayName: admin.displayName, password: demoPassword },
    },
    null,
  );
  const adminSession = {
    token: session.sessionToken,
    userId: session.user.id,
    username: session.user.username,
    displayName: session.user.displayName,
    role: 'admin' as const,
    mustChangePassword: false,
  };
  const counsellorIds: number[] = [];
  const receptionIds: number[] = [];
  for (const account of staff) {
    const user = await handlers['users.create']({ ...account, temporaryPassword: demoPassword }, adminSession);
    // Demo accounts are ready to use; a real account must change its temporary password.
    vault.write((db) => setMustChangePassword(db, user.id, false));
    if (user.role === 'counsellor') counsellorIds.push(user.id);
    if (user.role === 'reception') receptionIds.push(user.id);
  }
  const demoStaff = { adminId: adminSession.userId, counsellorIds, receptionIds };
  if (options.size === 'large') {
    vault.write((db) => writeMarker(db, 'demo', true));
    await seedLargeVolumes(handlers, vault, clock, adminSession, demoStaff, { progress: options.progress ?? (() => undefined), scale: options.scale ?? 1 });
    return { station, accounts: [admin, ...staff].map((account) => account.username), password: demoPassword, recoveryKey };
  }
  vault.write((db, audit) => {
    writeMarker(db, 'demo', true);
    const counts = seedCaseFilesDemo(db, {
      clients: demoClients,
      caseShare: 0.7,
      sessionsPerCase: [1, 14],
      counsellorIds,
      now: clock.now(),
      seed: 20261123,
      followUpDays: readSettings(db).followUpDays,
    });
    audit({ actorId: adminSession.userId, actorName: adminSession.username, action: 'demo.seed', objectType: 'station', objectId: 1, detail: counts });
  });
  await seedAppointmentsDemo(handlers, adminSession, counsellorIds, localDay(clock.now()));
  await seedActivitiesDemo(handlers, adminSession, demoStaff, localDay(clock.now()));
  await seedMeetingsDemo(handlers, adminSession, demoStaff, localDay(clock.now()));
  await seedRulesDemo(handlers, adminSession, localDay(clock.now()));
  await seedPeopleDemo(handlers, adminSession, demoStaff, localDay(clock.now()));
  await seedDutyDemo(handlers, adminSession, demoStaff, localDay(clock.now()));
  const registered = (ids: readonly number[]) => registeredAt(vault.connection(), ids);
  await seedVisitsDemo(handlers, adminSession, demoStaff, localDay(clock.now()), registered);
  await seedCallsDemo(handlers, adminSession, localDay(clock.now()), { opensCrisis: true, registered });
  await seedGroupsDemo(handlers, adminSession, demoStaff, localDay(clock.now()));
  await seedSurveysDemo(handlers, adminSession, localDay(clock.now()));
  await seedChecklistDemo(handlers, adminSession, localDay(clock.now()));
  return { station, accounts: demoAccounts.map((account) => account.username), password: demoPassword, recoveryKey };
}
