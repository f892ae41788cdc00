import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../../shared/domain/dates.js';
import { xinyi } from '../helpers/entries.js';
import { tempDir } from '../helpers/station.js';

const password = { XINYI_PASSWORD: 'cli-station-pass' };

async function sheetOf(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0]!;
}

describe('xinyi export', () => {
  it('writes a list of a period to --out, refuses a bad period or an existing file, and leaves nothing half-written', async () => {
    const dir = tempDir();
    expect(xinyi(['init', '--station-name', '测试街道社会心理服务站', '--level', 'street', '--region-code', '500118001', '--admin-user', 'admin', '--data-dir', dir], password).code).toBe(0);
    const outDir = tempDir();
    const month = localDay(new Date()).slice(0, 7);

    const bad = xinyi(['export', 'sessions', '--period', '2026-13', '--out', path.join(outDir, 'bad.xlsx'), '--user', 'admin', '--data-dir', dir], password);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('错误：无法识别统计期“2026-13”：统计期格式应为 2026（年）、2026-11（月）、2026-Q4（季度）或 2026-H2（半年）。');
    const csv = xinyi(['export', 'sessions', '--period', month, '--format', 'csv', '--out', path.join(outDir, 'x.csv'), '--user', 'admin', '--data-dir', dir], password);
    expect(csv.stderr).toContain('目前只能导出 xlsx');

    const out = path.join(outDir, 'sessions.xlsx');
    const written = xinyi(['export', 'sessions', '--period', month, '--format', 'xlsx', '--out', out, '--user', 'admin', '--data-dir', dir], password);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^已导出 \d+ 行：/);
    const sheet = await sheetOf(out);
    expect(String(sheet.getCell('A1').value)).toMatch(/^测试街道社会心理服务站 · 咨询记录 · \d{4}年\d{1,2}月$/);
    expect(sheet.getCell('A2').value).toBe('日期');

    const again = xinyi(['export', 'sessions', '--period', month, '--out', out, '--user', 'admin', '--data-dir', dir], password);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('文件已存在，不会覆盖');
    expect(fs.readdirSync(outDir).sort()).toEqual(['sessions.xlsx']);

    const clients = path.join(outDir, 'clients.xlsx');
    expect(xinyi(['export', 'clients', '--unmasked', '--out', clients, '--user', 'admin', '--data-dir', dir], password).code).toBe(0);
    expect((await sheetOf(clients)).getRow(2).values).toContain('出生日期');
    // Each run of the command derives a key with real scrypt in a fresh process.
  }, 240_000);

  it('writes an inspection\'s 迎检包 as a ZIP, refusing another format before it opens the station', async () => {
    const dir = tempDir();
    expect(xinyi(['init', '--station-name', '测试街道社会心理服务站', '--level', 'street', '--region-code', '500118001', '--admin-user', 'admin', '--data-dir', dir], password).code).toBe(0);
    const today = localDay(new Date());
    const opened = { kind: 'self', title: '年度自查', inspectingBody: '本站', plannedOn: today, from: `${today.slice(0, 7)}-01`, to: today };
    const created = xinyi(['call', 'inspections.create', '--input', '-', '--user', 'admin', '--data-dir', dir], password, JSON.stringify(opened));
    const inspectionId = String(JSON.parse(created.stdout).id);
    const out = path.join(tempDir(), '迎检包.zip');
    expect(xinyi(['export', 'inspection-package', '--inspection', inspectionId, '--format', 'xlsx', '--out', out, '--user', 'admin', '--data-dir', dir], password).stderr).toContain('目前只能导出 zip');
    const written = xinyi(['export', 'inspection-package', '--inspection', inspectionId, '--out', out, '--user', 'admin', '--data-dir', dir], password);
    expect(written.stdout).toMatch(/^已导出 12 个文件：/);
    expect(Object.keys((await JSZip.loadAsync(fs.readFileSync(out))).files)).toContain('检查表.pdf');
  }, 240_000);
});
