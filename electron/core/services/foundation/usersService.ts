import type { z } from 'zod';
import type { AccountRole } from '../../../../shared/api/access.js';
import type { createUserInput, updateUserInput, UserListEntry, UserSummary } from '../../../../shared/api/schemas/users.js';
import type { AuditRecord } from '../../audit/auditLog.js';
import { actorOf } from '../../auth/actor.js';
import type { Session, SessionStore } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { clinicalUserIds, newAccountSlot } from '../../keyring/accountKeys.js';
import {
  findAccount,
  findLegacy,
  mayHoldClinical,
  resealedKeyring,
  slotStateOf,
  withAccount,
  withoutClinicalFor,
  withoutUser,
  withPendingClinicalSealed,
  type Keyring,
} from '../../keyring/keyring.js';
import { findUserById, findUserByUsername, insertUser, listUsers, nextUserId, setMustChangePassword, setUserDisabled, updateUserProfile } from '../../repositories/usersRepo.js';
import { createRecoveryKey, formatRecoveryKey } from '../../keyring/recoveryKey.js';
import type { Serial } from '../../serial.js';
import type { Vault } from '../../vault.js';
import type { Operations } from '../../operations.js';

type Detail = Readonly<Record<string, string | number | boolean | null>>;

export type NewAccount = Readonly<{ username: string; displayName: string; role: AccountRole; temporaryPassword: string; accessUntil?: string }>;

/**
 * Staff accounts and their key slots (keyring v2). Creating an account seals the current keys to its
 * new public key. Disabling an account, or a 站长 resetting someone else's password (a lost or known
 * password), rotates both keys (DB-9) and seals them afresh to the remaining accounts, without anyone's
 * password; the change itself is made on the rotated copy, so it and the new keyring commit together.
 * Everything runs one at a time (keyringWork), and every change lands in both the database and the
 * keyring or in neither.
 */
export class UsersService {
  constructor(
    private readonly vault: Vault,
    private readonly sessions: SessionStore,
    private readonly keyringWork: Serial,
    private readonly clock: Clock,
    private readonly operations: Operations,
  ) {}

  private requireUser(userId: number): UserSummary {
    const user = findUserById(this.vault.connection(), userId);
    if (!user) throw new AppError('NOT_FOUND', '找不到该用户。');
    return user;
  }

  list(): UserListEntry[] {
    const keyring = this.vault.keyring();
    return listUsers(this.vault.connection()).map((user) => ({ ...user, keySlot: slotStateOf(keyring, user.username) }));
  }

  create(session: Session, input: z.output<typeof createUserInput>): Promise<UserSummary> {
    return this.createAccount(session, input);
  }

  /**
   * A new account with a temporary password (changed at first login). `alongside` runs in the same transaction as
   * the account's row, so what the account is for (an inspector's inspection) commits with it or not at all.
   */
  createAccount(session: Session, account: NewAccount, alongside?: (tx: Db, audit: (record: AuditRecord) => void, created: UserSummary) => void): Promise<UserSummary> {
    return this.keyringWork.run(async () => {
      const { vault } = this;
      const db = vault.connection();
      // A slot without a database user is a leftover of a failed attempt and may be replaced.
      if (findUserByUsername(db, account.username)) throw new AppError('USERNAME_TAKEN');
      // The slot is bound to the user id; inside the queue the next id cannot be taken by anyone else.
      const nextId = nextUserId(db);
      const slot = await newAccountSlot(vault, { kind: 'user', userId: nextId, username: account.username, role: account.role }, account.temporaryPassword);
      return vault.commitKeyringThen(withAccount(vault.keyring(), slot), () =>
        vault.write((tx, audit) => {
          const created = insertUser(tx, {
            username: account.username,
            displayName: account.displayName,
            role: account.role,
            mustChangePassword: true,
            createdAt: this.clock.now().toISOString(),
            ...(account.accessUntil ? { accessUntil: account.accessUntil } : {}),
          });
          if (created.id !== nextId) throw new AppError('INTERNAL');
          audit({ ...actorOf(session), action: 'users.create', objectType: 'user', objectId: created.id, detail: { role: created.role } });
          alongside?.(tx, audit, created);
          return created;
        }),
      );
    });
  }

