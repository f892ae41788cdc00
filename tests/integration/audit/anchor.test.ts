import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../shared/api/contract/index.js';
import type { Result } from '../../../shared/api/errors.js';
import { appendAudit, rowHash, type AuditRow } from '../../../electron/core/audit/auditLog.js';
import { readBackupHeader } from '../../../electron/core/services/backup/backupFile.js';
import { createCore, type Core } from '../../../electron/core/createCore.js';
import type { Db } from '../../../electron/core/db/driver.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds, manualClock, tempDir, type Station } from '../helpers/station.js';

/**
 * Tamper cases for the audit trail (issue 9 §2, AUD-4): someone with the data key edits the
 * database while the station is closed. The hash chain alone misses a shortened tail, a consistent
 * re-chain and a forged append; the anchors outside the database must name each.
 */
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function withRawDatabase(dataDir: string, tamper: (db: Db) => void): Promise<void> {
  const db = openEncryptedDatabase(path.join(dataDir, 'xinyi.db'), await databaseKeyOf(dataDir, 'admin', adminPassword));
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    tamper(db);
  } finally {
    db.close();
  }
}

async function reopen(dataDir: string) {
  const core = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0 });
  cores.push(core);
  const ctx = { scope: 'staff' as const, transport: 'direct' as const };
  const unlocked = (await core.call({ ...ctx, sessionToken: null }, 'auth.unlock', { username: 'admin', password: adminPassword })) as Result<
    MethodOutput<'auth.unlock'>
  >;
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  const token = unlocked.value.sessionToken;
  return {
    core,
    verify: async (witnessFiles?: string[]) => {
      const result = (await core.call({ ...ctx, sessionToken: token }, 'system.verify', witnessFiles ? { witnessFiles } : {})) as Result<
        MethodOutput<'system.verify'>
      >;
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
  };
}

/** A station with some history: n settings changes, each one audit row; `tick` moves its clock past a backup's name. */
async function closedStation(changes = 12): Promise<Station & { tick: () => void }> {
  const { clock, advance } = manualClock();
  const station = disposeWhenTestEnds(await createStation({ clock }));
  for (let index = 0; index < changes; index += 1) {
    await station.call(station.admin, 'settings.update', { idleLockMinutes: 5 + (index % 3) });
  }
  return { ...station, tick: () => advance(60_000) };
}

const headSeq = (db: Db) => (db.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number }).seq;

function deleteTail(db: Db, count: number): { from: number; to: number } {
  const to = headSeq(db);
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(to - count);
  return { from: to - count + 1, to };
}

/** Change one row and recompute every later hash: the chain alone verifies again. */
function rechainFrom(db: Db, seq: number): void {
  db.prepare("UPDATE audit_log SET actor_name = 'someone-else' WHERE seq = ?").run(seq);
  const rows = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as AuditRow[];
  let previous = (db.prepare('SELECT row_hash FROM audit_log WHERE seq = ?').get(seq - 1) as { row_hash: string }).row_hash;
  for (const row of rows) {
    const { row_hash: _old, ...rest } = row;
    const fixed = { ...rest, prev_hash: previous };
    const hash = rowHash(fixed);
    db.prepare('UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE seq = ?').run(previous, hash, row.seq);
    previous = hash;
  }
}

