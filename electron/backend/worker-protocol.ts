// Messages between a transport's thread (the host: Electron main, the preview server, the CLI)
// and the backend worker that runs the handler map and owns the SQLite connection. Types only.
import type { AppErrorData, Result } from '../contract/errors.js';
import type { Progress } from '../contract/progress.js';
import type { ScryptCost } from '../services/bundle/minisign.js';

/** How the worker starts (its `workerData`). Plain data: it is copied to the worker. */
export interface BackendOptions {
  /** Folder for registers, outbox, uploads (Electron userData; a temp folder in tests). */
  dataDir: string;
  /** Who acts, for the audit log, when the register holds no clerk's name (`cli:<user>`). */
  operator: string;
  /** A name given for this run (`samooh --operator`): it wins over the clerk's stored name. */
  operatorGiven?: string | null;
  /** Reopen the register used last time (app, preview), or open one file (CLI `--db`). */
  open: { kind: 'last' } | { kind: 'file'; file: string; mustExist: boolean } | { kind: 'none' };
  /** How the district key is sealed: the host's OS encryption, a passphrase the host asks for, or not at all. */
  keyProtection: { kind: 'os' } | { kind: 'passphrase'; cost?: ScryptCost } | { kind: 'none' };
  /** Whether the host can print HTML to PDF. */
  printToPdf: boolean;
  /** Report statements slower than this many ms to the host's log; null: do not measure. */
  slowQueryMs: number | null;
}

/** Things only the host can do, asked for by the worker. */
export type RpcMethod =
  | 'dialogs.openFile'
  | 'dialogs.openFiles'
  | 'dialogs.openFolder'
  | 'dialogs.saveFile'
  | 'dialogs.openPath'
  | 'os.isEncryptionAvailable'
  | 'os.encryptString'
  | 'os.decryptString'
  | 'passphrase'
  | 'printToPdf';

export type ToWorker =
  | { type: 'call'; id: string; name: string; args: unknown; cancelFlag: Int32Array }
  | { type: 'cancel'; id: string }
  | { type: 'reply'; rpcId: number; result: Result<unknown> }
  | { type: 'close' };

export type FromWorker =
  | { type: 'progress'; id: string; progress: Progress }
  | { type: 'result'; id: string; result: Result<unknown> }
  /** `callId` routes dialog questions to the call (and so the window or page) that asked. */
  | { type: 'rpc'; rpcId: number; callId: string | null; method: RpcMethod; params: unknown[] }
  | { type: 'log'; message: string }
  | { type: 'closed' };

export type { AppErrorData };
