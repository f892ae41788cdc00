import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/createCore.js';
import { openWithSecret, readKeyring } from '../../electron/core/keyring/keyring.js';
import { latestSchemaVersion } from '../../electron/core/db/migrations/index.js';
import { rotatingDatabase } from '../../electron/core/keyring/rotationFiles.js';
import { databaseFileName, dataPaths } from '../../electron/core/paths.js';
import { extractDatabase } from '../../electron/core/services/backup/backupFile.js';
import { entries, repo } from '../integration/helpers/entries.js';
import { adminPassword, createStation } from '../integration/helpers/station.js';
import { bystander, callCore, copyStation, killStations, readFacts, target, type Facts } from './killStations.js';

/**
 * Kill trials (issue 9, FI-1): the real browser-mode host does work, SIGKILL lands at a random
 * moment, the station is reopened. Nothing acknowledged may be lost, verification (integrity, audit
 * chain, anchors) must pass, and no half-written file may pass for a good one.
 */
const token = 'kill-trial-token';

export type Scenario = 'writes' | 'backup' | 'restore' | 'rotation' | 'migration';
export const scenarios: readonly Scenario[] = ['writes', 'backup', 'restore', 'rotation', 'migration'];

/** `landed` says where a rotation or migration kill fell, so a soak can show the kills hit the work. */
export type TrialOutcome = Readonly<{ scenario: Scenario; acknowledged: number; landed?: string; problems: string[] }>;

type Answer = { ok: boolean; value?: unknown; error?: { code: string } };
type Post = (method: string, body: unknown) => Promise<Answer>;

async function startHost(dataDir: string) {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  const child = spawn(process.execPath, [entries.server, '--data-dir', dataDir, '--port', '0', '--static', staticDir], {
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
    return (await response.json()) as Answer;
  };
  /** The 站长's session; null when the host died during the unlock. */
  const unlock = async (): Promise<Post | null> => {
    const login = await postAs(null, 'auth.unlock', { username: 'admin', password: adminPassword }).catch(() => null);
    if (!login) return null;
    if (!login.ok) throw new Error(`unlock refused: ${login.error?.code}`);
    const session = (login.value as { sessionToken: string }).sessionToken;
    return (method, body) => postAs(session, method, body);
  };
  const timers: NodeJS.Timeout[] = [];
  void exited.then(() => timers.forEach(clearTimeout));
  const kill = (afterMs: number) => void timers.push(setTimeout(() => child.kill('SIGKILL'), afterMs));
  return { unlock, kill, exited };
}

type Host = Awaited<ReturnType<typeof startHost>>;

/**
 * Kill within `windowMs` of `file` appearing in the data folder. The file is the work's own first
 * trace (the rotation's copy, the database's WAL at open), so the kill lands in the work rather than
 * in the key derivation before it. The backstop ends a host on which the file never appears.
 */
function killAfterFileAppears(host: Host, dataDir: string, file: string, windowMs: number, random: () => number): void {
  const watcher = fs.watch(dataDir, (_event, name) => {
    if (name !== file) return;
    watcher.close();
    host.kill(random() * windowMs);
  });
  void host.exited.then(() => watcher.close());
  host.kill(30_000);
}

const rename = (index: number) => ({ name: `写入测试-${index}`, level: 'street', regionCode: '500118001' });

/** Renames until the host dies or refuses one, with `before` run ahead of each; returns the last acknowledged index. */
async function work(post: Post, before: (index: number) => Promise<unknown> = async () => undefined): Promise<number> {
  let acknowledged = -1;
  for (let index = 0; ; index += 1) {
    try {
      await before(index);
      const result = await post('station.update', rename(index));
      // A refusal ends the work: a restore locks the station, nothing more can be written.
      if (!result.ok) return acknowledged;
      acknowledged = index;
    } catch {
      return acknowledged;
    }
  }
}

/** What a scenario checks on the reopened station beyond the common checks. */
type Expectations = Readonly<{
  lostWritesAllowed: boolean;
  check?: (core: Core, session: string) => Promise<string[]>;
}>;

function factProblems(dataDir: string, databaseKey: Buffer, expected: Facts): string[] {
  const found = readFacts(dataDir, databaseKey);
  return JSON.stringify(found) === JSON.stringify(expected) ? [] : [`station changed: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`];
}

async function reopenAndCheck(dataDir: string, acknowledged: number, expect: Expectations): Promise<string[]> {
  const problems: string[] = [];
  const core = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0 });
  try {
    const login = await callCore(core, null, 'auth.unlock', { username: 'admin', password: adminPassword });
    if (!login.ok) return [`unlock after the kill: ${login.error.code} ${login.error.message}`];
    const session = login.value.sessionToken;
    const station = await callCore(core, session, 'station.get', {});
    const written = station.ok ? Number(station.value.name.split('-')[1] ?? -1) : -1;
    if (!expect.lostWritesAllowed && written < acknowledged) problems.push(`lost writes: acknowledged ${acknowledged}, found ${written}`);
    const verify = await callCore(core, session, 'system.verify', {});
    if (!verify.ok) problems.push(`verify refused: ${verify.error.message}`);
    else if (!verify.value.ok || !verify.value.clinicalFields.checked) {
      const { integrity, auditChain, anchors, clinicalFields } = verify.value;
      problems.push(`verify failed: ${JSON.stringify({ integrity, chain: auditChain.reason, anchors: anchors.findings.filter((finding) => !finding.ok), clinicalFields })}`);
    }
    const leftovers = fs.readdirSync(dataDir, { recursive: true }).map(String).filter((name) => /\.partial|restore-journal|\.rotating/.test(name));
    if (leftovers.length > 0) problems.push(`left behind: ${leftovers.join(', ')}`);
    const backups = await callCore(core, session, 'backup.list', {});
    for (const backup of backups.ok ? backups.value.backups : []) {
      const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-check-')), 'copy.db');
      try {
        await extractDatabase(backup.file, copy);
      } catch (error) {
        problems.push(`a listed backup is not whole: ${path.basename(backup.file)} (${(error as Error).message})`);
      }
    }
    if (expect.check) problems.push(...(await expect.check(core, session)));
  } finally {
    core.close();
  }
  return problems;
}

