// Before tests: the SQLite native module must be the Node build. After `npm start` ran Electron it may
// be the Electron build; then rebuild it for Node (never the other way round in a postinstall).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3-multiple-ciphers');
  new Database(':memory:').close();
} catch (error) {
  if (!/NODE_MODULE_VERSION|was compiled against/.test(String(error))) throw error;
  console.log('SQLite 模块是为 Electron 编译的，正在为 Node 重新编译…');
  const result = spawnSync('npm', ['rebuild', 'better-sqlite3-multiple-ciphers'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}
