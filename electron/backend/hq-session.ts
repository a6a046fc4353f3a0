// The HQ store the app holds (SPEC §8), beside the register slot of the session. The app keeps
// at most one HQ store open; which one is remembered in <dataDir>/hq-state.json (its own file,
// so the register's app state is never rewritten by HQ mode) and reopened on first use.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HqDb } from '../../db/hq/connection.js';
import { reasonError } from '../contract/errors.js';
import { openHqStore } from '../services/hq/store.js';
import { readRegularText } from '../services/file-input/regular-file.js';

interface HqState {
  lastHq?: string;
}

const stateFile = (dataDir: string) => path.join(dataDir, 'hq-state.json');

export function readHqState(dataDir: string): HqState {
  try {
    const parsed = JSON.parse(
      readRegularText(stateFile(dataDir), { maxBytes: 64 * 1024, what: 'HQ state file' }),
    ) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as HqState) : {};
  } catch {
    return {};
  }
}

/** Written to a temp file and renamed, so a crash never leaves half a JSON file. */
export function writeHqState(dataDir: string, state: HqState): void {
  mkdirSync(dataDir, { recursive: true });
  const tmp = stateFile(dataDir) + '.tmp';
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, stateFile(dataDir));
}

export class HqSlot {
  private current: HqDb | undefined;
  private restored = false;

  constructor(readonly dataDir: string) {}

  /** Where the app keeps its HQ store. */
  defaultFile(): string {
    return path.join(this.dataDir, 'hq.sqlite');
  }

  /** The open HQ store, reopening the remembered one the first time it is asked for. */
  peek(): HqDb | undefined {
    if (!this.current && !this.restored) {
      this.restored = true;
      const { lastHq } = readHqState(this.dataDir);
      if (lastHq && existsSync(lastHq)) {
        try {
          this.current = openHqStore(lastHq);
        } catch {
          // A remembered file that is no longer an HQ store: HQ mode starts closed.
        }
      }
    }
    return this.current;
  }

  db(): HqDb {
    const db = this.peek();
    if (!db) throw reasonError('NO_REGISTER', 'hq_not_open', 'No HQ database is open. Create or open one first.');
    return db;
  }

  /** Opens an HQ store (a district register is refused) and remembers it. */
  open(file: string): HqDb {
    const next = openHqStore(file);
    const prev = this.current;
    this.current = next;
    this.restored = true;
    if (prev && prev.file !== next.file) void prev.close();
    writeHqState(this.dataDir, { lastHq: file });
    return next;
  }

  async close(opts: { forget?: boolean } = {}): Promise<void> {
    const c = this.current;
    this.current = undefined;
    if (opts.forget) {
      this.restored = true;
      writeHqState(this.dataDir, {});
    }
    if (c) await c.close();
  }
}
