// Bundles the Node-side entry points (Electron main, preload, browser-mode server, CLI) with esbuild.
// The native SQLite module and electron stay external: electron-builder rebuilds the former for Electron.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  logLevel: 'warning',
};

// Core is ESM and may use import.meta.url (the background integrity check finds the driver with it);
// in a CommonJS bundle that is the bundle's own file. The sandboxed preload does not need it.
const importMetaUrl = "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
const withCore = { ...common, define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: importMetaUrl } };

await Promise.all([
  build({ ...withCore, entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs' }),
  // Sandboxed preloads can require only a few built-ins: one self-contained CommonJS file.
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs', sourcemap: false }),
  build({ ...withCore, entryPoints: ['electron/server/index.ts'], outfile: 'out/server/index.cjs' }),
  build({
    ...withCore,
    entryPoints: ['electron/cli/index.ts'],
    outfile: 'out/cli/index.cjs',
    banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` },
  }),
]);
