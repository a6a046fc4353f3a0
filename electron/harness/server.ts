// The browser harness: the built renderer plus the SAME handler map, served over HTTP on the
// loopback interface only, for `npm run preview` and Playwright.
//
// Threat model: other local processes and web pages in the user's browser must not drive the
// register. So: bind 127.0.0.1 only; refuse requests whose Host is not our own address (DNS
// rebinding); every /api request must carry the random per-run token in a header, which a
// cross-origin page can neither read nor send without a CORS preflight that we never answer;
// a present Origin must be ours; JSON bodies must say application/json. The page receives the
// token in the URL fragment, which browsers never send to servers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createWriteStream, createReadStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { Result } from '../contract/errors.js';
import { throttleProgress, type CallTarget } from '../backend/call-runner.js';
import { OpenablePaths } from '../dialogs.js';
import { readAppAsset, resolveAppAsset, SECURITY_HEADERS } from '../security.js';
import { HarnessDialogBroker, MAX_CHOSEN_FILES, plainFileName } from './dialogs.js';
import { API_PATHS, TOKEN_HEADER, type BridgeLine } from '../contract/bridge-wire.js';

export interface HarnessOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Where calls run: the backend worker's host (npm run preview), or an in-thread runner in tests. */
  backend: CallTarget;
  /** Enables /api/test/* (scripted dialog answers, list of opened files). */
  testHooks?: boolean;
  /** Fixed token for tests; otherwise 32 random bytes. */
  token?: string;
  maxUploadBytes?: number;
  /** A request's headers must arrive within this (default 30 s): slowloris. */
  headersTimeoutMs?: number;
  /** A JSON body must arrive whole within this, an upload never stall longer (default 30 s). */
  bodyTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface RunningHarness {
  /** The URL to open: origin + `/#token=…`. */
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  dialogs: HarnessDialogBroker;
  /** Calls still running (tests check that a closed page cancels its call). */
  runningCalls(): number;
  close(): Promise<void>;
}

const MAX_JSON_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_UPLOAD = 512 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

/** A path as a person types it: no NUL (the file system would refuse it deep inside a handler). */
const typedPath = z
  .string()
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL');
const cancelSchema = z.object({ id: z.string().max(64) });
const typedPaths = z.array(typedPath).max(MAX_CHOSEN_FILES);
const dialogAnswerSchema = z.object({
  dialogId: z.string().max(64),
  path: typedPath.nullable(),
  paths: typedPaths.optional(),
});
const scriptSchema = z.object({
  answers: z.array(
    z.object({
      kind: z.enum(['openFile', 'openFiles', 'openFolder', 'saveFile']),
      path: typedPath.nullable(),
      paths: typedPaths.optional(),
    }),
  ),
  replace: z.boolean().optional(),
});

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, message: string): void {
  const code = status === 401 || status === 403 || status === 421 ? 'FORBIDDEN' : 'BAD_INPUT';
  sendJson(res, status, { ok: false, error: { code, message } });
}

/**
 * Calls `onChunk` for each chunk of the body. Fails with 408 when the body does not end within
 * `timeoutMs` (`idle`: when no chunk arrives for that long), so a client trickling a body with
 * a valid token cannot hold a connection and its buffers forever.
 */
function readBody(
  req: IncomingMessage,
  timeoutMs: number,
  mode: 'total' | 'idle',
  onChunk: (chunk: Buffer) => void | Promise<void>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(new HttpError(408, 'The request body took too long; try again')), timeoutMs);
    };
    const finish = (err?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', finish);
      if (err) reject(err);
      else resolve();
    };
    const onData = (chunk: Buffer) => {
      if (mode === 'idle') arm();
      try {
        const r = onChunk(chunk);
        if (r) {
          req.pause();
          r.then(() => req.resume(), finish);
        }
      } catch (err) {
        finish(err);
      }
    };
    const onEnd = () => finish();
    arm();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', finish);
  });
}

async function readJson(req: IncomingMessage, timeoutMs: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'Expected Content-Type: application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  await readBody(req, timeoutMs, 'total', (chunk) => {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new HttpError(413, 'Request too large');
    chunks.push(chunk);
  });
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'Malformed JSON');
  }
}

/** A path segment decoded, or 400 for broken percent-encoding (`%E0%A4%A`) or a NUL. */
function decodePathPart(part: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'Bad percent-encoding in the path');
  }
  if (decoded.includes('\0')) throw new HttpError(400, 'The path contains a NUL character');
  return decoded;
}

/** JSON for the wire; a value that cannot be serialised becomes an INTERNAL error, not a crash. */
function resultLine(result: Result<unknown>): string {
  try {
    return JSON.stringify({ type: 'result', result } satisfies BridgeLine);
  } catch (err) {
    const failed: Result<unknown> = {
      ok: false,
      error: { code: 'INTERNAL', message: `Result could not be sent: ${(err as Error).message}` },
    };
    return JSON.stringify({ type: 'result', result: failed } satisfies BridgeLine);
  }
}

