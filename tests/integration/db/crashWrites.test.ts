import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { entries, repo } from '../helpers/entries.js';
import { adminPassword, createStation, disposeWhenTestEnds, tempDir } from '../helpers/station.js';

const token = 'crash-test-token';

/**
 * FI-1: the real browser-mode host, a stream of acknowledged writes, then SIGKILL mid-stream.
 * Every write acknowledged before the kill must be there after reopening, and the file must be intact.
 */
describe('SIGKILL during a stream of writes', () => {
  it('keeps every acknowledged write and passes integrity_check after reopening', async () => {
    const seeded = disposeWhenTestEnds(await createStation());
    // closes mid-test: the host runs in a child process on the folder
    seeded.dispose();
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    const child = spawn(
      process.execPath,
      [entries.server, '--data-dir', seeded.dataDir, '--port', '0', '--static', staticDir],
      { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XINYI_TOKEN: token } },
    );
    // A test that fails before the kill must not leave the host running on the folder.
    onTestFinished(() => {
      child.kill('SIGKILL');
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const origin = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString('utf8'));
        if (match) resolve(match[0]);
      });
      child.once('exit', (code) => reject(new Error(`host exited early with ${code}`)));
    });
    const post = async (method: string, body: unknown, session?: string) => {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xinyi-token': token, ...(session ? { 'x-xinyi-session': session } : {}) },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value: { sessionToken: string } };
    };
    const session = (await post('auth.unlock', { username: 'admin', password: adminPassword })).value.sessionToken;

    let acknowledged = -1;
    // Killed on a timer once writes flow (whatever the machine's load), so the kill lands while a
    // write is in flight, not between two.
    const armKill = () => setTimeout(() => child.kill('SIGKILL'), 300 + Math.random() * 400);
    const writer = (async () => {
      for (let index = 0; ; index += 1) {
        try {
          const result = await post('station.update', { name: `写入测试-${index}`, level: 'street', regionCode: '500118001' }, session);
          if (result.ok) acknowledged = index;
          if (index === 5) armKill();
        } catch {
          return;
        }
      }
    })();
    await writer;
    await exited;
    expect(acknowledged).toBeGreaterThan(5);

    const { createCore } = await import('../../../electron/core/createCore.js');
    const core = createCore({ dataDir: seeded.dataDir, idleCheckMs: 0 });
    onTestFinished(() => core.close());
    const ctx = { scope: 'staff' as const, transport: 'direct' as const };
    const login = await core.call(ctx, 'auth.unlock', { username: 'admin', password: adminPassword });
    expect(login.ok).toBe(true);
    const sessionToken = (login as { value: { sessionToken: string } }).value.sessionToken;
    const station = (await core.call({ ...ctx, sessionToken }, 'station.get', {})) as { value: { name: string } };
    const written = Number(station.value.name.split('-')[1]);
    expect(written).toBeGreaterThanOrEqual(acknowledged);
    const updates = (await core.call({ ...ctx, sessionToken }, 'audit.list', { action: 'station.update' })) as { value: { total: number } };
    expect(updates.value.total).toBeGreaterThanOrEqual(acknowledged + 1);
    const verify = (await core.call({ ...ctx, sessionToken }, 'system.verify', {})) as { value: { ok: boolean } };
    expect(verify.value.ok).toBe(true);
  });
});
