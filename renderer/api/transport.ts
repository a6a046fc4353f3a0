// How a call reaches the handler map. The client (client.ts) is the same everywhere; only the
// transport differs: Electron IPC through the preload's `window.samooh`, the browser harness's
// HTTP bridge (bridge-transport.ts), or a fake in component tests.
import type { Progress } from '../../electron/backend/context.js';
import type { Result } from '../../electron/contract/errors.js';
import type { MenuEvent, SamoohBridge } from '../../electron/ipc-contract.js';
import { ApiError } from './errors.js';

export type TransportKind = 'ipc' | 'preview' | 'unavailable' | 'test';

export interface TransportCall {
  id: string;
  name: string;
  args: unknown;
  onProgress: (progress: Progress) => void;
}

export interface Transport {
  readonly kind: TransportKind;
  /** Resolves with the backend's result as data; rejects only when no answer came at all. */
  call(call: TransportCall): Promise<Result<unknown>>;
  /** Asks the backend to abort a running call (its AbortSignal fires). */
  cancel(id: string): Promise<void>;
  /** Menu commands from the Electron menu; the browser harness has no menu. */
  onMenu(cb: (event: MenuEvent) => void): () => void;
  /**
   * Paths the backend can read for files dropped on the page, in order; null for one that has
   * none. Electron asks the preload (webUtils); the harness uploads the bytes into its data
   * folder. Absent (test fakes, no connection): nothing dropped can be read.
   */
  pathsForFiles?(files: File[]): Promise<(string | null)[]>;
}

/** Electron: everything goes through the preload's fixed method set. */
export function createIpcTransport(bridge: SamoohBridge): Transport {
  const listeners = new Map<string, (p: Progress) => void>();
  let unsubscribe: (() => void) | undefined;
  const ensureSubscribed = () => {
    unsubscribe ??= bridge.onProgress(({ id, progress }) => listeners.get(id)?.(progress));
  };
  return {
    kind: 'ipc',
    async call({ id, name, args, onProgress }) {
      ensureSubscribed();
      listeners.set(id, onProgress);
      try {
        return await bridge.call(name, args, id);
      } finally {
        listeners.delete(id);
      }
    },
    async cancel(id) {
      await bridge.cancel(id);
    },
    onMenu(cb) {
      return bridge.onMenu(cb);
    },
    async pathsForFiles(files) {
      return bridge.pathsForFiles(files);
    },
  };
}

/** Neither Electron nor a preview token: every call fails with a message saying what to do. */
export function createUnavailableTransport(): Transport {
  return {
    kind: 'unavailable',
    call() {
      return Promise.reject(
        new ApiError(
          'TRANSPORT',
          'Not connected to Samooh. Start the desktop app, or open the address printed by `npm run preview` (it carries the access token).',
        ),
      );
    },
    async cancel() {},
    onMenu() {
      return () => {};
    },
  };
}
