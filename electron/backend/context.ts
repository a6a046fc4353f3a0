// What a handler gets besides its arguments. Transports build it; services never know which
// transport called them (STYLE: one backend, many transports).
import type { RegisterDb } from '../../db/connection.js';

export interface Progress {
  /** A stable step name the UI translates: 'read', 'validate', 'write', 'hash', 'zip' … */
  phase: string;
  done: number;
  total: number;
  message?: string;
}

/** File and folder pickers: Electron's dialog in the app, scripted answers in tests/harness. */
export interface Dialogs {
  openFile(opts: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  openFolder(opts: { title: string }): Promise<string | null>;
  saveFile(opts: {
    title: string;
    defaultName: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | null>;
  /** Hands a file to the OS (mail client for .eml, PDF viewer). Only paths the app wrote. */
  openPath(file: string): Promise<void>;
}

/** The register the app (or the CLI) has open, and where app data lives. */
export interface Session {
  /** The open register; throws AppError('NO_REGISTER') when none is open. */
  db(): RegisterDb;
  hasDb(): boolean;
  /** Opens (creating if needed) a register file and makes it current. */
  open(file: string): RegisterDb;
  close(): Promise<void>;
  /** Folder for registers, keys, outbox, logs (Electron userData; a temp dir in tests). */
  readonly dataDir: string;
}

export interface HandlerContext {
  readonly session: Session;
  /** Who is acting, for the audit log (OS user name in the app, `cli:<user>` in the CLI). */
  readonly operator: string;
  readonly dialogs: Dialogs;
  readonly progress: (p: Progress) => void;
  readonly signal: AbortSignal;
  readonly now: () => Date;
}
