import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type { BackupInfo, backupCredential } from '../../../../shared/api/schemas/backup.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import { migrate } from '../../db/migrate.js';
import { tableCounts, vacuumInto, verifyDatabaseCopy } from '../../db/keyedCopy.js';
import { latestSchemaVersion, migrations } from '../../db/migrations/index.js';
import {
  createPrivateFile,
  databaseCipher,
  integrityFailureMessage,
  integrityProblems,
  openEncryptedDatabase,
} from '../../db/openDatabase.js';
import { AppError } from '../../errors.js';
import { localFileStamp } from '../../../../shared/domain/dates.js';
import { appendAudit } from '../../audit/auditLog.js';
import { currentAnchor } from '../../audit/anchorKeeper.js';
import { chainHead, startNewEpoch } from '../../audit/anchorStore.js';
import type { AuditAnchor } from '../../audit/auditAnchor.js';
import { commitFile, temporaryNameFor } from '../../fs/atomicWrite.js';
import { zeroKeys } from '../../keyring/accountSlot.js';
import { openWithSecret, type Keyring } from '../../keyring/keyring.js';
import { recordBackup } from '../../repositories/backupsRepo.js';
import { readSettings } from '../../repositories/settingsRepo.js';
import { databaseCompanions } from '../../paths.js';
import type { Vault } from '../../vault.js';
import type { Operation, Operations } from '../../operations.js';
import {
  backupExtension,
  extractDatabase,
  readBackupHeader,
  sha256OfFile,
  writeBackupFile,
  type ChunkHook,
} from './backupFile.js';
import { removeTemporaryFiles, restoredDatabasePath, swapInRestoredFiles } from './restoreSwap.js';

export type BackupCredential = z.output<typeof backupCredential>;
export type BackupTarget = Readonly<{ dir?: string | undefined; file?: string | undefined }>;

/** File names carry the station's wall-clock time (Beijing time at a station), as staff read and sort them. */
const stamp = (date: Date) => localFileStamp(date);

const progressHook = (operation: Operation, from: number, to: number, stage: string): ChunkHook => async (done, total) =>
  operation.step(from + ((to - from) * done) / Math.max(total, 1), stage);

export class BackupService {
  constructor(
    private readonly vault: Vault,
    private readonly operations: Operations,
    private readonly clock: Clock,
  ) {}

  backupDir(): string {
    const configured = this.vault.isOpen() ? readSettings(this.vault.connection()).backupDir : '';
    return configured || this.vault.paths.backups;
  }

  /** Where a folder picker starts: the home folder and the station's backup folders. */
  places(): Array<{ label: string; path: string }> {
    const places = [{ label: '主文件夹', path: os.homedir() }, { label: '本站默认备份文件夹', path: this.vault.paths.backups }];
    const configured = this.vault.isOpen() ? readSettings(this.vault.connection()).backupDir : '';
    if (configured) places.push({ label: '设置的备份文件夹', path: path.resolve(configured) });
    return places;
  }

