import type { z } from 'zod';
import type { createUserInput } from '../../../shared/api/schemas/users.js';
import type { UserSummary } from '../../../shared/api/schemas/users.js';
import type { Session } from '../auth/sessionStore.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { findUserSlot, withSlot, withoutUserSlot } from '../keyring/keyring.js';
import { wrapDataKey } from '../keyring/keySlot.js';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  setMustChangePassword,
  setUserDisabled,
} from '../repositories/usersRepo.js';
import type { Vault } from '../vault.js';

const actorOf = (session: Session) => ({ actorId: session.userId, actorName: session.username });

/**
 * Staff accounts. Each enabled account has exactly one key slot; disabling removes the slot
 * (KEY-8), so a disabled person's password no longer opens anything.
 */
export class UsersService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private requireUser(userId: number): UserSummary {
    const user = findUserById(this.vault.connection(), userId);
    if (!user) throw new AppError('NOT_FOUND', '找不到该用户。');
    return user;
  }

  async create(session: Session, input: z.output<typeof createUserInput>): Promise<UserSummary> {
    const { vault } = this;
    const db = vault.connection();
    if (findUserByUsername(db, input.username) || findUserSlot(vault.keyring(), input.username)) {
      throw new AppError('USERNAME_TAKEN');
    }
    // The id is known only after the insert and the slot must be bound to it, so the slot is
    // wrapped first for the next id and the insert checked against it inside the transaction.
    const nextId = ((db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM users').get() as { id: number }).id);
    const slot = await wrapDataKey(vault.key(), input.temporaryPassword, {
      kind: 'user',
      userId: nextId,
      username: input.username,
    });
    return vault.write((tx, audit) => {
      const user = insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        mustChangePassword: true,
        createdAt: this.clock.now().toISOString(),
      });
      if (user.id !== nextId) throw new AppError('OPERATION_BUSY');
      audit({ ...actorOf(session), action: 'users.create', objectType: 'user', objectId: user.id, detail: { role: user.role } });
      vault.saveKeyring(withSlot(vault.keyring(), slot));
      return user;
    });
  }

  disable(session: Session, userId: number): UserSummary {
    const { vault } = this;
    const user = this.requireUser(userId);
    // The acting 站长 is active and cannot disable themself, so an active 站长 always remains.
    if (userId === session.userId) throw new AppError('FORBIDDEN', '不能停用自己的账号。');
    if (user.disabled) return user;
    vault.write((db, audit) => {
      setUserDisabled(db, userId, true);
      audit({ ...actorOf(session), action: 'users.disable', objectType: 'user', objectId: userId });
      vault.saveKeyring(withoutUserSlot(vault.keyring(), userId));
    });
    return this.requireUser(userId);
  }

  /** Enabling or resetting: a new slot with a temporary password and a forced change at next login. */
  async setTemporaryPassword(session: Session, userId: number, temporaryPassword: string): Promise<UserSummary> {
    const { vault } = this;
    const user = this.requireUser(userId);
    const slot = await wrapDataKey(vault.key(), temporaryPassword, { kind: 'user', userId, username: user.username });
    vault.write((db, audit) => {
      if (user.disabled) {
        setUserDisabled(db, userId, false);
        audit({ ...actorOf(session), action: 'users.enable', objectType: 'user', objectId: userId });
      }
      setMustChangePassword(db, userId, true);
      audit({ ...actorOf(session), action: 'users.resetPassword', objectType: 'user', objectId: userId });
      vault.saveKeyring(withSlot(vault.keyring(), slot));
    });
    return this.requireUser(userId);
  }
}
