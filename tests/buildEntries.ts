import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Vitest global setup: the CLI and host bundles the integration tests spawn (tests/integration/helpers/entries.ts). */
export default function buildEntries(): void {
  execFileSync(process.execPath, ['build/buildNode.mjs'], { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'inherit' });
}
