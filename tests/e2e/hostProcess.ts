import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * The built browser-mode host (out/server) on a data folder, in its own process with a fresh token, on Beijing time as
 * on a station's PC (the browser runs on it too); resolves once it prints its URL. The e2e station and the bench's
 * screens both run it.
 */
export async function startHostProcess(dataDir: string): Promise<{ url: string; origin: string; child: ChildProcess }> {
  const token = `host-${Math.random().toString(36).slice(2)}`;
  const child = spawn(process.execPath, ['out/server/index.cjs', '--data-dir', dataDir, '--port', '0'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'Asia/Shanghai', XINYI_TOKEN: token },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output);
      if (match) resolve(match[0]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', () => reject(new Error(`host exited: ${output}`)));
  });
  return { url, origin: new URL(url).origin, child };
}

export async function stopHostProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
