import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract/index.js';
import type { Result } from '../../shared/api/errors.js';
import { anchorFileName } from '../../electron/core/audit/anchorFile.js';
import { createCore, type Core } from '../../electron/core/createCore.js';
import type { Db } from '../../electron/core/db/driver.js';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.js';
import { latestSchemaVersion, migrations } from '../../electron/core/db/migrations/index.js';
import { integrityProblems, openEncryptedDatabase } from '../../electron/core/db/openDatabase.js';
import type { StationKeys } from '../../electron/core/keyring/accountSlot.js';
import { openWithSecret, readKeyring } from '../../electron/core/keyring/keyring.js';
import { attachClinicalKeys, encryptPlaintextClinicalFields } from '../../electron/core/repositories/clinicalFields.js';
import { readSettings } from '../../electron/core/repositories/settingsRepo.js';
import { seedAppointmentVolume } from '../../electron/core/services/demo/appointmentsDemo.js';
import { seedCaseFilesDemo } from '../../electron/core/services/demo/caseFilesDemo.js';
import { localDay } from '../../shared/domain/dates.js';
import { adminPassword, createStation } from '../integration/helpers/station.js';

/**
 * The large stations the rotation and migration kill trials start from, built once per process and
 * copied for each trial. Large on purpose: a key rotation (copy, full check, re-encryption, swap) and
 * the first unlock of an old station then take long enough for a kill on a timer to land inside them.
 */

/** The counsellor a rotation disables or resets, and an account that must keep opening the station. */
export const target = { username: 'zixun', password: 'zixun-pass-2026' } as const;
export const bystander = { username: 'qiantai', password: 'qiantai-pass-2026' } as const;

/** The bulk of the station (a busy two years): every row must still be there after any kill. */
const bulkTables = ['clients', 'cases', 'counselling_sessions', 'appointments'] as const;
const bulk = { clients: 3_000, appointments: 20_000 } as const;

/**
 * The old station is at schema 60, as an app before field encryption left it: clinical content in
 * plaintext. Its first unlock runs the real migrations 70 to 380 and, at the 站长's login, encrypts
 * every clinical field in one transaction; no delay or fault seam is added. The migrations' work grows
 * with the data (70, 80 and 110 add a column to a STRICT table, and SQLite checks every existing row
 * against it), the encryption with the notes. Together they are a fraction of a second against a key
 * derivation of about a second, so the trial times its kill from the moment the host opens the
 * database rather than from the unlock request (killTrials.ts).
 */
const oldSchemaVersion = 60;
/**
 * Undoes 70 to 380 by hand: a newer migration must be undone here too (build() refuses until it is). The one rebuild
 * of attachments below undoes both 150's and 180's: it restores the CHECK of before 150; 300 and 370 only widened
 * indexes that the undo of 260 and 290 drops by name; the triggers of 310, 320, 330 and 340 on other tables are dropped before
 * this runs (340's counts go with 310's table).
 */
