import type { Db } from '../../db/driver.js';
import { fieldRefusal } from '../../errors.js';
import { findUserById } from '../../repositories/usersRepo.js';

/**
 * A staff account a ledger row names (a call's taker, an activity's staff, who is on duty, who visited) must exist
 * and be active; a disabled account the row already names may stay, so an old record can still be corrected.
 */
export function requireStaffAccount(db: Db, id: number, alreadyNamed: boolean, field: string, role: string): void {
  const user = findUserById(db, id);
  if (!user) throw fieldRefusal(field, `${role}账号 #${id} 不存在。`);
  if (user.disabled && !alreadyNamed) throw fieldRefusal(field, `账号“${user.displayName}”已停用，不能登记为${role}。`);
}
