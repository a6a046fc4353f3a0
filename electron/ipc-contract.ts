// The contract between the preload bridge, the main process and the renderer's API client:
// fixed channel names, message shapes and the one object the preload exposes. Types and
// constants only, no Electron import, so the renderer may `import type` from here and the
// sandboxed preload bundle stays tiny.
import type { Progress } from './contract/progress.js';
import type { Result } from './contract/errors.js';

/** Every IPC channel Samooh uses. Nothing else is listened to or sent. */
export const CHANNELS = {
  /** renderer → main (invoke): one call of the handler map. */
  call: 'samooh:call',
  /** renderer → main (invoke): cancel a running call by its id. */
  cancel: 'samooh:cancel',
  /** main → renderer: progress of a running call, tagged with the call id. */
  progress: 'samooh:progress',
  /** main → renderer: a menu command the page acts on. */
  menu: 'samooh:menu',
} as const;

/** What the renderer sends on `samooh:call` (contract/envelope.ts). */
export type { CallRequest } from './contract/envelope.js';

/** What main sends on `samooh:progress`. */
export interface ProgressMessage {
  id: string;
  progress: Progress;
}

/**
 * Menu commands sent to the page. A fixed list: the preload forwards only these, so a
 * compromised main-process sender cannot push arbitrary strings into the page's handlers.
 */
export const MENU_EVENTS = [
  'open-workbook',
  'export-register',
  'language-en',
  'language-hi',
  'open-register',
  'open-demo',
  'recent-registers',
] as const;
export type MenuEvent = (typeof MENU_EVENTS)[number];

export function isMenuEvent(value: unknown): value is MenuEvent {
  return typeof value === 'string' && (MENU_EVENTS as readonly string[]).includes(value);
}

/** At most this many dropped files are mapped to paths in one go (a folder counts as one). */
export const MAX_DROPPED_FILES = 1000;

/**
 * The paths of files the user dropped on the window, for the preload's `pathsForFiles`. A page
 * cannot make a File with a path (`new File([...])` has none), so this only ever tells the page
 * where something the user dragged in lives: exactly what the user gave it. Anything that is not
 * a File gives null, never an exception, and the list is capped. `getPath` is Electron's
 * `webUtils.getPathForFile` (injected, so tests run without Electron); it answers '' for a File
 * that is not on disk.
 */
export function pathsOfDroppedFiles(files: unknown, getPath: (file: File) => string): (string | null)[] {
  if (!Array.isArray(files)) throw new TypeError('pathsForFiles(files): files must be an array of File');
  if (files.length > MAX_DROPPED_FILES) {
    throw new RangeError(`pathsForFiles(files): at most ${MAX_DROPPED_FILES} files at once`);
  }
  return files.map((file) => {
    if (typeof File === 'undefined' || !(file instanceof File)) return null;
    let p: unknown;
    try {
      p = getPath(file);
    } catch {
      return null;
    }
    if (typeof p !== 'string' || p === '' || p.length > 4096 || p.includes('\0')) return null;
    return p;
  });
}

/** The one object `window.samooh` the preload exposes (STYLE habit 4: a thin facade). */
export interface SamoohBridge {
  /** Runs one handler. Resolves with the result as data; never rejects for handler errors. */
  call(name: string, args: unknown, id?: string): Promise<Result<unknown>>;
  /** Progress of every running call; returns the unsubscribe function. */
  onProgress(cb: (message: ProgressMessage) => void): () => void;
  /** Asks main to abort the call with this id (the handler sees its AbortSignal fire). */
  cancel(id: string): Promise<boolean>;
  /** Menu commands (File, Language); returns the unsubscribe function. */
  onMenu(cb: (event: MenuEvent) => void): () => void;
  /**
   * Where the files (or folders) the user dropped on the window live, in the same order; null
   * for one that has no path. Synchronous and local: nothing is sent to the main process.
   */
  pathsForFiles(files: File[]): (string | null)[];
}
