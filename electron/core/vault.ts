import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AppPhase } from '../../shared/api/schemas/auth.js';
import { apiError, type ApiError } from '../../shared/api/errors.js';
import { appendAudit, type AuditRecord } from './audit/auditLog.js';
import { AuditAnchorKeeper } from './audit/anchorKeeper.js';
import { findingAlreadyRecorded } from './audit/anchorStore.js';
import { anchorFileName } from './audit/anchorFile.js';
import { backupWitnesses } from './audit/anchorWitnesses.js';
import type { Clock } from './clock.js';
import type { Db } from './db/driver.js';
import { migrate, schemaVersion } from './db/migrate.js';
import { latestSchemaVersion, migrations } from './db/migrations/index.js';
import { startQuickCheck, type QuickCheckOutcome, type RunningCheck } from './db/backgroundCheck.js';
import {
  emptyDatabaseMessage,
  foreignDatabaseMessage,
  integrityFailureMessage,
  integrityProblems,
  openEncryptedDatabase,
  refuseWrites,
} from './db/openDatabase.js';
import { AppError, toApiError } from './errors.js';
import { copyWithNewKey } from './db/keyedCopy.js';
import { commitFile, syncDirectory, writeFileAtomic } from './fs/atomicWrite.js';
import { createClinicalKeys, zeroKeys, type ClinicalKeys, type StationKeys } from './keyring/accountSlot.js';
import { readKeyring, serializeKeyring, type Keyring } from './keyring/keyring.js';
import { pendingKeyring, pendingKeyringText, rotatingDatabase, settleRotation, sha256OfFileSync } from './keyring/rotationFiles.js';
import {
  attachClinicalKeys,
  clinicalEncryptionComplete,
  encryptPlaintextClinicalFields,
  clinicalRowCount,
  markClinicalEncryptionComplete,
  reencryptionBatches,
} from './repositories/clinicalFields.js';
import { seedBuiltinDictionaries } from './repositories/dictionariesRepo.js';
import { readSettings } from './repositories/settingsRepo.js';
import path from 'node:path';
import { databaseCompanions, type DataPaths } from './paths.js';

/** Where an interrupted first-run setup leaves its database; the keyring write is the commit point. */
const setupSuffix = '.setup';

/** Steps of a key rotation, in order; a test seam can fail or snapshot the folder at each. */
export const rotationSteps = ['copy', 'apply', 'pending-keyring', 'close', 'swap-database', 'swap-keyring', 'reopen'] as const;
export type RotationStep = (typeof rotationSteps)[number];

/** Test seams for failures that cannot be made for real in a test running as root. */
export type KeyFaults = Readonly<{
  /** Runs before every keyring write; throwing acts as an unwritable keyring (read-only folder, antivirus lock). */
  keyringWrite?: (file: string) => void;
  /** Runs at each rotation step; throwing fails the rotation there. */
  rotationStep?: (step: RotationStep) => void;
}>;

/** What a rotation changes besides the keys, supplied by the caller (UsersService). */
export type RotationPlan = Readonly<{
  /** The keyring for the new keys, built from public keys only. */
  keyring: (keys: StationKeys) => Keyring;
  /** The change that causes the rotation (disable, reset) with its audit rows, made on the new copy. */
  change: (db: Db, audit: (record: AuditRecord) => void) => void;
  progress: (percent: number, stage: string) => Promise<void>;
}>;

/**
 * The station's encrypted store while the app runs: the keyring on disk, and — only while someone
 * is logged in — the open database and its data key. Everything that touches the file goes here.
 */
