// `import { api, ApiError } from '../api/index.js'` — the one API client of the page. The
// transport is chosen once, at start: the preload's `window.samooh` in Electron, else the
// browser harness's bridge when the page was opened with the harness's `#token=…` link.
// Services never know which (STYLE habit 1). See README.md in this folder.
import type { SamoohBridge } from '../../electron/ipc-contract.js';
import { createBridgeTransport } from './bridge-transport.js';
import { createApiClient, type ApiClient } from './client.js';
import { createPreviewDialogUi } from './preview-dialogs.js';
import { createIpcTransport, createUnavailableTransport, type Transport } from './transport.js';

export { ApiError, isApiError, type ApiErrorCode } from './errors.js';
export {
  createApiClient,
  type ApiClient,
  type Args,
  type Res,
  type CallOptions,
  type ProgressEvent,
} from './client.js';
export type { Transport, TransportCall, TransportKind } from './transport.js';
export type { MenuEvent } from '../../electron/ipc-contract.js';
export type { Progress } from '../../electron/backend/context.js';

declare global {
  interface Window {
    samooh?: SamoohBridge;
    /** The client, reachable by Playwright in preview mode only (never set in Electron). */
    samoohPreviewApi?: ApiClient;
  }
}

const TOKEN_KEY = 'samooh.previewToken';
const TOKEN_FRAGMENT = /^#token=([A-Za-z0-9_-]{16,128})$/;

/**
 * The harness token: from the `#token=…` fragment of the link the harness printed (then
 * removed from the address bar, so the hash router starts at `/` and the token is not left in
 * history), or from this tab's sessionStorage after a reload.
 */
export function takePreviewToken(win: Pick<Window, 'location' | 'history' | 'sessionStorage'>): string | null {
  let storage: Storage | undefined;
  try {
    storage = win.sessionStorage;
  } catch {
    storage = undefined; // storage disabled: the token then lives only in this page
  }
  const m = TOKEN_FRAGMENT.exec(win.location.hash);
  if (m) {
    const token = m[1]!;
    try {
      storage?.setItem(TOKEN_KEY, token);
    } catch {
      /* quota or privacy mode */
    }
    win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
    return token;
  }
  try {
    return storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

export function chooseTransport(win: Window | undefined): Transport {
  if (!win) return createUnavailableTransport();
  if (win.samooh) return createIpcTransport(win.samooh);
  const token = takePreviewToken(win);
  if (token) return createBridgeTransport({ token, ui: createPreviewDialogUi(win.document) });
  return createUnavailableTransport();
}

export const api: ApiClient = createApiClient(chooseTransport(typeof window === 'undefined' ? undefined : window));

if (api.transport === 'preview') window.samoohPreviewApi = api;
