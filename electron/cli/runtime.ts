// Shared plumbing for CLI commands: output (human text or one JSON document), exit codes,
// opening the register, and calling the same handler map the app uses.
//
// Exit codes (SPEC §9): 0 success; 1 the answer is "no" (not compliant, bundle invalid, audit
// broken); 2 bad usage or bad input, with a clear message on stderr.
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { HandlerContext, Progress } from '../backend/context.js';
import type { AppErrorData } from '../backend/errors.js';

export class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
    readonly json?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

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

export function cliOperator(): string {
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

/**
 * Runs one handler of the shared map with a CLI context on the register at --db. Loaded
 * lazily so `samooh --version` does not pay for every service.
 */
export async function callWithDb<T>(
  file: string,
  name: string,
  args: unknown,
  extra: Partial<Pick<HandlerContext, 'progress'>> = {},
): Promise<T> {
  const [{ FileSession }, { handlers }, { dispatch }] = await Promise.all([
    import('../backend/session.js'),
    import('../backend/handlers.js'),
    import('../backend/dispatch.js'),
  ]);
  // Slow statements are reported only when asked for: a CLI's stderr is for errors.
  const session = new FileSession(path.dirname(file), process.env.SAMOOH_LOG_SLOW_QUERIES ? undefined : () => {});
  try {
    session.open(file);
    const ctx = cliContext(session, extra);
    const r = await dispatch(handlers, name, args, ctx);
    if (!r.ok) failFromError(r.error);
    return r.value as T;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const { toAppError } = await import('../backend/dispatch.js');
    failFromError(toAppError(err).toData());
  } finally {
    await session.close();
  }
}

export function cliContext(
  session: HandlerContext['session'],
  extra: Partial<Pick<HandlerContext, 'progress'>> = {},
): HandlerContext {
  const refuse = async (): Promise<never> => {
    throw new CliError(2, 'this command cannot open dialogs; pass file paths as arguments');
  };
  return {
    session,
    operator: cliOperator(),
    dialogs: { openFile: refuse, openFolder: refuse, saveFile: refuse, openPath: refuse },
    progress: extra.progress ?? stderrProgress(),
    signal: new AbortController().signal,
    now: () => new Date(),
  };
}
