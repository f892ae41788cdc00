import path from 'node:path';

/** Files of one station's data folder. */
export type DataPaths = Readonly<{
  dir: string;
  database: string;
  keyring: string;
  backups: string;
}>;

export const databaseFileName = 'xinyi.db';

export function dataPaths(dir: string): DataPaths {
  const root = path.resolve(dir);
  return {
    dir: root,
    database: path.join(root, databaseFileName),
    keyring: path.join(root, 'keyring.json'),
    backups: path.join(root, 'backups'),
  };
}

/** SQLite keeps WAL and shared-memory files beside the database; they always move together. */
export function databaseCompanions(database: string): string[] {
  return [database, `${database}-wal`, `${database}-shm`];
}

/**
 * The OS user-data folder for the app, the same in Electron and browser mode
 * (Electron's own default would depend on the product name).
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const appFolder = 'xinyi-station';
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), appFolder);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', appFolder);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), appFolder);
}

/** `--data-dir` wins, then XINYI_DATA_DIR, then the OS user-data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv, home: string): string {
  return path.resolve(flag || env.XINYI_DATA_DIR || defaultDataDir(process.platform, env, home));
}
