import fs from 'node:fs';
import path from 'node:path';
import { backupExtension, readBackupHeader } from '../services/backup/backupFile.js';
import type { AnchorSource } from './anchorCheck.js';

/** Every backup in these folders (and the named files) that carries an anchor in its header. */
export function backupWitnesses(dirs: readonly string[], files: readonly string[] = []): AnchorSource[] {
  const candidates = new Set(files.map((file) => path.resolve(file)));
  for (const dir of new Set(dirs.map((folder) => path.resolve(folder)))) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith(backupExtension)) candidates.add(path.join(dir, name));
  }
  const witnesses: AnchorSource[] = [];
  for (const file of [...candidates].sort()) {
    try {
      const { header } = readBackupHeader(file);
      if (header.audit) witnesses.push({ label: `备份 ${path.basename(file)}`, anchor: header.audit, latest: false });
    } catch {
      // Not a readable backup: it witnesses nothing (listing backups reports such files).
    }
  }
  return witnesses;
}
