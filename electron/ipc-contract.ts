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
}