  disable(session: Session, userId: number, operationId?: string): Promise<UserSummary> {
    return this.keyringWork.run(async () => {
      const user = this.requireUser(userId);
      // The acting 站长 is active and cannot disable themself, so an active 站长 always remains.
      if (userId === session.userId) throw new AppError('FORBIDDEN', '不能停用自己的账号。');
      if (user.disabled) return user;
      // Sessions end before anything that can fail: a refused rotation must not leave them open.
      this.sessions.endUser(userId);
      await this.changeWithRotation(withoutUser(this.vault.keyring(), userId), clinicalUserIds(this.vault), operationId, (db, audit, detail) => {
        setUserDisabled(db, userId, true);
        audit({ ...actorOf(session), action: 'users.disable', objectType: 'user', objectId: userId, detail });
      });
      return this.requireUser(userId);
    });
  }

  /**
   * The 站长 renames an account or changes its role. Roles hold at rest (DESIGN §3): a role that gains
   * the clinical key (reception → counsellor/站长) has it sealed to the account's public key now; one
   * that loses it (→ reception) rotates both keys as disabling does, so a copy the account could have
   * kept opens nothing. The account's open sessions end on a role change: a session's role and keys
   * were fixed at login. A disabled account has no key slot; enabling it later seals by its new role.
   */
  update(session: Session, input: z.output<typeof updateUserInput>): Promise<UserSummary> {
    return this.keyringWork.run(async () => {
      const { vault } = this;
      const user = this.requireUser(input.userId);
      const roleChanged = input.role !== user.role;
      // An inspector is let in for one inspection; making one staff would hand a stranger the station.
      if (roleChanged && user.role === 'inspector') throw new AppError('FORBIDDEN', '检查账号不能改为工作人员账号；如需新同事，请新建账号。');
      // The acting 站长 stays 站长, so an active 站长 always remains.
      if (roleChanged && input.userId === session.userId) throw new AppError('FORBIDDEN', '不能修改自己的角色；请由另一位站长修改。');
      if (!roleChanged && input.displayName === user.displayName) return user;
      const change = (db: Db, audit: (record: AuditRecord) => void, detail: Detail) => {
        updateUserProfile(db, user.id, { displayName: input.displayName, role: input.role });
        const what = { renamed: input.displayName !== user.displayName, ...(roleChanged ? { roleFrom: user.role, roleTo: input.role } : {}) };
        audit({ ...actorOf(session), action: 'users.update', objectType: 'user', objectId: user.id, detail: { ...what, ...detail } });
      };
      const gains = !mayHoldClinical(user.role) && mayHoldClinical(input.role);
      const loses = mayHoldClinical(user.role) && !mayHoldClinical(input.role);
      if (roleChanged) this.sessions.endUser(user.id);
      if (loses && !user.disabled) {
        const clinicalIds = clinicalUserIds(vault);
        clinicalIds.delete(user.id);
        await this.changeWithRotation(withoutClinicalFor(vault.keyring(), user.id), clinicalIds, input.operationId, change);
      } else if (gains && !user.disabled && vault.holdsClinical()) {
        const clinicalIds = clinicalUserIds(vault).add(user.id);
        vault.commitKeyringThen(withPendingClinicalSealed(vault.keyring(), vault.clinicalKeys(), clinicalIds), () =>
          vault.write((db, audit) => change(db, audit, { keysRotated: false, clinicalKeySealed: true })),
        );
      } else {
        // Same clinical standing; or no clinical key is held yet (it is sealed at a holder's next login).
        vault.write((db, audit) => change(db, audit, { keysRotated: false }));
      }
      return this.requireUser(user.id);
    });
  }

