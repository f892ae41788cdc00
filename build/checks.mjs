// `npm test`'s first step: lint, type check and build side by side. Each is one process that keeps one core busy;
// one after another they left the second core idle for a minute and more of CI's 30. Each one's output is printed
// whole when it ends, and the step fails if any of them failed.
import { spawn } from 'node:child_process';

const scripts = ['lint', 'typecheck', 'build'];

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      process.stdout.write(`\n> npm run ${script}: ${code === 0 ? 'passed' : `failed (exit ${code})`}\n${output}`);
      resolve(code === 0);
    });
  });
}

const passed = await Promise.all(scripts.map(run));
process.exit(passed.every(Boolean) ? 0 : 1);
