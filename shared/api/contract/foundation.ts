/** Foundation: app lifecycle, session, station, users, audit, settings, blank forms, about, verify, backup. */
import { adminOnly, anyAccount, anyStaff, duringPasswordChange, publicAccess } from '../access.js';
import { appStatus, changePasswordInput, lockInput, recoverInput, sessionDescription, sessionInfo, setupInput, setupOutput, unlockInput } from '../schemas/auth.js';
import { auditListInput, auditListOutput } from '../schemas/audit.js';
import { backupCreateInput, backupInfo, backupListOutput, backupRestoreInput, operationCancelInput, restoreOutput } from '../schemas/backup.js';
import { emptyInput, okOutput } from '../schemas/common.js';
import { exportFile, periodExportInput } from '../schemas/exports.js';
import { folderListInput, folderListing, nativeChooseInput, nativeChooseOutput, recoveryChooseInput, recoveryFolderListInput } from '../schemas/files.js';
import { blankForm, blankFormList, blankFormUpdateInput } from '../schemas/forms.js';
import { stationProfile } from '../schemas/station.js';
import { aboutOutput, settings, settingsUpdate, verifyInput, verifyOutput } from '../schemas/system.js';
import { createUserInput, newRecoveryKeyOutput, resetPasswordInput, setUserDisabledInput, updateUserInput, userDirectory, userDirectoryInput, userList, userSummary } from '../schemas/users.js';
import { method, type MethodSpec } from './method.js';

export const foundationContract = {
  // App lifecycle: callable before anyone has logged in.
  'app.status': method(publicAccess, emptyInput, appStatus),
  'setup.create': method(publicAccess, setupInput, setupOutput),
  'auth.unlock': method(publicAccess, unlockInput, sessionInfo),
  'auth.recover': method(publicAccess, recoverInput, sessionInfo),
  'recovery.listBackups': method(publicAccess, emptyInput, backupListOutput),
  'recovery.restore': method(publicAccess, backupRestoreInput, restoreOutput),
  /** Choosing the backup file to restore on the problem screen (a backup on a USB stick, say); nobody types a path. */
  'recovery.listFolder': method(publicAccess, recoveryFolderListInput, folderListing),
  'recovery.chooseNative': method(publicAccess, recoveryChooseInput, nativeChooseOutput),

  // Session
  'auth.me': method(duringPasswordChange, emptyInput, sessionDescription),
  'auth.heartbeat': method(duringPasswordChange, emptyInput, okOutput),
  'auth.lock': method(duringPasswordChange, lockInput, okOutput),
  'auth.changePassword': method(duringPasswordChange, changePasswordInput, okOutput),

  // Station profile
  'station.get': method(anyAccount, emptyInput, stationProfile),
  'station.update': method(adminOnly, stationProfile, stationProfile),

  // Users
  'users.list': method(adminOnly, emptyInput, userList),
  /** Names of active staff to pick from: those who can be booked, or everyone (userDirectoryInput). */
  'users.directory': method(anyStaff, userDirectoryInput, userDirectory),
  'users.create': method(adminOnly, createUserInput, userSummary),
  'users.setDisabled': method(adminOnly, setUserDisabledInput, userSummary),
  'users.update': method(adminOnly, updateUserInput, userSummary),
  'users.resetPassword': method(adminOnly, resetPasswordInput, userSummary),
  'users.newRecoveryKey': method(adminOnly, emptyInput, newRecoveryKeyOutput),

  // Audit
  'audit.list': method(adminOnly, auditListInput, auditListOutput),
  'audit.export': method(adminOnly, periodExportInput, exportFile),

  // Settings and about
  'settings.get': method(adminOnly, emptyInput, settings),
  'settings.update': method(adminOnly, settingsUpdate, settings),
  'system.about': method(anyAccount, emptyInput, aboutOutput),
  /** The blank forms (知情同意书 …) in this station's wording: anyone at the desk prints them. */
  'forms.list': method(anyStaff, emptyInput, blankFormList),
  'forms.update': method(adminOnly, blankFormUpdateInput, blankForm),
  'system.verify': method(adminOnly, verifyInput, verifyOutput),

  // Backup and restore
  'backup.list': method(adminOnly, emptyInput, backupListOutput),
  'backup.create': method(adminOnly, backupCreateInput, backupInfo),
  'backup.restore': method(adminOnly, backupRestoreInput, restoreOutput),
  'operation.cancel': method(adminOnly, operationCancelInput, okOutput),
  // Choosing a backup folder or a file to restore: the OS dialog in Electron, else a listing of the PC's folders.
  'files.chooseNative': method(adminOnly, nativeChooseInput, nativeChooseOutput),
  'files.listFolder': method(adminOnly, folderListInput, folderListing),
} as const satisfies Record<string, MethodSpec>;

/** The audit actions this feature writes; the audit screen has a zh-CN and an en label for each (tests/unit/renderer). */
export const foundationAuditActions = [
  'audit.anchorMismatch',
  'audit.export',
  'audit.view',
  'auth.changePassword',
  'auth.lock',
  'auth.unlock',
  'auth.recover',
  'backup.create',
  'backup.restore',
  'clinical.encryptFields',
  'demo.seed',
  'dictionaries.add',
  'dictionaries.setActive',
  'forms.update',
  'recoveryKey.create',
  'settings.update',
  'setup.create',
  'station.update',
  'system.verify',
  'users.create',
  'users.disable',
  'users.enable',
  'users.resetPassword',
  'users.update',
] as const;
