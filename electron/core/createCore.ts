import type { LockReason } from '../../shared/api/schemas/auth.js';
import path from 'node:path';
import { LoginBackoff, loginAttemptsFileName } from './auth/loginBackoff.js';
import { AuthService } from './auth/authService.js';
import { SessionStore, type Session } from './auth/sessionStore.js';
import { systemClock, type Clock } from './clock.js';
import { createDispatch, type Dispatch } from './dispatch.js';
import type { AppEvent } from '../../shared/api/events.js';
import { createEventStreams, mayReceive, type EventStream } from './eventAccess.js';
import { EventBus } from './events.js';
import { acquireFolderLock } from './fs/folderLock.js';
import type { Handlers } from './handlerTable.js';
import { createHandlers } from './handlers.js';
import { dataPaths } from './paths.js';
import { runScheduledBackup } from './services/backup/backupSchedule.js';
import { recoverDataFolder } from './services/backup/restoreSwap.js';
import { BackupService } from './services/backup/backupService.js';
import { Operations } from './operations.js';
import { UsersService } from './services/foundation/usersService.js';
import { seedDemoStation, type DemoOptions, type DemoSummary } from './services/demo/demoStation.js';
import { Serial } from './serial.js';
import { ResultsService } from './services/scales/resultsService.js';
import { scalesDueItems } from './services/scales/scalesDueItems.js';
import { ScaleCatalog } from './services/scales/scaleCatalog.js';
import { KioskService } from './services/kiosk/kioskService.js';
import { ScreeningService } from './services/scales/screeningService.js';
import { AppointmentsService } from './services/appointments/appointmentsService.js';
import { ScheduleService } from './services/appointments/scheduleService.js';
import { ActivitiesService } from './services/ledgers/activitiesService.js';
import { CallsService } from './services/ledgers/callsService.js';
import { DutyService } from './services/ledgers/dutyService.js';
import { VisitsService } from './services/ledgers/visitsService.js';
import { PeopleService } from './services/ledgers/peopleService.js';
import { MeetingsService } from './services/ledgers/meetingsService.js';
import { RulesService } from './services/ledgers/rulesService.js';
import { SignInsService } from './services/ledgers/signInsService.js';
import { GroupsService } from './services/ledgers/groupsService.js';
import { SurveysService } from './services/ledgers/surveysService.js';
import { ChecklistService } from './services/checklist/checklistService.js';
import { InspectionsService } from './services/checklist/inspectionsService.js';
import { InspectionPackageService } from './services/checklist/inspectionPackage.js';
import { periodLedgers } from './services/checklist/packageLedgers.js';
import { ReportsService } from './services/reports/reportsService.js';
import { ReportFiles } from './services/reports/reportFiles.js';
import { DistrictReports } from './services/district/districtReports.js';
import { DistrictService } from './services/district/districtService.js';
import { CasesService } from './services/caseFiles/casesService.js';
import { ClientsService } from './services/caseFiles/clientsService.js';
import { RiskService } from './services/caseFiles/riskService.js';
import { AttachmentService } from './services/caseFiles/attachmentService.js';
import { caseFileAttachmentOwners } from './services/caseFiles/attachmentOwnerRules.js';
import { ledgerAttachmentOwners } from './services/ledgers/ledgerAttachmentOwners.js';
import { checklistAttachmentOwners, inspectorReadableOwners } from './services/checklist/checklistAttachmentOwners.js';
import { CrisisService } from './services/caseFiles/crisisService.js';
import { ReferralService } from './services/caseFiles/referralService.js';
import { CaseFilesExport } from './services/caseFiles/caseFilesExport.js';
import { ScalesExport } from './services/scales/scalesExport.js';
import { clinicalKeyRoles } from './keyring/keyring.js';
import { Vault, type KeyFaults } from './vault.js';
import type { QuickCheckOutcome } from './db/backgroundCheck.js';
import { appVersion } from './version.js';
import { ReadAhead } from './services/reports/readAhead.js';
import { canCall } from '../../shared/api/access.js';
import { contract } from '../../shared/api/contract/index.js';
import type { NativeDialogs } from './services/files/nativeDialogs.js';

