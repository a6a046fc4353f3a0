// Every applicable item of Electron's security checklist, in one module (STYLE habit 5).
//
// Each function takes the Electron object it configures as a parameter (types only are
// imported), so unit tests pass fakes and assert exactly which settings and handlers were
// installed, and the browser harness (plain Node) can reuse the CSP, headers and path guard
// without loading Electron. See tests/unit/electron/security.test.ts for the checklist, item
// by item.
import type { App, BrowserWindowConstructorOptions, Protocol, Session, Shell, WebContents } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { canonicalInviteLink, INVITE_HOST } from './contract/invite-link.js';

/** Pages load from `app://samooh/…`, never from file:// (checklist: custom protocol). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'samooh';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// --- Content Security Policy ------------------------------------------------------------------

/**
 * The app's CSP. No 'unsafe-eval', no 'unsafe-inline' anywhere: React sets inline styles
 * through the CSSOM (`element.style`), which style-src does not govern, and Vite is configured
 * to emit no inline scripts and no data: assets. `app://samooh` is named beside 'self'
 * because 'self' matching of custom schemes has varied between Chromium versions.
 * Written as one literal so that electronegativity (and a reviewer) can read it; the same
 * literal appears in installSessionSecurity for the same reason, and a unit test keeps the two
 * identical.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self' app://samooh; script-src 'self' app://samooh; style-src 'self' app://samooh; img-src 'self' app://samooh data:; font-src 'self' app://samooh; connect-src 'self' app://samooh; worker-src 'self' app://samooh; object-src 'none'; frame-src 'none'; child-src 'none'; media-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The meta-tag copy: frame-ancestors is ignored in meta tags (browsers log an error for it). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(/;\s*frame-ancestors [^;]*/, '');

/** The policy as `directive → sources`, for tests and the harness. */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = Object.fromEntries(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...sources] = d.trim().split(/\s+/);
    return [name, sources.join(' ')];
  }),
);

/** Sent with every page and asset, by the app:// handler and by the harness alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=(), display-capture=()',
};

/**
 * Puts the CSP into the page as a meta tag as well (checklist: "define a CSP" — header AND
 * meta, so the policy holds even if a page is ever loaded some other way). Done when serving,
 * so renderer/index.html needs no copy that could drift from this module. `frame-ancestors`
 * is ignored in meta tags by design; the header carries it.
 */
export function injectCspMeta(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`;
  if (/http-equiv=["']?Content-Security-Policy/i.test(html)) return html;
  // Right after <meta charset>, before anything that could load a resource.
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset)
    return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return meta + html;
}

// --- Window settings --------------------------------------------------------------------------

export interface SecureWindowOptions {
  preload: string;
  isPackaged: boolean;
  bounds: { x?: number; y?: number; width: number; height: number };
}

/**
 * Creates the app's window with every checklist setting spelled out literally in the
 * constructor call — where electronegativity looks for them, and where a reviewer expects them.
 * `BrowserWindow` is injected so tests can capture the options.
 */
export function createSecureWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  opts: SecureWindowOptions,
): W {
  return new BrowserWindow({
    ...opts.bounds,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Samooh',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would open links in new windows; window.open is denied anyway.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      plugins: false,
      enableWebSQL: false,
      // Spell-check dictionaries are fetched from a Google CDN on some platforms; the app sends
      // nothing anywhere by itself (SPEC §10).
      spellcheck: false,
      safeDialogs: true,
      // Devtools only in development; a packaged build has none.
      devTools: !opts.isPackaged,
    },
  });
}

// --- The app:// protocol ----------------------------------------------------------------------

/**
 * Registers `app:` as a standard, secure scheme (so the page is a secure context with a real
 * origin and the CSP's 'self' applies). Must run before the app is ready. No bypassCSP, no
 * service workers, no CORS for other origins.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        bypassCSP: false,
        allowServiceWorkers: false,
        corsEnabled: false,
        stream: false,
        codeCache: true,
      },
    },
  ]);
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The path-traversal guard: maps a URL path (still percent-encoded, as in `URL.pathname`) to a
 * regular file inside `root`, or null. Denied: `..` and `.` segments (also percent-encoded or
 * double-encoded), backslashes, NUL, absolute and drive-letter paths, anything resolving
 * outside `root`, and symlinks whose target leaves `root`. `/` means index.html; there is no
 * fallback for other paths (the renderer routes in the URL hash).
 */
export async function resolveAppAsset(root: string, urlPath: string): Promise<string | null> {
  if (typeof urlPath !== 'string' || urlPath.length > 1024) return null;
  // Encoded separators, dots and NUL have no business in our asset names (Vite emits
  // [A-Za-z0-9._-]); refusing them outright beats reasoning about decode order.
  if (/%(2e|2f|5c|00|25)/i.test(urlPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || decoded.includes('\0') || decoded.includes('%')) return null;
  if (!decoded.startsWith('/')) return null;
  const rel = decoded.slice(1);
  if (rel.startsWith('/') || path.isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) return null;
  const segments = rel.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;

  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch {
    return null;
  }
  const wanted = rel === '' ? 'index.html' : rel;
  const candidate = path.resolve(rootReal, wanted);
  if (!isInside(rootReal, candidate)) return null;

  return realFileInside(rootReal, candidate);
}

async function realFileInside(rootReal: string, candidate: string): Promise<string | null> {
  try {
    const real = await realpath(candidate);
    if (!isInside(rootReal, real)) return null; // a symlink pointing out of the renderer folder
    const st = await stat(real);
    return st.isFile() ? real : null;
  } catch {
    return null;
  }
}

/** The body and headers for one asset of the renderer folder (shared by app:// and the harness). */
export async function readAppAsset(file: string): Promise<{ body: Buffer; headers: Record<string, string> }> {
  let body = await readFile(file);
  const type = mimeTypeFor(file);
  if (type.startsWith('text/html')) body = Buffer.from(injectCspMeta(body.toString('utf8')), 'utf8');
  return {
    body,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Cache-Control': 'no-cache',
    },
  };
}

/** The `protocol.handle('app', …)` handler: GET/HEAD of files under `root`, nothing else. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const plain = { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: plain });
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400, headers: plain });
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
      return new Response('Not found', { status: 404, headers: plain });
    }
    const file = await resolveAppAsset(root, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: plain });
    const { body, headers } = await readAppAsset(file);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** True for URLs of our own pages: `app://samooh/…`. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

// --- External links ---------------------------------------------------------------------------

/**
 * The one kind of external link the app hands to the system browser: a WhatsApp group invite
 * link (SPEC §3), judged by the same rule the group form and the workbook import use
 * (contract/invite-link.ts), so every link the register holds can be opened. Also https only,
 * no credentials, the default port.
 */
export function vettedExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port || u.hostname !== INVITE_HOST) return null;
  return canonicalInviteLink(url);
}

