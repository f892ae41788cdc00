import path from 'node:path';
import type { Db } from '../../../electron/core/db/driver.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { openWithSecret, readKeyring } from '../../../electron/core/keyring/keyring.js';
import { databaseFileName } from '../../../electron/core/paths.js';
import { attachClinicalKeys } from '../../../electron/core/repositories/clinicalFields.js';
import { demoPassword } from '../../../electron/core/services/demo/demoStation.js';

/** The demo station's database opened read-only beside its core, with the clinical fields readable (as its 站长). */
export async function openDemoDatabase(dataDir: string): Promise<Db> {
  const opened = await openWithSecret(readKeyring(path.join(dataDir, 'keyring.json')), { kind: 'user', username: 'zhanzhang' }, demoPassword);
  if (!opened?.keys.clinical) throw new Error('the demo 站长 does not open the demo station');
  const clinical = opened.keys.clinical;
  const db = openEncryptedDatabase(path.join(dataDir, databaseFileName), opened.keys.databaseKey, { readonly: true });
  attachClinicalKeys(db, { keys: () => clinical, publicKey: () => null });
  return db;
}