export class Vault {
  private db: Db | null = null;
  private dataKey: Buffer | null = null;
  private startupProblem: ApiError | null = null;
  private writeDepth = 0;
  private auditAppended = false;
  readonly anchors: AuditAnchorKeeper;
  /** The clinical key, held only while a 站长/counsellor/recovery session is open (see holdClinical). */
  private clinical: ClinicalKeys | null = null;
  /** While a rotation copies and swaps the database, nothing else may use the connection. */
  private rotating = false;
  /** A lock arrived during a rotation: the rotation ends by closing instead of reopening. */
  private closeWhenRotated = false;
  /** The quick_check started at the last unlock, while it runs; `checked` settles with its outcome. */
  private check: RunningCheck | null = null;
  private checked: Promise<QuickCheckOutcome | null> = Promise.resolve(null);
  /**
   * Set when that check found the file damaged: writes are refused and no unlock opens the file
   * again until a restore (reinspect). The file does not heal, so this lasts for the whole run.
   */
  private damage: ApiError | null = null;
  private damageListener: ((problem: ApiError) => void) | null = null;

  constructor(
    readonly paths: DataPaths,
    readonly appVersion: string,
    private readonly clock: Clock,
    private readonly faults: KeyFaults = {},
  ) {
    this.settleInterruptedRotation();
    this.startupProblem = this.inspectFiles();
    this.anchors = new AuditAnchorKeeper(path.join(paths.dir, anchorFileName), clock);
  }

  /** Look at the files without a key: is this a new station, a locked one, or a broken one? */
  private inspectFiles(): ApiError | null {
    const { database, keyring } = this.paths;
    const pendingSetup = `${database}${setupSuffix}`;
    if (fs.existsSync(keyring) && !fs.existsSync(database) && fs.existsSync(pendingSetup)) {
      fs.renameSync(pendingSetup, database);
    }
    const hasDb = fs.existsSync(database);
    const hasKeyring = fs.existsSync(keyring);
    if (!hasDb && !hasKeyring) return null;
    if (!hasKeyring) return apiError('KEYRING_INVALID', '找不到密钥环文件 keyring.json，无法解锁数据库。请从备份恢复。');
    if (!hasDb) return apiError('DB_CORRUPT', '找不到数据库文件 xinyi.db。请从备份恢复。');
    // An existing station is never rebuilt: an empty file here would otherwise open as a new database.
    if (fs.statSync(database).size === 0) return apiError('DB_CORRUPT', emptyDatabaseMessage);
    try {
      readKeyring(keyring);
      return null;
    } catch (error) {
      return toApiError(error);
    }
  }

  phase(): AppPhase {
    // A damaged file stays open for reading, but the station shows the problem and the restore offer.
    if (this.db) return this.damage ? 'error' : 'unlocked';
    if (this.startupProblem) return 'error';
    return fs.existsSync(this.paths.keyring) ? 'locked' : 'setup';
  }

  problem(): ApiError | null {
    return this.damage ?? (this.db ? null : this.startupProblem);
  }

  isOpen(): boolean {
    return this.db !== null;
  }

  keyring(): Keyring {
    return readKeyring(this.paths.keyring);
  }

  /** The open database; every handler that needs it fails with LOCKED otherwise. */
  connection(): Db {
    if (this.rotating) throw new AppError('OPERATION_BUSY', '正在更换密钥，请稍候再试。');
    if (!this.db) throw new AppError('LOCKED');
    return this.db;
  }

  key(): Buffer {
    if (!this.dataKey) throw new AppError('LOCKED');
    return this.dataKey;
  }

