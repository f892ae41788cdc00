import type { foundationContract } from '../../../../shared/api/contract/foundation.js';
import { actorOf, requireSession } from '../../auth/actor.js';
import type { AuthService } from '../../auth/authService.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import { schemaVersion } from '../../db/migrate.js';
import { cipherLibraryVersion, databaseCipher } from '../../db/openDatabase.js';
import { AppError } from '../../errors.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import { lastBackupAt } from '../../repositories/backupsRepo.js';
import { readMarker, readSettings, writeFormWording, writeSettings } from '../../repositories/settingsRepo.js';
import { readStation, saveStation } from '../../repositories/stationRepo.js';
import { canCounsel, isStaff, listUsers } from '../../repositories/usersRepo.js';
import type { Vault } from '../../vault.js';
import { queryAudit } from './auditService.js';
import { exportAuditLog } from './auditExport.js';
import type { BackupService } from '../backup/backupService.js';
import { diskRoots, listFolder } from '../files/folderListing.js';
import type { NativeDialogs } from '../files/nativeDialogs.js';
import type { Operations } from '../../operations.js';
import { blankFormOf, listBlankForms } from './blankForms.js';
import type { UsersService } from './usersService.js';
import { verifyStation } from './verifyService.js';

export type FoundationDeps = Readonly<{
  vault: Vault;
  /** What start-up repaired (an interrupted restore finished or undone), shown on the lock screen. */
  startupNotice: string | null;
  clock: Clock;
  auth: AuthService;
  users: UsersService;
  backup: BackupService;
  operations: Operations;
  /** Electron's open dialog; absent in browser mode and the CLI. */
  nativeDialogs?: NativeDialogs | undefined;
}>;