export type CoreOptions = Readonly<{
  dataDir: string;
  clock?: Clock;
  /** How often the idle lock is checked; 0 turns the timer off (tests call checkIdle). */
  idleCheckMs?: number;
  /** How often the daily backup is due-checked; 0 turns it off. */
  backupCheckMs?: number;
  /** How long after a 站长's unlock the report screen's first figures are read ahead; 0 turns it off. */
  readAheadMs?: number;
  /** Electron's main passes the OS open dialog; the HTTP host and the CLI have none. */
  nativeDialogs?: NativeDialogs;
  /** Test seams: an unwritable keyring, a failure at a key-rotation step. */
  keyFaults?: KeyFaults;
}>;

export type Core = Readonly<{
  call: Dispatch;
  events: EventBus;
  /** The role of a session token, for transports that filter events. */
  sessionOf(token: string | null | undefined): Session | null;
  /** Whether this session may hear this event now (role, and for an alert, reach of its client). */
  mayReceive(token: string | null | undefined, event: AppEvent): boolean;
  /** One event stream per session: checked on every event, ended when the session ends. */
  streams: Pick<EventStream, 'subscribe'>;
  checkIdle(): void;
  /** The HTTP host asks whether a presented token is the open kiosk's. */
  isKioskToken(token: string): boolean;
  /** Lock from outside a call: the menu, the OS screen lock, sleep. */
  lock(reason: LockReason): void;
  /** Write the daily backup now if one is due (the timer calls this too). */
  runScheduledBackup(): Promise<boolean>;
  /** `xinyi demo`: fill an empty data folder with the demo station. */
  seedDemo(options?: DemoOptions): Promise<DemoSummary>;
  /** How many chunked uploads are staged in memory now (tests check that an abandoned one leaves nothing). */
  stagedUploads(): number;
  /** Whether the clinical key is in memory now (only while a 站长/counsellor session is open). */
  clinicalKeyHeld(): boolean;
  /** The quick_check started at the last unlock, once it has ended (null if none ran); tests and the bench wait on it. */
  backgroundCheck(): Promise<QuickCheckOutcome | null>;
  /** The report readings read ahead after the last unlock, once that has ended; tests and the bench wait on it. */
  readAhead(): Promise<void>;
  /** The last successful unlock: key derivation and the rest, in ms (the bench). */
  lastUnlockTiming(): Readonly<{ kdfMs: number; restMs: number }> | null;
  close(): void;
}>;

/** What the station's hosts get: every call goes through the dispatch and its role check. */
export function createCore(options: CoreOptions): Core {
  return buildCore(options).core;
}

/**
 * The core with the parts behind it (its handler table too), for seeding tools outside the hosts (the benchmark's
 * large station); no host holds these, so no call can bypass the dispatch's role check.
 */