  /**
   * Open with an unwrapped data key and migrate; the quick_check then runs in the background
   * (backgroundCheck.ts) and a failure is remembered as the problem, here or when it reports.
   */
  open(dataKey: Buffer): void {
    if (this.db) return;
    let db: Db | null = null;
    try {
      // This run already found the file damaged: it is not opened again until a restore, as a failed check at unlock did.
      if (this.damage) throw new AppError(this.damage.code, this.damage.message);
      db = openEncryptedDatabase(this.paths.database, dataKey);
      // A file with no schema at all is not this station's database; migrating it would create a new one.
      if (schemaVersion(db) === 0) throw new AppError('DB_CORRUPT', foreignDatabaseMessage);
      // Migrations rewrite tables, which must not happen on a damaged file: when one is due (the first
      // unlock after an update) the whole quick_check runs first, as before. Otherwise opening has read
      // the header and the whole schema, the first reads and writes would fail on a damaged page they
      // touch (SQLITE_CORRUPT, rolled back), and the rest of the file is checked in the background.
      const checkNow = schemaVersion(db) < latestSchemaVersion;
      if (checkNow && integrityProblems(db, 'quick').length > 0) throw new AppError('DB_CORRUPT', integrityFailureMessage);
      migrate(db, migrations);
      const opened = db;
      opened.transaction(() => seedBuiltinDictionaries(opened))();
      attachClinicalKeys(opened, { keys: () => this.clinical, publicKey: () => this.publishedClinicalKey() });
      const anchorFindings = this.anchors.open(opened, backupWitnesses(this.backupFolders(opened)));
      this.db = opened;
      this.dataKey = Buffer.from(dataKey);
      this.startupProblem = null;
      if (!checkNow) this.startBackgroundCheck(this.dataKey);
      this.recordAnchorFindings(anchorFindings.map((finding) => finding.message));
    } catch (error) {
      this.stopBackgroundCheck();
      db?.close();
      this.db = null;
      this.dataKey?.fill(0);
      this.dataKey = null;
      this.anchors.close();
      const apiProblem = toApiError(error);
      if (apiProblem.code === 'DB_CORRUPT' || apiProblem.code === 'DB_FROM_FUTURE') this.startupProblem = apiProblem;
      throw error instanceof AppError ? error : new AppError(apiProblem.code, apiProblem.message);
    }
  }

  /**
   * First run: build the database under a temporary name, then write the keyring (the commit
   * point), then move the database into place. A crash at any step leaves a new station or a whole one.
   */
  create(dataKey: Buffer, keyring: Keyring, fill: (db: Db) => void): void {
    if (this.phase() !== 'setup') throw new AppError('ALREADY_SET_UP');
    fs.mkdirSync(this.paths.dir, { recursive: true });
    const pending = `${this.paths.database}${setupSuffix}`;
    for (const file of databaseCompanions(pending)) fs.rmSync(file, { force: true });
    const db = openEncryptedDatabase(pending, dataKey, { create: true });
    try {
      migrate(db, migrations);
      db.transaction(() => {
        markClinicalEncryptionComplete(db, this.clock.now().toISOString());
        fill(db);
      })();
    } finally {
      db.close();
    }
    this.saveKeyring(keyring);
    commitFile(pending, this.paths.database);
    this.open(dataKey);
  }

  /**
   * Run a change and its audit rows as one transaction (DB-8): both commit or neither does. The
   * outermost write announces the new chain head to the anchor file before it commits.
   */
  write<T>(change: (db: Db, audit: (record: AuditRecord) => void) => T): T {
    const db = this.connection();
    this.assertSound();
    const audit = (record: AuditRecord) => {
      appendAudit(db, this.appVersion, record, this.clock.now());
      this.auditAppended = true;
    };
    const outermost = this.writeDepth === 0;
    if (outermost) this.auditAppended = false;
    this.writeDepth += 1;
    try {
      const result = db.transaction(() => {
        const value = change(db, audit);
        if (outermost && this.auditAppended) this.anchors.beforeCommit(db);
        return value;
      })();
      if (outermost && this.auditAppended) this.anchors.afterCommit();
      return result;
    } catch (error) {
      if (outermost) this.anchors.rolledBack();
      throw error;
    } finally {
      this.writeDepth -= 1;
    }
  }

  /** The folders whose backups witness the audit chain: the default one and the configured one. */
  backupFolders(db: Db = this.connection()): string[] {
    const configured = readSettings(db).backupDir;
    return configured ? [this.paths.backups, configured] : [this.paths.backups];
  }

  /** Each finding is recorded once, so an unlock after it does not bury it; verify lists them all. */
  private recordAnchorFindings(findings: readonly string[]): void {
    const fresh = findings.filter((finding) => !findingAlreadyRecorded(this.connection(), finding));
    if (fresh.length === 0) return;
    this.write((_db, audit) => {
      for (const finding of fresh) {
        audit({ actorId: null, actorName: null, action: 'audit.anchorMismatch', objectType: 'audit', result: 'failure', detail: { finding } });
      }
    });
  }

