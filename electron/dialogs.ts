// File and folder pickers for the handler map (`Dialogs`, electron/backend/context.ts), and
// the rule for which files the app may hand to the operating system.
//
// The Electron implementation uses the native dialogs; the harness has its own (answers come
// from the page or a test hook) but shares `OpenablePaths`. Types only from Electron, so the
// harness and unit tests load this module without it.
import type { BrowserWindow, Dialog, Shell } from 'electron';
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Dialogs } from './backend/context.js';
import { reasonError } from './contract/errors.js';

/** What the app writes and may therefore open with the system's default program. */
export const OPENABLE_EXTENSIONS = new Set([
  '.xlsx',
  '.csv',
  '.pdf',
  '.eml',
  '.html',
  '.zip',
  '.pub',
  '.txt',
  '.minisig',
]);

function realOrNull(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

function inside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * `shell.openPath` launches whatever program the OS associates with a file, so it is offered
 * only for files the app itself wrote: save targets the clerk chose in this run, files the app
 * wrote under its data folder (except `uploads/`, which holds files brought in from outside),
 * and files written into a folder the clerk chose after they chose it (a bundle on a USB
 * stick). The extension must be one the app writes; never executables or shortcuts.
 */
export class OpenablePaths {
  private readonly saved = new Set<string>();
  private readonly folders = new Map<string, number>();

  constructor(
    private readonly dataDir: string,
    private readonly clock: () => number = Date.now,
  ) {}

  rememberSaveTarget(file: string): void {
    this.saved.add(path.resolve(file));
  }

  rememberFolder(folder: string): void {
    const real = realOrNull(folder) ?? path.resolve(folder);
    this.folders.set(real, this.clock());
  }

  isOpenable(file: string): boolean {
    if (typeof file !== 'string' || file === '' || file.includes('\0')) return false;
    const abs = path.resolve(file);
    if (!OPENABLE_EXTENSIONS.has(path.extname(abs).toLowerCase())) return false;
    const real = realOrNull(abs);
    if (!real || !OPENABLE_EXTENSIONS.has(path.extname(real).toLowerCase())) return false;
    let mtimeMs: number;
    try {
      const st = statSync(real);
      if (!st.isFile()) return false;
      mtimeMs = st.mtimeMs;
    } catch {
      return false;
    }
    if (this.saved.has(abs) || this.saved.has(real)) return true;
    const data = realOrNull(this.dataDir);
    if (data && inside(data, real) && !inside(path.join(data, 'uploads'), real)) return true;
    for (const [folder, chosenAt] of this.folders) {
      // 2 s of slack for file systems with coarse timestamps (FAT32 on USB sticks).
      if (inside(folder, real) && mtimeMs >= chosenAt - 2000) return true;
    }
    return false;
  }
}

export interface ElectronDialogDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  /** The parent window, so dialogs are modal to it. */
  window: () => BrowserWindow | null;
  openable: OpenablePaths;
}

export function createElectronDialogs(deps: ElectronDialogDeps): Dialogs {
  const parent = () => {
    const w = deps.window();
    return w && !w.isDestroyed() ? w : null;
  };
  return {
    async openFile({ title, filters }) {
      const opts = { title, filters, properties: ['openFile' as const] };
      const w = parent();
      const r = w ? await deps.dialog.showOpenDialog(w, opts) : await deps.dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async openFiles({ title, filters }) {
      // Windows and Linux cannot offer files and folders in one dialog (macOS only), so
      // folders have their own picker; here, any number of files.
      const opts = { title, filters, properties: ['openFile' as const, 'multiSelections' as const] };
      const w = parent();
      const r = w ? await deps.dialog.showOpenDialog(w, opts) : await deps.dialog.showOpenDialog(opts);
      return r.canceled || r.filePaths.length === 0 ? null : [...r.filePaths];
    },
    async openFolder({ title }) {
      const opts = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const w = parent();
      const r = w ? await deps.dialog.showOpenDialog(w, opts) : await deps.dialog.showOpenDialog(opts);
      const folder = r.canceled ? null : (r.filePaths[0] ?? null);
      if (folder) deps.openable.rememberFolder(folder);
      return folder;
    },
    async saveFile({ title, defaultName, filters }) {
      const opts = { title, defaultPath: defaultName, filters, properties: ['showOverwriteConfirmation' as const] };
      const w = parent();
      const r = w ? await deps.dialog.showSaveDialog(w, opts) : await deps.dialog.showSaveDialog(opts);
      const file = r.canceled || !r.filePath ? null : r.filePath;
      if (file) deps.openable.rememberSaveTarget(file);
      return file;
    },
    async openPath(file) {
      if (!deps.openable.isOpenable(file)) {
        throw reasonError(
          'FORBIDDEN',
          'foreign_file',
          'Samooh opens only files it wrote itself.',
          { file: path.basename(file) },
          { file },
        );
      }
      const failure = await deps.shell.openPath(path.resolve(file));
      if (failure) {
        throw reasonError(
          'INTERNAL',
          'open_failed',
          `Could not open ${path.basename(file)}: ${failure}`,
          { file: path.basename(file) },
          { file },
        );
      }
    },
  };
}