const undoneUpTo = 380;
const undoMigrationsAfter60 = `
  DROP TABLE report_readings_kept;
  DROP INDEX appointments_not_cancelled;
  DROP TRIGGER appointments_length_insert;
  DROP TRIGGER appointments_length_update;
  DROP INDEX appointments_counsellor_end;
  DROP INDEX appointments_room_end;
  DROP INDEX appointments_client_end;
  DROP TABLE report_row_changes;
  DROP TABLE report_month_changes;
  DROP TABLE report_table_changes;
  DROP INDEX appointments_follow_up;
  DROP INDEX session_addenda_session;
  DROP INDEX risk_grades_by_time;
  DROP TABLE district_reports;
  DROP TABLE district_map;
  DROP TABLE received_packages;
  DROP TABLE district_stations;
  DROP TABLE station_key;
  DROP TABLE report_versions;
  DROP TABLE indicator_sets;
  DROP INDEX sessions_by_day;
  DROP INDEX cases_by_opening;
  DROP INDEX follow_ups_done;
  DROP INDEX scale_results_by_time;
  DROP INDEX clients_by_creation;
  DROP INDEX crises_by_start;
  DROP INDEX referrals_by_day;
  DROP TABLE rectifications;
  DROP TABLE inspection_findings;
  DROP TABLE inspection_scores;
  DROP TABLE inspections;
  PRAGMA foreign_keys = OFF;
  CREATE TABLE users_after_250 AS SELECT * FROM users;
  DROP TABLE users;
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'counsellor', 'reception')),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    created_at TEXT NOT NULL,
    last_login_at TEXT
  ) STRICT;
  INSERT INTO users SELECT id, username, display_name, role, disabled, must_change_password, created_at, last_login_at FROM users_after_250;
  DROP TABLE users_after_250;
  PRAGMA foreign_keys = ON;
  DROP TABLE checklist_answers;
  DROP TABLE checklist_choice;
  DROP TABLE checklist_templates;
  DROP TABLE survey_answers;
  DROP TABLE survey_responses;
  DROP TABLE surveys;
  DROP TABLE counselling_group_feedback;
  DROP TABLE counselling_group_attendance;
  DROP INDEX activities_by_group;
  ALTER TABLE activities DROP COLUMN group_id;
  DROP TABLE counselling_group_members;
  DROP TABLE counselling_group_leaders;
  DROP TABLE counselling_groups;
  DROP TABLE screening_visit_tags;
  DROP TABLE screening_visit_visitors;
  DROP TABLE screening_visits;
  DROP TABLE duty_logs;
  DROP TABLE duty_shifts;
  DROP TABLE rule_versions;
  DROP TABLE station_rules;
  DROP TABLE meeting_decisions;
  DROP TABLE meeting_staff;
  DROP TABLE meetings;
  DROP TABLE volunteer_service_hours;
  DROP TABLE person_trainings;
  DROP TABLE person_qualifications;
  DROP TABLE people;
  DROP TABLE hotline_calls;
  CREATE TABLE attachments_before_150 (
    id INTEGER PRIMARY KEY,
    owner_type TEXT NOT NULL CHECK (owner_type IN ('consent', 'session', 'case', 'referral', 'crisis')),
    owner_id INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
  ) STRICT;
  INSERT INTO attachments_before_150 SELECT * FROM attachments;
  DROP TABLE attachments;
  ALTER TABLE attachments_before_150 RENAME TO attachments;
  CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);
  DROP TABLE activity_sign_ins;
  DROP TABLE activity_roster;
  DROP TABLE activity_staff;
  DROP TABLE activity_outreach;
  DROP TABLE activities;
  DROP TABLE clinical_encryption;
  DROP INDEX alerts_result;
  DROP TABLE audit_anchor_key;
  DROP TABLE audit_epochs;
  ALTER TABLE cases DROP COLUMN history_granted;
  ALTER TABLE clients DROP COLUMN merge_reason;
  ALTER TABLE appointments DROP COLUMN reschedule_count;
  PRAGMA user_version = ${oldSchemaVersion};
`;

export type Facts = Readonly<{ version: number; counts: Readonly<Record<string, number>> }>;

export type KillStations = Readonly<{
  /** The old station, and the same station after the app's first unlock upgraded it. */
  old: string;
  current: string;
  /** Both stations' database key, until a rotation replaces it. */
  databaseKey: Buffer;
  facts: Facts;
  targetId: number;
  /** Measured on copies: the kill windows are sized from these, so a slower machine still lands inside. */
  rotationMs: number;
  /** The old station's first unlock once its database is open: quick_check and migrations, then the encryption. */
  migrationMs: number;
  encryptionMs: number;
}>;

export async function callCore<M extends MethodName>(core: Core, sessionToken: string | null, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return (await core.call({ scope: 'staff', transport: 'direct', sessionToken }, method, input)) as Result<MethodOutput<M>>;
}

