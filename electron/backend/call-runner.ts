// Runs calls of the handler map (inside the backend worker, or directly in tests): checks the
// envelope, builds the per-call context (progress, cancellation, dialogs, platform), keeps the
// abort controllers by call id, and turns every failure into data. Every transport reaches the
// handlers through this, so a service behaves the same whichever one called it (STYLE habit 1).
import type { Dialogs, HandlerContext, Platform, Session } from './context.js';
import type { HandlerMapShape } from './define.js';
import type { Result } from '../contract/errors.js';
import type { Progress } from '../contract/progress.js';
import { callRequestSchema } from '../contract/envelope.js';
import { dispatch as realDispatch } from './dispatch.js';
import { abortControllerFor } from './cancel.js';
import { effectiveOperator } from '../services/privacy/operator.js';

export { callRequestSchema };

export interface CallRunnerDeps {
  handlers: HandlerMapShape;
  session: Session;
  /** Who acts, for the audit log, when the register holds no clerk's name (the OS user). */
  operator: string;
  /** A name given for this run (`samooh --operator`); else the clerk's stored name is used. */
  operatorGiven?: string | null;
  platform?: Platform;
  now?: () => Date;
  dispatch?: typeof realDispatch;
}

/** What the transport supplies for one call. */
export interface CallHooks {
  progress: (p: Progress) => void;
  dialogs: Dialogs;
  /** Shared with the thread that may cancel the call (cancel.ts); absent in-thread. */
  cancelFlag?: Int32Array;
}

/** What a transport runs calls through: the in-thread runner, or the worker's host. */
export interface CallTarget {
  /** Runs one call; resolves with `{ ok, value }` or `{ ok: false, error }`, never rejects. */
  run(rawRequest: unknown, hooks: CallHooks): Promise<Result<unknown>>;
  /** Asks the call with this id to stop. False when no such call is running. */
  cancel(id: unknown): boolean;
  cancelAll(): void;
  readonly runningCount: number;
  /** Cancels what runs and releases the register (the worker's host); absent in-thread. */
  close?(): Promise<void>;
}

export const MALFORMED_CALL: Result<never> = {
  ok: false,
  error: { code: 'BAD_INPUT', message: 'Malformed call: expected { id, name, args }' },
};

export class CallRunner implements CallTarget {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: CallRunnerDeps) {}

  async run(rawRequest: unknown, hooks: CallHooks): Promise<Result<unknown>> {
    const parsed = callRequestSchema.safeParse(rawRequest);
    if (!parsed.success) return MALFORMED_CALL;
    const { id, name, args } = parsed.data;
    if (this.running.has(id)) {
      return { ok: false, error: { code: 'BAD_INPUT', message: `Call id ${id} is already running` } };
    }
    const abort = hooks.cancelFlag ? abortControllerFor(hooks.cancelFlag) : new AbortController();
    this.running.set(id, abort);
    const ctx: HandlerContext = {
      session: this.deps.session,
      operator: this.operator(),
      dialogs: hooks.dialogs,
      progress: hooks.progress,
      signal: abort.signal,
      now: this.deps.now ?? (() => new Date()),
      platform: this.deps.platform ?? {},
    };
    try {
      return await (this.deps.dispatch ?? realDispatch)(this.deps.handlers, name, args, ctx);
    } finally {
      this.running.delete(id);
    }
  }

  /** The given name, else the clerk's name stored in the open register, else the fallback. */
  private operator(): string {
    const s = this.deps.session;
    return effectiveOperator(s.hasDb() ? s.db() : null, this.deps.operatorGiven ?? null, this.deps.operator);
  }

  cancel(id: unknown): boolean {
    if (typeof id !== 'string') return false;
    const abort = this.running.get(id);
    if (!abort) return false;
    abort.abort(new DOMException('Cancelled', 'AbortError'));
    return true;
  }

  cancelAll(): void {
    for (const abort of this.running.values()) abort.abort(new DOMException('Cancelled', 'AbortError'));
  }

  get runningCount(): number {
    return this.running.size;
  }
}

/**
 * Limits progress messages to one per `intervalMs` per call: an import of 2,60,000 rows may
 * report every row, and flooding IPC or the HTTP stream with them would itself slow the UI.
 * The first message, phase changes and the final `done >= total` pass at once; a dropped
 * message is delivered later by a trailing timer so the bar never freezes on a stale value.
 */
export function throttleProgress(
  send: (p: Progress) => void,
  intervalMs = 50,
): { progress: (p: Progress) => void; flush: () => void } {
  let lastSent = -Infinity;
  let lastPhase: string | undefined;
  let pending: Progress | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (p: Progress) => {
    lastSent = Date.now();
    lastPhase = p.phase;
    pending = undefined;
    if (timer) clearTimeout(timer);
    timer = undefined;
    send(p);
  };
  const flush = () => {
    if (pending) deliver(pending);
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const progress = (p: Progress) => {
    const now = Date.now();
    if (p.phase !== lastPhase || p.done >= p.total || now - lastSent >= intervalMs) {
      deliver(p);
      return;
    }
    pending = p;
    timer ??= setTimeout(flush, intervalMs - (now - lastSent));
  };
  return { progress, flush };
}
