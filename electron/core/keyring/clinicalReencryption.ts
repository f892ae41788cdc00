import type { Db } from '../db/driver.js';
import type { ClinicalKeys } from './accountSlot.js';

/**
 * Where field-level encryption of clinical content plugs into a key rotation. Called on the new
 * database copy, inside the rotation, before it is verified and swapped in: every field sealed or
 * encrypted under `from` must be re-encrypted under `to` here (its SQL in repositories).
 *
 * No field is encrypted with the clinical key yet (a later slice), so there is nothing to do.
 * `from` is null when no session holding the clinical key started the rotation (a station upgraded
 * from keyring v1 before a clinical account logged in); then the clinical key is not rotated and `to` is null.
 */
export function reencryptClinicalContent(_db: Db, _from: ClinicalKeys | null, _to: ClinicalKeys | null): void {
  // Intentionally empty until clinical fields are encrypted.
}
