// The IPC transport: one call channel, sender-frame checks, progress per call id,
// cancellation, errors as data.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dialogs } from '../../../electron/backend/context.js';
import { FileSession } from '../../../electron/backend/session.js';
import { CallRunner, throttleProgress } from '../../../electron/backend/call-runner.js';
import { CHANNELS, type ProgressMessage } from '../../../electron/ipc-contract.js';
import { isTrustedSender, registerIpc } from '../../../electron/ipc.js';
import { tempDir } from '../../fixtures/temp.js';
import { FakeIpcMain, FakeWebContents, type FakeFrame } from './fakes.js';
import { transportTestHandlers } from './transport-handlers.js';

const noDialogs: Dialogs = {
  openFile: async () => null,
  openFiles: async () => null,
  openFolder: async () => null,
  saveFile: async () => null,
  openPath: async () => {},
};

function setup() {
  const ipcMain = new FakeIpcMain();
  const contents = new FakeWebContents();
  const session = new FileSession(tempDir());
  const runner = new CallRunner({ handlers: transportTestHandlers, session, operator: 'clerk' });
  let current: FakeWebContents | null = contents;
  const remove = registerIpc({
    ipcMain: ipcMain.asReal(),
    runner,
    contents: () => current?.asReal() ?? null,
    dialogs: noDialogs,
  });
  const call = (request: unknown, from: FakeWebContents = contents, frame: FakeFrame | null = contents.mainFrame) =>
    ipcMain.invoke(CHANNELS.call, from, frame, request) as Promise<{
      ok: boolean;
      value?: unknown;
      error?: { code: string; message: string; details?: unknown };
    }>;
  return { ipcMain, contents, runner, call, remove, closeWindow: () => (current = null) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('registerIpc', () => {
  it('serves the whole map on exactly two invoke channels and can be removed', () => {
    const { ipcMain, remove } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([CHANNELS.call, CHANNELS.cancel].sort());
    remove();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('runs a call from our top frame and returns its result as data', async () => {
    const { call } = setup();
    expect(await call({ id: 'c1', name: 'test.echo', args: { text: 'नमस्ते' } })).toEqual({
      ok: true,
      value: { text: 'नमस्ते', operator: 'clerk' },
    });
  });

  it('returns errors as data: service errors, bad arguments, unknown names, bad envelopes', async () => {
    const { call } = setup();
    expect(await call({ id: 'c1', name: 'test.fail', args: {} })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Code PAT-1 is already used', details: { field: 'code' } },
    });
    const bad = await call({ id: 'c2', name: 'test.echo', args: { text: 42 } });
    expect(bad.ok).toBe(false);
    expect(bad.error!.code).toBe('BAD_INPUT');
    expect(bad.error!.message).toContain('text');
    expect((await call({ id: 'c3', name: 'nope.nothing', args: {} })).error!.code).toBe('BAD_INPUT');
    expect((await call({ id: 'c4', name: 'constructor', args: {} })).error!.code).toBe('BAD_INPUT');
    expect((await call({ name: 'test.echo', args: { text: 'x' } })).error!.code).toBe('BAD_INPUT');
    expect((await call({ id: 'bad id!', name: 'test.echo', args: { text: 'x' } })).error!.code).toBe('BAD_INPUT');
    expect((await call('test.echo')).error!.code).toBe('BAD_INPUT');
    expect((await call(null)).error!.code).toBe('BAD_INPUT');
  });

  it('refuses calls from subframes, other windows, foreign pages and destroyed frames', async () => {
    const { call, contents, closeWindow } = setup();
    const req = { id: 'c1', name: 'test.echo', args: { text: 'x' } };
    const sub: FakeFrame = { url: 'app://samooh/index.html', parent: contents.mainFrame, processId: 4, routingId: 9 };
    expect((await call(req, contents, sub)).error!.code).toBe('FORBIDDEN');
    const other = new FakeWebContents();
    expect((await call(req, other, other.mainFrame)).error!.code).toBe('FORBIDDEN');
    expect((await call(req, contents, null)).error!.code).toBe('FORBIDDEN');
    const lookalike: FakeFrame = { ...contents.mainFrame, routingId: 2 };
    expect((await call(req, contents, lookalike)).error!.code).toBe('FORBIDDEN');
    contents.mainFrame.url = 'https://evil.example/';
    expect((await call(req)).error!.code).toBe('FORBIDDEN');
    contents.mainFrame.url = 'app://samooh/index.html';
    expect((await call(req)).ok).toBe(true);
    contents.destroyed = true;
    expect((await call(req)).error!.code).toBe('FORBIDDEN');
    contents.destroyed = false;
    closeWindow();
    expect((await call(req)).error!.code).toBe('FORBIDDEN');
  });

  it('sends progress back on the progress channel, tagged with the call id, throttled, final one included', async () => {
    const { call, contents } = setup();
    const r = await call({ id: 'imp-1', name: 'test.progress', args: { steps: 2000 } });
    expect(r).toEqual({ ok: true, value: { steps: 2000 } });
    const msgs = contents.sent.filter((s) => s.channel === CHANNELS.progress).map((s) => s.payload as ProgressMessage);
    expect(msgs.length).toBeGreaterThanOrEqual(2);
    expect(msgs.length).toBeLessThan(200);
    expect(msgs.every((m) => m.id === 'imp-1')).toBe(true);
    expect(msgs[0]!.progress).toEqual({ phase: 'work', done: 1, total: 2000 });
    expect(msgs.at(-1)!.progress).toEqual({ phase: 'work', done: 2000, total: 2000 });
  });

  it('cancels a running call by id, only for our own frame', async () => {
    const { call, ipcMain, contents, runner } = setup();
    const running = call({ id: 'long-1', name: 'test.wait', args: {} });
    await vi.waitFor(() => expect(runner.runningCount).toBe(1));
    const other = new FakeWebContents();
    expect(await ipcMain.invoke(CHANNELS.cancel, other, other.mainFrame, 'long-1')).toBe(false);
    expect(runner.runningCount).toBe(1);
    expect(await ipcMain.invoke(CHANNELS.cancel, contents, contents.mainFrame, 'long-1')).toBe(true);
    expect(await running).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled' } });
    expect(await ipcMain.invoke(CHANNELS.cancel, contents, contents.mainFrame, 'long-1')).toBe(false);
  });

  it('refuses a second call with the id of one still running', async () => {
    const { call, ipcMain, contents, runner } = setup();
    const first = call({ id: 'dup', name: 'test.wait', args: {} });
    await vi.waitFor(() => expect(runner.runningCount).toBe(1));
    const second = await call({ id: 'dup', name: 'test.echo', args: { text: 'x' } });
    expect(second.error!.code).toBe('BAD_INPUT');
    await ipcMain.invoke(CHANNELS.cancel, contents, contents.mainFrame, 'dup');
    await first;
  });

  it('sends no progress to a window that is being destroyed', async () => {
    const { ipcMain, contents } = setup();
    const h = ipcMain.handlers.get(CHANNELS.call)!;
    // The frame check passes (the call arrived while the window lived), then the window dies.
    const event = { sender: contents, senderFrame: contents.mainFrame } as never;
    const p = h(event, { id: 'x1', name: 'test.progress', args: { steps: 500 } }) as Promise<unknown>;
    contents.destroyed = true;
    await p;
    expect(contents.sent.filter((s) => s.channel === CHANNELS.progress).length).toBeLessThanOrEqual(1);
  });
});

describe('isTrustedSender', () => {
  it('needs the expected contents, its main frame, and an app://samooh URL', () => {
    const contents = new FakeWebContents();
    const ev = (frame: FakeFrame | null, sender = contents) => ({ sender, senderFrame: frame }) as never;
    expect(isTrustedSender(ev(contents.mainFrame), contents.asReal())).toBe(true);
    expect(isTrustedSender(ev(contents.mainFrame), null)).toBe(false);
    expect(isTrustedSender(ev({ ...contents.mainFrame, url: 'app://samooh.evil/' }), contents.asReal())).toBe(false);
    expect(isTrustedSender(ev({ ...contents.mainFrame, processId: 5 }), contents.asReal())).toBe(false);
  });
});

describe('throttleProgress', () => {
  it('passes the first, phase changes and the final message at once and coalesces the rest', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const t = throttleProgress((p) => sent.push(`${p.phase}:${p.done}`), 50);
    t.progress({ phase: 'read', done: 1, total: 10 });
    t.progress({ phase: 'read', done: 2, total: 10 });
    t.progress({ phase: 'read', done: 3, total: 10 });
    t.progress({ phase: 'write', done: 1, total: 5 });
    t.progress({ phase: 'write', done: 2, total: 5 });
    expect(sent).toEqual(['read:1', 'write:1']);
    vi.advanceTimersByTime(60);
    expect(sent).toEqual(['read:1', 'write:1', 'write:2']);
    t.progress({ phase: 'write', done: 3, total: 5 });
    t.progress({ phase: 'write', done: 5, total: 5 });
    expect(sent.at(-1)).toBe('write:5');
    t.progress({ phase: 'write', done: 5, total: 5 });
    t.flush();
    vi.advanceTimersByTime(100);
    expect(sent.filter((s) => s === 'write:3')).toHaveLength(0);
  });
});