export function isVettedExternalUrl(url: unknown): boolean {
  return vettedExternalUrl(url) !== null;
}

/** The only way the app calls `shell.openExternal`: vetted URLs (opened canonical), everything else refused. */
export async function openExternalIfVetted(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  const vetted = vettedExternalUrl(url);
  if (vetted === null) return false;
  await shell.openExternal(vetted, { activate: true });
  return true;
}

// --- Navigation, new windows, webviews --------------------------------------------------------

export interface HardenDeps {
  openExternal: (url: string) => Promise<unknown> | unknown;
  log?: (message: string) => void;
}

/**
 * Per web contents: navigation away from our pages denied (top frame and subframes, and
 * redirects), `window.open` denied (vetted links go to the system browser instead),
 * `<webview>` attachment denied.
 */
export function hardenWebContents(contents: WebContents, deps: HardenDeps): void {
  const log = deps.log ?? (() => {});
  const guardNavigation = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log(`blocked ${kind} to ${event.url.slice(0, 200)}`);
    if (kind === 'navigation' && isVettedExternalUrl(event.url)) void deps.openExternal(event.url);
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    if (isVettedExternalUrl(url)) void deps.openExternal(url);
    else log(`blocked window.open of ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
}

// --- Session: permissions, headers, outgoing requests -----------------------------------------

/** Schemes the page may load anything from. http(s), file, ws … are cancelled outright. */
const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

export function isAllowedRequestUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
    return ALLOWED_REQUEST_SCHEMES.has(u.protocol);
  } catch {
    return false;
  }
}

/**
 * Session-wide: every permission request and check denied (camera, notifications,
 * geolocation, clipboard-read, USB/HID/serial …), CSP and the other security headers on every
 * response, and every request to a scheme other than app:/data:/blob: cancelled — the app
 * sends nothing anywhere by itself (SPEC §10). Certificate errors are left to Chromium's
 * default (reject); no verify proc is installed.
 */
export function installSessionSecurity(session: Session, log: (message: string) => void = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAllowedRequestUrl(details.url);
    if (!ok) log(`cancelled request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !ok });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    const kept: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(details.responseHeaders ?? {})) {
      if (!Object.keys(SECURITY_HEADERS).some((h) => h.toLowerCase() === k.toLowerCase())) kept[k] = v;
    }
    const others = Object.entries(SECURITY_HEADERS).filter(([k]) => k !== 'Content-Security-Policy');
    callback({
      responseHeaders: {
        ...kept,
        ...Object.fromEntries(others.map(([k, v]) => [k, [v]])),
        // The same literal as CONTENT_SECURITY_POLICY (a unit test checks), so scanners see it.
        'Content-Security-Policy': [
          "default-src 'self' app://samooh; script-src 'self' app://samooh; style-src 'self' app://samooh; img-src 'self' app://samooh data:; font-src 'self' app://samooh; connect-src 'self' app://samooh; worker-src 'self' app://samooh; object-src 'none'; frame-src 'none'; child-src 'none'; media-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

/**
 * App-wide, before `ready`: the renderer sandbox for every process, and the per-contents
 * hardening for every web contents ever created (windows, devtools, anything).
 */
export function hardenApp(app: App, deps: HardenDeps): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps));
}
