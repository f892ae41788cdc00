import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/createCore.js';
import { resolveDataDir } from '../core/paths.js';
import { startHttpHost } from './httpHost.js';
import { createLaunchToken } from './launchToken.js';
import { openInBrowser } from './openBrowser.js';

/**
 * Browser mode: `node out/server/index.cjs [--data-dir DIR] [--port N] [--open]`. A fixed token (tests)
 * comes from XINYI_TOKEN, never from the command line, where other users could read it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      static: { type: 'string' },
      open: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口号无效：${values.port}`);
  const dataDir = resolveDataDir(values['data-dir'], process.env, os.homedir());
  const staticDir = path.resolve(values.static ?? path.join(path.dirname(process.argv[1] ?? '.'), '..', 'renderer'));
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error(`找不到界面文件，请先运行 npm run build（${staticDir}）`);

  const core = createCore({ dataDir });
  const host = await startHttpHost({ core, staticDir, port, token: process.env.XINYI_TOKEN || createLaunchToken() });
  process.stdout.write(`心驿浏览器模式已启动（数据文件夹 ${dataDir}）：${host.url}\n`);
  if (values.open) openInBrowser(host.url);

  const stop = () => {
    core.close();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`心驿无法启动：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