  /** A backup folder chosen in settings must be a folder this process can write into (made if missing). */
  checkFolder(dir: string): void {
    const folder = path.resolve(dir);
    if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) throw new AppError('FILE_ERROR', `该路径是一个文件，不是文件夹：${folder}`);
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch {
      throw new AppError('FILE_ERROR', `无法使用该备份文件夹：${folder}（路径被文件占用或无法创建）。`);
    }
    try {
      fs.accessSync(folder, fs.constants.W_OK);
    } catch {
      throw new AppError('FILE_ERROR', `备份文件夹是只读的，无法写入：${folder}`);
    }
  }

  list(dir = this.backupDir()): { dir: string; backups: BackupInfo[] } {
    if (!fs.existsSync(dir)) return { dir, backups: [] };
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      throw new AppError('FILE_ERROR', `无法读取备份文件夹：${dir}（不是文件夹或没有读取权限）。`);
    }
    const backups: BackupInfo[] = [];
    for (const name of names) {
      if (!name.endsWith(backupExtension)) continue;
      const file = path.join(dir, name);
      try {
        const { header } = readBackupHeader(file);
        backups.push({
          file,
          size: fs.statSync(file).size,
          sha256: header.database.sha256,
          createdAt: header.createdAt,
          schemaVersion: header.schemaVersion,
          appVersion: header.appVersion,
        });
      } catch {
        // An unreadable file in the folder is not a backup; listing goes on.
      }
    }
    backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    return { dir, backups };
  }

  /** Into a folder (named by date, older ones rotated) or to an exact file that must not exist yet. */
  create(session: Session | null, where: BackupTarget, operationId?: string): Promise<BackupInfo> {
    return this.operations.run('backup', operationId, (operation) => this.createSteps(session, where, operation));
  }

  private async createSteps(session: Session | null, where: BackupTarget, operation: Operation): Promise<BackupInfo> {
    const { vault } = this;
    const db = vault.connection();
    const createdAt = this.clock.now();
    const target = where.file
      ? path.resolve(where.file)
      : path.join(path.resolve(where.dir ?? this.backupDir()), `xinyi-${stamp(createdAt)}${backupExtension}`);
    const dir = path.dirname(target);
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch {
      throw new AppError('FILE_ERROR', `无法创建备份文件夹：${dir}`);
    }
    if (fs.existsSync(target)) throw new AppError('FILE_ERROR', `目标文件已存在，未覆盖：${target}`);
    // A backup a crash interrupted here left temporary files; they are ours and never a backup.
    removeTemporaryFiles(dir);
    const copy = temporaryNameFor(path.join(dir, 'copy.db'));
    const packaged = temporaryNameFor(target);
    try {
      await operation.step(5, 'integrity');
      const problems = integrityProblems(db, 'full');
      if (problems.length > 0) throw new AppError('DB_CORRUPT', `${integrityFailureMessage}本次未生成备份。`);
      const counts = tableCounts(db);
      await operation.step(20, 'copy');
      // VACUUM INTO a keyed URI: the copy is encrypted with the same cipher and key (BAK-1/BAK-2).
      // The anchor is taken in the same synchronous step, so it names exactly the copy's chain head.
      const audit = currentAnchor(db, createdAt);
      createPrivateFile(copy);
      vacuumInto(db, copy, vault.key());
      await operation.step(45, 'verify');
      const version = verifyDatabaseCopy(copy, vault.key(), counts);
      await operation.step(60, 'checksum');
      const sha256 = await sha256OfFile(copy);
      const size = fs.statSync(copy).size;
      await writeBackupFile(
        packaged,
        {
          format: 'xinyi-backup',
          version: 1,
          createdAt: createdAt.toISOString(),
          appVersion: vault.appVersion,
          schemaVersion: version,
          cipher: databaseCipher,
          keyring: vault.keyring(),
          database: { size, sha256 },
          audit,
        },
        copy,
        progressHook(operation, 65, 90, 'package'),
      );
      await operation.step(92, 'verify-package');
      readBackupHeader(packaged);
      commitFile(packaged, target);
      const info: BackupInfo = {
        file: target,
        size: fs.statSync(target).size,
        sha256,
        createdAt: createdAt.toISOString(),
        schemaVersion: version,
        appVersion: vault.appVersion,
      };
      vault.write((tx, audit) => {
        recordBackup(tx, { file: target, size: info.size, sha256, createdAt: info.createdAt, actorId: session?.userId ?? null });
        audit({ actorId: session?.userId ?? null, actorName: session?.username ?? null, action: 'backup.create', objectType: 'backup', objectId: path.basename(target), detail: { size: info.size } });
      });
      if (!where.file) this.rotate(dir);
      operation.done();
      return info;
    } catch (error) {
      fs.rmSync(packaged, { force: true });
      throw error;
    } finally {
      fs.rmSync(copy, { force: true });
    }
  }

  /** Keep the newest N backups this app named in the folder; other files are never touched. */
  private rotate(dir: string): void {
    const keep = readSettings(this.vault.connection()).backupKeep;
    const ours = fs
      .readdirSync(dir)
      .filter((name) => /^xinyi-\d{8}-\d{6}\.xybak$/.test(name))
      .sort()
      .reverse();
    for (const name of ours.slice(keep)) fs.rmSync(path.join(dir, name), { force: true });
  }

  /**
   * Find the data key a backup was made with: the one open now, or a credential valid in its keyring
   * (format 1 or 2: a backup made before a rotation keeps the keyring, and passwords, of its day).
   */
  private async keyForBackup(keyring: Keyring, extracted: string, credential: BackupCredential | undefined): Promise<Buffer> {
    const candidates: Buffer[] = [];
    if (this.vault.isOpen()) candidates.push(Buffer.from(this.vault.key()));
    if (credential) {
      const opened =
        'recoveryKey' in credential
          ? await openWithSecret(keyring, { kind: 'recovery' }, credential.recoveryKey)
          : await openWithSecret(keyring, { kind: 'user', username: credential.username.toLowerCase() }, credential.password);
      const key = opened ? Buffer.from(opened.keys.databaseKey) : null;
      zeroKeys(opened?.keys ?? null);
      opened?.pair?.privateKey.fill(0);
      if (!key) {
        throw new AppError(
          'recoveryKey' in credential ? 'WRONG_RECOVERY_KEY' : 'WRONG_CREDENTIALS',
          'recoveryKey' in credential ? '恢复密钥与该备份不符。' : '用户名或密码与该备份不符。',
        );
      }
      candidates.push(key);
    }
    for (const key of candidates) {
      try {
        openEncryptedDatabase(extracted, key, { readonly: true }).close();
        return key;
      } catch {
        // not this key; try the next
      }
    }
    throw new AppError('BACKUP_KEY_MISMATCH');
  }

  restore(
    session: Session | null,
    file: string,
    credential: BackupCredential | undefined,
    operationId: string | undefined,
    beforeSwap: () => void,
  ): Promise<{ restoredFrom: string; replacedKeptIn: string }> {
    return this.operations.run('restore', operationId, (operation) =>
      this.restoreSteps(session, path.resolve(file), credential, operation, beforeSwap),
    );
  }

  private async restoreSteps(
    session: Session | null,
    file: string,
    credential: BackupCredential | undefined,
    operation: Operation,
    beforeSwap: () => void,
  ) {
    const { paths } = this.vault;
    await operation.step(5, 'read');
    const { header } = readBackupHeader(file);
    const extracted = restoredDatabasePath(paths);
    for (const leftover of databaseCompanions(extracted)) fs.rmSync(leftover, { force: true });
    try {
      const checked = await extractDatabase(file, extracted, progressHook(operation, 10, 50, 'extract'));
      await operation.step(55, 'verify');
      const dataKey = await this.keyForBackup(checked.keyring, extracted, credential);
      const version = verifyDatabaseCopy(extracted, dataKey);
      if (version > latestSchemaVersion) throw new AppError('DB_FROM_FUTURE');
      // The restored database records its own restore before it goes live.
      const anchor = this.recordRestore(extracted, dataKey, session, file, header.createdAt);
      await operation.step(80, 'swap');
      // Nothing is overwritten: the replaced files are moved to `keptIn`, and a journal lets the
      // next start finish or undo a swap a crash interrupted (restoreSwap.ts).
      const keptIn = path.join(paths.dir, `replaced-${stamp(this.clock.now())}`);
      // The check after unlock reads through its own connection, which must be gone before the files
      // move (Windows cannot move open files). It has long ended by now; waiting here, not between the
      // lock and the swap, keeps those two in one synchronous step, with no unlock in between.
      await this.vault.backgroundCheckEnded();
      beforeSwap();
      swapInRestoredFiles(paths, keptIn, checked.keyring, anchor);
      this.vault.reinspect();
      operation.done();
      dataKey.fill(0);
      return { restoredFrom: file, replacedKeptIn: keptIn };
    } finally {
      for (const leftover of databaseCompanions(extracted)) fs.rmSync(leftover, { force: true });
    }
  }

  /**
   * The restored database's own trail records that it was restored, and by whom, and starts a new
   * anchor epoch: anchors written after the backup on the abandoned branch are no longer its witnesses.
   * Returns the anchor of the restored chain for the anchor file.
   */
  private recordRestore(databaseFile: string, dataKey: Buffer, session: Session | null, file: string, backupCreatedAt: string): AuditAnchor {
    const db = openEncryptedDatabase(databaseFile, dataKey);
    try {
      migrate(db, migrations);
      db.transaction(() => {
        startNewEpoch(db, chainHead(db).seq);
        appendAudit(
          db,
          this.vault.appVersion,
          {
            actorId: session?.userId ?? null,
            actorName: session?.username ?? null,
            action: 'backup.restore',
            objectType: 'backup',
            objectId: path.basename(file),
            detail: { backupCreatedAt },
          },
          this.clock.now(),
        );
      })();
      return currentAnchor(db, this.clock.now());
    } finally {
      db.close();
    }
  }
}
