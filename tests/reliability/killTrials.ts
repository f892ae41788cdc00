import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodOutput } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/errors.js';
import { createCore } from '../../electron/core/createCore.js';
import { extractDatabase } from '../../electron/core/services/backup/backupFile.js';
import { adminPassword, createStation } from '../integration/helpers/station.js';

/**
 * Kill trials (issue 9, FI-1): the real browser-mode host does work, SIGKILL lands at a random
 * moment, the station is reopened. Nothing acknowledged may be lost, verification (integrity, audit
 * chain, anchors) must pass, and no half-written file may pass for a good one.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const token = 'kill-trial-token';

export type Scenario = 'writes' | 'backup' | 'restore';
export const scenarios: readonly Scenario[] = ['writes', 'backup', 'restore'];

export type TrialOutcome = Readonly<{ scenario: Scenario; acknowledged: number; problems: string[] }>;

type Post = (method: string, body: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

async function startHost(dataDir: string) {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/server/index.ts', '--data-dir', dataDir, '--port', '0', '--static', staticDir], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XINYI_TOKEN: token },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString('utf8'));
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`host exited early with ${code}`)));
  });
  const postAs = async (session: string | null, method: string, body: unknown) => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xinyi-token': token, ...(session ? { 'x-xinyi-session': session } : {}) },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { ok: boolean; value?: unknown };
  };
  const login = await postAs(null, 'auth.unlock', { username: 'admin', password: adminPassword });
  const session = (login.value as { sessionToken: string }).sessionToken;
  const post: Post = (method, body) => postAs(session, method, body);
  return { post, kill: () => child.kill('SIGKILL'), exited };
}

const rename = (index: number) => ({ name: `写入测试-${index}`, level: 'street', regionCode: '500118001' });

/** Work until the host dies; returns the index of the last acknowledged rename. */
async function work(scenario: Scenario, post: Post, backupFile: string | null): Promise<number> {
  let acknowledged = -1;
  for (let index = 0; ; index += 1) {
    try {
      if (scenario === 'backup' && index % 3 === 1) await post('backup.create', {});
      if (scenario === 'restore' && index === 2 && backupFile) await post('backup.restore', { file: backupFile });
      const result = await post('station.update', rename(index));
      if (result.ok) acknowledged = index;
      else if (scenario === 'restore') return acknowledged; // a restore locks the station: nothing more to write
    } catch {
      return acknowledged;
    }
  }
}

async function reopenAndCheck(dataDir: string, scenario: Scenario, acknowledged: number): Promise<string[]> {
  const problems: string[] = [];
  const core = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0 });
  try {
    const ctx = { scope: 'staff' as const, transport: 'direct' as const };
    const login = (await core.call({ ...ctx, sessionToken: null }, 'auth.unlock', { username: 'admin', password: adminPassword })) as Result<MethodOutput<'auth.unlock'>>;
    if (!login.ok) return [`unlock after the kill: ${login.error.code} ${login.error.message}`];
    const as = { ...ctx, sessionToken: login.value.sessionToken };
    const station = (await core.call(as, 'station.get', {})) as Result<MethodOutput<'station.get'>>;
    const written = station.ok ? Number(station.value.name.split('-')[1] ?? -1) : -1;
    // A restore (acknowledged or not) may legitimately take the station back to the backup.
    if (scenario !== 'restore' && written < acknowledged) problems.push(`lost writes: acknowledged ${acknowledged}, found ${written}`);
    const verify = (await core.call(as, 'system.verify', {})) as Result<MethodOutput<'system.verify'>>;
    if (!verify.ok) problems.push(`verify refused: ${verify.error.message}`);
    else if (!verify.value.ok) {
      problems.push(`verify failed: ${JSON.stringify({ integrity: verify.value.integrity, chain: verify.value.auditChain.reason, anchors: verify.value.anchors.findings.filter((finding) => !finding.ok) })}`);
    }
    const leftovers = fs.readdirSync(dataDir, { recursive: true }).map(String).filter((name) => /\.partial|restore-journal/.test(name));
    if (leftovers.length > 0) problems.push(`left behind: ${leftovers.join(', ')}`);
    const backups = (await core.call(as, 'backup.list', {})) as Result<MethodOutput<'backup.list'>>;
    for (const backup of backups.ok ? backups.value.backups : []) {
      const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-check-')), 'copy.db');
      try {
        await extractDatabase(backup.file, target);
      } catch (error) {
        problems.push(`a listed backup is not whole: ${path.basename(backup.file)} (${(error as Error).message})`);
      }
    }
  } finally {
    core.close();
  }
  return problems;
}

export async function killTrial(scenario: Scenario, random: () => number = Math.random): Promise<TrialOutcome> {
  const seeded = await createStation();
  const backupFile = scenario === 'restore' ? (await seeded.call(seeded.admin, 'backup.create', {})).file : null;
  seeded.dispose();
  const host = await startHost(seeded.dataDir);
  // Killed on a timer, so the kill lands while work is in flight, not between two calls.
  setTimeout(host.kill, 150 + random() * 900);
  const acknowledged = await work(scenario, host.post, backupFile);
  await host.exited;
  const problems = await reopenAndCheck(seeded.dataDir, scenario, acknowledged);
  fs.rmSync(seeded.dataDir, { recursive: true, force: true });
  return { scenario, acknowledged, problems };
}
