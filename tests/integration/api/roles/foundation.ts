import type { foundationContract } from '../../../../shared/api/contract/foundation.js';
import { A, D, type Rows } from './matrix.js';

/** Foundation: app lifecycle, session, station, users, audit, settings, about, verify, backup. */
export const foundationRows: Rows<typeof foundationContract> = {
  'app.status': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'setup.create': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'auth.unlock': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'auth.recover': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'recovery.listBackups': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'recovery.restore': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'auth.me': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'auth.heartbeat': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'auth.lock': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'auth.changePassword': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'station.get': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'station.update': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'users.list': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'users.directory': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'users.create': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'users.setDisabled': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'users.resetPassword': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'users.newRecoveryKey': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'audit.list': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'audit.export': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'settings.get': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'settings.update': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'system.about': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'system.verify': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'backup.list': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'backup.create': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'backup.restore': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'operation.cancel': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
};
