// What a handler gets besides its arguments. Transports build it; services never know which
// transport called them (STYLE: one backend, many transports). Whatever a handler needs from the
// program around it — the key protector, the PDF printer, the clock, dialogs — arrives here,
// never through module-level state.
import type { RegisterDb } from '../../db/register-db.js';
import { reasonError } from '../contract/errors.js';
import type { Progress } from '../contract/progress.js';
import type { Actor, Work } from '../services/actor.js';
import type { KeyProtector } from '../services/bundle/keys.js';
import type { PrintToPdf } from '../services/bundle/report-pdf.js';
import type { HqSlot } from './hq-session.js';

export type { Progress };

/** File and folder pickers: Electron's dialog in the app, scripted answers in tests/harness. */
export interface Dialogs {
  openFile(opts: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  /** Several files at once (HQ's bundles); null or an empty list when cancelled. */
  openFiles(opts: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string[] | null>;
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
  /** The HQ store the app holds in HQ mode (SPEC §8); absent where HQ mode is not offered. */
  readonly hq?: HqSlot;
}

/** What the program running the backend provides (app, preview, CLI, tests). */
export interface Platform {
  /** Seals and opens the district key: OS encryption in the app, a passphrase in the CLI. */
  readonly keyProtector?: KeyProtector;
  /** Prints the report to PDF: Electron in the app, Chromium in the preview. */
  readonly printToPdf?: PrintToPdf;
}

export interface HandlerContext extends Actor, Work {
  readonly session: Session;
  readonly dialogs: Dialogs;
  readonly platform: Platform;
}

export function keyProtectorOf(ctx: HandlerContext): KeyProtector {
  if (!ctx.platform.keyProtector) {
    throw reasonError(
      'KEY_LOCKED',
      'key_unlock_unavailable',
      'No way to unlock the district key is configured in this program.',
    );
  }
  return ctx.platform.keyProtector;
}

export function printToPdfOf(ctx: HandlerContext): PrintToPdf {
  if (!ctx.platform.printToPdf)
    throw reasonError('INTERNAL', 'pdf_unavailable', 'Printing to PDF is not available in this program.');
  return ctx.platform.printToPdf;
}
