// `npm start`: runs the built app in Electron (`npm start` builds first, see package.json).
//
// Electron's binary is downloaded from GitHub when `electron` is installed; where that was not
// possible (no GitHub access, ELECTRON_SKIP_BINARY_DOWNLOAD=1) this says so plainly and points
// to the browser preview, which serves the same app and backend. It never tries to download
// anything itself.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronPkg = path.join(root, 'node_modules', 'electron');

export function platformExecutable(platform = process.platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** The Electron executable, or null with the reason — without require('electron'), which would try to download it. */
export function findElectron(env = process.env) {
  if (!existsSync(path.join(electronPkg, 'package.json'))) {
    return { path: null, reason: 'the `electron` package is not installed (run `npm ci`)' };
  }
  // path.txt is written by electron's installer once the binary is in place; an override
  // folder (ELECTRON_OVERRIDE_DIST_PATH, as electron itself honours) uses the platform's name.
  const pathFile = path.join(electronPkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformExecutable();
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronPkg, 'dist');
  const exe = path.join(dist, relative);
  if (!existsSync(exe)) {
    return {
      path: null,
      reason:
        "Electron's binary is not installed (node_modules/electron/dist is missing). It is downloaded from " +
        'GitHub when the electron package is installed, which was not possible on this machine' +
        (env.ELECTRON_SKIP_BINARY_DOWNLOAD ? ' (ELECTRON_SKIP_BINARY_DOWNLOAD is set)' : '') +
        '.',
    };
  }
  return { path: exe, reason: null };
}

export function missingElectronMessage(reason) {
  return [
    `samooh: cannot start the desktop app: ${reason}`,
    '',
    'Use the browser preview instead — the same app and the same backend, in any local browser:',
    '',
    '    npm run preview',
    '',
    'It prints an address like http://127.0.0.1:<port>/#token=… ; open that exact link (the token',
    'in it is what lets your browser, and only it, use the preview). Data is kept in',
    '<temp>/samooh-preview unless you pass --data-dir:  npm run preview -- --data-dir ./my-data',
    '',
    'To get Electron itself, on a machine that can reach GitHub: `npm ci` (without',
    'ELECTRON_SKIP_BINARY_DOWNLOAD), or `node node_modules/electron/install.js`.',
  ].join('\n');
}

async function main() {
  const electron = findElectron();
  if (!electron.path) {
    console.error(missingElectronMessage(electron.reason));
    return 1;
  }
  if (!existsSync(path.join(root, 'dist', 'node', 'main.js'))) {
    console.error('samooh: dist/node/main.js is missing; run `npm run build` (or `npm start`, which builds).');
    return 1;
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron a plain Node and ignore the app
  const child = spawn(electron.path, ['.', ...process.argv.slice(2)], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('error', (err) => {
      console.error(`samooh: could not run Electron at ${electron.path}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = await main();
