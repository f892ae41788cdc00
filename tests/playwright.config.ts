import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where present (our build machines); Playwright's own browser elsewhere.
// Flags per DESIGN.md §6: no background networking on a machine without internet.
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 720 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The screens then skip their transitions (styles.css): an action waits for no dialog's fade, the run for no motion.
    reducedMotion: 'reduce',
    // Recording a trace for every test (to keep the failing ones) took a third of the e2e run's time; on a failure the
    // report prints the error and keeps a screenshot, and `--trace on` records traces when one is wanted.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(fs.existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
