// The browser harness against malformed and slow requests (issue #10): broken percent-encoding
// and NUL bytes are a 400 BAD_INPUT without a stack trace in the log; a client that trickles its
// headers or its body (even with the token) is timed out. Short timeouts set on the harness; the
// tests wait for the server's answer or for the socket to close, never sleep.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CallRunner } from '../../../electron/backend/call-runner.js';
import { FileSession } from '../../../electron/backend/session.js';
import { startHarness, type RunningHarness } from '../../../electron/harness/server.js';
import { API_PATHS, TOKEN_HEADER } from '../../../electron/contract/bridge-wire.js';
import { tempDir } from '../../fixtures/temp.js';
import { transportTestHandlers } from './transport-handlers.js';

const running: RunningHarness[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

async function start(timeouts: { headersTimeoutMs?: number; bodyTimeoutMs?: number } = {}) {
  const dataDir = tempDir();
  const renderer = path.join(tempDir(), 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><body></body></html>');
  const log: string[] = [];
  const h = await startHarness({
    dataDir,
    port: 0,
    rendererDir: renderer,
    backend: new CallRunner({ handlers: transportTestHandlers, session: new FileSession(dataDir), operator: 't' }),
    log: (m) => log.push(m),
    ...timeouts,
  });
  running.push(h);
  return { h, log };
}

interface Answer {
  status: number;
  body: string;
}

function answerOf(res: IncomingMessage): Promise<Answer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
  });
}

function get(h: RunningHarness, rawPath: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: h.port, path: rawPath, headers: { [TOKEN_HEADER]: h.token } },
      (res) => resolve(answerOf(res)),
    );
    req.on('error', reject);
    req.end();
  });
}

function post(h: RunningHarness, route: string, body: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: h.port,
        method: 'POST',
        path: route,
        headers: { [TOKEN_HEADER]: h.token, 'content-type': 'application/json' },
      },
      (res) => resolve(answerOf(res)),
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('harness: malformed paths', () => {
  it('broken percent-encoding in /api/files/ is 400 BAD_INPUT, and nothing lands in the log', async () => {
    const { h, log } = await start();
    for (const p of ['/api/files/%E0%A4%A', '/api/files/%', '/api/files/%ZZ', '/api/files/%C0%80']) {
      const r = await get(h, p);
      expect(r.status, p).toBe(400);
      expect(JSON.parse(r.body), p).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(log).toEqual([]);
  });

  it('a NUL in a file id, a dialog answer or a scripted answer is BAD_INPUT, not INTERNAL', async () => {
    const { h, log } = await start();
    const file = await get(h, '/api/files/abc%00def');
    expect(file.status).toBe(400);
    expect(JSON.parse(file.body)).toMatchObject({
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/NUL/) },
    });
    const dialog = await post(h, API_PATHS.dialog, { dialogId: 'x', path: '/tmp/a\0b.xlsx' });
    expect(dialog.status).toBe(400);
    expect(JSON.parse(dialog.body)).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(log).toEqual([]);
  });
});

describe('harness: slow clients are timed out', () => {
  it('a body trickled with a valid token gets 408 and the connection is closed', async () => {
    const { h } = await start({ bodyTimeoutMs: 150 });
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: h.port,
          method: 'POST',
          path: API_PATHS.call,
          headers: {
            [TOKEN_HEADER]: h.token,
            'content-type': 'application/json',
            'content-length': '1000',
          },
        },
        (res) => resolve(answerOf(res)),
      );
      req.on('error', reject);
      // Part of the body, then nothing: the server must not wait for the rest.
      req.write('{"id":"slow","name":');
    });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/too long/) } });
    expect(h.runningCalls()).toBe(0);
  });

  it('an upload that stalls gets 408 and leaves no partial file behind', async () => {
    const { h } = await start({ bodyTimeoutMs: 150 });
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: h.port,
          method: 'POST',
          path: `${API_PATHS.upload}?name=big.xlsx`,
          headers: { [TOKEN_HEADER]: h.token, 'content-length': String(1024 * 1024) },
        },
        (res) => resolve(answerOf(res)),
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(408);
  });

  it('headers that never finish: the server closes the connection', async () => {
    const { h } = await start({ headersTimeoutMs: 200 });
    const received = await new Promise<string>((resolve, reject) => {
      const socket = connect(h.port, '127.0.0.1', () => {
        socket.write(`POST ${API_PATHS.call} HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\n${TOKEN_HEADER}: ${h.token}\r\n`);
      });
      let data = '';
      socket.on('data', (c: Buffer) => (data += c.toString('utf8')));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });
});
