// The app:// handler and its path-traversal guard, against real files and symlinks on disk.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  resolveAppAsset,
} from '../../../electron/security.js';
import { tempDir } from '../../fixtures/temp.js';

function renderer() {
  const dir = tempDir();
  const root = path.join(dir, 'dist', 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8" /></head><body></body></html>',
  );
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(path.join(dir, 'dist', 'secret.txt'), 'register key');
  writeFileSync(path.join(dir, 'outside.js'), 'evil()');
  symlinkSync(path.join(dir, 'outside.js'), path.join(root, 'assets', 'link-out.js'));
  symlinkSync(path.join(dir, 'dist'), path.join(root, 'dir-out'));
  symlinkSync(path.join(root, 'assets', 'index-abc.js'), path.join(root, 'assets', 'link-in.js'));
  return { dir, root };
}

describe('resolveAppAsset (path-traversal guard)', () => {
  it('serves files inside the renderer folder, index.html for /', async () => {
    const { root } = renderer();
    expect(await resolveAppAsset(root, '/')).toBe(path.join(root, 'index.html'));
    expect(await resolveAppAsset(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(await resolveAppAsset(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(await resolveAppAsset(root, '/units')).toBeNull();
    expect(await resolveAppAsset(root, 'index.html')).toBeNull();
    expect(await resolveAppAsset(root, '/assets/link-in.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(await resolveAppAsset(root, '/missing.js')).toBeNull();
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2E%2E/outside.js',
    '/%252e%252e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/./index.html',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/c:%5cWindows%5cwin.ini',
    '/index.html%00.js',
    '/%E0%A4%A', // malformed escape
    '/assets/link-out.js', // symlink to a file outside
    '/dir-out/secret.txt', // symlinked folder leading outside
    '/' + 'a/'.repeat(600),
  ])('refuses %s', async (p) => {
    const { root } = renderer();
    expect(await resolveAppAsset(root, p)).toBeNull();
  });

  it('refuses everything when the renderer folder does not exist', async () => {
    expect(await resolveAppAsset(path.join(tempDir(), 'nope'), '/index.html')).toBeNull();
  });
});

describe('the app:// protocol handler', () => {
  it('serves the page with the CSP header and the CSP meta tag', async () => {
    const { root } = renderer();
    const handle = createAppProtocolHandler(root);
    const res = await handle(new Request('app://samooh/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`);
  });

  it('serves scripts and fonts with their types', async () => {
    const { root } = renderer();
    const handle = createAppProtocolHandler(root);
    const js = await handle(new Request('app://samooh/assets/index-abc.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const font = await handle(new Request('app://samooh/assets/font.woff2'));
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });

  it('answers 404 for other hosts, traversal and missing files; 405 for writes', async () => {
    const { root } = renderer();
    const handle = createAppProtocolHandler(root);
    expect((await handle(new Request('app://evil/index.html'))).status).toBe(404);
    expect((await handle(new Request('app://samooh/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://samooh/assets/link-out.js'))).status).toBe(404);
    expect((await handle(new Request('app://samooh/nope.css'))).status).toBe(404);
    const post = await handle(new Request('app://samooh/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
