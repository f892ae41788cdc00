import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Real scrypt (128 MiB, ~0.3 s) and real files: generous timeouts, files in parallel on 2 cores. */
const integration = {
  include: ['tests/integration/**/*.test.ts'],
  environment: 'node',
  setupFiles: ['tests/integration/setup/rememberedScrypt.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
};
/** Integration files that mock a module of their own (counting the KDF's runs). */
const mocksModules = ['tests/integration/auth/loginAttempts.test.ts'];

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
          ...integration,
          name: 'integration',
          exclude: mocksModules,
          // Every file builds its own stations in its own temp folders, so a worker need not load the core afresh for
          // each file: that import was a fifth of the run. Staffed templates and remembered KDF results then serve
          // every file of the worker.
          isolate: false,
        },
      },
      {
        extends: true,
        // Files that replace a module (vi.mock) for themselves keep their own module graph.
        test: { ...integration, name: 'integration-mocks', include: mocksModules },
      },
      {
        extends: true,
        // The contract fuzz (short form); `npm run soak` runs the long form outside `npm test`.
        test: { name: 'reliability', include: ['tests/reliability/**/*.test.ts'], environment: 'node', testTimeout: 300_000, hookTimeout: 60_000 },
      },
    ],
  },
});
