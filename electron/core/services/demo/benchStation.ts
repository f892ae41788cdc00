import { localDay } from '../../../../shared/domain/dates.js';
import { buildCore, type Core, type CoreOptions } from '../../createCore.js';
import { readSettings } from '../../repositories/settingsRepo.js';
import { seedAppointmentVolume } from './appointmentsDemo.js';
import { seedCaseFilesDemo } from './caseFilesDemo.js';

/** The benchmark's station: a normal core plus bulk seeding that no host exposes. */
export type BenchStation = Readonly<{
  core: Core;
  /** Synthetic case files at scale, written in one transaction. */
  seedCaseFiles(scale: { clients: number; sessionsPerCase: readonly [number, number] }): Promise<{ clients: number; cases: number; sessions: number }>;
  /** A busy calendar: `count` bookings on past working days, in one transaction. */
  seedAppointments(scale: { count: number; counsellorIds: readonly number[]; roomIds: readonly number[] }): Promise<number>;
}>;

export function createBenchStation(options: CoreOptions): BenchStation {
  const { core, vault, clock } = buildCore(options);
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
  };
}