export async function startHarness(opts: HarnessOptions): Promise<RunningHarness> {
  const log = opts.log ?? (() => {});
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const maxUpload = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const bodyTimeoutMs = opts.bodyTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headersTimeoutMs = opts.headersTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const openable = new OpenablePaths(dataDir);
  const broker = new HarnessDialogBroker(dataDir, openable);
  const runner = opts.backend;

  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function handleCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req, bodyTimeoutMs);
    const id = String((body as { id?: unknown } | null)?.id ?? '');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    let finished = false;
    const write = (line: string) => {
      if (!res.destroyed && !res.writableEnded) res.write(line + '\n');
    };
    const emit = (line: BridgeLine) => write(JSON.stringify(line));
    // The page went away (tab closed, reload, fetch aborted): the call is cancelled.
    res.on('close', () => {
      if (!finished) runner.cancel(id);
    });
    const throttled = throttleProgress((progress) => emit({ type: 'progress', progress }));
    const callAbort = new AbortController();
    res.on('close', () => {
      if (!finished) callAbort.abort();
    });
    const result = await runner.run(body, {
      progress: throttled.progress,
      dialogs: broker.forCall(emit, callAbort.signal),
    });
    throttled.flush();
    finished = true;
    write(resultLine(result));
    res.end();
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = plainFileName(url.searchParams.get('name'));
    if (name === null) throw new HttpError(400, 'Refused: not a plain file name');
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxUpload) throw new HttpError(413, 'File too large');
    // Each upload gets a fresh folder, so the file keeps the name the user knows (and the
    // bundle name HQ's import orders by) and two uploads of one name never meet.
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const folder = path.join(broker.uploadsDir, `${stamp}-${randomBytes(6).toString('hex')}`);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, name);
    const out = createWriteStream(file, { flags: 'wx' });
    let size = 0;
    try {
      await readBody(req, bodyTimeoutMs, 'idle', (chunk) => {
        size += chunk.length;
        if (size > maxUpload) throw new HttpError(413, 'File too large');
        if (!out.write(chunk)) return new Promise<void>((r) => out.once('drain', () => r()));
      });
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    } catch (err) {
      out.destroy();
      rmSync(folder, { recursive: true, force: true });
      throw err;
    }
    sendJson(res, 200, { path: file, size });
  }

  function handleFile(res: ServerResponse, fileId: string): void {
    const file = broker.openedFile(fileId);
    if (!file) throw new HttpError(404, 'No such file');
    const st = statSync(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/octet-stream',
      'Content-Length': st.size,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`,
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!sameToken(req.headers[TOKEN_HEADER], token)) throw new HttpError(401, 'Missing or wrong token');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) throw new HttpError(403, 'Cross-origin request refused');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new HttpError(403, 'Cross-site request refused');
    }
    const route = url.pathname;
    const method = req.method ?? 'GET';

    if (method === 'GET' && route.startsWith(API_PATHS.files)) {
      handleFile(res, decodePathPart(route.slice(API_PATHS.files.length)));
      return;
    }
    if (opts.testHooks && method === 'GET' && route === API_PATHS.testOpened) {
      sendJson(res, 200, { opened: broker.opened });
      return;
    }
    if (method !== 'POST') throw new HttpError(405, 'Method not allowed');
    switch (route) {
      case API_PATHS.call:
        return handleCall(req, res);
      case API_PATHS.cancel: {
        const parsed = cancelSchema.safeParse(await readJson(req, bodyTimeoutMs));
        if (!parsed.success) throw new HttpError(400, 'Expected {id}');
        sendJson(res, 200, { cancelled: runner.cancel(parsed.data.id) });
        return;
      }
      case API_PATHS.dialog: {
        const parsed = dialogAnswerSchema.safeParse(await readJson(req, bodyTimeoutMs));
        if (!parsed.success) throw new HttpError(400, 'Expected {dialogId, path}');
        const ok = broker.answer(parsed.data.dialogId, parsed.data.paths ?? parsed.data.path);
        if (!ok) throw new HttpError(404, 'No such dialog is open');
        sendJson(res, 200, { ok: true });
        return;
      }
      case API_PATHS.upload:
        return handleUpload(req, res, url);
      case API_PATHS.testDialogs: {
        if (!opts.testHooks) break;
        const parsed = scriptSchema.safeParse(await readJson(req, bodyTimeoutMs));
        if (!parsed.success) throw new HttpError(400, 'Expected {answers: [{kind, path}]}');
        broker.script(parsed.data.answers, parsed.data.replace);
        sendJson(res, 200, { queued: broker.scriptedCount });
        return;
      }
    }
    throw new HttpError(404, 'No such API');
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
    const file = await resolveAppAsset(opts.rendererDir, url.pathname);
    if (!file) throw new HttpError(404, 'Not found');
    const { body, headers } = await readAppAsset(file);
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  // Node checks the headers timeout on this interval; a short one lets tests use short timeouts.
  const server = createServer(
    { connectionsCheckingInterval: Math.min(30_000, Math.max(10, headersTimeoutMs / 4)) },
    (req, res) => {
      const host = req.headers.host ?? '';
      if (!allowedHosts().has(host)) {
        sendError(res, 421, 'Unknown host');
        return;
      }
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://${host}`);
      } catch {
        sendError(res, 400, 'Bad request');
        return;
      }
      const work = url.pathname.startsWith('/api/') ? handleApi(req, res, url) : handleStatic(req, res, url);
      work.catch((err: unknown) => {
        const status = err instanceof HttpError ? err.status : 500;
        if (status === 500) log(`harness error on ${url.pathname}: ${(err as Error)?.stack ?? String(err)}`);
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (status === 408) {
          // The client is still trickling: answer, then drop the connection.
          res.setHeader('Connection', 'close');
          res.on('finish', () => req.socket.destroy());
          sendError(res, status, (err as Error).message);
          return;
        }
        // Drain what the client is still sending so it sees our answer instead of a reset.
        req.resume();
        sendError(res, status, status === 500 ? 'Internal error' : (err as Error).message);
      });
    },
  );
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = 0; // long imports stream their progress for minutes

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    dataDir,
    dialogs: broker,
    runningCalls: () => runner.runningCount,
    async close() {
      runner.cancelAll();
      broker.cancelAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runner.close?.();
    },
  };
}
