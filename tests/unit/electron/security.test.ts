// The Electron security checklist, item by item, through injected fakes
// (https://www.electronjs.org/docs/latest/tutorial/security).
import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions, Protocol, Shell } from 'electron';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  SECURITY_HEADERS,
  createSecureWindow,
  hardenApp,
  hardenWebContents,
  injectCspMeta,
  installSessionSecurity,
  isAllowedRequestUrl,
  isAppUrl,
  isVettedExternalUrl,
  openExternalIfVetted,
  registerAppScheme,
} from '../../../electron/security.js';
import { FakeApp, FakeSession, FakeWebContents, fakeEvent } from './fakes.js';

const INVITE = 'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv';

function captureWindow(isPackaged: boolean): BrowserWindowConstructorOptions {
  let captured: BrowserWindowConstructorOptions | undefined;
  class FakeBrowserWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      captured = options;
    }
  }
  createSecureWindow(FakeBrowserWindow, {
    preload: '/app/dist/preload/preload.cjs',
    isPackaged,
    bounds: { width: 1366, height: 768 },
  });
  return captured!;
}

describe('window settings (checklist 2–4, 6–10)', () => {
  it('isolates the context, sandboxes the renderer and keeps Node out of pages, workers and subframes', () => {
    const wp = captureWindow(true).webPreferences!;
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.preload).toBe('/app/dist/preload/preload.cjs');
  });

  it('keeps web security on, refuses insecure content, experimental and blink features, webviews', () => {
    const wp = captureWindow(true).webPreferences!;
    expect(wp.webSecurity).toBe(true);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.experimentalFeatures).toBe(false);
    expect(wp.enableBlinkFeatures).toBeUndefined();
    expect(wp.disableBlinkFeatures).toContain('Auxclick');
    expect(wp.webviewTag).toBe(false);
    expect(wp.navigateOnDragDrop).toBe(false);
    expect(wp.plugins).toBe(false);
    expect(wp.spellcheck).toBe(false);
  });

  it('has devtools only in development builds', () => {
    expect(captureWindow(true).webPreferences!.devTools).toBe(false);
    expect(captureWindow(false).webPreferences!.devTools).toBe(true);
  });

  it('is at least 1024×700 and hidden until ready', () => {
    const o = captureWindow(true);
    expect(o.minWidth).toBeGreaterThanOrEqual(1024);
    expect(o.minHeight).toBeGreaterThanOrEqual(700);
    expect(o.show).toBe(false);
  });
});

