import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { xinyi } from '../helpers/entries.js';
import { tempDir } from '../helpers/station.js';

const password = { XINYI_PASSWORD: 'cli-station-pass' };

describe('xinyi CLI', () => {
  it('init, call, verify, backup and restore, with options anywhere on the line', () => {
    const dir = tempDir();
    const init = xinyi(['init', '--station-name', '测试街道社会心理服务站', '--level', 'street', '--region-code', '500118001', '--admin-user', 'admin', '--data-dir', dir], password);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/恢复密钥.*[0-9A-Z]{4}(-[0-9A-Z]{4}){7}/);

    const station = xinyi(['--data-dir', dir, 'call', '--user', 'admin', 'station.get'], password);
    expect(station.code).toBe(0);
    expect(JSON.parse(station.stdout)).toMatchObject({ name: '测试街道社会心理服务站', level: 'street' });

    const passwordFile = path.join(dir, '..', `${path.basename(dir)}-pw.txt`);
    fs.writeFileSync(passwordFile, 'cli-station-pass\n');
    const verify = xinyi(['verify', '--user', 'admin', '--password-file', passwordFile, '--data-dir', dir]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('审计日志哈希链：正常');

    const out = path.join(tempDir(), 'station.xybak');
    const backup = xinyi(['backup', '--out', out, '--data-dir', dir, '--user', 'admin'], password);
    expect(backup.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    const restore = xinyi(['restore', out, '--data-dir', dir, '--user', 'admin'], password);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('replaced-');
  });

  it('call prints the error object and exits 1 when the contract refuses', () => {
    const dir = tempDir();
    xinyi(['init', '--station-name', '测试站点', '--level', 'community', '--region-code', '500118', '--admin-user', 'admin', '--data-dir', dir], password);
    const result = xinyi(['call', 'users.create', '--input', '-', '--user', 'admin', '--data-dir', dir], password, '{"username":"x"}');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const wrong = xinyi(['call', 'station.get', '--user', 'admin', '--data-dir', dir], { XINYI_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe('错误：用户名或密码错误。');
  });

  it.each([
    [['bogus'], 2, '未知命令'],
    [['verify', '--nonsense'], 2, '命令行参数有误'],
    [['init', '--station-name', '站', '--level', 'city', '--region-code', '1', '--admin-user', 'a'], 2, '--level 只能是'],
    [['call', 'station.get', '--user', 'admin'], 2, '请用 --password-file'],
    [['call', 'nope.method'], 2, '没有名为 nope.method 的方法'],
    [['call', 'clients.register', '{"name":"张三"}'], 2, '为避免个案数据出现在命令行中'],
    [['restore', 'x.xybak', '--recovery-key', 'ABCD'], 2, '命令行参数有误'],
  ])('%j fails with one clear line and no stack trace', (args, code, text) => {
    const result = xinyi([...args, '--data-dir', tempDir()]);
    expect(result.code).toBe(code);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(text);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('demo fills an empty folder with a marked demo station and refuses a used one', () => {
    const dir = tempDir();
    const demo = xinyi(['demo', '--data-dir', dir]);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('演示数据');
    const about = xinyi(['call', 'system.about', '--user', 'zixun1', '--data-dir', dir], { XINYI_PASSWORD: 'xinyi-demo-2026' });
    expect(JSON.parse(about.stdout)).toMatchObject({ demo: true });
    const users = xinyi(['call', 'users.list', '--user', 'zhanzhang', '--data-dir', dir], { XINYI_PASSWORD: 'xinyi-demo-2026' });
    expect(JSON.parse(users.stdout).map((user: { role: string }) => user.role)).toEqual(['admin', 'counsellor', 'counsellor', 'reception']);
    const again = xinyi(['demo', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('演示数据只能写入空文件夹');
  });
});

describe('xinyi score', () => {
  it('prints the result of one administration as JSON, without opening any station', () => {
    const result = xinyi(['score', 'PHQ-9', '[0,0,0,0,0,0,0,0,1]']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ scaleId: 'PHQ-9', total: 1, critical: true, band: { index: 0, id: 'minimal' } });
    const sds = xinyi(['score', 'SDS', JSON.stringify(Array(20).fill(2))]);
    expect(JSON.parse(sds.stdout)).toMatchObject({ raw: 50, total: 63 });
  });

  it('refuses an unknown scale, the wrong number of answers and broken JSON in one line', () => {
    for (const args of [['score', 'NOPE', '[]'], ['score', 'PHQ-9', '[0,0]'], ['score', 'PHQ-9', '[0,']]) {
      const result = xinyi(args);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--batch writes one JSON line per input line, errors included', () => {
    const file = path.join(tempDir(), 'batch.jsonl');
    fs.writeFileSync(file, '{"id":"r1","scale":"GAD-7","answers":[3,3,3,3,3,3,3]}\n{"id":"r2","scale":"C-SSRS-screener","answers":[1,1,null,null,null,0,null]}\nnot json\n');
    const lines = xinyi(['score', '--batch', file]).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ id: 'r1', total: 21, band: { id: 'severe' } });
    expect(lines[1]).toMatchObject({ id: 'r2', ok: false, error: { code: 'INVALID_INPUT' } });
    expect(lines[2]).toMatchObject({ id: 3, ok: false });
  });
});
