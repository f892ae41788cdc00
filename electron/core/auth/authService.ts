import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { LockReason, SessionInfo, recoverInput, setupInput, unlockInput } from '../../../shared/api/schemas/auth.js';
import type { UserSummary } from '../../../shared/api/schemas/users.js';
import { localDay, localDayStartUtc } from '../../../shared/domain/dates.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';
import { createAccountSlot, createClinicalKeys, rewrapAccountSlot, zeroKeys } from '../keyring/accountSlot.js';
import { clinicalUserIds, newAccountSlot, settleKeysAtLogin } from '../keyring/accountKeys.js';
import { emptyKeyring, openWithSecret, resealedKeyring, withAccount, type Keyring, type OpenedSlot } from '../keyring/keyring.js';
import { createRecoveryKey, formatRecoveryKey } from '../keyring/recoveryKey.js';
import type { Operations } from '../operations.js';
import { readSettings } from '../repositories/settingsRepo.js';
import { saveStation } from '../repositories/stationRepo.js';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  recordLogin,
  setMustChangePassword,
} from '../repositories/usersRepo.js';
import type { AuditRecord } from '../audit/auditLog.js';
import type { Db } from '../db/driver.js';
import type { Vault } from '../vault.js';
import type { FailedAttempt, LoginBackoff } from './loginBackoff.js';
import type { Serial } from '../serial.js';
import type { Session, SessionStore } from './sessionStore.js';
import { actorOf } from './actor.js';

export type AuthDeps = Readonly<{
  vault: Vault;
  sessions: SessionStore;
  backoff: LoginBackoff;
  clock: Clock;
  events: EventBus;
  /** Every read-modify-write of the keyring, and every unlock attempt, runs through this queue. */
  keyringWork: Serial;
  /** An open kiosk keeps the database open when staff lock (it stores walk-ins' answers). */
  kioskActive: () => boolean;
  /** A recovery-key reset rotates the keys as a long operation with progress. */
  operations: Operations;
}>;

const recoveryAccount = '#recovery';

export class AuthService {
  /** The last successful unlock, split as issue 15 budgets it: key derivation, then the rest (the bench reads it). */
  lastUnlockTiming: Readonly<{ kdfMs: number; restMs: number }> | null = null;

  constructor(private readonly deps: AuthDeps) {}

  private now(): Date {
    return this.deps.clock.now();
  }

  private sessionInfo(session: Session, user: UserSummary): SessionInfo {
    const idleLockMinutes = readSettings(this.deps.vault.connection()).idleLockMinutes;
    return { sessionToken: session.token, user, idleLockMinutes };
  }

  private startSession(user: UserSummary): SessionInfo {
    const session = this.deps.sessions.create(
      {
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        mustChangePassword: user.mustChangePassword,
        ...(user.accessUntil ? { endsAtMs: Date.parse(localDayStartUtc(user.accessUntil, 1)) } : {}),
      },
      this.now().getTime(),
    );
    return this.sessionInfo(session, user);
  }

  describe(session: Session): Omit<SessionInfo, 'sessionToken'> {
    const user = findUserById(this.deps.vault.connection(), session.userId ?? -1);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const { sessionToken: _omit, ...info } = this.sessionInfo(session, user);
    return info;
  }

  /** First run: station profile, first 站长, data key, recovery key. */
  setup(input: z.output<typeof setupInput>): Promise<{ session: SessionInfo; recoveryKey: string }> {
    return this.deps.keyringWork.run(() => this.setupNow(input));
  }

