// What a service needs to know about who is acting and the work it is part of. Services take
// these as arguments; the backend's HandlerContext provides both (a service never knows which
// transport called it, nor that there is a handler map above it).
import type { Progress } from '../contract/progress.js';

/** Who acts and when, for the audit log and the dates a change records. */
export interface Actor {
  /** The clerk's name (or `cli:<user>`), written into the audit log. */
  readonly operator: string;
  readonly now: () => Date;
}

/** Long work: progress for the UI, and cancellation. */
export interface Work {
  readonly progress: (p: Progress) => void;
  /**
   * Fires when the caller cancels. Read `signal.aborted` between steps: in the backend worker it
   * reflects a cancel at once, even inside a synchronous transaction (electron/backend/cancel.ts).
   */
  readonly signal: AbortSignal;
}

/** `yyyy-mm-dd` of the actor's clock (UTC day; the register stores calendar days). */
export function todayOf(actor: Actor): string {
  return actor.now().toISOString().slice(0, 10);
}