async function basicTrial(scenario: 'writes' | 'backup' | 'restore', random: () => number): Promise<TrialOutcome> {
  const seeded = await createStation();
  // Plain try/finally, not onTestFinished: `npm run soak` runs this outside vitest.
  let backupFile: string | null = null;
  try {
    if (scenario === 'restore') backupFile = (await seeded.call(seeded.admin, 'backup.create', {})).file;
  } finally {
    seeded.dispose();
  }
  const host = await startHost(seeded.dataDir);
  const post = await host.unlock();
  if (!post) throw new Error('the host died before it was killed');
  // Killed on a timer, so the kill lands while work is in flight, not between two calls.
  host.kill(150 + random() * 900);
  const acknowledged = await work(post, async (index) => {
    if (scenario === 'backup' && index % 3 === 1) await post('backup.create', {});
    if (scenario === 'restore' && index === 2 && backupFile) await post('backup.restore', { file: backupFile });
  });
  await host.exited;
  // A restore (acknowledged or not) may legitimately take the station back to the backup.
  const problems = await reopenAndCheck(seeded.dataDir, acknowledged, { lostWritesAllowed: scenario === 'restore' });
  fs.rmSync(seeded.dataDir, { recursive: true, force: true });
  return { scenario, acknowledged, problems };
}

const temporaryPassword = 'temporary-reset-2026';

/**
 * Disabling the counsellor, or resetting their password, rotates both keys (DB-9). An acknowledged
 * change must be there; an unacknowledged one may or may not be, but whole: the counsellor's old
 * password opens the station exactly when the database still has the change undone.
 */
