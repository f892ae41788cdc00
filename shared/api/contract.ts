/**
 * The one API contract: method name → access rule, zod input and zod output.
 *
 * INSTRUCTIONS for adding a method:
 * 1. Put its schemas in `schemas/<feature>.ts` and add an entry here with an explicit `access`.
 * 2. Add its name to `methodNames.ts` (the preload's list; a type test keeps both equal).
 * 3. Implement it in the core handler table (the compiler demands it).
 * 4. Add its row to the role matrix in tests/integration/api/roleMatrix.test.ts (the test demands it).
 */
import type { z } from 'zod';
import { adminOnly, anyStaff, publicAccess, staffRoles, type Access } from './access.js';
import {
  appStatus,
  changePasswordInput,
  recoverInput,
  sessionInfo,
  setupInput,
  setupOutput,
  unlockInput,
} from './schemas/auth.js';
import { auditListInput, auditListOutput } from './schemas/audit.js';
import {
  backupCreateInput,
  backupInfo,
  backupListOutput,
  backupRestoreInput,
  operationCancelInput,
  restoreOutput,
} from './schemas/backup.js';
import { emptyInput, okOutput } from './schemas/common.js';
import { stationProfile } from './schemas/station.js';
import { aboutOutput, settings, settingsUpdate, verifyOutput } from './schemas/system.js';
import { createUserInput, resetPasswordInput, setUserDisabledInput, userSummary } from './schemas/users.js';
import { z as zod } from './zod.js';

type MethodSpec = Readonly<{ access: Access; input: z.ZodType; output: z.ZodType }>;

const method = <I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) => ({
  access,
  input,
  output,
});

const duringPasswordChange: Access = { kind: 'roles', roles: staffRoles, allowDuringPasswordChange: true };

export const contract = {
  // App lifecycle: callable before anyone has logged in.
  'app.status': method(publicAccess, emptyInput, appStatus),
  'setup.create': method(publicAccess, setupInput, setupOutput),
  'auth.unlock': method(publicAccess, unlockInput, sessionInfo),
  'auth.recover': method(publicAccess, recoverInput, sessionInfo),
  'recovery.listBackups': method(publicAccess, emptyInput, backupListOutput),
  'recovery.restore': method(publicAccess, backupRestoreInput, restoreOutput),

  // Session
  'auth.me': method(duringPasswordChange, emptyInput, sessionInfo.omit({ sessionToken: true })),
  'auth.heartbeat': method(duringPasswordChange, emptyInput, okOutput),
  'auth.lock': method(duringPasswordChange, emptyInput, okOutput),
  'auth.changePassword': method(duringPasswordChange, changePasswordInput, okOutput),

  // Station profile
  'station.get': method(anyStaff, emptyInput, stationProfile),
  'station.update': method(adminOnly, stationProfile, stationProfile),

  // Users
  'users.list': method(adminOnly, emptyInput, zod.array(userSummary)),
  'users.create': method(adminOnly, createUserInput, userSummary),
  'users.setDisabled': method(adminOnly, setUserDisabledInput, userSummary),
  'users.resetPassword': method(adminOnly, resetPasswordInput, userSummary),

  // Audit
  'audit.list': method(adminOnly, auditListInput, auditListOutput),

  // Settings and about
  'settings.get': method(adminOnly, emptyInput, settings),
  'settings.update': method(adminOnly, settingsUpdate, settings),
  'system.about': method(anyStaff, emptyInput, aboutOutput),
  'system.verify': method(adminOnly, emptyInput, verifyOutput),

  // Backup and restore
  'backup.list': method(adminOnly, emptyInput, backupListOutput),
  'backup.create': method(adminOnly, backupCreateInput, backupInfo),
  'backup.restore': method(adminOnly, backupRestoreInput, restoreOutput),
  'operation.cancel': method(adminOnly, operationCancelInput, okOutput),
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