  // ---- The quick_check after unlock (DESIGN.md §4; why in the background: backgroundCheck.ts) ----

  /**
   * Writes made before the verdict stand (acknowledged writes are kept); after a failed check every
   * write is refused, so nothing more is added to a damaged file.
   */
  private assertSound(): void {
    if (this.damage) throw new AppError('DB_CORRUPT', `${this.damage.message}本次操作未保存。`);
  }

  private startBackgroundCheck(dataKey: Buffer): void {
    const running = startQuickCheck(this.paths.database, dataKey, () => (this.db ? integrityProblems(this.db, 'quick') : null));
    this.check = running;
    const earlier = this.checked;
    this.checked = running.outcome.then(async (outcome) => {
      if (this.check === running) this.check = null;
      if (outcome.verdict === 'damaged') this.recordDamage(outcome.problems.length);
      // A check a quick lock stopped may still be leaving: the files are free once every one has.
      await earlier;
      return outcome;
    });
  }

  /** A lock or a failed open ends the check; the worker leaves on its own time (backgroundCheckEnded). */
  private stopBackgroundCheck(): void {
    void this.check?.stop();
    this.check = null;
  }

  /**
   * The outcome of the check started at the last unlock (null if none ran), once its worker thread has
   * exited. File swaps wait for it: its connection would keep the WAL from emptying and, on Windows,
   * the files from moving. Tests and the bench wait for the verdict with it.
   */
  backgroundCheckEnded(): Promise<QuickCheckOutcome | null> {
    return this.checked;
  }

  /** Told once, when the check finds damage (createCore tells the screens). */
  onDamage(listener: (problem: ApiError) => void): void {
    this.damageListener = listener;
  }

  /**
   * Not written to the audit trail: appending to a file known to be damaged could spread the damage,
   * and writes are what is refused from now on. The station shows it (status, the problem page and
   * restore offer), every refused write says it, and stderr keeps a line for support.
   */
  private recordDamage(problemCount: number): void {
    this.damage = apiError('DB_CORRUPT', integrityFailureMessage);
    this.startupProblem = this.damage;
    // Every write goes through write(), which refuses; query_only stops any other path inside SQLite too.
    if (this.db) refuseWrites(this.db);
    process.stderr.write(`[xinyi] quick_check after unlock found ${problemCount} problem(s): writes refused until a restore\n`);
    this.damageListener?.(this.damage);
  }

  close(): void {
    if (this.deferCloseDuringRotation()) return;
    this.stopBackgroundCheck();
    this.anchors.close();
    this.db?.close();
    this.db = null;
    this.dataKey?.fill(0);
    this.dataKey = null;
    this.dropClinical();
  }

  /** After a restore swapped the files, look at them afresh. */
  reinspect(): void {
    this.damage = null;
    this.startupProblem = this.inspectFiles();
  }

  // ---- Keys: keyring writes, the clinical key, key rotation (keyring v2, DB-9) ----

  /** Every keyring write goes through here: atomic, and a failure is a clear refusal, never INTERNAL. */
  saveKeyring(keyring: Keyring): void {
    this.writeKeyringText(this.paths.keyring, serializeKeyring(keyring));
  }

  /**
   * Both places or neither (section 4): the keyring is written first — an unwritable keyring refuses
   * with nothing changed — then the database; if the database commit fails, the old keyring goes back.
   */
  commitKeyringThen<T>(next: Keyring, commit: () => T): T {
    const before = this.keyring();
    this.saveKeyring(next);
    try {
      return commit();
    } catch (error) {
      this.saveKeyring(before);
      throw error;
    }
  }

  private writeKeyringText(file: string, text: string): void {
    try {
      this.faults.keyringWrite?.(file);
      writeFileAtomic(file, text);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('KEYRING_UNWRITABLE');
    }
  }

