import fs from 'node:fs';
import path from 'node:path';
import { ClientPages, LockScreen, SetupWizard, Workbench } from './pages.js';
import { expect, test } from './fixtures.js';

const adminPassword = '阳光社区2026心理站';

async function newStation(page: import('@playwright/test').Page, url: string): Promise<void> {
  await page.goto(url);
  const wizard = new SetupWizard(page);
  await wizard.fillStation('阳光社区心理咨询室', '500118001001');
  await wizard.createAdmin('admin', '站长', adminPassword);
  await wizard.confirmKeptAndFinish();
}

/** A new station whose 站长 has just made a backup, left on the 备份与恢复 tab. */
async function stationWithBackup(page: import('@playwright/test').Page, url: string): Promise<void> {
  await newStation(page, url);
  await new Workbench(page).open('settings');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-table')).toContainText('.xybak');
}

/** A new station with one minor client whose guardian's consent is recorded, left on the client's page. */
async function minorWithConsent(page: import('@playwright/test').Page, url: string): Promise<void> {
  await newStation(page, url);
  const clients = new ClientPages(page);
  await clients.register({ name: '林小雨', gender: 'female', birthDate: '2015-03-08', guardianName: '林海', guardianPhone: '13700001234' });
  await clients.addConsent('监护人同意');
}

test('the 站长 chooses a backup to restore and a backup folder with the picker, typing no path', async ({ page, station }) => {
  await stationWithBackup(page, station.url);
  const backupName = fs.readdirSync(path.join(station.dataDir, 'backups')).find((name) => name.endsWith('.xybak'))!;
  // Named by the station's local (Beijing) time.
  expect(backupName).toMatch(/^xinyi-\d{8}-\d{6}\.xybak$/);

  await page.getByRole('button', { name: '选择备份文件…' }).click();
  const dialog = page.getByRole('dialog', { name: '选择要恢复的备份文件' });
  await expect(dialog.getByTestId('path-chooser-current')).toContainText(path.join(fs.realpathSync(station.dataDir), 'backups'));
  await expect(dialog.getByTestId('path-chooser-confirm')).toBeDisabled();
  await dialog.getByTestId(`entry-${backupName}`).click();
  await dialog.getByTestId('path-chooser-confirm').click();
  await expect(page.getByRole('dialog', { name: '恢复', exact: true })).toContainText(backupName);
  await page.getByRole('dialog', { name: '恢复', exact: true }).getByRole('button', { name: '取消' }).click();

  await page.getByRole('tab', { name: '安全' }).click();
  await expect(page.getByTestId('backup-dir')).toHaveAttribute('readonly', '');
  await page.getByRole('button', { name: '选择文件夹…' }).click();
  const folders = page.getByRole('dialog', { name: '选择备份文件夹' });
  // No folder configured yet: it starts in the home folder and offers the station's default one.
  await expect(folders.getByTestId('path-chooser-current')).toContainText('当前位置：/');
  await folders.getByRole('button', { name: '本站默认备份文件夹' }).click();
  await expect(folders.getByTestId('path-chooser-current')).toContainText(fs.realpathSync(path.join(station.dataDir, 'backups')));
  await folders.getByTestId('path-chooser-up').click();
  // The whole path: the folder left (…/backups) begins with it too.
  await expect(folders.getByTestId('path-chooser-current')).toHaveText(`当前位置：${fs.realpathSync(station.dataDir)}`);
  await folders.getByTestId('path-chooser-confirm').click();
  await expect(page.getByTestId('backup-dir')).toHaveValue(fs.realpathSync(station.dataDir));
});

test('with its keyring gone, the station restores a backup kept elsewhere from the problem screen, typing no path', async ({ page, station }) => {
  await stationWithBackup(page, station.url);
  // The backup is kept on a "USB stick" (a folder beside the backups), and the keyring is lost.
  const backups = path.join(station.dataDir, 'backups');
  const backupName = fs.readdirSync(backups).find((name) => name.endsWith('.xybak'))!;
  const stick = path.join(station.dataDir, 'U盘备份');
  fs.mkdirSync(stick);
  fs.renameSync(path.join(backups, backupName), path.join(stick, backupName));
  fs.rmSync(path.join(station.dataDir, 'keyring.json'));
  await station.restart();

  await page.goto(station.url);
  await expect(page.getByTestId('problem-message')).toBeVisible();
  await expect(page.locator('input')).toHaveCount(0);
  await page.getByRole('button', { name: '从其他位置（如 U 盘）选择备份文件…' }).click();
  const dialog = page.getByRole('dialog', { name: '选择要恢复的备份文件' });
  await expect(dialog.getByTestId('path-chooser-current')).toContainText(fs.realpathSync(backups));
  await dialog.getByTestId('path-chooser-up').click();
  await dialog.getByTestId('entry-U盘备份').click();
  await dialog.getByTestId(`entry-${backupName}`).click();
  await dialog.getByTestId('path-chooser-confirm').click();

  const restore = page.getByRole('dialog', { name: '恢复', exact: true });
  await expect(restore).toContainText(backupName);
  await restore.getByText('用户名和密码', { exact: true }).click();
  await restore.getByLabel('用户名', { exact: true }).fill('admin');
  await restore.getByLabel('密码', { exact: true }).fill(adminPassword);
  await restore.getByTestId('restore-confirm').click();
  await new LockScreen(page).unlock('admin', adminPassword);
  await expect(page.getByRole('navigation')).toBeVisible();
});

