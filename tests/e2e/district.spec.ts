import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { LockScreen } from './pages.js';

test.use({ demo: true });

const repo = path.resolve(import.meta.dirname, '../..');

/** One call into another station's core as its 站长, through `xinyi call` (that station runs no host). */
function callAs<T>(dataDir: string, method: string, input: unknown): T {
  const result = spawnSync(process.execPath, ['out/cli/index.cjs', 'call', method, '--input', '-', '--data-dir', dataDir, '--user', 'zhanzhang'], {
    cwd: repo,
    input: JSON.stringify(input),
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Shanghai', XINYI_PASSWORD: 'xinyi-demo-2026' },
  });
  if (result.status !== 0) throw new Error(`${method}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** The month before today's on Beijing's calendar: the district page's first period and the one a station reports. */
function lastFullMonth(): string {
  const [year, month] = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * Issue 14, the district's side end to end: a station (the demo, its own copy, driven through the CLI) explains its
 * validation results, submits last month and makes its signed package; the district (another installation) registers
 * that station with the fingerprint it printed, sets its deadline, imports the package file, refuses the same file a
 * second time, and reads the month: the station reported on time, and its figure drills down to it; the district then
 * sends its own total upward as a signed package. Axe on both pages and the dialog.
 */
test('a district registers a station’s key, imports its package and sees it on time', async ({ page, station, demoFolder }) => {
  const period = lastFullMonth();
  const reporter = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-e2e-reporter-'));
  fs.cpSync(demoFolder(), reporter, { recursive: true });
  const key = callAs<{ fingerprint: string; regionCode: string; station: string }>(reporter, 'reports.stationKey', {});
  const header = { preparedBy: '王站长', contactPhone: '023-49881234' };
  const draft = callAs<{ violations: Array<{ ruleId: string }> }>(reporter, 'reports.saveDraft', { period, header });
  const notes = Object.fromEntries(draft.violations.map((violation) => [violation.ruleId, '已核对台账，情况属实。']));
  callAs<unknown>(reporter, 'reports.saveDraft', { period, header, notes });
  callAs<unknown>(reporter, 'reports.submit', { period });
  const made = callAs<{ fileName: string; dataBase64: string }>(reporter, 'reports.package', { period });
  const packageFile = path.join(reporter, made.fileName);
  fs.writeFileSync(packageFile, Buffer.from(made.dataBase64, 'base64'));

  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('nav-district-stations').click();
  await page.getByTestId('district-station-add').click();
  await page.getByTestId('district-station-name').fill(key.station);
  await page.getByTestId('district-station-region').fill(key.regionCode);
  // As read off the printed form: lower case, spaces every four digits.
  await page.getByTestId('district-station-fingerprint').fill(key.fingerprint.toLowerCase());
  const opened = page.getByTestId('district-station-established').locator('input');
  await opened.fill('2024-01-01');
  await opened.press('Enter');
  await page.getByTestId('district-station-submit').click();
  await expect(page.getByTestId('district-register')).toContainText(key.fingerprint.replace(/\s+/g, ' '));
  const found = [...(await seriousViolations(page, 'station register'))];
  await page.getByTestId('district-timely-days').locator('input').fill('60');
  await page.getByTestId('district-settings-save').click();
  await expect(page.getByText('辖区设置已保存')).toBeVisible();

  await page.getByTestId('nav-district').click();
  await expect(page.getByTestId('district-status-1')).toHaveText('未报');
  await page.getByTestId('district-import-open').click();
  await page.getByTestId('district-import-input').setInputFiles([packageFile]);
  await expect(page.getByTestId('district-import-progress')).toHaveText('已导入 1 个，拒收 0 个');
  await expect(page.getByTestId('district-import-result-0')).toHaveText('已接收');
  // The same file again is a duplicate: refused, with the reason in red.
  await page.getByTestId('district-import-input').setInputFiles([packageFile]);
  await expect(page.getByTestId('district-import-progress')).toHaveText('已导入 0 个，拒收 1 个');
  await expect(page.getByTestId('district-import-result-0')).not.toHaveText('已接收');
  await page.getByTestId('district-import-close').click();

  await expect(page.getByTestId('district-status-1')).toHaveText('按时');
  await expect(page.getByTestId('completeness-rate')).toContainText('100%');
  const total = (await page.getByTestId('district-total-SPS01').innerText()).trim();
  await page.getByTestId('district-total-SPS01').click();
  await expect(page.getByTestId('district-drill-1')).toHaveText(`${total} 人次`);
  found.push(...(await seriousViolations(page, 'district overview drill')));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('district-drill')).toBeHidden();

  // The district's own total goes upward as its signed package: version 1, listed once made.
  await page.getByTestId('district-upward-open').click();
  await page.getByTestId('district-upward-prepared-by').fill('李主任');
  const [upward] = await Promise.all([page.waitForEvent('download'), page.getByTestId('district-upward-make').click()]);
  expect(upward.suggestedFilename()).toMatch(new RegExp(`-${period}\\.xyp$`));
  expect(JSON.parse(fs.readFileSync((await upward.path())!, 'utf8'))).toMatchObject({ format: 'xinyi-report-package', signature: { algorithm: 'Ed25519' } });
  await expect(page.getByTestId('district-upward-versions')).toContainText('王海燕');
  await expect(page.getByTestId('district-upward-unchanged')).toContainText('第 1 版');
  found.push(...(await seriousViolations(page, 'district upward dialog')));
  expect(found).toEqual([]);
});
