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
import { migrations } from './db/migrations/index.js';
import {
  emptyDatabaseMessage,
  foreignDatabaseMessage,
  integrityFailureMessage,
  integrityProblems,
  openEncryptedDatabase,
} from './db/openDatabase.js';
import { AppError, toApiError } from './errors.js';
import { commitFile } from './fs/atomicWrite.js';
import { readKeyring, writeKeyring, type Keyring } from './keyring/keyring.js';
import { seedBuiltinDictionaries } from './repositories/dictionariesRepo.js';
import { readSettings } from './repositories/settingsRepo.js';
import path from 'node:path';
import { databaseCompanions, type DataPaths } from './paths.js';

/** Where an interrupted first-run setup leaves its database; the keyring write is the commit point. */
const setupSuffix = '.setup';

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

  constructor(
    readonly paths: DataPaths,
    readonly appVersion: string,
    private readonly clock: Clock,
  ) {
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
    if (this.db) return 'unlocked';
    if (this.startupProblem) return 'error';
    return fs.existsSync(this.paths.keyring) ? 'locked' : 'setup';
  }

  problem(): ApiError | null {
    return this.db ? null : this.startupProblem;
  }

  isOpen(): boolean {
    return this.db !== null;
  }

  keyring(): Keyring {
    return readKeyring(this.paths.keyring);
  }

  saveKeyring(keyring: Keyring): void {
    writeKeyring(this.paths.keyring, keyring);
  }

  /** The open database; every handler that needs it fails with LOCKED otherwise. */
  connection(): Db {
    if (!this.db) throw new AppError('LOCKED');
    return this.db;
  }

  key(): Buffer {
    if (!this.dataKey) throw new AppError('LOCKED');
    return this.dataKey;
  }

  /** Open with an unwrapped data key: migrate, quick_check, and remember a failure as the problem. */
  open(dataKey: Buffer): void {
    if (this.db) return;
    let db: Db | null = null;
    try {
      db = openEncryptedDatabase(this.paths.database, dataKey);
      if (integrityProblems(db, 'quick').length > 0) throw new AppError('DB_CORRUPT', integrityFailureMessage);
      // A file with no schema at all is not this station's database; migrating it would create a new one.
      if (schemaVersion(db) === 0) throw new AppError('DB_CORRUPT', foreignDatabaseMessage);
      migrate(db, migrations);
      const opened = db;
      opened.transaction(() => seedBuiltinDictionaries(opened))();
      const anchorFindings = this.anchors.open(opened, backupWitnesses(this.backupFolders(opened)));
      this.db = opened;
      this.dataKey = Buffer.from(dataKey);
      this.startupProblem = null;
      this.recordAnchorFindings(anchorFindings.map((finding) => finding.message));
    } catch (error) {
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
      db.transaction(() => fill(db))();
    } finally {
      db.close();
    }
    writeKeyring(this.paths.keyring, keyring);
    commitFile(pending, this.paths.database);
    this.open(dataKey);
  }

  /**
   * Run a change and its audit rows as one transaction (DB-8): both commit or neither does. The
   * outermost write announces the new chain head to the anchor file before it commits.
   */
  write<T>(change: (db: Db, audit: (record: AuditRecord) => void) => T): T {
    const db = this.connection();
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

  close(): void {
    this.anchors.close();
    this.db?.close();
    this.db = null;
    this.dataKey?.fill(0);
    this.dataKey = null;
  }

  /** After a restore swapped the files, look at them afresh. */
  reinspect(): void {
    this.startupProblem = this.inspectFiles();
  }
}