  /**
   * A clinical session (站长, counsellor, recovery) opened: keep a copy of the clinical key. The first
   * one after the upgrade to field encryption also encrypts what is still plaintext (one transaction).
   */
  holdClinical(clinical: ClinicalKeys): void {
    if (this.clinical) return;
    const key = Buffer.from(clinical.key);
    this.clinical = { key, pair: { privateKey: Buffer.from(clinical.pair.privateKey), publicKey: Buffer.from(clinical.pair.publicKey) } };
    if (this.db && !this.rotating && !clinicalEncryptionComplete(this.db)) this.encryptPlaintextFields(this.clinical);
  }

  private encryptPlaintextFields(keys: ClinicalKeys): void {
    this.write((db, audit) => {
      const count = encryptPlaintextClinicalFields(db, keys, this.clock.now().toISOString());
      if (count > 0) audit({ actorId: null, actorName: null, action: 'clinical.encryptFields', objectType: 'station', detail: { count } });
    });
  }

  /** The last clinical session ended or locked: the clinical key is held nowhere in memory. */
  dropClinical(): void {
    zeroKeys(this.clinical ? { databaseKey: Buffer.alloc(0), clinical: this.clinical } : null);
    this.clinical = null;
  }

  holdsClinical(): boolean {
    return this.clinical !== null;
  }

  /** For resealing to new accounts: the clinical key, only while a clinical session is open. */
  clinicalKeys(): ClinicalKeys {
    if (!this.clinical) throw new AppError('CLINICAL_KEY_UNAVAILABLE');
    return this.clinical;
  }

  /** What content written while no clinical session is open is sealed to (the kiosk during a staff lock). */
  private publishedClinicalKey(): Buffer | null {
    const published = this.keyring().clinicalPublicKey;
    return published ? Buffer.from(published, 'base64') : null;
  }

  private settleInterruptedRotation(): void {
    try {
      settleRotation(this.paths);
    } catch {
      // Left as it is; inspectFiles reports what the station can open.
    }
  }

  private failAt(step: RotationStep): void {
    this.faults.rotationStep?.(step);
  }

  /**
   * Rotate the database key and the clinical key (DB-9), sealing both afresh to the accounts the plan
   * keeps, with the plan's change made on the new copy: the swap commits the change and the new keys
   * together, and any failure leaves the station as it was (or, past the database swap, finished).
   * Callers run this inside the keyring queue and an Operations run.
   */
  async rotateKeys(plan: RotationPlan): Promise<void> {
    const live = this.connection();
    this.assertSound();
    const oldKey = Buffer.from(this.key());
    const oldClinical = this.clinical;
    // Without the old clinical key nothing under it could be re-encrypted, so it is then kept.
    const next: StationKeys = { databaseKey: randomBytes(32), clinical: oldClinical ? createClinicalKeys() : null };
    const copyFile = rotatingDatabase(this.paths);
    settleRotation(this.paths);
    this.rotating = true;
    let committed = false;
    try {
      await plan.progress(5, 'copy');
      this.failAt('copy');
      copyWithNewKey(live, copyFile, next.databaseKey);
      await plan.progress(50, 'apply');
      this.failAt('apply');
      await this.applyToCopy(copyFile, next, oldClinical, plan);
      await plan.progress(70, 'keyring');
      const keyring = plan.keyring(next);
      this.failAt('pending-keyring');
      this.writeKeyringText(pendingKeyring(this.paths), pendingKeyringText(keyring, sha256OfFileSync(copyFile)));
      await plan.progress(85, 'swap');
      // The check's own connection would keep the WAL from emptying at close; a damaged verdict stops here.
      this.stopBackgroundCheck();
      await this.checked;
      this.assertSound();
      this.failAt('close');
      this.closeForSwap();
      this.failAt('swap-database');
      commitFile(copyFile, this.paths.database);
      this.failAt('swap-keyring');
      fs.renameSync(pendingKeyring(this.paths), this.paths.keyring);
      committed = true;
      syncDirectory(this.paths.dir);
      this.failAt('reopen');
    } catch (error) {
      this.rotating = false;
      const outcome = this.recoverFromFailedRotation(oldKey, next, committed);
      oldKey.fill(0);
      zeroKeys(next);
      // Past the database swap the change and the new keys are in place: that is success, never "未保存".
      if (outcome === 'finished') return;
      if (error instanceof AppError) throw error;
      const problem = toApiError(error);
      throw new AppError(problem.code === 'INTERNAL' ? 'KEY_ROTATION_FAILED' : problem.code);
    }
    this.rotating = false;
    this.reopenAfterRotation(next.databaseKey, oldClinical ? next.clinical : null);
    oldKey.fill(0);
    zeroKeys(next);
  }

