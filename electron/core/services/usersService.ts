import type { z } from 'zod';
import type { createUserInput, UserSummary } from '../../../shared/api/schemas/users.js';
import type { Session, SessionStore } from '../auth/sessionStore.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { findUserSlot, withSlot, withoutUserSlot } from '../keyring/keyring.js';
import { wrapDataKey } from '../keyring/keySlot.js';
import { findUserById, findUserByUsername, insertUser, setMustChangePassword, setUserDisabled } from '../repositories/usersRepo.js';
import type { Serial } from '../serial.js';
import type { Vault } from '../vault.js';

const actorOf = (session: Session) => ({ actorId: session.userId, actorName: session.username });

/**
 * Staff accounts. Each enabled account has exactly one key slot; disabling removes the slot
 * (KEY-8), so a disabled person's password no longer opens anything. Key-slot changes run one at a
 * time (keyringWork) and the keyring file is written after the database commit, so a failed commit
 * leaves every password as it was.
 */
export class UsersService {
  constructor(
    private readonly vault: Vault,
    private readonly sessions: SessionStore,
    private readonly keyringWork: Serial,
    private readonly clock: Clock,
  ) {}

  private requireUser(userId: number): UserSummary {
    const user = findUserById(this.vault.connection(), userId);
    if (!user) throw new AppError('NOT_FOUND', '找不到该用户。');
    return user;
  }

  /** A copy: a lock during scrypt zeroes the vault's own key, never the one being wrapped. */
  private dataKeyCopy(): Buffer {
    return Buffer.from(this.vault.key());
  }

  create(session: Session, input: z.output<typeof createUserInput>): Promise<UserSummary> {
    return this.keyringWork.run(async () => {
      const { vault } = this;
      const db = vault.connection();
      if (findUserByUsername(db, input.username) || findUserSlot(vault.keyring(), input.username)) {
        throw new AppError('USERNAME_TAKEN');
      }
      // The slot is bound to the user id; inside the queue the next id cannot be taken by anyone else.
      const nextId = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM users').get() as { id: number }).id;
      const dataKey = this.dataKeyCopy();
      const slot = await wrapDataKey(dataKey, input.temporaryPassword, { kind: 'user', userId: nextId, username: input.username }).finally(() =>
        dataKey.fill(0),
      );
      const user = vault.write((tx, audit) => {
        const created = insertUser(tx, {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          mustChangePassword: true,
          createdAt: this.clock.now().toISOString(),
        });
        if (created.id !== nextId) throw new AppError('INTERNAL');
        audit({ ...actorOf(session), action: 'users.create', objectType: 'user', objectId: created.id, detail: { role: created.role } });
        return created;
      });
      vault.saveKeyring(withSlot(vault.keyring(), slot));
      return user;
    });
  }

  disable(session: Session, userId: number): Promise<UserSummary> {
    return this.keyringWork.run(() => {
      const { vault } = this;
      const user = this.requireUser(userId);
      // The acting 站长 is active and cannot disable themself, so an active 站长 always remains.
      if (userId === session.userId) throw new AppError('FORBIDDEN', '不能停用自己的账号。');
      if (user.disabled) return user;
      vault.write((db, audit) => {
        setUserDisabled(db, userId, true);
        audit({ ...actorOf(session), action: 'users.disable', objectType: 'user', objectId: userId });
      });
      vault.saveKeyring(withoutUserSlot(vault.keyring(), userId));
      this.sessions.endUser(userId);
      return this.requireUser(userId);
    });
  }

  /** Enabling or resetting: a new slot with a temporary password and a forced change at next login. */
  setTemporaryPassword(session: Session, userId: number, temporaryPassword: string): Promise<UserSummary> {
    return this.keyringWork.run(async () => {
      const { vault } = this;
      const user = this.requireUser(userId);
      const dataKey = this.dataKeyCopy();
      const slot = await wrapDataKey(dataKey, temporaryPassword, { kind: 'user', userId, username: user.username }).finally(() =>
        dataKey.fill(0),
      );
      vault.write((db, audit) => {
        if (user.disabled) {
          setUserDisabled(db, userId, false);
          audit({ ...actorOf(session), action: 'users.enable', objectType: 'user', objectId: userId });
        }
        setMustChangePassword(db, userId, true);
        audit({ ...actorOf(session), action: 'users.resetPassword', objectType: 'user', objectId: userId });
      });
      vault.saveKeyring(withSlot(vault.keyring(), slot));
      if (userId !== session.userId) this.sessions.endUser(userId);
      return this.requireUser(userId);
    });
  }
}
