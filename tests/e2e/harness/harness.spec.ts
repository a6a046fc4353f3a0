// The browser harness itself, in real Chromium: it serves the app under the strict CSP, the API
// round-trips through the page's client, requests without the token are refused, and the
// preview's file dialog can be driven by a test.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../electron/security.js';
import { apiCall, expect, screenshot, test } from './fixtures.js';

/** Records CSP violations from the first script on (before the app's own code runs). */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test('serves the app, which starts, drops the token from the address bar and round-trips an API call', async ({
  page,
  harness,
}) => {
  await watchCsp(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(harness.url);
  await expect(page).toHaveTitle('Samooh');
  await page.waitForFunction(() => window.samoohPreviewApi?.transport === 'preview');
  await expect(page.locator('#root')).not.toBeEmpty();
  expect(page.url()).not.toContain('token=');

  const status = await apiCall(page, 'app.status');
  expect(status).toMatchObject({ dataDir: harness.dataDir, hasRegister: false });
  // …and errors come back as ApiError with the backend's code
  const err = await page.evaluate(() =>
    window.samoohPreviewApi!.call('units.get' as never, { code: 42 } as never).then(
      () => null,
      (e: { name: string; code: string }) => ({ name: e.name, code: e.code }),
    ),
  );
  expect(err).toEqual({ name: 'ApiError', code: 'BAD_INPUT' });

  // a reload keeps working: the token is remembered for this tab
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
  expect(await apiCall(page, 'app.status')).toMatchObject({ dataDir: harness.dataDir });

  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await screenshot(page, 'harness-start');
});

test('sends the CSP header and meta tag, and the CSP blocks inline scripts, handlers and styles', async ({
  page,
  harness,
}) => {
  await watchCsp(page);
  const response = await page.goto(harness.url);
  expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    META_CONTENT_SECURITY_POLICY,
  );

  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __inline?: number };
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    const style = document.createElement('style');
    style.textContent = 'body { background: red }';
    document.head.append(style);
    // (eval cannot be probed from here: Playwright's own evaluation is exempt from the page's
    // CSP. The policy's lack of 'unsafe-eval' is asserted above and in the unit tests.)
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__inline = 2');
    // Listening after the attribute: the page's own (inline) handler comes first, so once this
    // one runs, the inline one has run or been blocked.
    const settled = new Promise((r) => {
      img.addEventListener('error', r);
      img.addEventListener('load', r);
    });
    img.src = 'data:,';
    document.body.append(img);
    await settled;
    return {
      inline: w.__inline !== undefined,
      red: getComputedStyle(document.body).backgroundColor === 'rgb(255, 0, 0)',
    };
  });
  expect(ran).toEqual({ inline: false, red: false });
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  // Violation reports are queued as tasks: wait for them rather than for the clock.
  await expect.poll(async () => (await violations(page)).some((x) => x.startsWith('script-src'))).toBe(true);
  await expect.poll(async () => (await violations(page)).some((x) => x.startsWith('style-src'))).toBe(true);

  // no requests leave for other origins
  const blocked = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'sent',
      () => 'blocked',
    ),
  );
  expect(blocked).toBe('blocked');
});

test('refuses API requests without the token', async ({ page, harness, request }) => {
  await page.goto(harness.url);
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
  const body = JSON.stringify({ id: 'x1', name: 'app.status', args: {} });
  const fromPage = await page.evaluate(async (b) => {
    const res = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: b });
    return { status: res.status, body: await res.json() };
  }, body);
  expect(fromPage.status).toBe(401);
  expect(fromPage.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  const outside = await request.post(`${harness.origin}/api/call`, {
    headers: { 'content-type': 'application/json' },
    data: body,
  });
  expect(outside.status()).toBe(401);
  const wrong = await request.post(`${harness.origin}/api/call`, {
    headers: { 'content-type': 'application/json', 'x-samooh-token': 'A'.repeat(43) },
    data: body,
  });
  expect(wrong.status()).toBe(401);
  const right = await request.post(`${harness.origin}/api/call`, {
    headers: { 'content-type': 'application/json', 'x-samooh-token': harness.token },
    data: body,
  });
  expect(right.status()).toBe(200);

  // a page of another origin cannot use the API even if it guessed the token
  const other = await page.context().newPage();
  await other.goto('about:blank');
  const crossOrigin = await other.evaluate(
    async ([origin, token, b]) =>
      fetch(`${origin}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-samooh-token': token },
        body: b,
      }).then(
        (r) => r.status,
        () => 'blocked',
      ),
    [harness.origin, harness.token, body] as const,
  );
  expect(crossOrigin).not.toBe(200);
});

test('"open workbook" in preview mode: the overlay uploads the chosen file', async ({ app, harness }, testInfo) => {
  const book = testInfo.outputPath('register.xlsx');
  writeFileSync(book, 'not really a workbook');
  const picked = app.evaluate(() => window.samoohPreviewApi!.call('dialog.openWorkbook' as never, {} as never));
  const overlay = app.getByTestId('preview-dialog');
  await expect(overlay).toBeVisible();
  await screenshot(app, 'preview-open-dialog');
  await app.getByTestId('preview-dialog-file').setInputFiles(book);
  const result = (await picked) as { path: string };
  // Stored under its own name, in a fresh folder of the harness's uploads/.
  expect(path.dirname(path.dirname(result.path))).toBe(path.join(harness.dataDir, 'uploads'));
  expect(path.basename(result.path)).toBe('register.xlsx');
  await expect(overlay).toHaveCount(0);

  // Cancel answers null
  const cancelled = app.evaluate(() => window.samoohPreviewApi!.call('dialog.openWorkbook' as never, {} as never));
  await app.getByTestId('preview-dialog-cancel').click();
  expect(await cancelled).toEqual({ path: null });

  // scripted answers skip the overlay
  await harness.scriptDialogs([{ kind: 'openFile', path: book }]);
  expect(await apiCall(app, 'dialog.openWorkbook' as never)).toEqual({ path: book });
});
