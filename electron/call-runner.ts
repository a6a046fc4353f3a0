// Runs calls of the handler map for a transport (Electron IPC, the browser harness): checks the
// envelope, builds the per-call context (progress, cancellation, dialogs), keeps the abort
// controllers by call id, and turns every failure into data. Both transports share this so a
// service behaves the same whichever one called it (STYLE habit 1).
import { z } from 'zod';
import type { Dialogs, HandlerContext, Progress, Session } from './backend/context.js';
import type { HandlerMapShape } from './backend/define.js';
import type { Result } from './backend/errors.js';
import { dispatch as realDispatch } from './backend/dispatch.js';
import { CALL_ID_PATTERN } from './ipc-contract.js';

export const callRequestSchema = z.object({
  id: z.string().regex(CALL_ID_PATTERN, 'call id: 1–64 letters, digits, _ or -'),
  name: z.string().min(1).max(100),
  args: z.unknown(),
});

export interface CallRunnerDeps {
  handlers: HandlerMapShape;
  session: Session;
  /** Who acts, for the audit log. */
  operator: string;
  now?: () => Date;
  dispatch?: typeof realDispatch;
}

/** What the transport supplies for one call. */
export interface CallHooks {
  progress: (p: Progress) => void;
  dialogs: Dialogs;
}

export class CallRunner {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: CallRunnerDeps) {}

  /** Runs one call; resolves with `{ ok, value }` or `{ ok: false, error }`, never rejects. */
  async run(rawRequest: unknown, hooks: CallHooks): Promise<Result<unknown>> {
    const parsed = callRequestSchema.safeParse(rawRequest);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'BAD_INPUT', message: 'Malformed call: expected { id, name, args }' },
      };
    }
    const { id, name, args } = parsed.data;
    if (this.running.has(id)) {
      return { ok: false, error: { code: 'BAD_INPUT', message: `Call id ${id} is already running` } };
    }
    const abort = new AbortController();
    this.running.set(id, abort);
    const ctx: HandlerContext = {
      session: this.deps.session,
      operator: this.deps.operator,
      dialogs: hooks.dialogs,
      progress: hooks.progress,
      signal: abort.signal,
      now: this.deps.now ?? (() => new Date()),
    };
    try {
      return await (this.deps.dispatch ?? realDispatch)(this.deps.handlers, name, args, ctx);
    } finally {
      this.running.delete(id);
    }
  }

  /** Aborts the call with this id. False when no such call is running (already finished). */
  cancel(id: unknown): boolean {
    if (typeof id !== 'string') return false;
    const abort = this.running.get(id);
    if (!abort) return false;
    abort.abort(new DOMException('Cancelled', 'AbortError'));
    return true;
  }

  /** Aborts everything, e.g. when the window closes or the harness stops. */
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