  private async setupNow(input: z.output<typeof setupInput>): Promise<{ session: SessionInfo; recoveryKey: string }> {
    const { vault } = this.deps;
    if (vault.phase() !== 'setup') throw new AppError('ALREADY_SET_UP');
    const dataKey = randomBytes(32);
    const clinical = createClinicalKeys();
    const recoveryKey = createRecoveryKey();
    // A fresh database gives the first user id 1; the slot is bound to it before the insert.
    const adminId = 1;
    const userSlot = await createAccountSlot({ kind: 'user', userId: adminId, username: input.admin.username }, input.admin.password, dataKey, clinical);
    const recoverySlot = await createAccountSlot({ kind: 'recovery', userId: null, username: null }, recoveryKey, dataKey, clinical);
    const keyring: Keyring = withAccount(withAccount(emptyKeyring(clinical.pair.publicKey), userSlot), recoverySlot);
    const at = this.now().toISOString();
    try {
      vault.create(dataKey, keyring, (db) => {
        saveStation(db, input.station, at);
        const admin = insertUser(db, {
          username: input.admin.username,
          displayName: input.admin.displayName,
          role: 'admin',
          mustChangePassword: false,
          createdAt: at,
        });
        if (admin.id !== adminId) throw new Error('first user id is not 1');
      });
      vault.holdClinical(clinical);
    } finally {
      zeroKeys({ databaseKey: dataKey, clinical });
    }
    const admin = findUserById(vault.connection(), adminId) as UserSummary;
    vault.write((db, audit) => {
      const actor = { actorId: admin.id, actorName: admin.username };
      audit({ ...actor, action: 'setup.create', objectType: 'station', objectId: 1 });
      audit({ ...actor, action: 'users.create', objectType: 'user', objectId: admin.id, detail: { role: 'admin' } });
      audit({ ...actor, action: 'recoveryKey.create', objectType: 'keyring' });
      recordLogin(db, admin.id, at);
    });
    return { session: this.startSession(admin), recoveryKey: formatRecoveryKey(recoveryKey) };
  }

