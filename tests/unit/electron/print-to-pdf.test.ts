// The app's PDF printer: a hidden sandboxed window in its own session that can load nothing but
// the one report page. Driven with fakes of BrowserWindow and Session.
import type { BrowserWindowConstructorOptions, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { createElectronPrintToPdf, PRINT_CSP, PRINT_PARTITION } from '../../../electron/print-to-pdf.js';
import { FakeSession } from './fakes.js';

class PrintSession extends FakeSession {
  protocolHandlers = new Map<string, (r: Request) => Response | Promise<Response>>();
  protocol = {
    handle: (scheme: string, h: (r: Request) => Response | Promise<Response>) => this.protocolHandlers.set(scheme, h),
  };
}

function setup(opts: { failPrint?: boolean } = {}) {
  const sessions: string[] = [];
  const ses = new PrintSession();
  const windows: FakePrintWindow[] = [];
  class FakePrintWindow {
    loaded: string[] = [];
    destroyed = false;
    served = '';
    constructor(readonly options: BrowserWindowConstructorOptions) {
      windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
      const res = await ses.protocolHandlers.get('app')!(new Request(url));
      this.served = await res.text();
    }
    webContents = {
      printToPDF: async () => {
        if (opts.failPrint) throw new Error('printer on fire');
        return Buffer.from(`%PDF-1.7 ${this.served}`);
      },
    };
    destroy() {
      this.destroyed = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }
  const print = createElectronPrintToPdf({
    BrowserWindow: FakePrintWindow as never,
    fromPartition: (p) => (sessions.push(p), ses.asReal() as Session),
  });
  return { print, ses, windows, sessions };
}

describe('createElectronPrintToPdf', () => {
  it('prints the HTML in a hidden, sandboxed, script-less window and closes it', async () => {
    const { print, windows, sessions } = setup();
    const pdf = await print('<p>रिपोर्ट</p>');
    expect(pdf.toString()).toBe('%PDF-1.7 <p>रिपोर्ट</p>');
    expect(sessions).toEqual([PRINT_PARTITION]);
    const w = windows[0]!;
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      devTools: false,
    });
    expect(w.options.webPreferences!.preload).toBeUndefined();
    expect(w.loaded).toEqual(['app://samooh/print/1.html']);
    expect(w.destroyed).toBe(true);
  });

  it('serves each page once, with the report CSP, and nothing else', async () => {
    const { print, ses } = setup();
    await print('<p>one</p>');
    const handler = ses.protocolHandlers.get('app')!;
    expect((await handler(new Request('app://samooh/print/1.html'))).status).toBe(404); // gone after printing
    expect((await handler(new Request('app://samooh/index.html'))).status).toBe(404);
    expect((await handler(new Request('app://evil/print/2.html'))).status).toBe(404);
    let seen: Response | undefined;
    ses.protocolHandlers.set('app', async (r) => (seen = await handler(r)));
    await print('<p>two</p>');
    expect(seen!.headers.get('content-security-policy')).toBe(PRINT_CSP);
  });

  it('blocks every request except its own page and data: URLs, and denies permissions', async () => {
    const { print, ses } = setup();
    await print('<p>x</p>');
    const cancel = (url: string) => {
      let c: boolean | undefined;
      ses.beforeRequest!({ url }, (r: { cancel: boolean }) => (c = r.cancel));
      return c;
    };
    expect(cancel('app://samooh/print/5.html')).toBe(false);
    expect(cancel('data:font/woff2;base64,AAAA')).toBe(false);
    expect(cancel('https://fonts.example/x.woff2')).toBe(true);
    expect(cancel('file:///etc/passwd')).toBe(true);
    expect(cancel('app://samooh/index.html')).toBe(true);
    let granted: boolean | undefined;
    ses.permissionRequest!({}, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    expect(ses.permissionCheck!()).toBe(false);
  });

  it('closes the window when printing fails', async () => {
    const { print, windows } = setup({ failPrint: true });
    await expect(print('<p>x</p>')).rejects.toThrow('printer on fire');
    expect(windows[0]!.destroyed).toBe(true);
  });
});
