import type { Clock } from '../../clock.js';
import { lastBackupAt } from '../../repositories/backupsRepo.js';
import type { Vault } from '../../vault.js';
import type { BackupService } from './backupService.js';

/** DESIGN.md §4: a daily backup while the station is open, kept to the configured number. */
export const dailyBackupMs = 24 * 60 * 60 * 1000;

/**
 * Called on a timer: when the station is unlocked and the newest backup is a day old (or there is
 * none), write one into the backup folder. A failure is reported on stderr and retried next time;
 * the home page keeps warning about an old backup until one succeeds.
 */
export async function runScheduledBackup(vault: Vault, backup: BackupService, clock: Clock): Promise<boolean> {
  if (!vault.isOpen()) return false;
  try {
    // Inside the try: the connection can be busy (a key rotation) and a timer must never throw.
    const last = lastBackupAt(vault.connection());
    if (last && clock.now().getTime() - new Date(last).getTime() < dailyBackupMs) return false;
    await backup.create(null, {});
    return true;
  } catch (error) {
    process.stderr.write(`[xinyi] scheduled backup failed: ${(error as { code?: string }).code ?? 'unknown'}\n`);
    return false;
  }
}