describe('app:// protocol registration (checklist 18)', () => {
  it('registers app: as standard and secure, without bypassing CSP or enabling service workers', () => {
    const calls: unknown[] = [];
    const protocol = { registerSchemesAsPrivileged: (s: unknown) => calls.push(s) } as unknown as Protocol;
    registerAppScheme(protocol);
    expect(calls).toHaveLength(1);
    const [scheme] = calls[0] as { scheme: string; privileges: Record<string, boolean> }[];
    expect(scheme!.scheme).toBe('app');
    expect(scheme!.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });

  it('recognises only app://samooh pages as ours', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://samooh/#/units')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://user:pw@samooh/')).toBe(false);
    expect(isAppUrl('file:///C:/samooh/index.html')).toBe(false);
    expect(isAppUrl('http://samooh/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('Content Security Policy (checklist 7)', () => {
  it('is strict: no eval, no inline code, nothing from other origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    // The header forbids framing; the meta copy leaves out what meta tags cannot carry.
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(META_CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CSP_DIRECTIVES['default-src']).toBe("'self' app://samooh");
    expect(CSP_DIRECTIVES['script-src']).toBe("'self' app://samooh");
    expect(CSP_DIRECTIVES['style-src']).toBe("'self' app://samooh");
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(CSP_DIRECTIVES['base-uri']).toBe("'none'");
    expect(CSP_DIRECTIVES['frame-ancestors']).toBe("'none'");
    expect(CSP_DIRECTIVES['form-action']).toBe("'none'");
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is injected as a meta tag right after <meta charset>, once', () => {
    const html = '<!doctype html><html><head><meta charset="utf-8" /><title>x</title></head><body></body></html>';
    const out = injectCspMeta(html);
    expect(out).toContain(
      `<meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`,
    );
    expect(injectCspMeta(out)).toBe(out);
    expect(injectCspMeta('<html><head></head></html>')).toContain('<head><meta http-equiv="Content-Security-Policy"');
  });

  it('is set as a header on every response, replacing whatever the response said', () => {
    const session = new FakeSession();
    installSessionSecurity(session.asReal());
    let out: { responseHeaders: Record<string, string[]> } | undefined;
    session.headersReceived!(
      {
        url: 'app://samooh/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] },
      },
      (r: { responseHeaders: Record<string, string[]> }) => (out = r),
    );
    const headers = out!.responseHeaders;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-Other']).toEqual(['1']);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
  });
});

describe('session: permissions, requests, certificates (checklist 5, 15)', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    installSessionSecurity(session.asReal());
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      let granted: boolean | undefined;
      session.permissionRequest!({}, permission, (g: boolean) => (granted = g), {});
      expect(granted, permission).toBe(false);
      expect(session.permissionCheck!({}, permission, 'app://samooh', {}), permission).toBe(false);
    }
    expect(session.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that does not go to app://samooh, data: or blob:', () => {
    const session = new FakeSession();
    installSessionSecurity(session.asReal());
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('app://samooh/assets/index.js')).toBe(false);
    expect(verdict('data:image/png;base64,AAAA')).toBe(false);
    expect(verdict('blob:app://samooh/1234')).toBe(false);
    expect(verdict('https://example.com/x.js')).toBe(true);
    expect(verdict('http://127.0.0.1:8080/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('ws://localhost/')).toBe(true);
    expect(verdict('app://other/x')).toBe(true);
    expect(isAllowedRequestUrl('garbage')).toBe(false);
  });

  it('leaves certificate verification to Chromium (no verify proc, no certificate-error override)', () => {
    const session = new FakeSession();
    installSessionSecurity(session.asReal());
    expect(session.certificateVerifyProc).toBeUndefined();
    const app = new FakeApp();
    hardenApp(app.asReal(), { openExternal: () => undefined });
    expect(app.has('certificate-error')).toBe(false);
    expect(app.has('select-client-certificate')).toBe(false);
  });
});

describe('app-wide hardening (checklist 4, 13, 14)', () => {
  it('enables the sandbox for every renderer and hardens every web contents created', () => {
    const app = new FakeApp();
    hardenApp(app.asReal(), { openExternal: () => undefined });
    expect(app.sandboxEnabled).toBe(true);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent({}), contents);
    expect(contents.has('will-navigate')).toBe(true);
    expect(contents.has('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler).toBeDefined();
  });
});

describe('navigation, new windows and webviews (checklist 12–14)', () => {
  function hardened() {
    const opened: string[] = [];
    const contents = new FakeWebContents();
    hardenWebContents(contents.asReal(), { openExternal: (u) => void opened.push(u) });
    return { contents, opened };
  }

  it('allows navigation within app://samooh and blocks everything else', () => {
    const { contents, opened } = hardened();
    const inApp = fakeEvent({ url: 'app://samooh/index.html#/units' });
    contents.emit('will-navigate', inApp);
    expect(inApp.defaultPrevented).toBe(false);
    for (const url of [
      'https://example.com/',
      'file:///C:/Windows/',
      'http://127.0.0.1/',
      'javascript:alert(1)',
      'app://x/',
    ]) {
      const e = fakeEvent({ url });
      contents.emit('will-navigate', e);
      expect(e.defaultPrevented, url).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('sends a vetted WhatsApp invite link to the system browser instead of navigating', () => {
    const { contents, opened } = hardened();
    const e = fakeEvent({ url: INVITE });
    contents.emit('will-navigate', e);
    expect(e.defaultPrevented).toBe(true);
    expect(opened).toEqual([INVITE]);
  });

  it('blocks subframe navigation and redirects away from our pages', () => {
    const { contents } = hardened();
    for (const event of ['will-frame-navigate', 'will-redirect']) {
      const bad = fakeEvent({ url: 'https://example.com/' });
      contents.emit(event, bad);
      expect(bad.defaultPrevented, event).toBe(true);
      const good = fakeEvent({ url: 'app://samooh/index.html' });
      contents.emit(event, good);
      expect(good.defaultPrevented, event).toBe(false);
    }
  });

  it('denies every window.open; only vetted links reach the system browser', () => {
    const { contents, opened } = hardened();
    for (const url of [INVITE, 'https://example.com/', 'app://samooh/index.html', 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([INVITE]);
  });

  it('refuses to attach <webview>', () => {
    const { contents } = hardened();
    const e = fakeEvent({});
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
  });
});

describe('shell.openExternal only for vetted URLs (checklist 16)', () => {
  it('accepts https WhatsApp invite links only', () => {
    expect(isVettedExternalUrl(INVITE)).toBe(true);
    expect(isVettedExternalUrl('https://CHAT.WHATSAPP.COM/AbCdEfGhIjKlMnOpQrStUv')).toBe(true);
    for (const url of [
      'http://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv',
      'https://user:pw@chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv',
      'https://chat.whatsapp.com:8443/AbCdEfGhIjKlMnOpQrStUv',
      'https://chat.whatsapp.com.evil.example/AbCdEfGhIjKlMnOpQrStUv',
      'https://evil.example/chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv',
      'https://chat.whatsapp.com/../../x',
      'https://chat.whatsapp.com/',
      'https://constructor/AbCdEfGhIjKlMnOpQrStUv',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      '',
    ]) {
      expect(isVettedExternalUrl(url), url).toBe(false);
    }
    expect(isVettedExternalUrl(42)).toBe(false);
    expect(isVettedExternalUrl(`${INVITE}${'a'.repeat(3000)}`)).toBe(false);
  });

  it('calls shell.openExternal for vetted URLs and never otherwise', async () => {
    const opened: string[] = [];
    const shell = { openExternal: async (u: string) => void opened.push(u) } as unknown as Shell;
    expect(await openExternalIfVetted(shell, INVITE)).toBe(true);
    expect(await openExternalIfVetted(shell, 'file:///etc/passwd')).toBe(false);
    expect(await openExternalIfVetted(shell, 'https://example.com/')).toBe(false);
    expect(opened).toEqual([INVITE]);
  });
});
