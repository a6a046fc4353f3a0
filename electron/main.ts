// The Electron main process: lifecycle, the one window, the menu, and the IPC transport of the
// handler map. Deliberately thin — every security decision lives in security.ts, the call
// plumbing in ipc.ts, and those are unit-tested with fakes, because the Electron binary itself
// is not available where this is built and tested. The handler map and SQLite run in the
// backend worker (backend/worker.ts), so this thread — which draws the window — never waits on
// an import or a bundle; the same worker serves the preview harness, where Playwright tests it.
import { app, BrowserWindow, Menu, dialog, ipcMain, protocol, safeStorage, screen, session, shell } from 'electron';
import { appendFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackendHost } from './backend/host.js';
import { createElectronDialogs, OpenablePaths } from './dialogs.js';
import { CHANNELS, type MenuEvent } from './ipc-contract.js';
import { registerIpc } from './ipc.js';
import { aboutDetail, buildMenuTemplate } from './menu.js';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  createAppProtocolHandler,
  createSecureWindow,
  hardenApp,
  installSessionSecurity,
  openExternalIfVetted,
  registerAppScheme,
} from './security.js';
import { loadWindowState, trackWindowState } from './window-state.js';
import { createElectronPrintToPdf } from './print-to-pdf.js';

// The folder (or app.asar) holding package.json; dist/ sits beside it in both layouts.
const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadFile = path.join(appRoot, 'dist', 'preload', 'preload.cjs');
// Electron reads worker scripts from inside app.asar (asar support in worker threads, Electron 18+).
const backendWorkerFile = path.join(appRoot, 'dist', 'node', 'backend-worker.js');

let logFile: string | undefined;
function log(message: string): void {
  const line = `${new Date().toISOString()} ${message}\n`;
  if (!app.isPackaged) process.stderr.write(line);
  if (!logFile) return;
  try {
    appendFileSync(logFile, line);
  } catch {
    /* logging must never take the app down */
  }
}

// Before `ready`: privileged scheme, renderer sandbox everywhere, hardening of every web
// contents ever created.
registerAppScheme(protocol);
// Taskbar grouping and shortcuts on Windows match the installer's appId (electron-builder.yml).
app.setAppUserModelId('in.samooh.desktop');
hardenApp(app, { openExternal: (url) => openExternalIfVetted(shell, url), log });

let mainWindow: BrowserWindow | null = null;

function operatorName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

function sendMenu(event: MenuEvent): void {
  const contents = mainWindow?.webContents;
  if (contents && !contents.isDestroyed()) contents.send(CHANNELS.menu, event);
}

function showAbout(dataDir: string): void {
  const opts = {
    type: 'info' as const,
    title: 'About Samooh',
    message: 'Samooh (समूह)',
    detail: aboutDetail({
      version: app.getVersion(),
      dataDir,
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
    }),
    buttons: ['OK'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, opts) : dialog.showMessageBox(opts));
}

function createWindow(dataDir: string): BrowserWindow {
  const stateFile = path.join(dataDir, 'window-state.json');
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = createSecureWindow(BrowserWindow, {
    preload: preloadFile,
    isPackaged: app.isPackaged,
    bounds: { x: state.x, y: state.y, width: state.width, height: state.height },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, stateFile);
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_e, details) => log(`renderer gone: ${details.reason}`));
  win.on('unresponsive', () => log('window unresponsive'));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
  logFile = path.join(dataDir, 'logs', 'main.log');
  log(`Samooh ${app.getVersion()} starting; data in ${dataDir}`);

  installSessionSecurity(session.defaultSession, log);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  // The backend worker reopens the last register (a damaged or too-new one is logged, and the
  // first-run screen lets the clerk open or create another). The district key is sealed by the
  // OS (DPAPI through safeStorage on Windows); reports are printed by a hidden sandboxed window.
  const backend = new BackendHost({
    workerFile: backendWorkerFile,
    dataDir,
    operator: operatorName(),
    open: { kind: 'last' },
    platform: {
      os: safeStorage,
      printToPdf: createElectronPrintToPdf({ BrowserWindow, fromPartition: (p) => session.fromPartition(p) }),
    },
    log,
  });
  backend.start();
  const openable = new OpenablePaths(dataDir);
  const dialogs = createElectronDialogs({ dialog, shell, window: () => mainWindow, openable });
  registerIpc({ ipcMain, runner: backend, contents: () => mainWindow?.webContents ?? null, dialogs, log });

  // Automatic backups (SPEC §10): once a day while the app runs (skipped when the last one is
  // under a day old) and on closing; the backend keeps the last N.
  let backups = 0;
  const autoBackup = (reason: 'close' | 'daily') =>
    backend
      .run({ id: `auto-backup-${++backups}`, name: 'backup.auto', args: { reason } }, { progress: () => {}, dialogs })
      .then((r) => {
        if (!r.ok) log(`automatic backup (${reason}) failed: ${r.error.message}`);
      })
      .catch((err: unknown) => log(`automatic backup (${reason}) failed: ${(err as Error).message}`));
  void autoBackup('daily');
  setInterval(() => void autoBackup('daily'), 60 * 60 * 1000).unref();

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        send: sendMenu,
        about: () => showAbout(dataDir),
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
      }),
    ),
  );

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    // Let running calls see their cancel and the register close cleanly (WAL checkpoint).
    event.preventDefault();
    closing = true;
    void autoBackup('close')
      .then(() => backend.close())
      .catch((err: unknown) => log(`closing the register failed: ${(err as Error).message}`))
      .finally(() => app.quit());
  });

  mainWindow = createWindow(dataDir);
}

if (!app.requestSingleInstanceLock()) {
  // Another Samooh already runs with this profile; it gets focused through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window, one register: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log(`start-up failed: ${(err as Error)?.stack ?? String(err)}`);
      dialog.showErrorBox('Samooh could not start', (err as Error)?.message ?? String(err));
      app.exit(1);
    });
}