test('a 3 MB scanned consent uploads in chunks through the 1 MiB-capped host and opens again', async ({ page, station }) => {
  // Setup's key derivation and nine chunk calls on a shared build machine: room beyond the default 120 s.
  test.setTimeout(300_000);
  await minorWithConsent(page, station.url);
  const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1024 * 1024, 0x41)]);
  const bodies: number[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/attachments.uploadChunk')) bodies.push(request.postDataBuffer()?.length ?? 0);
  });
  await page.getByTestId('consents-table').getByTestId('attachment-input').setInputFiles({ name: '监护人同意书.pdf', mimeType: 'application/pdf', buffer: scan });
  await expect(page.getByTestId('consents-table')).toContainText('监护人同意书.pdf（3.0 MiB）', { timeout: 90_000 });
  expect(bodies.length).toBe(9);
  expect(Math.max(...bodies)).toBeLessThan(1024 * 1024);

  const download = page.waitForEvent('download');
  await page.getByTestId('consents-table').getByRole('button', { name: /监护人同意书\.pdf/ }).click();
  const saved = await (await download).path();
  expect(fs.readFileSync(saved!).equals(scan)).toBe(true);
});

test('a phone photo above 2560 px is made smaller only when the counsellor agrees; closing the question uploads nothing', async ({ page, station }) => {
  test.setTimeout(300_000);
  await minorWithConsent(page, station.url);
  // A 4000×3000 JPEG, a phone camera's size, drawn by the browser itself (a string runs in the page: the
  // tests' tsconfig has no DOM types).
  const drawn = await page.evaluate(`(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext('2d');
    context.fillStyle = '#2a6';
    context.fillRect(0, 0, 4000, 3000);
    context.fillStyle = '#fff';
    context.font = '200px sans-serif';
    context.fillText('监护人同意书', 400, 1500);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    return [...new Uint8Array(await blob.arrayBuffer())];
  })()`);
  const photo = Buffer.from(drawn as number[]);
  const table = page.getByTestId('consents-table');
  const ask = page.getByRole('dialog', { name: '照片较大' });
  const preview = page.locator('.el-dialog img');
  const shown = () =>
    preview.evaluate((image) => {
      const { naturalWidth, naturalHeight } = image as unknown as { naturalWidth: number; naturalHeight: number };
      return `${naturalWidth}×${naturalHeight}`;
    });
  const uploadAs = async (name: string, answer: '缩小后上传' | '按原图上传' | null) => {
    await table.getByTestId('attachment-input').setInputFiles({ name, mimeType: 'image/jpeg', buffer: photo });
    await expect(ask).toContainText('4000×3000 像素');
    await expect(ask).toContainText('缩小为 2560×1920 像素');
    if (answer) await ask.getByRole('button', { name: answer }).click();
    else await ask.getByRole('button', { name: /关闭|Close/ }).click();
    await expect(ask).toBeHidden();
  };

  await uploadAs('缩小.jpg', '缩小后上传');
  await table.getByRole('button', { name: /缩小\.jpg/ }).click();
  await expect.poll(shown).toBe('2560×1920');
  await page.keyboard.press('Escape');

  await uploadAs('原图.jpg', '按原图上传');
  await table.getByRole('button', { name: /原图\.jpg/ }).click();
  await expect.poll(shown).toBe('4000×3000');
  await page.keyboard.press('Escape');

  const uploads: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/attachments\.upload/.test(request.url())) uploads.push(request.url());
  });
  await uploadAs('不传.jpg', null);
  // A later call from the same page: an upload started by the closed question would have gone out before it.
  await table.getByRole('button', { name: /原图\.jpg/ }).click();
  await expect.poll(shown).toBe('4000×3000');
  expect(uploads).toEqual([]);
  await expect(table.getByRole('button', { name: /\.jpg/ })).toHaveCount(2);
});
