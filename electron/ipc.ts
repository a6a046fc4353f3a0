// The Electron IPC transport: the whole handler map behind ONE invoke channel (`samooh:call`),
// a cancel channel, and progress sent back per call id. Every message's sender frame is
// checked to be the top frame of our own window showing an `app://samooh/` page; anything
// else gets FORBIDDEN (checklist: validate the sender of all IPC messages).
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Dialogs } from './backend/context.js';
import type { Result } from './contract/errors.js';
import { throttleProgress, type CallTarget } from './backend/call-runner.js';
import { CHANNELS, type ProgressMessage } from './ipc-contract.js';
import { isAppUrl } from './security.js';

export const FORBIDDEN_RESULT: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: "Calls are accepted only from Samooh's own window." },
};

/**
 * True only for the main frame of `expected` (our window's web contents) while it shows one of
 * our pages. Subframes, other windows, devtools and pages that navigated elsewhere fail.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  expected: WebContents | null | undefined,
): boolean {
  const frame = event.senderFrame;
  if (!frame || !expected || expected.isDestroyed() || event.sender !== expected) return false;
  const top = expected.mainFrame;
  if (frame.parent !== null || frame.processId !== top.processId || frame.routingId !== top.routingId) return false;
  return isAppUrl(frame.url);
}

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** Where calls run: the backend worker's host in the app. */
  runner: CallTarget;
  /** Our window's web contents (null before it exists and after it closed). */
  contents: () => WebContents | null;
  dialogs: Dialogs;
  log?: (message: string) => void;
}

/** Installs the two invoke handlers; returns a function that removes them. */
export function registerIpc(deps: IpcDeps): () => void {
  const log = deps.log ?? (() => {});
  deps.ipcMain.handle(CHANNELS.call, async (event, request: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, deps.contents())) {
      log(`refused a call from ${event.senderFrame?.url?.slice(0, 200) ?? 'a destroyed frame'}`);
      return FORBIDDEN_RESULT;
    }
    const id = String((request as { id?: unknown } | null)?.id ?? '');
    const sender = event.sender;
    const throttled = throttleProgress((progress) => {
      if (sender.isDestroyed()) return;
      const message: ProgressMessage = { id, progress };
      sender.send(CHANNELS.progress, message);
    });
    try {
      return await deps.runner.run(request, { progress: throttled.progress, dialogs: deps.dialogs });
    } finally {
      throttled.flush();
    }
  });
  deps.ipcMain.handle(CHANNELS.cancel, (event, id: unknown): boolean => {
    if (!isTrustedSender(event, deps.contents())) return false;
    return deps.runner.cancel(id);
  });
  return () => {
    deps.ipcMain.removeHandler(CHANNELS.call);
    deps.ipcMain.removeHandler(CHANNELS.cancel);
  };
}