  /** A lock (idle, manual, shutdown) during a rotation must not close the database under it: it waits for the end. */
  private deferCloseDuringRotation(): boolean {
    if (!this.rotating) return false;
    this.closeWhenRotated = true;
    this.dropClinical();
    return true;
  }

  /** Reopen with the key that opens the database now, or stay closed if a lock came meanwhile. */
  private reopenAfterRotation(databaseKey: Buffer, clinical: ClinicalKeys | null): void {
    if (this.closeWhenRotated) {
      this.closeWhenRotated = false;
      this.close();
      return;
    }
    if (!this.db) this.reopenWith(databaseKey);
    if (clinical) {
      this.dropClinical();
      this.holdClinical(clinical);
    }
  }

  /**
   * On the new copy: the clinical re-encryption in batches (a transaction each, with progress: nobody
   * else uses the copy, and a crash discards it), then the rotation's change in one transaction.
   */
  private async applyToCopy(copyFile: string, next: StationKeys, oldClinical: ClinicalKeys | null, plan: RotationPlan): Promise<void> {
    const copy = openEncryptedDatabase(copyFile, next.databaseKey);
    try {
      // Without the old clinical key there is nothing to re-encrypt with, and the clinical key is kept.
      if (oldClinical && next.clinical) {
        const rows = Math.max(1, clinicalRowCount(copy));
        const batches = reencryptionBatches(copy, oldClinical, next.clinical);
        for (let step = copy.transaction(() => batches.next())(); !step.done; step = copy.transaction(() => batches.next())()) {
          await plan.progress(50 + Math.floor((18 * step.value) / rows), 'reencrypt');
        }
      }
      const audit = (record: AuditRecord) => appendAudit(copy, this.appVersion, record, this.clock.now());
      copy.transaction(() => {
        if (next.clinical) markClinicalEncryptionComplete(copy, this.clock.now().toISOString());
        plan.change(copy, audit);
        // The swap commits these audit rows: announce their head now, as a write would before its commit.
        this.anchors.beforeCommit(copy);
      })();
    } finally {
      copy.close();
    }
  }

  /** Close the live database for the swap; its WAL must be empty, or the swap would lose commits. */
  private closeForSwap(): void {
    this.db?.close();
    this.db = null;
    const [, wal, shm] = databaseCompanions(this.paths.database);
    if (fs.existsSync(wal!) && fs.statSync(wal!).size > 0) throw new AppError('KEY_ROTATION_FAILED', '数据库日志未能清空，已停止更换密钥。');
    for (const file of [wal!, shm!]) fs.rmSync(file, { force: true });
  }

  /** Same rule as at start: finish past the database swap, undo before it; then reopen with the matching key. */
  private recoverFromFailedRotation(oldKey: Buffer, next: StationKeys, committed: boolean): ReturnType<typeof settleRotation> {
    let outcome: ReturnType<typeof settleRotation> = committed ? 'finished' : 'none';
    try {
      if (!committed) outcome = settleRotation(this.paths);
    } catch {
      // Files stay for the next start to settle; the station is left closed.
      return 'none';
    }
    this.reopenAfterRotation(outcome === 'finished' ? next.databaseKey : oldKey, outcome === 'finished' ? next.clinical : null);
    return outcome;
  }

  private reopenWith(databaseKey: Buffer): void {
    this.dataKey?.fill(0);
    this.dataKey = null;
    this.open(databaseKey);
  }
}
