/**
 * Plain list of contract method names, without zod, so the sandboxed preload can import it.
 * `tests/unit/shared/contract.test.ts` and a type check keep it equal to the contract's keys.
 */
export const methodNames = [
  'app.status',
  'setup.create',
  'auth.unlock',
  'auth.recover',
  'recovery.listBackups',
  'recovery.restore',
  'auth.me',
  'auth.heartbeat',
  'auth.lock',
  'auth.changePassword',
  'station.get',
  'station.update',
  'users.list',
  'users.create',
  'users.setDisabled',
  'users.resetPassword',
  'audit.list',
  'settings.get',
  'settings.update',
  'system.about',
  'system.verify',
  'backup.list',
  'backup.create',
  'backup.restore',
  'operation.cancel',
  'dictionaries.list',
  'dictionaries.add',
  'dictionaries.setActive',
  'clients.search',
  'clients.get',
  'clients.register',
  'clients.update',
  'clients.addConsent',
  'clients.duplicates',
  'clients.merge',
  'cases.open',
  'cases.list',
  'cases.get',
  'cases.close',
  'cases.transfer',
  'cases.share',
  'sessions.saveDraft',
  'sessions.sign',
  'sessions.addAddendum',
  'risk.grade',
  'followUps.list',
  'followUps.record',
  'dashboard.today',
] as const;

export type MethodNameFromList = (typeof methodNames)[number];

/** The IPC channel names, shared by main and preload. */
export const ipcChannels = { call: 'xinyi:call', event: 'xinyi:event' } as const;
