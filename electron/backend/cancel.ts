// Cancelling work that runs in the backend worker, even inside a synchronous SQLite transaction.
//
// A message to the worker is read only when its event loop is free, and a state-size import
// writes for seconds in one synchronous transaction. So each call carries a 4-byte shared flag:
// the host sets it with Atomics the moment the clerk presses Cancel, and reading
// `signal.aborted` in the worker looks at the flag first. Services keep the standard idiom —
// check `signal.aborted` between steps, throw CANCELLED, let the transaction roll back — and need
// to know nothing of threads.

/** A new flag for one call: 0 = running, 1 = cancel asked. */
export function newCancelFlag(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

export function raiseCancelFlag(flag: Int32Array): void {
  Atomics.store(flag, 0, 1);
}

export function cancelFlagRaised(flag: Int32Array): boolean {
  return Atomics.load(flag, 0) === 1;
}

/**
 * An AbortController whose signal also fires when `flag` is raised by another thread: reading
 * `signal.aborted` checks the flag (and aborts, so 'abort' listeners run too).
 */
export function abortControllerFor(flag: Int32Array): AbortController {
  const controller = new AbortController();
  const signal = controller.signal;
  const proto = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted');
  if (!proto?.get) throw new Error('AbortSignal.prototype.aborted has no getter');
  const nativeAborted = proto.get;
  Object.defineProperty(signal, 'aborted', {
    configurable: true,
    get(this: AbortSignal): boolean {
      if (!nativeAborted.call(this) && cancelFlagRaised(flag)) {
        controller.abort(new DOMException('Cancelled', 'AbortError'));
      }
      return nativeAborted.call(this) as boolean;
    },
  });
  return controller;
}
