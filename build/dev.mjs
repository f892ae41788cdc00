// `npm run dev`: the renderer from Vite's dev server (hot reload) against the browser-mode host, so a
// screen change needs no full build. A core change needs a restart (the host runs the built core).
// Extra arguments (e.g. --data-dir DIR) go to the host. Prints the address to open; Ctrl+C stops both.
import { spawn, spawnSync } from 'node:child_process';
import readline from 'node:readline';
import { createServer } from 'vite';

if (spawnSync(process.execPath, ['build/buildNode.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);

// The host serves the renderer's source folder only so it starts; pages come from Vite.
const host = spawn(process.execPath, ['out/server/index.cjs', '--static', 'renderer', ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
host.on('exit', (code) => process.exit(code ?? 1));

const hostUrl = await new Promise((resolve) => {
  readline.createInterface({ input: host.stdout }).on('line', (line) => {
    process.stdout.write(`${line}\n`);
    const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(line);
    if (found) resolve(new URL(found[0]));
  });
});

// The host refuses foreign Host and Origin headers (DNS rebinding); the proxy presents the host's own.
const target = hostUrl.origin;
let vite;
try {
  vite = await createServer({
    configFile: 'build/vite.renderer.config.ts',
    server: { proxy: { '/api': { target, changeOrigin: true, headers: { origin: target } } } },
  });
  await vite.listen();
} catch (error) {
  // Never leave the host running without its page server.
  host.kill('SIGTERM');
  throw error;
}
const devUrl = new URL(vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/');
devUrl.search = hostUrl.search;
process.stdout.write(`\n开发模式（界面热更新）：${devUrl.href}\n`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void vite.close().finally(() => host.kill('SIGTERM'));
  });
}
