import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    // Stations run on Beijing time; dates derived from the clock must come out as they would there.
    env: { TZ: 'Asia/Shanghai' },
    // Vitest's default is one worker fewer than the cores: on 2 cores the files ran one at a time while the
    // second core idled through each file's scrypt and fsync waits. Two workers keep both busy.
    maxWorkers: 2,
    // The CLI and host bundles that integration and reliability tests spawn, built once per run.
    globalSetup: ['tests/buildEntries.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/renderer/**'], environment: 'node' },
      },
      {
        extends: true,
        plugins: [vue()],
        // A screen mounted with Element Plus takes ~0.5 s alone and several times that beside two integration
        // workers on 2 cores: the default 5 s timed out screens that were fine, so the limit measures hangs only.
        test: { name: 'renderer', include: ['tests/unit/renderer/**/*.test.ts'], environment: 'happy-dom', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/integration/setup/rememberedScrypt.ts'],
          // Real scrypt (128 MiB, ~0.3 s) and real files: generous timeouts, files in parallel on 2 cores.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // The contract fuzz (short form); `npm run soak` runs the long form outside `npm test`.
        test: { name: 'reliability', include: ['tests/reliability/**/*.test.ts'], environment: 'node', testTimeout: 300_000, hookTimeout: 60_000 },
      },
    ],
  },
});
