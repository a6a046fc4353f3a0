// `npm start` where Electron's binary is missing: a plain message naming the browser preview,
// exit code 1, and no download attempt.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/temp.js';

const root = path.resolve(import.meta.dirname, '../../..');
const script = path.join(root, 'scripts/start.mjs');

interface StartModule {
  findElectron(env: Record<string, string | undefined>): { path: string | null; reason: string | null };
  platformExecutable(): string;
  missingElectronMessage(reason: string): string;
}
const load = async () => (await import(pathToFileURL(script).href)) as StartModule;

describe('scripts/start.mjs', () => {
  it('finds the Electron executable named by electron/path.txt, or explains why not', async () => {
    const { findElectron, platformExecutable } = await load();
    const dist = tempDir();
    const pathTxt = path.join(root, 'node_modules/electron/path.txt');
    const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : platformExecutable();
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: dist }).path).toBeNull();
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }).reason).toContain(
      'ELECTRON_SKIP_BINARY_DOWNLOAD',
    );
    const exe = path.join(dist, relative);
    writeFileSync(exe, '#!/bin/sh\n');
    chmodSync(exe, 0o755);
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({ path: exe, reason: null });
  });

  it('tells the user plainly to run the browser preview and what it prints', async () => {
    const { missingElectronMessage } = await load();
    const text = missingElectronMessage("Electron's binary is not installed");
    expect(text).toContain("Electron's binary is not installed");
    expect(text).toContain('npm run preview');
    expect(text).toContain('http://127.0.0.1:<port>/#token=');
  });

  it('exits 1 with that message when run without an Electron binary', () => {
    const r = spawnSync(process.execPath, [script], {
      cwd: root,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: tempDir() },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cannot start the desktop app');
    expect(r.stderr).toContain('npm run preview');
    expect(r.stdout).toBe('');
  });
});