describe('audit anchors', () => {
  it('an untouched station verifies against its anchor file and its backups', async () => {
    const station = await closedStation(3);
    await station.call(station.admin, 'backup.create', {});
    await station.call(station.admin, 'settings.update', { idleLockMinutes: 9 });
    const result = await station.call(station.admin, 'system.verify', {});
    expect(result.ok).toBe(true);
    expect(result.anchors.findings.filter((finding) => finding.compared)).toHaveLength(2);
    expect(fs.existsSync(path.join(station.dataDir, 'audit-anchor.json'))).toBe(true);
  });

  it.each([1, 10])('names the %i newest rows deleted while the station was closed', async (count) => {
    const station = await closedStation();
    // closes mid-test: the files are tampered with while the station is closed
    station.dispose();
    let removed = { from: 0, to: 0 };
    await withRawDatabase(station.dataDir, (db) => {
      removed = deleteTail(db, count);
    });
    const reopened = await reopen(station.dataDir);
    const result = await reopened.verify();
    expect(result.auditChain.ok).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.anchors.findings.map((finding) => finding.message)).toContain(
      `审计日志比最近记录短：第 ${removed.from}–${removed.to} 条缺失（对照锚点文件）。`,
    );
    // The disagreeing anchor is kept as evidence, and the finding stays after later writes.
    expect(fs.readdirSync(station.dataDir).some((name) => name.startsWith('audit-anchor-mismatch-'))).toBe(true);
    expect((await reopened.verify()).ok).toBe(false);
  });

  it('names a deleted row in the middle (chain) and the rewritten tail (anchor)', async () => {
    const station = await closedStation();
    // closes mid-test: the files are tampered with while the station is closed
    station.dispose();
    await withRawDatabase(station.dataDir, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 5').run());
    const result = await (await reopen(station.dataDir)).verify();
    expect(result.auditChain).toMatchObject({ ok: false, brokenAt: 5 });
    expect(result.ok).toBe(false);
  });

  it('names a consistently re-chained edit from the newest backup that still agrees', async () => {
    const station = await closedStation(4);
    const first = await station.call(station.admin, 'backup.create', {});
    const agreedSeq = readBackupHeader(first.file).header.audit!.head.seq;
    for (let index = 0; index < 5; index += 1) await station.call(station.admin, 'settings.update', { idleLockMinutes: 7 + (index % 2) });
    station.tick();
    const second = await station.call(station.admin, 'backup.create', {});
    // closes mid-test: the files are tampered with while the station is closed
    station.dispose();
    await withRawDatabase(station.dataDir, (db) => rechainFrom(db, agreedSeq + 3));
    const result = await (await reopen(station.dataDir)).verify();
    expect(result.auditChain.ok).toBe(true);
    expect(result.ok).toBe(false);
    const messages = result.anchors.findings.map((finding) => finding.message);
    expect(messages).toContain(`与备份 ${path.basename(first.file)}一致（至第 ${agreedSeq} 条）。`);
    expect(messages).toContain(`第 ${agreedSeq} 条之后的记录与备份 ${path.basename(second.file)}不一致。`);
  });

  it('names rows forged onto the end outside the program', async () => {
    const station = await closedStation(3);
    // closes mid-test: the files are tampered with while the station is closed
    station.dispose();
    let forged = 0;
    await withRawDatabase(station.dataDir, (db) => {
      db.transaction(() => appendAudit(db, '0.1.0', { actorId: 1, actorName: 'admin', action: 'backup.create' }, new Date()))();
      forged = headSeq(db);
    });
    const result = await (await reopen(station.dataDir)).verify();
    expect(result.auditChain.ok).toBe(true);
    expect(result.anchors.findings.map((finding) => finding.message)).toContain(
      `第 ${forged}–${forged} 条记录不在锚点文件记录的范围内，可能是在本程序之外追加的。`,
    );
  });

  it('names rows lost with a lost WAL file', async () => {
    const station = await closedStation(3);
    // A copy of the folder taken while the station is open holds the last commits only in the WAL.
    const copy = tempDir();
    for (const name of ['xinyi.db', 'keyring.json']) fs.copyFileSync(path.join(station.dataDir, name), path.join(copy, name));
    const before = (await station.call(station.admin, 'audit.list', { pageSize: 1 })).rows[0]!.seq;
    await station.call(station.admin, 'settings.update', { idleLockMinutes: 11 });
    fs.copyFileSync(path.join(station.dataDir, 'audit-anchor.json'), path.join(copy, 'audit-anchor.json'));
    const result = await (await reopen(copy)).verify();
    expect(result.ok).toBe(false);
    expect(result.anchors.findings.find((finding) => !finding.ok)?.message).toMatch(/^审计日志比最近记录短：第 \d+–\d+ 条缺失/);
    expect(before).toBeGreaterThan(0);
  });

  it('an edited or foreign anchor file is named, a missing one too', async () => {
    const station = await closedStation(2);
    const anchorFile = path.join(station.dataDir, 'audit-anchor.json');
    // closes mid-test: the files are tampered with while the station is closed
    station.dispose();
    const anchor = JSON.parse(fs.readFileSync(anchorFile, 'utf8')) as { head: { seq: number } };
    anchor.head.seq += 5;
    fs.writeFileSync(anchorFile, JSON.stringify(anchor));
    const edited = await (await reopen(station.dataDir)).verify();
    expect(edited.anchors.findings.map((finding) => finding.message)).toContain('锚点文件的校验码不符：锚点被改动过，或不属于本站点。');
    // closes mid-test: reopens once the anchor file is removed
    cores.splice(0).forEach((core) => core.close());
    fs.rmSync(anchorFile);
    const missing = await (await reopen(station.dataDir)).verify();
    expect(missing.anchors.findings.map((finding) => finding.message)).toContain('找不到审计锚点文件，无法确认审计日志未被缩短或改写。');
  });

  it('after a restore the abandoned branch is not mistaken for tampering', async () => {
    const station = await closedStation(2);
    const backup = await station.call(station.admin, 'backup.create', {});
    for (let index = 0; index < 3; index += 1) await station.call(station.admin, 'settings.update', { idleLockMinutes: 20 + index });
    station.tick();
    await station.call(station.admin, 'backup.create', {});
    await station.call(station.admin, 'backup.restore', { file: backup.file });
    // closes mid-test: reopens after the restore
    station.dispose();
    const result = await (await reopen(station.dataDir)).verify();
    expect(result.anchors.findings.filter((finding) => !finding.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.anchors.findings.some((finding) => !finding.compared && finding.message.includes('恢复备份之前'))).toBe(true);
  });

  it('a key rotation (an account disabled) keeps the anchor in step, across a restart too', async () => {
    const station = await closedStation(2);
    await station.addUser('leaver', 'counsellor');
    const leaver = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'leaver')!;
    await station.call(station.admin, 'users.setDisabled', { userId: leaver.id, disabled: true });
    expect((await station.call(station.admin, 'system.verify', {})).ok).toBe(true);
    // closes mid-test: reopens after the rotation
    station.dispose();
    const result = await (await reopen(station.dataDir)).verify();
    expect(result.anchors.findings.filter((finding) => !finding.ok)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('a backup kept elsewhere is compared when named', async () => {
    const station = await closedStation(3);
    const usb = tempDir();
    const kept = await station.call(station.admin, 'backup.create', { file: path.join(usb, 'station.xybak') });
    // closes mid-test: the files are tampered with while the station is closed
    station.dispose();
    await withRawDatabase(station.dataDir, (db) => deleteTail(db, 4));
    fs.rmSync(path.join(station.dataDir, 'audit-anchor.json'));
    const reopened = await reopen(station.dataDir);
    const messages = (await reopened.verify([kept.file])).anchors.findings.map((finding) => finding.message);
    // Rows written since (this unlock's own) fill the gap again, so the witness sees a different history.
    expect(messages).toContain(`第 1–${readBackupHeader(kept.file).header.audit!.head.seq} 条之间的记录与备份 station.xybak不一致。`);
  });
});
