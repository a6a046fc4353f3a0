// The transport side of the backend worker (worker.ts): Electron's main process, the preview
// server and the CLI run every call through a BackendHost, which starts the worker, passes calls
// and cancels to it, forwards its progress, and answers what only this thread can do (native
// dialogs, safeStorage, printing, asking for a passphrase). If the worker dies, its calls fail
// with a clear error and the next call starts a fresh one, which reopens the register.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Result, reasonError, internalError } from '../contract/errors.js';
import { callRequestSchema } from '../contract/envelope.js';
import type { OsEncryption } from '../services/bundle/keys.js';
import type { ScryptCost } from '../services/bundle/minisign.js';
import type { PrintToPdf } from '../services/bundle/report-pdf.js';
import { MALFORMED_CALL, type CallHooks, type CallTarget } from './call-runner.js';
import { newCancelFlag, raiseCancelFlag } from './cancel.js';
import { toAppError } from './dispatch.js';
import type { BackendOptions, FromWorker, RpcMethod, ToWorker } from './worker-protocol.js';

/** What this program can do for the backend. */
export interface HostPlatform {
  /** OS encryption for the district key: Electron's safeStorage, or the preview's stand-in. */
  os?: OsEncryption;
  /** Asked when the key is opened with a passphrase (the CLI: terminal, env or file). */
  passphrase?: () => Promise<string>;
  passphraseCost?: ScryptCost;
  printToPdf?: PrintToPdf;
}

export interface BackendHostOptions {
  /** The built worker (dist/node/backend-worker.js). */
  workerFile: string;
  dataDir: string;
  operator: string;
  /** `samooh --operator NAME`: wins over the clerk's name stored in the register. */
  operatorGiven?: string | null;
  open: BackendOptions['open'];
  platform: HostPlatform;
  /** Report statements slower than this many ms to `log`; null: do not measure. */
  slowQueryMs?: number | null;
  log?: (message: string) => void;
}

interface Running {
  hooks: CallHooks;
  flag: Int32Array;
  resolve: (r: Result<unknown>) => void;
}

/**
 * The built worker beside a built entry (dist/node/*.js) or one of its chunks
 * (dist/node/chunks/*.js): bundling decides where the calling code lands.
 */
export function builtWorkerFile(moduleUrl: string): string {
  const here = path.dirname(fileURLToPath(moduleUrl));
  const candidates = [path.join(here, 'backend-worker.js'), path.join(here, '..', 'backend-worker.js')];
  const found = candidates.find((f) => existsSync(f));
  if (!found)
    // A packaging fault found at start-up, before any clerk's action: it names the files for the log.
    throw internalError(`The backend worker is not built (looked for ${candidates.join(' and ')}).`);
  return found;
}

export class BackendHost implements CallTarget {
  private worker: Worker | null = null;
  private readonly calls = new Map<string, Running>();
  private closing: Promise<void> | null = null;
  private readonly log: (message: string) => void;

  constructor(private readonly opts: BackendHostOptions) {
    this.log = opts.log ?? (() => {});
  }

  private backendOptions(): BackendOptions {
    const p = this.opts.platform;
    return {
      dataDir: this.opts.dataDir,
      operator: this.opts.operator,
      operatorGiven: this.opts.operatorGiven ?? null,
      open: this.opts.open,
      keyProtection: p.os
        ? { kind: 'os' }
        : p.passphrase
          ? { kind: 'passphrase', ...(p.passphraseCost ? { cost: p.passphraseCost } : {}) }
          : { kind: 'none' },
      printToPdf: Boolean(p.printToPdf),
      slowQueryMs: this.opts.slowQueryMs === undefined ? 40 : this.opts.slowQueryMs,
    };
  }

