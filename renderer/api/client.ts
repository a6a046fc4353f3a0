// The typed API client: `api.call('groups.list', { unitCode })` resolves with the handler's
// result or throws an ApiError. Names, arguments and results are checked by the compiler
// against the handler map's *type* (the renderer never imports backend code).
import type { Progress } from '../../electron/backend/context.js';
import type { ArgsOf, ResultOf } from '../../electron/backend/define.js';
import type { Result } from '../../electron/contract/errors.js';
import type { HandlerName, Handlers } from '../../electron/backend/handlers.js';
import type { MenuEvent } from '../../electron/ipc-contract.js';
import { ApiError } from './errors.js';
import type { Transport, TransportKind } from './transport.js';

export type Args<K extends HandlerName> = ArgsOf<Handlers, K>;
export type Res<K extends HandlerName> = ResultOf<Handlers, K>;

export interface CallOptions {
  /** Aborting asks the backend to cancel; the promise still settles with what the backend says. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** A call id of your own (letters, digits, _ and -); one is made up otherwise. */
  id?: string;
}

/** Arguments may be left out for handlers whose schema accepts `{}`. */
export type CallRest<K extends HandlerName> =
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  {} extends Args<K> ? [args?: Args<K>, options?: CallOptions] : [args: Args<K>, options?: CallOptions];

export interface ProgressEvent {
  id: string;
  name: string;
  progress: Progress;
}

export interface ApiClient {
  /** Which transport is in use: 'ipc' (Electron), 'preview' (browser harness) … */
  readonly transport: TransportKind;
  call<K extends HandlerName>(name: K, ...rest: CallRest<K>): Promise<Res<K>>;
  /** Progress of every call (e.g. a global busy indicator); returns the unsubscribe function. */
  onProgress(cb: (event: ProgressEvent) => void): () => void;
  /** Electron menu commands; never fires in the browser harness. */
  onMenu(cb: (event: MenuEvent) => void): () => void;
  /** Paths the backend can read for files dropped on the page (null: none); see Transport. */
  pathsForFiles(files: File[]): Promise<(string | null)[]>;
  /** Swaps the transport (component tests pass a fake). */
  useTransport(transport: Transport): void;
}

let seq = 0;
const runPrefix = `r${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
export const nextCallId = (): string => `${runPrefix}-${++seq}`;

export function createApiClient(initial: Transport): ApiClient {
  let transport = initial;
  const progressListeners = new Set<(e: ProgressEvent) => void>();

  async function call(name: string, args?: unknown, options: CallOptions = {}): Promise<unknown> {
    const id = options.id ?? nextCallId();
    const { signal } = options;
    if (signal?.aborted) throw new ApiError('CANCELLED', 'Cancelled');
    const onProgress = (progress: Progress) => {
      options.onProgress?.(progress);
      for (const l of progressListeners) l({ id, name, progress });
    };
    const onAbort = () => void transport.cancel(id).catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    let result: Result<unknown>;
    try {
      result = await transport.call({ id, name, args: args ?? {}, onProgress });
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError('TRANSPORT', err instanceof Error ? err.message : String(err));
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
      throw new ApiError('TRANSPORT', `Malformed reply to ${name}`);
    }
    if (!result.ok) throw ApiError.fromData(result.error);
    return result.value;
  }

  return {
    get transport() {
      return transport.kind;
    },
    call: call as ApiClient['call'],
    onProgress(cb) {
      progressListeners.add(cb);
      return () => void progressListeners.delete(cb);
    },
    onMenu(cb) {
      return transport.onMenu(cb);
    },
    async pathsForFiles(files) {
      if (!transport.pathsForFiles) return files.map(() => null);
      const paths = await transport.pathsForFiles(files);
      return files.map((_f, i) => (typeof paths[i] === 'string' ? paths[i] : null));
    },
    useTransport(next) {
      transport = next;
    },
  };
}
