import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { startHostProcess, stopHostProcess } from './hostProcess.js';

/**
 * Each test gets its own station: a fresh data folder and its own browser-mode host (the built
 * out/server), started on a free port with a per-test token. Usage:
 *   test('…', async ({ page, station }) => { await page.goto(station.url); … });
 */
export type StationHost = {
  url: string;
  origin: string;
  dataDir: string;
  /** Stops the host and starts it again on the same data folder, as when the app is closed and reopened. */
  restart(): Promise<void>;
};

const repo = path.resolve(import.meta.dirname, '../..');

async function startHost(dataDir: string): Promise<{ host: Omit<StationHost, 'restart'>; child: ChildProcess }> {
  const { url, origin, child } = await startHostProcess(dataDir);
  return { host: { url, origin, dataDir }, child };
}

/** `xinyi demo` run once per worker; each demo test starts from a copy (the demo's dates are relative to today). */
function seedDemo(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-e2e-demo-'));
  const seeded = spawnSync(process.execPath, ['out/cli/index.cjs', 'demo', '--data-dir', dataDir], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  if (seeded.status !== 0) throw new Error(`demo failed: ${seeded.stderr}`);
  return dataDir;
}

export const test = base.extend<{ demo: boolean; station: StationHost }, { demoFolder: () => string }>({
  /** `test.use({ demo: true })`: the station starts as `xinyi demo` leaves it (password xinyi-demo-2026). */
  demo: [false, { option: true }],
  // Seeding costs seconds of scrypt and writes; a worker seeds at most once, and only if a test asks for the demo.
  demoFolder: [
    async ({}, use) => {
      let seeded: string | undefined;
      await use(() => (seeded ??= seedDemo()));
    },
    { scope: 'worker' },
  ],
  station: async ({ demo, demoFolder }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-e2e-'));
    if (demo) fs.cpSync(demoFolder(), dataDir, { recursive: true });
    let running = await startHost(dataDir);
    const station: StationHost = {
      ...running.host,
      restart: async () => {
        await stopHostProcess(running.child);
        running = await startHost(dataDir);
        Object.assign(station, running.host);
      },
    };
    await use(station);
    await stopHostProcess(running.child);
  },
});

export { expect } from '@playwright/test';
