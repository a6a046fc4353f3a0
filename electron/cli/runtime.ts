// Shared plumbing for CLI commands: output (human text or one JSON document), exit codes,
// opening the register, and calling the same handler map the app uses.
//
// Exit codes (SPEC §9): 0 success; 1 the answer is "no" (not compliant, bundle invalid, audit
// broken); 2 bad usage or bad input, with a clear message on stderr.
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Dialogs } from '../backend/context.js';
import type { ArgsOf, ResultOf } from '../backend/define.js';
import type { HandlerName, Handlers } from '../backend/handlers.js';
import type { Progress } from '../contract/progress.js';
import type { AppErrorData } from '../contract/errors.js';
import { CliError } from './cli-error.js';

export { CliError };

export interface GlobalOpts {
  db?: string;
  json?: boolean;
}

/** What a command hands back: printed as text, or as one JSON document with --json. */
export interface CommandOutput {
  exitCode: 0 | 1;
  text: string;
  json: unknown;
}

export function print(opts: { json?: boolean }, out: CommandOutput): void {
  if (opts.json) process.stdout.write(JSON.stringify(out.json, null, 2) + '\n');
  else if (out.text) process.stdout.write(out.text.endsWith('\n') ? out.text : out.text + '\n');
  process.exitCode = out.exitCode;
}

export function requireDbPath(opts: GlobalOpts, { mustExist = true } = {}): string {
  if (!opts.db) throw new CliError(2, 'missing --db <file>: the register database to use');
  const file = path.resolve(opts.db);
  if (mustExist && !existsSync(file)) {
    throw new CliError(
      2,
      `no register at ${file}. Create one with: samooh init --db ${opts.db} --district CODE --name NAME`,
    );
  }
  return file;
}

/** Progress on stderr when a person is watching; silent in pipes and CI. */
export function stderrProgress(): (p: Progress) => void {
  if (!process.stderr.isTTY) return () => {};
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 100 && p.done < p.total) return;
    last = now;
    const pct = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0;
    process.stderr.write(
      `\r${p.phase}: ${p.done.toLocaleString('en-IN')}/${p.total.toLocaleString('en-IN')} (${pct}%)   `,
    );
    if (p.done >= p.total) process.stderr.write('\n');
  };
}

let givenOperator: string | null = null;

/** `samooh --operator NAME`: the clerk named for this run (else the name stored in the register). */
export function setGivenOperator(name: string | undefined): void {
  const clean = (name ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (name !== undefined && (!clean || clean.length > 80)) {
    throw new CliError(2, '--operator must be a name of 1 to 80 characters');
  }
  givenOperator = clean || null;
}

export function getGivenOperator(): string | null {
  return givenOperator;
}

/** Who the CLI acts as: the --operator name, else `cli:<user>` (the register's stored name wins over that). */
export function cliOperator(): string {
  if (givenOperator) return givenOperator;
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    /* no passwd entry in some containers */
  }
  return `cli:${user}`;
}

/** Errors from the handler map → exit codes. "No" answers are not errors; commands decide. */
export function failFromError(error: AppErrorData): never {
  const exit = error.code === 'BUNDLE_INVALID' || error.code === 'IMPORT_REJECTED' ? 1 : 2;
  throw new CliError(exit, error.message, { ok: false, error });
}

export interface CallOptions {
  /** Where progress goes (default: stderr when a person is watching). */
  progress?: (p: Progress) => void;
  /** The district key is opened with a passphrase (terminal, SAMOOH_PASSPHRASE, or this file). */
  passphraseFile?: string;
  /** Commands that unlock the key set this; others never ask for a passphrase. */
  needsKey?: boolean;
}

/**
 * Runs one call of the shared handler map on the register at --db, in the same backend worker
 * the app uses (electron/backend/worker.ts), typed from the map: a wrong name or argument does
 * not compile, and the result needs no retyping. Ctrl+C cancels the call — even in the middle of
 * an import's write, which then rolls back — and exits 130. Errors from the map become exit 1 or 2.
 */
export async function call<K extends HandlerName>(
  file: string,
  name: K,
  args: ArgsOf<Handlers, K>,
  opts: CallOptions = {},
): Promise<ResultOf<Handlers, K>> {
  const [{ BackendHost, builtWorkerFile }, { readPassphrase }, { reasonError }] = await Promise.all([
    import('../backend/host.js'),
    import('./passphrase.js'),
    import('../contract/errors.js'),
  ]);
  const host = new BackendHost({
    workerFile: builtWorkerFile(import.meta.url),
    dataDir: path.dirname(file),
    operator: cliOperator(),
    operatorGiven: givenOperator,
    open: { kind: 'file', file, mustExist: true },
    platform: opts.needsKey
      ? {
          passphrase: () =>
            readPassphrase({ passphraseFile: opts.passphraseFile }).catch((err: Error) => {
              throw reasonError('KEY_LOCKED', 'passphrase_unreadable', err.message);
            }),
        }
      : {},
    // Slow statements are reported only when asked for: a CLI's stderr is for errors.
    slowQueryMs: process.env.SAMOOH_LOG_SLOW_QUERIES ? 40 : null,
    log: (m) => process.stderr.write(`samooh: ${m}\n`),
  });
  const id = 'cli';
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    host.cancel(id);
  };
  process.once('SIGINT', onInterrupt);
  try {
    const r = await host.run(
      { id, name, args },
      { progress: opts.progress ?? stderrProgress(), dialogs: refusingDialogs },
    );
    if (!r.ok) {
      if (interrupted && r.error.code === 'CANCELLED') throw new CliError(130, `interrupted: ${r.error.message}`);
      failFromError(r.error);
    }
    return r.value as ResultOf<Handlers, K>;
  } finally {
    process.off('SIGINT', onInterrupt);
    await host.close();
  }
}

const refuse = async (): Promise<never> => {
  throw new CliError(2, 'this command cannot open dialogs; pass file paths as arguments');
};
const refusingDialogs: Dialogs = {
  openFile: refuse,
  openFiles: refuse,
  openFolder: refuse,
  saveFile: refuse,
  openPath: refuse,
};
