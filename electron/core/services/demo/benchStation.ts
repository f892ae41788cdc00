import type { Db } from '../../db/driver.js';
import { writePlaintextCopy } from '../../db/plaintextCopy.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { AppError } from '../../errors.js';
import { buildCore, type Core, type CoreOptions } from '../../createCore.js';
import { registeredAt } from '../../repositories/clientsRepo.js';
import { readSettings } from '../../repositories/settingsRepo.js';
import { seedAppointmentVolume } from './appointmentsDemo.js';
import type { DemoStaff } from './activitiesDemo.js';
import { seedCaseFilesDemo } from './caseFilesDemo.js';
import { seedLedgerYears } from './ledgerYearsDemo.js';

/** The benchmark's station: a normal core plus bulk seeding that no host exposes. */
export type BenchStation = Readonly<{
  core: Core;
  /** Synthetic case files at scale, written in one transaction. */
  seedCaseFiles(scale: { clients: number; sessionsPerCase: readonly [number, number] }): Promise<{ clients: number; cases: number; sessions: number }>;
  /** A busy calendar: `count` bookings on past working days, in one transaction. */
  seedAppointments(scale: { count: number; counsellorIds: readonly number[]; roomIds: readonly number[] }): Promise<number>;
  /**
   * `years` of the station's ledgers (活动, 走访, 值班, 会议, 热线, 团体辅导, 知晓率调查) ending today, plus its team, written
   * year by year through the handlers as the demo writes one year: the volume a station has after a decade (issue 12's
   * bench).
   */
  seedLedgerYears(scale: { years: number; adminToken: string; staff: DemoStaff }): Promise<void>;
  /** An unencrypted copy of the whole database (schema, indexes, rows): the raw-SQL bound the bench compares with. */
  plaintextCopy(file: string): void;
  /** The station's own (encrypted) connection, for the same raw SQL: what the encryption alone costs. */
  encryptedConnection(): Db;
}>;

export function createBenchStation(options: CoreOptions): BenchStation {
  const { core, vault, clock, handlers } = buildCore(options);
  return {
    core,
    seedCaseFiles: async (scale) =>
      vault.write((db) =>
        seedCaseFilesDemo(db, {
          clients: scale.clients,
          caseShare: 0.7,
          sessionsPerCase: scale.sessionsPerCase,
          counsellorIds: [1],
          now: clock.now(),
          seed: 1,
          followUpDays: readSettings(db).followUpDays,
        }),
      ),
    seedAppointments: async (scale) =>
      vault.write((db) => seedAppointmentVolume(db, { ...scale, today: localDay(clock.now()), createdBy: scale.counsellorIds[0]!, at: clock.now().toISOString() })),
    seedLedgerYears: async ({ years, adminToken, staff }) => {
      const admin = core.sessionOf(adminToken);
      if (!admin) throw new AppError('UNAUTHENTICATED', '基准测试站的站长会话已结束。');
      await seedLedgerYears(handlers, admin, staff, { today: localDay(clock.now()), years, registered: (ids) => registeredAt(vault.connection(), ids) });
    },
    plaintextCopy: (file) => writePlaintextCopy(vault.connection(), file),
    encryptedConnection: () => vault.connection(),
  };
}
