import type { Db } from '../db/driver.js';

export type BackupRecord = Readonly<{ file: string; size: number; sha256: string; createdAt: string; actorId: number | null }>;

export function recordBackup(db: Db, backup: BackupRecord): void {
  db.prepare('INSERT INTO backups (file, size, sha256, created_at, actor_id) VALUES (?, ?, ?, ?, ?)').run(
    backup.file,
    backup.size,
    backup.sha256,
    backup.createdAt,
    backup.actorId,
  );
}

export function lastBackupAt(db: Db): string | null {
  const row = db.prepare('SELECT max(created_at) AS at FROM backups').get() as { at: string | null };
  return row.at;
}