  /** Starts the worker now (it also starts on the first call). */
  start(): void {
    this.ensureWorker();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.opts.workerFile, {
      workerData: { samoohBackend: this.backendOptions() },
      name: 'samooh-backend',
    });
    worker.on('message', (m: FromWorker) => this.onMessage(worker, m));
    worker.on('error', (err) => this.onDeath(worker, `the backend failed: ${err.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.onDeath(worker, `the backend stopped (exit code ${code})`);
    });
    this.worker = worker;
    return worker;
  }

  private onDeath(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.closing) return;
    this.log(reason);
    const failed: Result<never> = {
      ok: false,
      error: { code: 'INTERNAL', message: `The operation stopped: ${reason}. Nothing was half-written; try again.` },
    };
    for (const [id, call] of this.calls) {
      this.calls.delete(id);
      call.resolve(failed);
    }
  }

  private send(m: ToWorker): void {
    this.ensureWorker().postMessage(m);
  }

  private onMessage(worker: Worker, m: FromWorker): void {
    switch (m.type) {
      case 'progress':
        this.calls.get(m.id)?.hooks.progress(m.progress);
        return;
      case 'result': {
        const call = this.calls.get(m.id);
        this.calls.delete(m.id);
        call?.resolve(m.result);
        return;
      }
      case 'rpc':
        void this.answer(m.callId, m.method, m.params).then((result) => {
          if (this.worker === worker) worker.postMessage({ type: 'reply', rpcId: m.rpcId, result } satisfies ToWorker);
        });
        return;
      case 'log':
        this.log(m.message);
        return;
      case 'closed':
        return;
    }
  }

  private async answer(callId: string | null, method: RpcMethod, params: unknown[]): Promise<Result<unknown>> {
    try {
      return { ok: true, value: await this.perform(callId, method, params) };
    } catch (err) {
      return { ok: false, error: toAppError(err).toData() };
    }
  }

  private async perform(callId: string | null, method: RpcMethod, params: unknown[]): Promise<unknown> {
    const p = this.opts.platform;
    if (method.startsWith('dialogs.')) {
      const call = callId === null ? undefined : this.calls.get(callId);
      if (!call) throw reasonError('CANCELLED', 'cancelled', 'The call that asked for this dialog has ended.');
      const d = call.hooks.dialogs;
      switch (method) {
        case 'dialogs.openFile':
          return d.openFile(params[0] as Parameters<typeof d.openFile>[0]);
        case 'dialogs.openFiles':
          return d.openFiles(params[0] as Parameters<typeof d.openFiles>[0]);
        case 'dialogs.openFolder':
          return d.openFolder(params[0] as Parameters<typeof d.openFolder>[0]);
        case 'dialogs.saveFile':
          return d.saveFile(params[0] as Parameters<typeof d.saveFile>[0]);
        case 'dialogs.openPath':
          return d.openPath(String(params[0]));
      }
    }
    switch (method) {
      case 'os.isEncryptionAvailable':
        return p.os ? await p.os.isEncryptionAvailable() : false;
      case 'os.encryptString':
        if (!p.os) throw reasonError('KEY_LOCKED', 'key_os_unavailable', 'This program has no OS encryption.');
        return new Uint8Array(await p.os.encryptString(String(params[0])));
      case 'os.decryptString':
        if (!p.os) throw reasonError('KEY_LOCKED', 'key_os_unavailable', 'This program has no OS encryption.');
        return p.os.decryptString(Buffer.from(params[0] as Uint8Array));
      case 'passphrase':
        if (!p.passphrase)
          throw reasonError('KEY_LOCKED', 'key_unlock_unavailable', 'This program cannot ask for a passphrase.');
        return p.passphrase();
      case 'printToPdf':
        if (!p.printToPdf)
          throw reasonError('INTERNAL', 'pdf_unavailable', 'Printing to PDF is not available in this program.');
        return new Uint8Array(await p.printToPdf(String(params[0])));
    }
    // The worker and this host are built together; an unknown method is a build mismatch.
    throw internalError(`unknown backend request ${method}`);
  }

  run(rawRequest: unknown, hooks: CallHooks): Promise<Result<unknown>> {
    const parsed = callRequestSchema.safeParse(rawRequest);
    if (!parsed.success) return Promise.resolve(MALFORMED_CALL);
    const { id, name, args } = parsed.data;
    if (this.closing) {
      return Promise.resolve({ ok: false, error: { code: 'CANCELLED', message: 'Samooh is closing.' } });
    }
    if (this.calls.has(id)) {
      return Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: `Call id ${id} is already running` } });
    }
    const flag = newCancelFlag();
    return new Promise((resolve) => {
      this.calls.set(id, { hooks, flag, resolve });
      try {
        this.send({ type: 'call', id, name, args, cancelFlag: flag });
      } catch (err) {
        // Arguments that cannot be copied to the worker (a function, a symbol) are bad input.
        this.calls.delete(id);
        resolve({
          ok: false,
          error: { code: 'BAD_INPUT', message: `Arguments cannot be sent: ${(err as Error).message}` },
        });
      }
    });
  }

  cancel(id: unknown): boolean {
    if (typeof id !== 'string') return false;
    const call = this.calls.get(id);
    if (!call) return false;
    raiseCancelFlag(call.flag);
    this.worker?.postMessage({ type: 'cancel', id } satisfies ToWorker);
    return true;
  }

  cancelAll(): void {
    for (const id of this.calls.keys()) this.cancel(id);
  }

  get runningCount(): number {
    return this.calls.size;
  }

  /** Cancels running calls, lets the worker close the register (WAL checkpoint), then ends it. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    const worker = this.worker;
    this.cancelAll();
    this.closing = new Promise<void>((resolve) => {
      if (!worker) return resolve();
      worker.once('exit', () => resolve());
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'closed') void worker.terminate();
      });
      worker.postMessage({ type: 'close' } satisfies ToWorker);
    }).then(() => {
      this.worker = null;
      for (const [id, call] of this.calls) {
        this.calls.delete(id);
        call.resolve({ ok: false, error: { code: 'CANCELLED', message: 'Samooh is closing.' } });
      }
    });
    return this.closing;
  }
}
