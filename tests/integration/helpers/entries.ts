import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The repository root: child processes start from it, as `npm start` and `npx xinyi` do. */
export const repo = path.resolve(import.meta.dirname, '../../..');

/**
 * The bundled entry points that `npm run build` makes and a station runs (vitest's global setup builds them
 * first). A child starts from them in well under a second; loading the TypeScript sources through tsx cost
 * seconds of CPU per spawn, and the suite spawns the CLI and the host dozens of times.
 */
export const entries = { cli: path.join(repo, 'out/cli/index.cjs'), server: path.join(repo, 'out/server/index.cjs') } as const;

export type CliRun = Readonly<{ code: number | null; stdout: string; stderr: string }>;

/**
 * `xinyi …` run to its end. The secrets it reads from the environment start empty, so a test passes only the
 * ones it means; `asUser` runs it as another OS user (a read-only folder as seen by someone other than root).
 */
export function xinyi(args: readonly string[], env: Record<string, string> = {}, input?: string, asUser?: { uid: number; gid: number }): CliRun {
  const result = spawnSync(process.execPath, [entries.cli, ...args], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, XINYI_PASSWORD: '', XINYI_RECOVERY_KEY: '', ...env },
    ...(input === undefined ? {} : { input }),
    ...asUser,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
