// The backend worker: owns the register's SQLite connection and runs the handler map, off the
// thread that draws the window (Electron's main process) or serves the page (the preview), so a
// state-size import never freezes either (STYLE habit 12; Signal's ts/sql/mainWorker.ts).
//
// Whatever only the host can do — native dialogs, Electron's safeStorage, printing a PDF, asking
// for a passphrase — the worker asks for with an `rpc` message. Cancellation reaches even a
// synchronous transaction through the call's shared flag (cancel.ts).
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { type Result, errorFromData } from '../contract/errors.js';
import { osProtector, passphraseProtector, type KeyProtector } from '../services/bundle/keys.js';
import { CallRunner, throttleProgress } from './call-runner.js';
import type { Dialogs, Platform } from './context.js';
import { toAppError } from './dispatch.js';
import { handlers } from './handlers.js';
import { FileSession, restoreSession } from './session.js';
import type { BackendOptions, FromWorker, RpcMethod, ToWorker } from './worker-protocol.js';

/** The side of a MessagePort the worker needs (a real port, or a MessageChannel end in tests). */
export type Port = Pick<MessagePort, 'postMessage' | 'on' | 'close'>;

export function serveBackend(port: Port, options: BackendOptions): void {
  const post = (m: FromWorker) => port.postMessage(m);
  const log = (message: string) => post({ type: 'log', message });

  let nextRpc = 1;
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  const rpc = (callId: string | null, method: RpcMethod, params: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const rpcId = nextRpc++;
      waiting.set(rpcId, (r) => {
        if (r.ok) resolve(r.value);
        else reject(errorFromData(r.error));
      });
      post({ type: 'rpc', rpcId, callId, method, params });
    });

  let keyProtector: KeyProtector | undefined;
  if (options.keyProtection.kind === 'os') {
    keyProtector = osProtector({
      isEncryptionAvailable: () => rpc(null, 'os.isEncryptionAvailable', []) as Promise<boolean>,
      encryptString: async (text) => Buffer.from((await rpc(null, 'os.encryptString', [text])) as Uint8Array),
      decryptString: (bytes) => rpc(null, 'os.decryptString', [new Uint8Array(bytes)]) as Promise<string>,
    });
  } else if (options.keyProtection.kind === 'passphrase') {
    keyProtector = passphraseProtector({
      passphrase: () => rpc(null, 'passphrase', []) as Promise<string>,
      ...(options.keyProtection.cost ? { cost: options.keyProtection.cost } : {}),
    });
  }
  const platform: Platform = {
    ...(keyProtector ? { keyProtector } : {}),
    ...(options.printToPdf
      ? { printToPdf: async (html: string) => Buffer.from((await rpc(null, 'printToPdf', [html])) as Uint8Array) }
      : {}),
  };

  const session = new FileSession(
    options.dataDir,
    options.slowQueryMs === null ? {} : { slowQueryLog: log, slowQueryMs: options.slowQueryMs },
  );
  try {
    if (options.open.kind === 'last') restoreSession(session);
    else if (options.open.kind === 'file') session.open(options.open.file, { mustExist: options.open.mustExist });
  } catch (err) {
    // A damaged or too-new register must not stop the backend: app.status reports no register,
    // and the first-run screen lets the clerk open or create another. The CLI sees the error on
    // its first call instead (NO_REGISTER), with this message logged.
    log(`could not open the register: ${(err as Error).message}`);
  }

  const runner = new CallRunner({
    handlers,
    session,
    operator: options.operator,
    operatorGiven: options.operatorGiven ?? null,
    platform,
  });

  const dialogsFor = (callId: string): Dialogs => ({
    openFile: (o) => rpc(callId, 'dialogs.openFile', [o]) as Promise<string | null>,
    openFiles: (o) => rpc(callId, 'dialogs.openFiles', [o]) as Promise<string[] | null>,
    openFolder: (o) => rpc(callId, 'dialogs.openFolder', [o]) as Promise<string | null>,
    saveFile: (o) => rpc(callId, 'dialogs.saveFile', [o]) as Promise<string | null>,
    openPath: async (f) => {
      await rpc(callId, 'dialogs.openPath', [f]);
    },
  });

  async function runCall(m: Extract<ToWorker, { type: 'call' }>): Promise<void> {
    const throttled = throttleProgress((progress) => post({ type: 'progress', id: m.id, progress }));
    let result: Result<unknown>;
    try {
      result = await runner.run(
        { id: m.id, name: m.name, args: m.args },
        { progress: throttled.progress, dialogs: dialogsFor(m.id), cancelFlag: m.cancelFlag },
      );
    } catch (err) {
      result = { ok: false, error: toAppError(err).toData() };
    }
    throttled.flush();
    try {
      post({ type: 'result', id: m.id, result });
    } catch (err) {
      // A value structured clone cannot copy (a function, a class instance) is a bug: say so.
      post({
        type: 'result',
        id: m.id,
        result: {
          ok: false,
          error: { code: 'INTERNAL', message: `Result could not be sent: ${(err as Error).message}` },
        },
      });
    }
  }

  port.on('message', (m: ToWorker) => {
    switch (m.type) {
      case 'call':
        void runCall(m);
        return;
      case 'cancel':
        runner.cancel(m.id);
        return;
      case 'reply': {
        const settle = waiting.get(m.rpcId);
        waiting.delete(m.rpcId);
        settle?.(m.result);
        return;
      }
      case 'close':
        runner.cancelAll();
        void session
          .close()
          .catch((err: unknown) => log(`closing the register failed: ${(err as Error).message}`))
          .finally(() => {
            post({ type: 'closed' });
            port.close();
          });
        return;
    }
  });
}

if (!isMainThread && parentPort && (workerData as { samoohBackend?: BackendOptions } | undefined)?.samoohBackend) {
  serveBackend(parentPort, (workerData as { samoohBackend: BackendOptions }).samoohBackend);
}
