/**
 * Child process for the restore crash test: unlock, start a restore, and die (exit 86, no cleanup,
 * no `finally`) at the Nth rename once the restore has begun — a crash in the middle of the swap.
 * Usage: tsx restoreCrashWorker.ts DATA_DIR BACKUP_FILE PASSWORD N
 */
import fs from 'node:fs';
import { createCore } from '../../../electron/core/createCore.js';

const [dataDir, backupFile, password, crashAt] = process.argv.slice(2);
const core = createCore({ dataDir: dataDir!, idleCheckMs: 0, backupCheckMs: 0 });
const ctx = { scope: 'staff' as const, transport: 'direct' as const };
const unlock = await core.call(ctx, 'auth.unlock', { username: 'admin', password: password! });
if (!unlock.ok) process.exit(2);
const realRename = fs.renameSync;
let renames = 0;
fs.renameSync = (from, to) => {
  renames += 1;
  if (renames === Number(crashAt)) process.exit(86);
  realRename(from, to);
};
const result = await core.call({ ...ctx, sessionToken: (unlock.value as { sessionToken: string }).sessionToken }, 'backup.restore', { file: backupFile! });
process.exit(result.ok ? 0 : 3);