/** App lifecycle, session, station, users, audit, settings, about, verify, backup. */
export function createFoundationHandlers({ vault, startupNotice, clock, auth, users, backup, operations, nativeDialogs }: FoundationDeps): FeatureHandlers<typeof foundationContract> {
  const lockBeforeSwap = (session: Session | null) => () => auth.lock('restore', session);
  const assertRecoveryPhase = () => {
    if (vault.phase() !== 'error') {
      throw new AppError('FORBIDDEN', '只有在数据库无法打开时，才能在登录前从备份恢复；请登录后由站长恢复。');
    }
  };

  const browse = (folder: string, show: 'folders' | 'backups') =>
    listFolder(folder, { show, places: [...backup.places(), ...diskRoots().map((root) => ({ label: root === '/' ? '根目录' : `${root.slice(0, 1)} 盘`, path: root }))] });
  const chooseNative = async (purpose: 'backupFolder' | 'restoreFile', startPath: string) =>
    nativeDialogs ? { available: true, path: await nativeDialogs.choose(purpose, startPath || backup.backupDir()) } : { available: false, path: null };

  return {
    'app.status': () => ({ phase: vault.phase(), problem: vault.problem(), version: vault.appVersion, notice: startupNotice }),
    'setup.create': (input) => auth.setup(input),
    'auth.unlock': (input) => auth.unlock(input),
    'auth.recover': (input) => auth.recover(input),
    'recovery.listBackups': () => {
      assertRecoveryPhase();
      return backup.list();
    },
    'recovery.restore': (input) => {
      assertRecoveryPhase();
      if (!input.credential) throw new AppError('BACKUP_KEY_MISMATCH', '请输入恢复密钥，或备份时有效的用户名和密码。');
      return backup.restore(null, input.file, input.credential, input.operationId, () => auth.lock('restore', null));
    },
    // Before login nobody is known, so the listing shows only folders and backup files, and only while the
    // station cannot open its database: the person at the PC needs a backup from a USB stick, not a disk browser.
    'recovery.listFolder': (input) => {
      assertRecoveryPhase();
      return browse(input.path, 'backups');
    },
    'recovery.chooseNative': (input) => {
      assertRecoveryPhase();
      return chooseNative('restoreFile', input.startPath);
    },

    'auth.me': (_input, session) => auth.describe(requireSession(session)),
    'auth.heartbeat': () => ({ ok: true as const }),
    'auth.lock': (input, session) => {
      auth.lock(input.reason, session);
      return { ok: true as const };
    },
    'auth.changePassword': async (input, session) => {
      await auth.changePassword(requireSession(session), input.currentPassword, input.newPassword);
      return { ok: true as const };
    },

    'station.get': () => {
      const station = readStation(vault.connection());
      if (!station) throw new AppError('NOT_FOUND', '尚未填写站点信息。');
      return station;
    },
    'station.update': (input, session) =>
      vault.write((db, audit) => {
        saveStation(db, input, clock.now().toISOString());
        audit({ ...actorOf(requireSession(session)), action: 'station.update', objectType: 'station', objectId: 1 });
        return input;
      }),

    'users.list': () => users.list(),
    'users.directory': (input) =>
      listUsers(vault.connection())
        .filter((user) => (input.scope === 'everyone' ? !user.disabled && isStaff(user) : canCounsel(user)))
        .map((user) => ({ id: user.id, displayName: user.displayName, role: user.role })),
    'users.create': (input, session) => users.create(requireSession(session), input),
    'users.setDisabled': (input, session) =>
      input.disabled
        ? users.disable(requireSession(session), input.userId, input.operationId)
        : users.setTemporaryPassword(requireSession(session), input.userId, input.temporaryPassword, input.operationId),
    'users.update': (input, session) => users.update(requireSession(session), input),
    'users.resetPassword': (input, session) => users.setTemporaryPassword(requireSession(session), input.userId, input.temporaryPassword, input.operationId),
    'users.newRecoveryKey': (_input, session) => users.newRecoveryKey(requireSession(session)),

    'audit.list': (input, session) =>
      vault.write((db, audit) => {
        // Reading the trail is itself recorded (AUD-1), with the filter's shape but not its values.
        audit({ ...actorOf(requireSession(session)), action: 'audit.view', detail: { page: input.page, filtered: Boolean(input.userId || input.action || input.from || input.to) } });
        return queryAudit(db, input);
      }),

    'audit.export': (input, session) => exportAuditLog(vault, requireSession(session), input),

    'settings.get': () => readSettings(vault.connection()),
    'settings.update': (input, session) => {
      if (input.backupDir) backup.checkFolder(input.backupDir);
      return vault.write((db, audit) => {
        writeSettings(db, input);
        audit({ ...actorOf(requireSession(session)), action: 'settings.update', objectType: 'settings', detail: { fields: Object.keys(input).sort().join(',') } });
        return readSettings(db);
      });
    },
    'forms.list': () => listBlankForms(vault.connection()),
    'forms.update': (input, session) =>
      vault.write((db, audit) => {
        writeFormWording(db, input.id, input.wording);
        audit({ ...actorOf(requireSession(session)), action: 'forms.update', objectType: 'form', detail: { form: input.id, restored: input.wording === null } });
        return blankFormOf(db, input.id);
      }),
    'system.about': () => {
      const db = vault.connection();
      const versions = cipherLibraryVersion(db);
      return {
        version: vault.appVersion,
        dataDir: vault.paths.dir,
        cipher: databaseCipher,
        sqliteVersion: versions.sqlite,
        cipherLibrary: versions.cipherLibrary,
        schemaVersion: schemaVersion(db),
        lastBackupAt: lastBackupAt(db),
        demo: readMarker(db, 'demo'),
      };
    },
    'system.verify': (input, session) =>
      vault.write((db, audit) => {
        const result = verifyStation(vault, db, input.witnessFiles ?? []);
        audit({
          ...actorOf(requireSession(session)),
          action: 'system.verify',
          result: result.ok ? 'success' : 'failure',
          detail: { auditRows: result.auditChain.checked, witnesses: result.anchors.findings.length },
        });
        return result;
      }),

    'backup.list': () => backup.list(),
    // Not audited: a folder listing reads no station record, and the backup or restore that follows is audited with its path.
    'files.listFolder': (input) => browse(input.path, input.show),
    'files.chooseNative': (input) => chooseNative(input.purpose, input.startPath),
    'backup.create': (input, session) => backup.create(requireSession(session), { dir: input.dir, file: input.file }, input.operationId),
    'backup.restore': (input, session) =>
      backup.restore(requireSession(session), input.file, input.credential, input.operationId, lockBeforeSwap(session)),
    'operation.cancel': (input) => {
      operations.cancel(input.operationId);
      return { ok: true as const };
    },
  };
}