async function rotationTrial(random: () => number): Promise<TrialOutcome> {
  const stations = await killStations();
  const dataDir = copyStation(stations.current);
  const host = await startHost(dataDir);
  const post = await host.unlock();
  if (!post) throw new Error('the host died before it was killed');
  const reset = random() < 0.5;
  const seen: { answer: Answer | null; changed: boolean } = { answer: null, changed: false };
  const acknowledged = await work(post, async (index) => {
    if (index !== 2) return;
    // Up to 1.3 times the measured rotation from its copy's start, so some kills land just after it.
    killAfterFileAppears(host, dataDir, path.basename(rotatingDatabase(dataPaths(dataDir))), 1.3 * stations.rotationMs, random);
    seen.answer = await (reset
      ? post('users.resetPassword', { userId: stations.targetId, temporaryPassword })
      : post('users.setDisabled', { userId: stations.targetId, disabled: true }));
  });
  host.kill(0); // the work ends when the host dies or refuses a write; a refusing host need not wait for the timer
  await host.exited;
  const wasRotating = fs.readdirSync(dataDir).some((name) => name.endsWith('.rotating'));
  const check = async (core: Core, session: string): Promise<string[]> => {
    const problems: string[] = [];
    if (seen.answer && !seen.answer.ok) problems.push(`rotation refused: ${seen.answer.error?.code}`);
    const users = await callCore(core, session, 'users.list', {});
    const user = users.ok ? users.value.find((candidate) => candidate.id === stations.targetId) : undefined;
    const changed = reset ? user?.mustChangePassword === true : user?.disabled === true;
    seen.changed = changed;
    if (seen.answer?.ok && !changed) problems.push('the acknowledged rotation is missing');
    const keyring = readKeyring(path.join(dataDir, 'keyring.json'));
    const opens = async (password: string) => (await openWithSecret(keyring, { kind: 'user', username: target.username }, password)) !== null;
    if ((await opens(target.password)) === changed) problems.push(`the old password ${changed ? 'still opens' : 'no longer opens'} the station, change in the database: ${changed}`);
    if (reset && (await opens(temporaryPassword)) !== changed) problems.push(`the temporary password and the database disagree (change in the database: ${changed})`);
    // The remaining account's password unwraps the key that opens the database, whose rows are all there.
    const other = await openWithSecret(keyring, { kind: 'user', username: bystander.username }, bystander.password);
    if (!other) problems.push('the remaining account cannot open the station');
    else problems.push(...factProblems(dataDir, other.keys.databaseKey, stations.facts));
    return problems;
  };
  const problems = await reopenAndCheck(dataDir, acknowledged, { lostWritesAllowed: false, check });
  fs.rmSync(dataDir, { recursive: true, force: true });
  const landed = wasRotating ? 'during the rotation' : seen.answer?.ok ? 'after the answer' : seen.changed ? 'after the swap, before the answer' : 'before the rotation';
  return { scenario: 'rotation', acknowledged, landed, problems };
}

/** The first unlock of an old station migrates it; killed during it, the next unlock must finish the job. */
async function migrationTrial(random: () => number): Promise<TrialOutcome> {
  const stations = await killStations();
  const dataDir = copyStation(stations.old);
  const host = await startHost(dataDir);
  const wal = `${databaseFileName}-wal`;
  // The WAL appears when the host opens the database, after the key derivation. The kill then lands
  // within 1.5 times (the fresh host is slower than this process) either the quick_check and
  // migrations, or those and the encryption at the 站长's login: the migrations are the shorter part,
  // and half the kills aim at them alone.
  const { migrationMs, encryptionMs } = stations;
  killAfterFileAppears(host, dataDir, wal, 1.5 * (random() < 0.5 ? migrationMs : migrationMs + encryptionMs), random);
  const post = await host.unlock();
  const acknowledged = post ? await work(post) : -1;
  host.kill(0); // the work ends when the host dies or refuses a write; a refusing host need not wait for the timer
  await host.exited;
  // The old station's WAL is empty until the first migration commits.
  const committed = fs.existsSync(path.join(dataDir, wal)) && fs.statSync(path.join(dataDir, wal)).size > 0;
  const check = async (): Promise<string[]> => factProblems(dataDir, stations.databaseKey, { ...stations.facts, version: latestSchemaVersion });
  const problems = await reopenAndCheck(dataDir, acknowledged, { lostWritesAllowed: false, check });
  fs.rmSync(dataDir, { recursive: true, force: true });
  const landed = post
    ? 'after the unlock answered'
    : committed
      ? 'after the first migration committed (later migrations, the clinical encryption, the rest of the unlock)'
      : 'before the first migration committed (quick_check or migration 70)';
  return { scenario: 'migration', acknowledged, landed, problems };
}

export async function killTrial(scenario: Scenario, random: () => number = Math.random): Promise<TrialOutcome> {
  if (scenario === 'rotation') return rotationTrial(random);
  if (scenario === 'migration') return migrationTrial(random);
  return basicTrial(scenario, random);
}