async function valueOf<M extends MethodName>(core: Core, sessionToken: string | null, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await callCore(core, sessionToken, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A copy of a station folder in a fresh temp folder (one per trial). */
export function copyStation(template: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-kill-'));
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

function withDatabase<T>(dir: string, databaseKey: Buffer, readonly: boolean, use: (db: Db) => T): T {
  const db = openEncryptedDatabase(path.join(dir, 'xinyi.db'), databaseKey, { readonly });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Schema version and bulk row counts of a station. */
export function readFacts(dir: string, databaseKey: Buffer): Facts {
  return withDatabase(dir, databaseKey, true, (db) => ({
    version: schemaVersion(db),
    counts: Object.fromEntries(bulkTables.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n])),
  }));
}

/** A new station with its accounts and a room, closed; the bulk is written into its file afterwards. */
async function buildAccounts() {
  const station = await createStation();
  try {
    // The target changes its password, so a reset shows in the database as a forced change.
    await station.addUser(target.username, 'counsellor', target.password);
    await station.call(station.admin, 'users.create', { username: bystander.username, displayName: '前台', role: 'reception', temporaryPassword: bystander.password });
    const roomIds = (await station.call(station.admin, 'rooms.add', { name: '咨询室1', kind: 'counselling' })).map((room) => room.id);
    const users = await station.call(station.admin, 'users.list', {});
    const counsellorIds = users.filter((user) => user.role !== 'reception').map((user) => user.id);
    return { dir: station.dataDir, targetId: users.find((user) => user.username === target.username)!.id, counsellorIds, roomIds };
  } finally {
    station.dispose();
  }
}

/**
 * Turn the new station into an old one: the bulk written as the old app wrote it (no clinical key at
 * hand and encryption not begun, so the clinical fields stay plaintext), then the schema after 60
 * undone and the anchor file, which 100 brought, removed.
 */
function makeOld(dir: string, databaseKey: Buffer, accounts: Awaited<ReturnType<typeof buildAccounts>>): void {
  withDatabase(dir, databaseKey, false, (db) => {
    attachClinicalKeys(db, { keys: () => null, publicKey: () => null });
    const now = new Date();
    db.transaction(() => {
      db.exec('DELETE FROM clinical_encryption');
      const { counsellorIds, roomIds } = accounts;
      seedCaseFilesDemo(db, { clients: bulk.clients, caseShare: 0.7, sessionsPerCase: [1, 6], counsellorIds, now, seed: 1, followUpDays: readSettings(db).followUpDays });
      seedAppointmentVolume(db, { count: bulk.appointments, counsellorIds, roomIds, today: localDay(now), createdBy: counsellorIds[0]!, at: now.toISOString() });
    })();
    // The change triggers of 310, 320, 330 and 340, one per counted table and event, by their names.
    for (const { name } of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_counted_*'").all() as Array<{ name: string }>) db.exec(`DROP TRIGGER ${name}`);
    db.exec(undoMigrationsAfter60);
  });
  fs.rmSync(path.join(dir, anchorFileName));
}

/** What the host does at the first unlock once the database is open, timed on a copy: quick_check and migrations, then the encryption. */
function measureFirstUnlock(old: string, keys: StationKeys): { migrationMs: number; encryptionMs: number } {
  const dir = copyStation(old);
  try {
    return withDatabase(dir, keys.databaseKey, false, (db) => {
      const started = performance.now();
      integrityProblems(db, 'quick');
      migrate(db, migrations);
      const migrated = performance.now();
      db.transaction(() => encryptPlaintextClinicalFields(db, keys.clinical!, new Date().toISOString()))();
      return { migrationMs: migrated - started, encryptionMs: performance.now() - migrated };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The old station after the app's first unlock (migrated, clinical fields encrypted); and a disable on a copy of it, timed. */
async function upgradeAndMeasureRotation(old: string, targetId: number): Promise<{ current: string; rotationMs: number }> {
  const current = copyStation(old);
  const upgrade = createCore({ dataDir: current, idleCheckMs: 0, backupCheckMs: 0 });
  await valueOf(upgrade, null, 'auth.unlock', { username: 'admin', password: adminPassword }).finally(() => upgrade.close());
  const scratch = copyStation(current);
  const core = createCore({ dataDir: scratch, idleCheckMs: 0, backupCheckMs: 0 });
  try {
    const login = await valueOf(core, null, 'auth.unlock', { username: 'admin', password: adminPassword });
    const started = performance.now();
    await valueOf(core, login.sessionToken, 'users.setDisabled', { userId: targetId, disabled: true });
    return { current, rotationMs: performance.now() - started };
  } finally {
    core.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function build(): Promise<KillStations> {
  if (latestSchemaVersion !== undoneUpTo) throw new Error(`killStations.ts undoes migrations up to ${undoneUpTo}: add the undo of those up to ${latestSchemaVersion}`);
  const accounts = await buildAccounts();
  const old = accounts.dir;
  const opened = await openWithSecret(readKeyring(path.join(old, 'keyring.json')), { kind: 'user', username: 'admin' }, adminPassword);
  if (!opened?.keys.clinical) throw new Error('the 站长 does not open the new station');
  makeOld(old, opened.keys.databaseKey, accounts);
  const firstUnlock = measureFirstUnlock(old, opened.keys);
  const { current, rotationMs } = await upgradeAndMeasureRotation(old, accounts.targetId);
  process.once('exit', () => {
    for (const dir of [current, old]) fs.rmSync(dir, { recursive: true, force: true });
  });
  const { databaseKey } = opened.keys;
  return { old, current, databaseKey, facts: readFacts(current, databaseKey), targetId: accounts.targetId, rotationMs, ...firstUnlock };
}

let built: Promise<KillStations> | null = null;

export function killStations(): Promise<KillStations> {
  built ??= build();
  return built;
}
