import { createFoundationHandlers, type FoundationDeps } from './services/foundation/foundationHandlers.js';
import { createCaseFileHandlers, type CaseFileDeps } from './services/caseFiles/caseFileHandlers.js';
import { createScaleHandlers, type ScaleDeps } from './services/scales/scaleHandlers.js';
import { createKioskHandlers, type KioskDeps } from './services/kiosk/kioskHandlers.js';
import { createAppointmentHandlers, type AppointmentDeps } from './services/appointments/appointmentHandlers.js';
import { createLedgerHandlers, type LedgerDeps } from './services/ledgers/ledgersHandlers.js';
import { createChecklistHandlers, type ChecklistDeps } from './services/checklist/checklistHandlers.js';
import { createReportsHandlers, type ReportsDeps } from './services/reports/reportsHandlers.js';
import { createDistrictHandlers, type DistrictDeps } from './services/district/districtHandlers.js';
import type { Handlers } from './handlerTable.js';

/** Each feature's dependencies; adding a feature adds one line here and one in `createHandlers`. */
export type HandlerDeps = FoundationDeps &
  Readonly<{
    caseFiles: CaseFileDeps;
    scales: ScaleDeps;
    kiosk: KioskDeps;
    appointments: AppointmentDeps;
    ledgers: LedgerDeps;
    checklist: ChecklistDeps;
    reports: ReportsDeps;
    district: DistrictDeps;
  }>;

/** The whole table, merged from the feature tables (the compiler demands one handler per contract method). */
export function createHandlers({ caseFiles, scales, kiosk, appointments, ledgers, checklist, reports, district, ...foundation }: HandlerDeps): Handlers {
  return {
    ...createFoundationHandlers(foundation),
    ...createCaseFileHandlers(caseFiles),
    ...createScaleHandlers(scales),
    ...createKioskHandlers(kiosk),
    ...createAppointmentHandlers(appointments),
    ...createLedgerHandlers(ledgers),
    ...createChecklistHandlers(checklist),
    ...createReportsHandlers(reports),
    ...createDistrictHandlers(district),
  };
}
