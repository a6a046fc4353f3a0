// `printToPdf` for the bundle services in the app: the report HTML is printed by a hidden,
// sandboxed window in its own in-memory session, whose only content is that HTML (served by an
// app:// handler of that session alone) and which can fetch nothing else. Electron objects are
// injected, so tests drive it with fakes.
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import type { PrintToPdf } from './services/bundle/report-pdf.js';
import { REPORT_CSP } from './services/bundle/report-document.js';
import { APP_SCHEME, APP_HOST } from './security.js';

/** The reports' own policy (report-document.ts): inline styles and data: fonts/images, nothing else. */
export const PRINT_CSP = REPORT_CSP;
export const PRINT_PARTITION = 'samooh-print';

type WindowLike = Pick<ElectronBrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & {
  webContents: Pick<ElectronBrowserWindow['webContents'], 'printToPDF'>;
};

export interface PrintDeps<W extends WindowLike> {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  /** `session.fromPartition`; the partition has no `persist:` prefix, so it lives in memory. */
  fromPartition: (partition: string) => Session;
}

/**
 * The print window: sandboxed, isolated, no preload, no Node, JavaScript off (the report has
 * no scripts), never shown. Settings written out literally, as for the main window.
 */
export function createPrintWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  session: Session,
): W {
  return new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      javascript: false,
      plugins: false,
      spellcheck: false,
      devTools: false,
    },
  });
}

export function createElectronPrintToPdf<W extends WindowLike>(deps: PrintDeps<W>): PrintToPdf {
  const pages = new Map<string, string>();
  let seq = 0;
  let session: Session | undefined;

  const printSession = (): Session => {
    if (session) return session;
    const ses = deps.fromPartition(PRINT_PARTITION);
    ses.setPermissionRequestHandler((_c, _p, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.webRequest.onBeforeRequest((details, callback) => {
      const u = details.url;
      callback({ cancel: !(u.startsWith(`${APP_SCHEME}://${APP_HOST}/print/`) || u.startsWith('data:')) });
    });
    ses.protocol.handle(APP_SCHEME, (request) => {
      const url = new URL(request.url);
      const m = /^\/print\/(\d+)\.html$/.exec(url.pathname);
      const html = url.host === APP_HOST && m ? pages.get(m[1]!) : undefined;
      if (html === undefined) return new Response('Not found', { status: 404 });
      return new Response(html, {
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': PRINT_CSP,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    });
    session = ses;
    return ses;
  };

  return async (html: string) => {
    const id = String(++seq);
    pages.set(id, html);
    const win = createPrintWindow(deps.BrowserWindow, printSession());
    try {
      await win.loadURL(`${APP_SCHEME}://${APP_HOST}/print/${id}.html`);
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return Buffer.from(pdf);
    } finally {
      pages.delete(id);
      if (!win.isDestroyed()) win.destroy();
    }
  };
}
