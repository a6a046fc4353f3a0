// The browser harness over real HTTP on 127.0.0.1, driven by the renderer's own API client
// (bridge transport) and by raw requests that try to get around its guards.
import { request as httpRequest } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallRunner } from '../../../electron/backend/call-runner.js';
import { BackendHost } from '../../../electron/backend/host.js';
import { FileSession } from '../../../electron/backend/session.js';
import { previewOsEncryption } from '../../../electron/harness/preview-platform.js';
import { ROOT } from '../../fixtures/cli.js';
import { startHarness, type RunningHarness } from '../../../electron/harness/server.js';
import { API_PATHS, TOKEN_HEADER, type DialogRequest } from '../../../electron/contract/bridge-wire.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security.js';
import { createBridgeTransport, type PreviewDialogUi } from '../../../renderer/api/bridge-transport.js';
import { createApiClient } from '../../../renderer/api/client.js';
import { ApiError } from '../../../renderer/api/errors.js';
import { tempDir } from '../../fixtures/temp.js';
import { transportTestHandlers } from './transport-handlers.js';

const running: RunningHarness[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

function rendererDir(): string {
  const root = path.join(tempDir(), 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8" /></head><body></body></html>',
  );
  writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
  writeFileSync(path.join(root, '..', 'secret.txt'), 'secret');
  return root;
}

async function start(opts: { testHooks?: boolean; maxUploadBytes?: number; real?: boolean } = {}) {
  const dataDir = tempDir();
  // The real map runs in the built backend worker, as `npm run preview` runs it; the transport
  // tests' own map runs in-thread.
  const backend = opts.real
    ? new BackendHost({
        workerFile: path.join(ROOT, 'dist', 'node', 'backend-worker.js'),
        dataDir,
        operator: 'tester',
        open: { kind: 'last' },
        platform: { os: previewOsEncryption(dataDir) },
      })
    : new CallRunner({ handlers: transportTestHandlers, session: new FileSession(dataDir), operator: 'tester' });
  const h = await startHarness({
    dataDir,
    port: 0,
    rendererDir: rendererDir(),
    backend,
    testHooks: opts.testHooks ?? false,
    ...(opts.maxUploadBytes ? { maxUploadBytes: opts.maxUploadBytes } : {}),
  });
  running.push(h);
  return h;
}

/** A page's view: the real client over the bridge transport, with a scripted dialog UI. */
function client(h: RunningHarness, ui?: PreviewDialogUi, token = h.token) {
  return createApiClient(createBridgeTransport({ token, baseUrl: h.origin, ...(ui ? { ui } : {}) }));
}

/** Raw HTTP, for paths and headers that fetch would normalise or refuse to send. */
function raw(
  h: RunningHarness,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: h.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
        setHost: !opts.headers?.host,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const callBody = JSON.stringify({ id: 'r1', name: 'test.echo', args: { text: 'hi' } });

describe('harness: serving the renderer', () => {
  it('prints a loopback URL with the token in the fragment', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(h.url).toContain(h.token);
  });

  it('serves the page with the CSP header and meta tag, and assets', async () => {
    const h = await start();
    const res = await fetch(`${h.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain('http-equiv="Content-Security-Policy"');
    const js = await fetch(`${h.origin}/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal out of the renderer folder', async () => {
    const h = await start();
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..\\secret.txt']) {
      const r = await raw(h, { path: p });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const h = await start();
    const r = await raw(h, { path: '/', headers: { host: `evil.example:${h.port}` } });
    expect(r.status).toBe(421);
    const ok = await raw(h, { path: '/', headers: { host: `localhost:${h.port}` } });
    expect(ok.status).toBe(200);
  });

  it('listens on 127.0.0.1 only', async () => {
    const h = await start();
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // no other interface in this sandbox: nothing else to reach
    await expect(fetch(`http://${external.address}:${h.port}/`)).rejects.toThrow();
  });
});

describe('harness: API guards', () => {
  it('refuses API requests without the token, or with a wrong one', async () => {
    const h = await start();
    const json = { 'content-type': 'application/json' };
    const none = await raw(h, { method: 'POST', path: API_PATHS.call, headers: json, body: callBody });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const wrong = await raw(h, {
      method: 'POST',
      path: API_PATHS.call,
      headers: { ...json, [TOKEN_HEADER]: 'x'.repeat(43) },
      body: callBody,
    });
    expect(wrong.status).toBe(401);
    const ok = await raw(h, {
      method: 'POST',
      path: API_PATHS.call,
      headers: { ...json, [TOKEN_HEADER]: h.token },
      body: callBody,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('"type":"result"');
    // the token in a query string is not accepted either
    const q = await raw(h, {
      method: 'POST',
      path: `${API_PATHS.call}?token=${h.token}`,
      headers: json,
      body: callBody,
    });
    expect(q.status).toBe(401);
  });

  it('refuses other origins, cross-site fetches, non-JSON bodies and wrong methods', async () => {
    const h = await start();
    const base = { 'content-type': 'application/json', [TOKEN_HEADER]: h.token };
    const post = (headers: Record<string, string>) =>
      raw(h, { method: 'POST', path: API_PATHS.call, headers, body: callBody });
    expect((await post({ ...base, origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ ...base, origin: `http://127.0.0.1:${h.port + 1}` })).status).toBe(403);
    expect((await post({ ...base, origin: h.origin })).status).toBe(200);
    expect((await post({ ...base, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ ...base, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await raw(h, { method: 'GET', path: API_PATHS.call, headers: base })).status).toBe(405);
    expect((await raw(h, { method: 'POST', path: '/api/nothing', headers: base, body: '{}' })).status).toBe(404);
  });

  it('keeps test hooks closed unless enabled', async () => {
    const h = await start();
    const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: h.token };
    const r = await raw(h, {
      method: 'POST',
      path: API_PATHS.testDialogs,
      headers,
      body: JSON.stringify({ answers: [] }),
    });
    expect(r.status).toBe(404);
  });
});

describe('harness: calls through the renderer API client', () => {
  it('round-trips a call, with the operator of the harness', async () => {
    const h = await start();
    expect(await client(h).call('test.echo' as never, { text: 'नमस्ते' } as never)).toEqual({
      text: 'नमस्ते',
      operator: 'tester',
    });
  });

  it('throws ApiError with the backend code, message and details', async () => {
    const h = await start();
    const api = client(h);
    const err = await api.call('test.fail' as never, {} as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).toData()).toEqual({
      code: 'CONFLICT',
      message: 'Code PAT-1 is already used',
      details: { field: 'code' },
    });
    const bad = await api.call('test.echo' as never, { text: 7 } as never).catch((e: unknown) => e);
    expect((bad as ApiError).code).toBe('BAD_INPUT');
  });

  it('reports a wrong token as FORBIDDEN and a dead server as TRANSPORT', async () => {
    const h = await start();
    const err = await client(h, undefined, 'y'.repeat(43))
      .call('test.echo' as never, { text: 'x' } as never)
      .catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('FORBIDDEN');
    const dead = createApiClient(createBridgeTransport({ token: h.token, baseUrl: 'http://127.0.0.1:9' }));
    const err2 = await dead.call('test.echo' as never, { text: 'x' } as never).catch((e: unknown) => e);
    expect((err2 as ApiError).code).toBe('TRANSPORT');
  });

  it('streams progress to the caller and to global listeners', async () => {
    const h = await start();
    const api = client(h);
    const mine: number[] = [];
    const global: string[] = [];
    const off = api.onProgress((e) => global.push(e.name));
    const r = await api.call('test.progress' as never, { steps: 3000 } as never, {
      onProgress: (p) => mine.push(p.done),
    });
    off();
    expect(r).toEqual({ steps: 3000 });
    expect(mine[0]).toBe(1);
    expect(mine.at(-1)).toBe(3000);
    expect(mine.length).toBeLessThan(300);
    expect(new Set(global)).toEqual(new Set(['test.progress']));
  });

  it('cancels a call when its AbortSignal fires', async () => {
    const h = await start();
    const api = client(h);
    const ctrl = new AbortController();
    const p = api.call('test.wait' as never, {} as never, { signal: ctrl.signal, onProgress: () => ctrl.abort() });
    const err = await p.catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('CANCELLED');
    const pre = new AbortController();
    pre.abort();
    await expect(api.call('test.echo' as never, { text: 'x' } as never, { signal: pre.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });

  it('cancels the call when the page goes away mid-call', async () => {
    const h = await start();
    const ctrl = new AbortController();
    const res = await fetch(`${h.origin}${API_PATHS.call}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token },
      body: JSON.stringify({ id: 'gone-1', name: 'test.wait', args: {} }),
      signal: ctrl.signal,
    });
    await res.body!.getReader().read(); // the first progress line: the call is running
    expect(h.runningCalls()).toBe(1);
    ctrl.abort();
    await vi.waitFor(() => expect(h.runningCalls()).toBe(0));
  });

  it('sends dates as ISO strings and turns an unserialisable result into INTERNAL', async () => {
    const h = await start();
    const api = client(h);
    expect(await api.call('test.date' as never, {} as never)).toEqual({ when: '2026-01-02T03:04:05.000Z' });
    await expect(api.call('test.bigint' as never, {} as never)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('serves the real handler map too, from the backend worker', async () => {
    const h = await start({ real: true });
    const api = client(h);
    await expect(api.call('no.such' as never, {} as never)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await api.call('app.status', {})).toMatchObject({ hasRegister: false, dataDir: h.dataDir });
    // The key is sealed through the host's OS encryption (an rpc from the worker).
    const made = await api.call('app.createRegister', { code: 'pat', name: 'Patna' });
    expect(made).toMatchObject({ district: { code: 'PAT' }, keyId: expect.stringMatching(/^[0-9A-F]{16}$/) });
    expect(await api.call('key.info', {})).toMatchObject({ protectors: ['os'] });
  });

  it('a NUL inside an ordinary argument (a path, a name) is BAD_INPUT from the real map, never INTERNAL', async () => {
    const h = await start({ real: true });
    const api = client(h);
    const bad: [string, Record<string, unknown>][] = [
      ['import.preview', { file: '/tmp/register\0.xlsx' }],
      ['export.register', { file: '/tmp/a\0/register.xlsx' }],
      ['backup.restore', { file: '/tmp/backup\0.samooh' }],
      ['app.createRegister', { code: 'pat', name: 'Pat\0na' }],
      ['operator.set', { name: 'Ram\0 Kumar' }],
    ];
    for (const [name, args] of bad) {
      await expect(api.call(name as never, args as never), name).rejects.toMatchObject({
        code: 'BAD_INPUT',
        message: expect.stringMatching(/NUL/),
      });
    }
    // Nothing ran: no register was made.
    expect(await api.call('app.status', {})).toMatchObject({ hasRegister: false });
  });
});

describe('harness: dialogs', () => {
  it('asks the page, which uploads a file and answers with its stored path', async () => {
    const h = await start();
    const asked: DialogRequest[] = [];
    const ui: PreviewDialogUi = {
      async ask(request, tools) {
        asked.push(request);
        return tools.upload(new Blob(['units,groups\n']), 'register (final).xlsx');
      },
      async offerDownload() {},
    };
    const r = (await client(h, ui).call('test.openFile' as never, {} as never)) as { path: string };
    expect(asked[0]).toMatchObject({
      kind: 'openFile',
      title: 'Open workbook',
      filters: [{ name: 'Excel', extensions: ['xlsx', 'csv'] }],
    });
    // Kept under the name the user chose, in a fresh folder of its own under uploads/.
    expect(path.dirname(path.dirname(r.path))).toBe(path.join(h.dataDir, 'uploads'));
    expect(path.basename(r.path)).toBe('register (final).xlsx');
    expect(readFileSync(r.path, 'utf8')).toBe('units,groups\n');
  });

  it('asks for several files at once; the page uploads each and answers with all their paths', async () => {
    const h = await start();
    const asked: DialogRequest[] = [];
    const ui: PreviewDialogUi = {
      async ask(request, tools) {
        asked.push(request);
        return [
          await tools.upload(new Blob(['PK1']), 'samooh-PAT-20261128-1.zip'),
          await tools.upload(new Blob(['PK2']), 'samooh-PAT-20261128-1.zip'),
        ];
      },
      async offerDownload() {},
    };
    const r = (await client(h, ui).call('test.openFiles' as never, {} as never)) as { paths: string[] };
    expect(asked[0]).toMatchObject({ kind: 'openFiles', filters: [{ name: 'Samooh bundle', extensions: ['zip'] }] });
    expect(r.paths.map((p) => path.basename(p))).toEqual(['samooh-PAT-20261128-1.zip', 'samooh-PAT-20261128-1.zip']);
    // Two uploads of one name never meet.
    expect(r.paths[0]).not.toBe(r.paths[1]);
    expect(r.paths.map((p) => readFileSync(p, 'utf8'))).toEqual(['PK1', 'PK2']);
    // One typed path also answers openFiles; Cancel and an empty list are null; a missing file is BAD_INPUT.
    const book = path.join(tempDir(), 'b.zip');
    writeFileSync(book, 'PK');
    const answers: (string | string[] | null)[] = [book, null, [], [book, '/no/such.zip']];
    const api = client(h, { ask: async () => answers.shift() ?? null, offerDownload: async () => {} });
    expect(await api.call('test.openFiles' as never, {} as never)).toEqual({ paths: [book] });
    expect(await api.call('test.openFiles' as never, {} as never)).toEqual({ paths: null });
    expect(await api.call('test.openFiles' as never, {} as never)).toEqual({ paths: null });
    await expect(api.call('test.openFiles' as never, {} as never)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    // A list where one path was asked for is refused, not silently cut to its first.
    const one = client(h, { ask: async () => [book, book], offerDownload: async () => {} });
    await expect(one.call('test.openFile' as never, {} as never)).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('dropped files reach the backend as uploads under their own names (the preview side of pathsForFiles)', async () => {
    const h = await start();
    const api = client(h);
    const paths = await api.pathsForFiles([
      new File(['PK-a'], 'samooh-GAY-20261128-1.zip'),
      new File(['x'], '.hidden.zip'),
      new File(['PK-b'], 'पटना बंडल.zip'),
    ]);
    expect(paths[1]).toBeNull();
    expect(paths.map((p) => (p ? path.basename(p) : null))).toEqual([
      'samooh-GAY-20261128-1.zip',
      null,
      'पटना बंडल.zip',
    ]);
    for (const p of [paths[0]!, paths[2]!]) {
      expect(p.startsWith(path.join(h.dataDir, 'uploads') + path.sep)).toBe(true);
    }
    expect(readFileSync(paths[2]!, 'utf8')).toBe('PK-b');
    // A wrong token uploads nothing.
    expect(await client(h, undefined, 'x'.repeat(43)).pathsForFiles([new File(['PK'], 'a.zip')])).toEqual([null]);
  });

  it('treats Cancel as null and a typed missing path as BAD_INPUT', async () => {
    const h = await start();
    const answers: (string | null)[] = [null, '/no/such/file.xlsx'];
    const ui: PreviewDialogUi = { ask: async () => answers.shift() ?? null, offerDownload: async () => {} };
    const api = client(h, ui);
    expect(await api.call('test.openFile' as never, {} as never)).toEqual({ path: null });
    await expect(api.call('test.openFile' as never, {} as never)).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('saves under the data folder by bare name and hands the written file over as a download', async () => {
    const h = await start();
    const downloads: { name: string; text: string }[] = [];
    const ui: PreviewDialogUi = {
      async ask(request) {
        expect(request.kind).toBe('saveFile');
        expect(request.suggestion).toBe(path.join(h.dataDir, 'exports', 'report.txt'));
        return 'report.txt';
      },
      async offerDownload(file, tools) {
        downloads.push({ name: file.name, text: await (await tools.download(file.fileId)).text() });
      },
    };
    const r = (await client(h, ui).call('test.saveAndOpen' as never, { text: 'hello' } as never)) as { path: string };
    expect(r.path).toBe(path.join(h.dataDir, 'exports', 'report.txt'));
    expect(downloads).toEqual([{ name: 'report.txt', text: 'hello' }]);
  });

  it('refuses to hand over files the app did not write', async () => {
    const h = await start();
    const foreign = path.join(tempDir(), 'x.txt');
    writeFileSync(foreign, 'not ours');
    await expect(client(h).call('test.openPath' as never, { file: foreign } as never)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const r = await raw(h, { path: `${API_PATHS.files}nope`, headers: { [TOKEN_HEADER]: h.token } });
    expect(r.status).toBe(404);
  });

  it('takes scripted answers from a test hook, in order', async () => {
    const h = await start({ testHooks: true });
    const book = path.join(tempDir(), 'book.xlsx');
    writeFileSync(book, 'PK');
    const folder = path.join(h.dataDir, 'usb');
    const res = await fetch(`${h.origin}${API_PATHS.testDialogs}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token },
      body: JSON.stringify({
        answers: [
          { kind: 'openFile', path: book },
          { kind: 'openFolder', path: folder },
          { kind: 'openFile', path: null },
        ],
      }),
    });
    expect(await res.json()).toEqual({ queued: 3 });
    const api = client(h);
    expect(await api.call('test.openFile' as never, {} as never)).toEqual({ path: book });
    expect(await api.call('test.chooseFolder' as never, {} as never)).toEqual({ path: folder });
    expect(existsSync(folder)).toBe(true);
    expect(await api.call('test.openFile' as never, {} as never)).toEqual({ path: null });
    // Several files scripted for openFiles.
    await fetch(`${h.origin}${API_PATHS.testDialogs}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token },
      body: JSON.stringify({ answers: [{ kind: 'openFiles', path: null, paths: [book, book] }] }),
    });
    expect(await api.call('test.openFiles' as never, {} as never)).toEqual({ paths: [book, book] });
  });

  it('refuses uploads without the token, over the size bound, or with odd names, keeping nothing', async () => {
    const h = await start({ maxUploadBytes: 1000 });
    const uploads = path.join(h.dataDir, 'uploads');
    const post = (
      name: string | null,
      headers: Record<string, string>,
      body: Uint8Array<ArrayBuffer> | string = 'PK',
    ) =>
      fetch(`${h.origin}${API_PATHS.upload}${name === null ? '' : `?name=${encodeURIComponent(name)}`}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...headers },
        body,
      });
    const auth = { [TOKEN_HEADER]: h.token };
    expect((await post('a.zip', {})).status).toBe(401);
    expect((await post('a.zip', { [TOKEN_HEADER]: 'x'.repeat(h.token.length) })).status).toBe(401);
    expect((await post('a.zip', auth, new Uint8Array(1001))).status).toBe(413);
    const odd = [
      null,
      '',
      '../a.zip',
      'usb/a.zip',
      'C:\\a.zip',
      '..',
      '.',
      '.bashrc',
      'a.zip.',
      'a.zip ',
      ' a.zip',
      'a\0.zip',
      'a\n.zip',
      'x\u202Epiz.exe',
      'a:stream.zip',
      'a?.zip',
      'CON',
      'nul.zip',
      'LPT1.txt',
      'a'.repeat(252) + '.zip',
      'प'.repeat(86),
    ];
    for (const name of odd) {
      const r = await post(name, auth);
      expect({ name, status: r.status }).toEqual({ name, status: 400 });
      expect(await r.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
    // Plain names pass, Hindi and joiners included.
    for (const name of ['samooh-PAT-20261128-1.zip', 'क्‍षेत्र (2).zip', 'a'.repeat(251) + '.zip']) {
      const r = await post(name, auth);
      expect(r.status).toBe(200);
      const body = (await r.json()) as { path: string; size: number };
      expect(path.basename(body.path)).toBe(name.normalize('NFC'));
      expect(body.size).toBe(2);
    }
  });

  it('limits upload size', async () => {
    const h = await start({ maxUploadBytes: 1000 });
    const r = await fetch(`${h.origin}${API_PATHS.upload}?name=big.xlsx`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: h.token },
      body: new Uint8Array(5000),
    });
    expect(r.status).toBe(413);
    // the partial file is removed
    const uploads = path.join(h.dataDir, 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });
});
