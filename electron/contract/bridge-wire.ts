// The browser harness's HTTP contract, shared by the server (electron/harness/server.ts) and
// the renderer's bridge transport (renderer/api/bridge-transport.ts). Types and constants only.
import type { Progress } from './progress.js';
import type { Result } from './errors.js';

/** Every /api request carries the per-run token in this header (never in the URL). */
export const TOKEN_HEADER = 'x-samooh-token';

export const API_PATHS = {
  /** POST {id, name, args} → an NDJSON stream of `BridgeLine`s ending with one `result`. */
  call: '/api/call',
  /** POST {id} → {cancelled: boolean}. */
  cancel: '/api/cancel',
  /** POST {dialogId, path|null, paths?}: the page's answer to a `dialog` line (`paths` for openFiles). */
  dialog: '/api/dialog',
  /**
   * POST raw bytes, `?name=<file name>` → {path, size}: a file the page brings in (chosen in a
   * dialog, or dropped on the window), kept under its own name in a fresh folder of <data>/uploads.
   * Names that are not a plain file name are refused (400), not rewritten.
   */
  upload: '/api/upload',
  /** GET /api/files/<fileId>: a file the app asked to "open" (shell.openPath in Electron). */
  files: '/api/files/',
  /** Test hooks (only with --test-hooks): POST {answers} queues scripted dialog answers. */
  testDialogs: '/api/test/dialogs',
  /** Test hooks: GET → {opened: string[]} the files handed to openPath so far. */
  testOpened: '/api/test/opened',
} as const;

export type DialogKind = 'openFile' | 'openFiles' | 'openFolder' | 'saveFile';

/** A file or folder question the page must answer (the harness has no native dialogs). */
export interface DialogRequest {
  dialogId: string;
  kind: DialogKind;
  title: string;
  filters?: { name: string; extensions: string[] }[];
  defaultName?: string;
  /** A path the harness proposes (a folder or file under its data folder). */
  suggestion?: string;
}

/** One line of a /api/call response stream. */
export type BridgeLine =
  | { type: 'progress'; progress: Progress }
  | { type: 'dialog'; dialog: DialogRequest }
  | { type: 'open'; file: { fileId: string; name: string } }
  | { type: 'result'; result: Result<unknown> };

/** What the page answers: a path, several (openFiles), or null for Cancel. */
export type DialogAnswer = string | string[] | null;

/** A scripted dialog answer for tests: `path: null` means the user pressed Cancel. */
export interface ScriptedAnswer {
  kind: DialogKind;
  path: string | null;
  /** openFiles: the files chosen (`path` is then ignored). */
  paths?: string[];
}
