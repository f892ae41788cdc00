import type { Role } from '../../../shared/api/access.js';
import { listUsers } from '../repositories/usersRepo.js';
import type { Vault } from '../vault.js';
import { createAccountSlot, createClinicalKeys, type AccountSlot, type ClinicalKeys } from './accountSlot.js';
import { mayHoldClinical, pendingClinicalCount, withAccount, withPendingClinicalSealed, type Keyring, type OpenedSlot } from './keyring.js';
import type { SlotOwner } from './keySlot.js';

/** Active 站长 and counsellor accounts: the ones the clinical key is sealed to (with the recovery slot). */
export function clinicalUserIds(vault: Vault): Set<number> {
  return new Set(listUsers(vault.connection()).filter((user) => !user.disabled && mayHoldClinical(user.role)).map((user) => user.id));
}

/** Who the owner is for the clinical key: the recovery slot, or a user with a role that may hold it. */
export type KeyOwner = SlotOwner & Readonly<{ role: Role | 'recovery' }>;

const entitledOwner = (owner: KeyOwner) => owner.role === 'recovery' || mayHoldClinical(owner.role);

/** A new account slot with the keys open now; the clinical key only if the role may hold it and it is held. */
export function newAccountSlot(vault: Vault, owner: KeyOwner, password: string): Promise<AccountSlot> {
  const databaseKey = Buffer.from(vault.key());
  const clinical = entitledOwner(owner) && vault.holdsClinical() ? vault.clinicalKeys() : null;
  const { role: _role, ...slotOwner } = owner;
  return createAccountSlot(slotOwner, password, databaseKey, clinical).finally(() => databaseKey.fill(0));
}

/**
 * After a successful login (password or recovery key): hold the clinical key for a session that may,
 * upgrade a keyring-v1 slot to an account slot (the password is known only now), and seal the clinical
 * key to entitled accounts still waiting for it. A keyring that cannot be written does not stop the
 * login: the old slots still open the station and the upgrade is retried at the next login.
 */
export async function settleKeysAtLogin(vault: Vault, owner: KeyOwner, opened: OpenedSlot, secret: string): Promise<void> {
  if (opened.keys.clinical && entitledOwner(owner)) vault.holdClinical(opened.keys.clinical);
  let keyring: Keyring = vault.keyring();
  let created: ClinicalKeys | null = null;
  let changed = false;
  if (!opened.account) {
    if (entitledOwner(owner) && !vault.holdsClinical() && keyring.clinicalPublicKey === null) {
      // First clinical account after the upgrade from v1: the clinical key is born here.
      created = createClinicalKeys();
      keyring = { ...keyring, clinicalPublicKey: created.pair.publicKey.toString('base64') };
      vault.holdClinical(created);
    }
    keyring = withAccount(keyring, await newAccountSlot(vault, owner, secret));
    changed = true;
  }
  const clinicalIds = clinicalUserIds(vault);
  if (vault.holdsClinical() && pendingClinicalCount(keyring, clinicalIds) > 0) {
    keyring = withPendingClinicalSealed(keyring, vault.clinicalKeys(), clinicalIds);
    changed = true;
  }
  if (!changed) return;
  try {
    vault.saveKeyring(keyring);
  } catch {
    // A clinical key created here was never stored: it must not be used for anything.
    if (created) vault.dropClinical();
  }
}
