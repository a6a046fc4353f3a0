// Builds once before the end-to-end run, so the harness serves the current code. `npm test`
// has just built (set SAMOOH_E2E_SKIP_BUILD=1 to reuse that build).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../../..');
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('End-to-end tests need Debian Chromium: apt-get install -y chromium fonts-noto-core');
  }
  if (process.env.SAMOOH_E2E_SKIP_BUILD !== '1') {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  for (const f of ['dist/node/harness.js', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, f))) throw new Error(`${f} is missing: the build did not produce it`);
  }
}
