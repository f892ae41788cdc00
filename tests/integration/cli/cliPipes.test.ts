import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries, repo, xinyi } from '../helpers/entries.js';
import { adminPassword, createStation, disposeWhenTestEnds, tempDir } from '../helpers/station.js';

// xinyi() runs the CLI with spawnSync, which gives the child a pipe for stdout: the case that was cut short.
describe('the CLI writes its whole output into a pipe', () => {
  it('`call` with far more than 64 KiB of JSON', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const rooms = await station.call(station.admin, 'rooms.add', { name: '一号咨询室', kind: 'counselling' });
    await station.seedAppointments({ count: 1500, counsellorIds: [1], roomIds: rooms.map((room) => room.id) });
    // closes mid-test: the CLI opens the folder in another process
    station.dispose();
    const result = xinyi(
      ['call', 'appointments.list', '--input', '-', '--user', 'admin', '--data-dir', station.dataDir],
      { XINYI_PASSWORD: adminPassword },
      '{"from":"2000-01-01","to":"2099-12-31"}',
    );
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(256 * 1024);
    expect(JSON.parse(result.stdout)).toHaveLength(1500);
  });

  it('`score --batch` with 4,150 lines answers every line', () => {
    const file = path.join(tempDir(), 'batch.jsonl');
    const lines = Array.from({ length: 4150 }, (_, index) => JSON.stringify({ id: index, scale: 'PHQ-9', answers: [0, 1, 2, 3, 0, 1, 2, 3, index % 4] }));
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const result = xinyi(['score', '--batch', file]);
    expect(result.code).toBe(0);
    const out = result.stdout.trim().split('\n');
    expect(out).toHaveLength(4150);
    expect(JSON.parse(out.at(-1)!)).toMatchObject({ id: 4149, scaleId: 'PHQ-9' });
  });
});

describe('case data and secrets never travel on the command line', () => {
  it('`call --input FILE` reads the JSON from a file', async () => {
    const station = disposeWhenTestEnds(await createStation());
    // closes mid-test: the CLI opens the folder in another process
    station.dispose();
    const input = path.join(tempDir(), 'register.json');
    fs.writeFileSync(input, JSON.stringify({ username: 'liwei', displayName: '李伟', role: 'counsellor', temporaryPassword: 'temporary-2026' }));
    const created = xinyi(['call', 'users.create', '--input', input, '--user', 'admin', '--data-dir', station.dataDir], { XINYI_PASSWORD: adminPassword });
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ username: 'liwei', role: 'counsellor' });
    const missing = xinyi(['call', 'users.create', '--input', `${input}.nope`, '--user', 'admin', '--data-dir', station.dataDir], { XINYI_PASSWORD: adminPassword });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`错误：无法读取输入文件：${input}.nope`);
  });

  it('restore takes the recovery key from --recovery-key-file or XINYI_RECOVERY_KEY', async () => {
    const other = disposeWhenTestEnds(await createStation());
    const backup = await other.call(other.admin, 'backup.create', { file: path.join(tempDir(), 'other.xybak') });
    const station = disposeWhenTestEnds(await createStation());
    // closes mid-test: the CLI opens the folder in another process
    station.dispose();
    const keyFile = path.join(tempDir(), 'recovery.txt');
    fs.writeFileSync(keyFile, `${other.recoveryKey}\n`);
    const login = { XINYI_PASSWORD: adminPassword };
    const fromFile = xinyi(['restore', backup.file, '--recovery-key-file', keyFile, '--user', 'admin', '--data-dir', station.dataDir], login);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toContain('replaced-');
    const wrong = xinyi(['restore', backup.file, '--user', 'admin', '--data-dir', station.dataDir], { ...login, XINYI_RECOVERY_KEY: station.recoveryKey });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe('错误：恢复密钥与该备份不符。');
  });
});

describe('the browser-mode host', () => {
  it('takes a fixed token only from XINYI_TOKEN; --token is refused', () => {
    const result = spawnSync(process.execPath, [entries.server, '--data-dir', tempDir(), '--token', 'secret-on-argv'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('token');
    expect(result.stdout).not.toContain('secret-on-argv');
  });
});
