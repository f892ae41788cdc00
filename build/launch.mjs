// `npm start`: the desktop window where the Electron binary exists, else browser mode on 127.0.0.1.
// Runs after `npm run build`. Extra arguments (e.g. --data-dir DIR) are passed through.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);
const shell = process.platform === 'win32';

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the download was skipped.
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The native SQLite module must match Electron's ABI; `npm test` switches it back (ensureNodeAbi.mjs). */
function rebuildForElectron() {
  return spawnSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit', shell }).status === 0;
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const binary = electronBinary();
if (binary && rebuildForElectron()) {
  run(binary, ['.', ...passThrough]);
} else {
  console.log(
    binary
      ? '无法为 Electron 重新编译 SQLite 模块，改用浏览器模式：'
      : '未找到 Electron 可执行文件（安装时跳过了下载），改用浏览器模式：',
  );
  run(process.execPath, ['out/server/index.cjs', '--open', ...passThrough]);
}
