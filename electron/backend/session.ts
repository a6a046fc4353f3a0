// The register a backend works on. The app keeps one open register at a time (its path is
// remembered in <dataDir>/app-state.json); the CLI opens the file named by --db.
import { existsSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { readRegularText } from '../services/file-input/regular-file.js';
import path from 'node:path';
import { openRegister, type RegisterDb, type SlowQueryLog } from '../../db/connection.js';
import { reasonError } from '../contract/errors.js';
import { reconcileOnOpen } from '../services/privacy/erase.js';
import { reconcileBundleStore } from '../services/bundle/store.js';
import type { Session } from './context.js';
import { HqSlot } from './hq-session.js';

export interface FileSessionOptions {
  /** Where statements slower than `slowQueryMs` are reported (Signal's habit); none: not measured. */
  slowQueryLog?: (line: string) => void;
  slowQueryMs?: number;
}

export class FileSession implements Session {
  private current: RegisterDb | undefined;
  private readonly slowQuery: SlowQueryLog | undefined;
  private readonly log: ((line: string) => void) | undefined;
  readonly hq: HqSlot;

  constructor(
    readonly dataDir: string,
    opts: FileSessionOptions = {},
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.hq = new HqSlot(dataDir);
    const log = opts.slowQueryLog;
    this.log = log;
    this.slowQuery = log
      ? {
          ms: opts.slowQueryMs ?? 40,
          listener: (sql, ms) => log(`samooh: slow query (${Math.round(ms)} ms): ${sql.slice(0, 300)}`),
        }
      : undefined;
  }

  db(): RegisterDb {
    if (!this.current)
      throw reasonError(
        'NO_REGISTER',
        'no_register_open',
        'No register is open. Create one or open the demo district first.',
      );
    return this.current;
  }

  hasDb(): boolean {
    return this.current !== undefined;
  }

  open(file: string, opts: { mustExist?: boolean } = {}): RegisterDb {
    const next = openRegister(file, { ...opts, ...(this.slowQuery ? { slowQuery: this.slowQuery } : {}) });
    // A register restored from an older copy gets the erasures made since (issue #10).
    const ledger = reconcileOnOpen(next);
    if (ledger.problem) this.log?.(`samooh: erasure ledger not applied: ${ledger.problem}`);
    try {
      // What a crash left in the bundle store is settled on every start (SPEC §10).
      reconcileBundleStore(next);
    } catch (err) {
      this.log?.(`could not settle the bundle store: ${(err as Error).message}`);
    }
    const prev = this.current;
    this.current = next;
    if (prev && prev.file !== next.file) void prev.close();
    return next;
  }

  async close(): Promise<void> {
    const c = this.current;
    this.current = undefined;
    if (c) await c.close();
  }
}

interface AppState {
  lastRegister?: string;
  /** Registers opened, most recent first (at most RECENT_LIMIT), for File → recent registers. */
  recent?: string[];
}

export const RECENT_LIMIT = 8;

const stateFile = (dataDir: string) => path.join(dataDir, 'app-state.json');

export function readAppState(dataDir: string): AppState {
  try {
    const parsed = JSON.parse(
      readRegularText(stateFile(dataDir), { maxBytes: 64 * 1024, what: 'app state file' }),
    ) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as AppState) : {};
  } catch {
    return {};
  }
}

/** Written to a temp file and renamed, so a crash never leaves half a JSON file. */
export function writeAppState(dataDir: string, state: AppState): void {
  mkdirSync(dataDir, { recursive: true });
  const tmp = stateFile(dataDir) + '.tmp';
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, stateFile(dataDir));
}

/** Reopens the register the app had open last time, if it still exists. */
export function restoreSession(session: FileSession): void {
  const { lastRegister } = readAppState(session.dataDir);
  if (lastRegister && existsSync(lastRegister)) session.open(lastRegister);
}

/** Records `file` as the open register and puts it first in the recent list (issue #11). */
export function rememberRegister(dataDir: string, file: string): void {
  const state = readAppState(dataDir);
  const before = Array.isArray(state.recent) ? state.recent.filter((f) => typeof f === 'string') : [];
  const recent = [file, ...before.filter((f) => f !== file)].slice(0, RECENT_LIMIT);
  writeAppState(dataDir, { ...state, lastRegister: file, recent });
}

/** Forgets which register to reopen (closing), keeping the recent list. */
export function forgetLastRegister(dataDir: string): void {
  const { recent } = readAppState(dataDir);
  writeAppState(dataDir, Array.isArray(recent) ? { recent } : {});
}