  private assertNotBlocked(account: string): void {
    const waitMs = this.deps.backoff.waitMs(account, this.now().getTime());
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppError('TOO_MANY_ATTEMPTS', `失败次数过多，请在 ${seconds} 秒后再试。`, { retryAfterSeconds: seconds });
    }
  }

  private assertCanUnlock(): void {
    const phase = this.deps.vault.phase();
    if (phase === 'setup') throw new AppError('NOT_SET_UP');
    const problem = this.deps.vault.problem();
    if (problem?.code === 'KEYRING_INVALID') throw new AppError(problem.code, problem.message);
  }

  /** Open the vault with a key, or check the key against the one already open. */
  private openWith(dataKey: Buffer): void {
    const { vault } = this.deps;
    if (!vault.isOpen()) {
      vault.open(dataKey);
      return;
    }
    if (!timingSafeEqual(vault.key(), dataKey)) throw new AppError('KEYRING_INVALID');
  }

  /** Write buffered failed attempts (AUTH-2) plus this unlock, then start the session. */
  private completeLogin(user: UserSummary, action: 'auth.unlock' | 'auth.recover'): SessionInfo {
    const at = this.now().toISOString();
    const pending = this.deps.backoff.peekPending();
    this.deps.vault.write((db, audit) => {
      for (const failure of pending) audit(failureRecord(db, failure));
      audit({ actorId: user.id, actorName: user.username, action, objectType: 'user', objectId: user.id });
      recordLogin(db, user.id, at);
    });
    this.deps.backoff.clearPending(pending.length);
    return this.startSession({ ...user, lastLoginAt: at });
  }

  /**
   * A failed attempt is written at once: into the audit trail when the database is open (someone
   * else is logged in), otherwise into the back-off file until the next unlock (AUTH-2).
   */
  private recordFailure(account: string, kind: FailedAttempt['kind']): void {
    const { vault, backoff } = this.deps;
    const failure = { account, kind, at: this.now() };
    let audited = false;
    if (vault.isOpen()) {
      try {
        vault.write((db, audit) => audit(failureRecord(db, failure)));
        audited = true;
      } catch {
        // A full disk: the failure waits in the back-off file instead.
      }
    }
    backoff.fail(account, kind, failure.at, audited);
  }

  /** Attempts run one at a time, so parallel guesses cannot slip past the back-off (AUTH-2). */
  unlock(input: z.output<typeof unlockInput>): Promise<SessionInfo> {
    return this.deps.keyringWork.run(() => this.unlockNow(input));
  }

  private async unlockNow(input: z.output<typeof unlockInput>): Promise<SessionInfo> {
    this.assertCanUnlock();
    this.assertNotBlocked(input.username);
    const { vault, backoff } = this.deps;
    const started = performance.now();
    const opened = await openWithSecret(vault.keyring(), { kind: 'user', username: input.username }, input.password);
    const derived = performance.now();
    if (!opened) {
      this.recordFailure(input.username, 'password');
      throw new AppError('WRONG_CREDENTIALS');
    }
    const wasOpen = vault.isOpen();
    try {
      this.openWith(opened.keys.databaseKey);
      const user = findUserByUsername(vault.connection(), input.username);
      if (!user || user.disabled || user.id !== opened.userId) {
        if (!wasOpen) vault.close();
        throw new AppError('ACCOUNT_DISABLED');
      }
      if (user.accessUntil && localDay(this.now()) > user.accessUntil) {
        if (!wasOpen) vault.close();
        throw new AppError('ACCOUNT_EXPIRED', `该检查账号的有效期到 ${user.accessUntil} 为止，已不能登录；如需再次检查，请联系站长重新开通。`);
      }
      backoff.succeed(input.username);
      await settleKeysAtLogin(vault, { kind: 'user', userId: user.id, username: user.username, role: user.role }, opened, input.password);
      const session = this.completeLogin(user, 'auth.unlock');
      this.lastUnlockTiming = { kdfMs: derived - started, restMs: performance.now() - derived };
      return session;
    } finally {
      forget(opened);
    }
  }

  /** The 站长 forgot the password: the recovery key opens the station and sets a new one. */
  recover(input: z.output<typeof recoverInput>): Promise<SessionInfo> {
    return this.deps.keyringWork.run(() => this.recoverNow(input));
  }

  private async recoverNow(input: z.output<typeof recoverInput>): Promise<SessionInfo> {
    this.assertCanUnlock();
    this.assertNotBlocked(recoveryAccount);
    const { vault, backoff } = this.deps;
    const opened = await openWithSecret(vault.keyring(), { kind: 'recovery' }, input.recoveryKey);
    if (!opened) {
      this.recordFailure(recoveryAccount, 'recovery');
      throw new AppError('WRONG_RECOVERY_KEY');
    }
    const wasOpen = vault.isOpen();
    try {
      this.openWith(opened.keys.databaseKey);
      const user = findUserByUsername(vault.connection(), input.username);
      if (!user || user.role !== 'admin' || user.disabled) {
        if (!wasOpen) vault.close();
        throw new AppError('NOT_FOUND', '找不到该站长账号（只能为启用中的站长账号重设密码）。');
      }
      // The recovery slot is upgraded to keyring v2 here if it still was v1 (only now is its secret known).
      await settleKeysAtLogin(vault, { kind: 'recovery', userId: null, username: null, role: 'recovery' }, opened, input.recoveryKey);
      const newSlot = await newAccountSlot(vault, { kind: 'user', userId: user.id, username: user.username, role: user.role }, input.newPassword);
      // A reset after a loss: whoever has the old password must not reach the keys from now on, so both
      // keys rotate (DB-9) and are sealed afresh to every account, with the new slot in place.
      const clinicalIds = clinicalUserIds(vault);
      const nextKeyring = withAccount(vault.keyring(), newSlot);
      await this.deps.operations.run('keyRotation', undefined, (operation) =>
        vault.rotateKeys({
          keyring: (keys) => resealedKeyring(nextKeyring, keys, clinicalIds),
          change: (db, audit) => {
            setMustChangePassword(db, user.id, false);
            audit({ actorId: null, actorName: null, action: 'users.resetPassword', objectType: 'user', objectId: user.id, detail: { by: 'recoveryKey', keysRotated: true } });
          },
          progress: (percent, stage) => operation.step(percent, stage),
        }).then(() => operation.done()),
      );
      backoff.succeed(recoveryAccount);
      backoff.succeed(user.username);
      return this.completeLogin({ ...user, mustChangePassword: false }, 'auth.recover');
    } finally {
      forget(opened);
    }
  }

  changePassword(session: Session, currentPassword: string, newPassword: string): Promise<void> {
    return this.deps.keyringWork.run(() => this.changePasswordNow(session, currentPassword, newPassword));
  }

  private async changePasswordNow(session: Session, currentPassword: string, newPassword: string): Promise<void> {
    const { vault, sessions } = this.deps;
    this.assertNotBlocked(session.username);
    const opened = await openWithSecret(vault.keyring(), { kind: 'user', username: session.username }, currentPassword);
    if (!opened || opened.userId !== session.userId) {
      if (opened) forget(opened);
      this.recordFailure(session.username, 'password');
      throw new AppError('WRONG_CREDENTIALS', '当前密码不正确。');
    }
    try {
      // Only this account's private key is rewrapped; the database file is not touched (KEY-4). A slot
      // still in keyring-v1 form gets its key pair now.
      const newSlot =
        opened.account && opened.pair
          ? await rewrapAccountSlot(opened.account, opened.pair, newPassword)
          : await newAccountSlot(vault, { kind: 'user', userId: session.userId, username: session.username, role: session.role }, newPassword);
      vault.commitKeyringThen(withAccount(vault.keyring(), newSlot), () =>
        vault.write((db, audit) => {
          setMustChangePassword(db, session.userId ?? -1, false);
          audit({ ...actorOf(session), action: 'auth.changePassword', objectType: 'user', objectId: session.userId });
        }),
      );
    } finally {
      forget(opened);
    }
    sessions.update(session.token, { mustChangePassword: false });
  }

  /** Close the database, forget the key and every session, tell every screen. */
  lock(reason: LockReason, actor: Session | null): void {
    const { vault, sessions, events } = this.deps;
    try {
      if (vault.isOpen()) {
        vault.write((_db, audit) =>
          audit({ actorId: actor?.userId ?? null, actorName: actor?.username ?? null, action: 'auth.lock', detail: { reason } }),
        );
      }
    } catch {
      // A full disk must not keep the station open: the lock happens even if its audit row cannot.
    } finally {
      // Screens are told first, while transports still know which session each screen held.
      events.emit({ name: 'session.locked', payload: { reason } });
      if (this.deps.kioskActive() && reason !== 'shutdown' && reason !== 'restore') {
        sessions.clearStaff();
      } else {
        vault.close();
        sessions.clear();
      }
    }
  }

  /** Called on a timer; locks once no staff call has come for the configured idle time (AUTH-3). */
  checkIdle(): void {
    const { vault, sessions, keyringWork } = this.deps;
    // An unlock or password change in progress is activity, not idleness; an open kiosk alone is not a staff session.
    if (!vault.isOpen() || keyringWork.busy() || (this.deps.kioskActive() && !sessions.hasStaffSessions())) return;
    const idleMs = readSettings(vault.connection()).idleLockMinutes * 60_000;
    if (sessions.idleSinceMs(this.now().getTime()) >= idleMs) this.lock('idle', null);
  }
}

/** Zero every secret an open slot handed out. */
function forget(opened: OpenedSlot): void {
  zeroKeys(opened.keys);
  opened.pair?.privateKey.fill(0);
}

/** The audit row of a failed attempt; a typed name that is no account is kept as typed, without an id. */
function failureRecord(db: Db, failure: FailedAttempt): AuditRecord {
  const known = failure.kind === 'password' ? findUserByUsername(db, failure.account) : undefined;
  return {
    actorId: known?.id ?? null,
    actorName: failure.kind === 'password' ? failure.account : null,
    action: failure.kind === 'password' ? 'auth.unlock' : 'auth.recover',
    result: 'failure',
    at: failure.at,
  };
}