export function buildCore(options: CoreOptions): { core: Core; vault: Vault; clock: Clock; handlers: Handlers } {
  const clock = options.clock ?? systemClock;
  const releaseFolder = acquireFolderLock(options.dataDir);
  const events = new EventBus();
  const paths = dataPaths(options.dataDir);
  // Before anything reads the files: settle an interrupted restore and drop temporary files.
  const startupNotice = recoverDataFolder(paths);
  const vault = new Vault(paths, appVersion, clock, options.keyFaults);
  vault.onDamage((problem) => events.emit({ name: 'station.damaged', payload: { message: problem.message } }));
  const sessions = new SessionStore();
  const keyringWork = new Serial();
  // Every feature that keeps files adds its owner kinds' rules here (one spread each).
  const attachments = new AttachmentService(vault, clock, { ...caseFileAttachmentOwners, ...ledgerAttachmentOwners, ...checklistAttachmentOwners }, inspectorReadableOwners);
  // The clinical key and staged uploads live in memory only while their sessions are open (DESIGN.md §3).
  sessions.onSessionsEnded(() => {
    if (!sessions.hasSessionWithRole(clinicalKeyRoles)) vault.dropClinical();
    attachments.staging.dropEnded((token) => sessions.get(token) !== null);
  });
  // The kiosk is created below; the lock rule only asks whether one is open.
  let kiosk: KioskService | null = null;
  const operations = new Operations(events);
  const auth = new AuthService({ vault, sessions, backoff: new LoginBackoff(path.join(options.dataDir, loginAttemptsFileName)), clock, events, keyringWork, operations, kioskActive: () => kiosk?.isActive() ?? false });
  const backup = new BackupService(vault, operations, clock);
  const risk = new RiskService(vault, clock, events);
  const caseFiles = {
    vault,
    clients: new ClientsService(vault, clock),
    cases: new CasesService(vault, clock),
    risk,
    crises: new CrisisService(vault, risk, clock),
    referrals: new ReferralService(vault, clock),
    attachments,
    exports: new CaseFilesExport(vault, clock),
  };
  const catalog = new ScaleCatalog(vault, clock);
  const results = new ResultsService(vault, catalog, events, clock);
  const screenings = new ScreeningService(vault, catalog, clock);
  const surveys = new SurveysService(vault, clock);
  kiosk = new KioskService(vault, sessions, catalog, results, screenings, surveys, clock);
  const scales = { catalog, results, screenings, exports: new ScalesExport(vault, catalog, screenings) };
  const users = new UsersService(vault, sessions, keyringWork, clock, operations);
  const checklist = new ChecklistService(vault, clock);
  const inspections = new InspectionsService(vault, clock, checklist, users);
  const people = new PeopleService(vault, clock);
  const reports = new ReportsService(vault, clock, { checklist, abnormalBands: () => catalog.abnormalBands() });
  events.subscribe((event) => {
    // Before a restore the file is about to be replaced: what it would keep is not written.
    if (event.name === 'session.locked') reports.forgetReadings(event.payload.reason !== 'restore');
  });
  const readAhead = new ReadAhead(options.readAheadMs ?? 1_000);
  sessions.onSessionStarted((session) => {
    if (canCall(contract['reports.preview'].access, session.role)) readAhead.start((pause) => reports.prepareReadings(pause));
  });
  const district = new DistrictService(vault, clock);
  const handlers = createHandlers({
    vault,
    startupNotice,
    clock,
    auth,
    users,
    backup,
    operations,
    nativeDialogs: options.nativeDialogs,
    caseFiles: { ...caseFiles, dueItems: [scalesDueItems(results)] },
    scales,
    kiosk: { kiosk },
    appointments: { appointments: new AppointmentsService(vault, clock), schedule: new ScheduleService(vault, clock) },
    ledgers: { vault, clock, activities: new ActivitiesService(vault, clock), signIns: new SignInsService(vault, clock), calls: new CallsService(vault, caseFiles.crises, clock), meetings: new MeetingsService(vault, clock), rules: new RulesService(vault, clock), people, duty: new DutyService(vault, clock), visits: new VisitsService(vault, caseFiles.clients, clock), groups: new GroupsService(vault, clock), surveys },
    checklist: { checklist, inspections, packages: new InspectionPackageService(vault, clock, inspections, periodLedgers(vault, clock, people)) },
    reports: { reports, files: new ReportFiles(vault, clock, reports) },
    district: { district, districtReports: new DistrictReports(vault, clock, district) },
  });
  const streams = createEventStreams(vault, sessions, events);
  const dispatch = createDispatch(handlers, sessions, clock);
  const idleCheckMs = options.idleCheckMs ?? 5_000;
  const timer = idleCheckMs > 0 ? setInterval(() => auth.checkIdle(), idleCheckMs) : null;
  timer?.unref();
  const backupCheckMs = options.backupCheckMs ?? 10 * 60_000;
  const backupTimer = backupCheckMs > 0 ? setInterval(() => void runScheduledBackup(vault, backup, clock), backupCheckMs) : null;
  backupTimer?.unref();

  const core: Core = {
    call: async (context, method, input) => {
      const result = await dispatch(context, method, input);
      // A call may have ended sessions (an account disabled, a password reset): their streams end now.
      streams.sweep();
      return result;
    },
    events,
    sessionOf: (token) => sessions.get(token),
    mayReceive: (token, event) => {
      const session = sessions.get(token);
      return session !== null && mayReceive(vault, session, event);
    },
    streams,
    checkIdle: () => auth.checkIdle(),
    isKioskToken: (token) => kiosk?.isKioskToken(token) ?? false,
    lock: (reason) => auth.lock(reason, null),
    seedDemo: (options) => seedDemoStation(handlers, vault, clock, options),
    clinicalKeyHeld: () => vault.holdsClinical(),
    stagedUploads: () => attachments.staging.count(),
    backgroundCheck: () => vault.backgroundCheckEnded(),
    readAhead: () => readAhead.ended(),
    lastUnlockTiming: () => auth.lastUnlockTiming,
    runScheduledBackup: () => runScheduledBackup(vault, backup, clock),
    close: () => {
      if (timer) clearInterval(timer);
      if (backupTimer) clearInterval(backupTimer);
      readAhead.stop();
      if (vault.isOpen()) auth.lock('shutdown', null);
      releaseFolder();
    },
  };
  return { core, vault, clock, handlers };
}
