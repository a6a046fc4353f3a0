// Playwright fixtures for end-to-end tests: every test gets its own browser harness (the built
// dist/node/harness.js) on a fresh temp data folder and a random port, and a page opened at the
// harness's tokened URL.
//
//   import { test, expect, screenshot } from './harness/fixtures.js';
//   test('first run', async ({ app, harness }) => { … await screenshot(app, 'first-run-en'); });
//
// `harness.scriptDialogs([...])` answers the next file/folder dialogs without the overlay;
// `apiCall(page, name, args)` calls the handler map through the page's own API client.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import type { Result } from '../../../electron/contract/errors.js';
import type { HandlerName } from '../../../electron/backend/handlers.js';
import {
  API_PATHS,
  TOKEN_HEADER,
  type BridgeLine,
  type ScriptedAnswer,
} from '../../../electron/contract/bridge-wire.js';
import type { ApiClient, Args, Res } from '../../../renderer/api/index.js';

const root = path.resolve(import.meta.dirname, '../../..');
const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/;

export interface Harness {
  /** The link the harness printed: origin + `/#token=…`. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Queues answers for the next file/folder/save dialogs (in order; `path: null` = Cancel). */
  scriptDialogs(answers: ScriptedAnswer[]): Promise<void>;
  /** Files the app handed to the OS (shell.openPath) so far. */
  opened(): Promise<string[]>;
  /** Calls the handler map directly over the bridge (set-up steps that are not under test). */
  call<K extends HandlerName>(name: K, args?: Args<K>): Promise<Res<K>>;
  /** What the harness printed on stderr (for failure reports). */
  logs(): string;
}

export async function startHarness(dataDir: string): Promise<{ harness: Harness; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'dist/node/harness.js'), '--data-dir', dataDir, '--port', '0', '--test-hooks'],
    { cwd: root, env: { ...process.env, SAMOOH_CHROMIUM: '/usr/bin/chromium' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start in 20 s\n${stdout}\n${stderr}`)), 20_000);
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = URL_PATTERN.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code} before printing its URL\n${stdout}\n${stderr}`));
    });
  });
  const origin = url.slice(0, url.indexOf('/#'));
  const token = url.slice(url.indexOf('#token=') + '#token='.length);
  const post = (p: string, body: unknown) =>
    fetch(origin + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(body),
    });

  let seq = 0;
  const harness: Harness = {
    url,
    origin,
    token,
    dataDir,
    async scriptDialogs(answers) {
      const res = await post(API_PATHS.testDialogs, { answers });
      if (!res.ok) throw new Error(`scriptDialogs: HTTP ${res.status}`);
    },
    async opened() {
      const res = await fetch(origin + API_PATHS.testOpened, { headers: { [TOKEN_HEADER]: token } });
      return ((await res.json()) as { opened: string[] }).opened;
    },
    async call(name, args) {
      const res = await post(API_PATHS.call, { id: `e2e-${++seq}`, name, args: args ?? {} });
      const text = await res.text();
      const last = text.trim().split('\n').at(-1) ?? '';
      const line = JSON.parse(last) as BridgeLine | Result<unknown>;
      const result = 'type' in line ? (line.type === 'result' ? line.result : undefined) : line;
      if (!result) throw new Error(`${name}: no result in ${text.slice(0, 200)}`);
      if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    logs: () => stderr,
  };
  return { harness, child };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ harness: Harness; app: Page }>({
  // Playwright requires the object pattern even when no other fixture is used.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samooh-e2e-'));
    const { harness, child } = await startHarness(dataDir);
    try {
      await use(harness);
    } finally {
      await stop(child);
      if (harness.logs()) await testInfo.attach('harness.log', { body: harness.logs(), contentType: 'text/plain' });
      if (testInfo.status === testInfo.expectedStatus) rmSync(dataDir, { recursive: true, force: true });
      else await testInfo.attach('data-dir', { body: dataDir, contentType: 'text/plain' });
    }
  },
  /** The page, opened at the harness's URL (the app has started when this is handed over). */
  app: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
    await use(page);
  },
});

/** Calls the handler map through the page's own API client (same path as the screens). */
export async function apiCall<K extends HandlerName>(page: Page, name: K, args?: Args<K>): Promise<Res<K>> {
  return (await page.evaluate(
    ([n, a]) => (window as unknown as { samoohPreviewApi: ApiClient }).samoohPreviewApi.call(n as never, a as never),
    [name, args ?? {}] as const,
  )) as Res<K>;
}

/**
 * A full-page screenshot kept in test-results/<test>/<name>.png and attached to the report
 * (SPEC: a screenshot of every screen, both languages, for people to look at).
 */
export async function screenshot(page: Page, name: string, testInfo: TestInfo = test.info()): Promise<string> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}

export { expect };