  /** Enabling or resetting: a new key pair under a temporary password and a forced change at next login. */
  setTemporaryPassword(session: Session, userId: number, temporaryPassword: string, operationId?: string): Promise<UserSummary> {
    return this.keyringWork.run(async () => {
      const { vault } = this;
      const user = this.requireUser(userId);
      if (userId !== session.userId) this.sessions.endUser(userId);
      const slot = await newAccountSlot(vault, { kind: 'user', userId, username: user.username, role: user.role }, temporaryPassword);
      const change = (db: Db, audit: (record: AuditRecord) => void, detail: Detail) => {
        if (user.disabled) {
          setUserDisabled(db, userId, false);
          audit({ ...actorOf(session), action: 'users.enable', objectType: 'user', objectId: userId });
        }
        setMustChangePassword(db, userId, true);
        audit({ ...actorOf(session), action: 'users.resetPassword', objectType: 'user', objectId: userId, detail });
      };
      const next = withAccount(vault.keyring(), slot);
      if (userId === session.userId) {
        // The 站长's own password is known to them: a rewrap, like a password change, with no rotation.
        vault.commitKeyringThen(next, () => vault.write((db, audit) => change(db, audit, { keysRotated: false })));
      } else {
        // Enabling makes the account one the clinical key is sealed to, if its role may hold it.
        const clinicalIds = clinicalUserIds(vault);
        if (mayHoldClinical(user.role)) clinicalIds.add(userId);
        await this.changeWithRotation(next, clinicalIds, operationId, change);
      }
      return this.requireUser(userId);
    });
  }

  /**
   * A new recovery key replaces the recovery slot (a lost printout, or a slot still in keyring-v1
   * form, which a rotation could not follow). Shown once; backups keep the recovery key of their day.
   */
  newRecoveryKey(session: Session): Promise<{ recoveryKey: string }> {
    return this.keyringWork.run(async () => {
      const { vault } = this;
      const recoveryKey = createRecoveryKey();
      const slot = await newAccountSlot(vault, { kind: 'recovery', userId: null, username: null, role: 'recovery' }, recoveryKey);
      vault.commitKeyringThen(withAccount(vault.keyring(), slot), () =>
        vault.write((_db, audit) => audit({ ...actorOf(session), action: 'recoveryKey.create', objectType: 'keyring', detail: { replaced: true } })),
      );
      return { recoveryKey: formatRecoveryKey(recoveryKey) };
    });
  }

  /**
   * Rotate both keys with `change` made on the new copy; the new keys are sealed to the accounts in
   * `keyring`. Legacy (keyring v1) user slots cannot follow a rotation and are dropped (those accounts
   * need a temporary password; the audit row names them). While the recovery slot itself is still v1,
   * dropping it would orphan the printed recovery key, so the change is made without a rotation, as
   * before keyring v2 (the account's slot removed or replaced), until the recovery key is next used.
   */
  private async changeWithRotation(
    keyring: Keyring,
    clinicalIds: ReadonlySet<number>,
    operationId: string | undefined,
    change: (db: Db, audit: (record: AuditRecord) => void, detail: Detail) => void,
  ): Promise<void> {
    const { vault } = this;
    if (!findAccount(keyring, { kind: 'recovery' }) && findLegacy(keyring, { kind: 'recovery' })) {
      vault.commitKeyringThen(keyring, () => vault.write((db, audit) => change(db, audit, { keysRotated: false, reason: 'recoveryKeyNotUpgraded' })));
      return;
    }
    const dropped = keyring.legacy.filter((slot) => slot.kind === 'user').map((slot) => slot.username);
    const detail: Detail = dropped.length > 0 ? { keysRotated: true, legacySlotsDropped: dropped.join(',') } : { keysRotated: true };
    await this.operations.run('keyRotation', operationId, async (operation) => {
      await vault.rotateKeys({
        keyring: (keys) => resealedKeyring(keyring, keys, clinicalIds),
        change: (db, audit) => change(db, audit, detail),
        progress: (percent, stage) => operation.step(percent, stage),
      });
      operation.done();
    });
  }
}
