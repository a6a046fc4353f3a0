// The preload exposes exactly one object with a fixed method set, and forwards only the fixed
// channels. 'electron' is replaced by a recording fake (the binary is not available here).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_DROPPED_FILES, pathsOfDroppedFiles, type SamoohBridge } from '../../../electron/ipc-contract.js';

type Listener = (event: unknown, message: unknown) => void;
const exposed: { key: string; api: unknown }[] = [];
const invoked: { channel: string; args: unknown[] }[] = [];
const listeners = new Map<string, Set<Listener>>();
/** What Electron's webUtils.getPathForFile answers: a path for Files from the user's disk. */
const diskPaths = new WeakMap<File, string>();
const asked: unknown[] = [];

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }),
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return { ok: true, value: 'pong' };
    },
    on: (channel: string, l: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: Listener) => listeners.get(channel)?.delete(l),
  },
  webUtils: {
    getPathForFile: (file: File) => {
      asked.push(file);
      return diskPaths.get(file) ?? '';
    },
  },
}));

const emit = (channel: string, message: unknown) => {
  for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-event-object' }, message);
};

let bridge: SamoohBridge;
beforeEach(async () => {
  if (exposed.length === 0) await import('../../../electron/preload.js');
  bridge = exposed[0]!.api as SamoohBridge;
  invoked.length = 0;
  asked.length = 0;
});

describe('preload', () => {
  it('exposes one object, window.samooh, with exactly call / onProgress / cancel / onMenu / pathsForFiles', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]!.key).toBe('samooh');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'cancel', 'onMenu', 'onProgress', 'pathsForFiles']);
  });

  it('maps dropped files to their paths through webUtils, locally, and nothing else', () => {
    const dropped = new File(['PK'], 'samooh-PAT-20261128-1.zip');
    diskPaths.set(dropped, '/media/usb/samooh-PAT-20261128-1.zip');
    const folder = new File([], 'bundles');
    diskPaths.set(folder, '/media/usb/bundles');
    // A File the page made itself has no path: the page learns nothing it was not given.
    const made = new File(['x'], 'passwd');
    expect(bridge.pathsForFiles([dropped, made, folder])).toEqual([
      '/media/usb/samooh-PAT-20261128-1.zip',
      null,
      '/media/usb/bundles',
    ]);
    expect(asked).toEqual([dropped, made, folder]);
    expect(invoked).toEqual([]); // no IPC: main is never asked for a path
  });

  it('refuses what is not a list of Files without asking webUtils', () => {
    const fakes = ['/etc/passwd', { name: 'a.zip', path: '/etc/passwd' }, null, 42, new Blob(['x'])];
    expect(bridge.pathsForFiles(fakes as unknown as File[])).toEqual([null, null, null, null, null]);
    expect(asked).toEqual([]);
    expect(() => bridge.pathsForFiles('/etc/passwd' as unknown as File[])).toThrow(TypeError);
    expect(() => bridge.pathsForFiles({ length: 1, 0: new File([], 'a') } as unknown as File[])).toThrow(TypeError);
    const many = Array.from({ length: MAX_DROPPED_FILES + 1 }, () => new File([], 'a.zip'));
    expect(() => bridge.pathsForFiles(many)).toThrow(RangeError);
    expect(asked).toEqual([]);
  });

  it('never passes on a broken answer from getPath (throws, not a string, NUL, too long)', () => {
    const f = new File([], 'a.zip');
    const answers: (() => unknown)[] = [
      () => {
        throw new Error('not a file from disk');
      },
      () => 42,
      () => '/tmp/a\0.zip',
      () => '/' + 'a'.repeat(5000),
      () => '',
    ];
    for (const answer of answers) expect(pathsOfDroppedFiles([f], answer as (f: File) => string)).toEqual([null]);
    expect(pathsOfDroppedFiles([f], () => 'C:\\Users\\hq\\a.zip')).toEqual(['C:\\Users\\hq\\a.zip']);
  });

  it('sends calls on the one call channel as {id, name, args}', async () => {
    expect(await bridge.call('groups.list', { unitCode: 'X' }, 'my-id')).toEqual({ ok: true, value: 'pong' });
    await bridge.call('app.status', {});
    expect(invoked[0]).toEqual({
      channel: CHANNELS.call,
      args: [{ id: 'my-id', name: 'groups.list', args: { unitCode: 'X' } }],
    });
    const auto = invoked[1]!.args[0] as { id: string };
    expect(auto.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    await expect(bridge.call(42 as unknown as string, {})).rejects.toThrow(TypeError);
  });

  it('cancels by id on the cancel channel', async () => {
    await bridge.cancel('abc');
    expect(invoked[0]).toEqual({ channel: CHANNELS.cancel, args: ['abc'] });
  });

  it('passes well-formed progress (never the Electron event) and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge.onProgress((m) => got.push(m));
    emit(CHANNELS.progress, { id: 'a', progress: { phase: 'read', done: 1, total: 2 } });
    emit(CHANNELS.progress, { id: 'a', progress: { phase: 'read' } });
    emit(CHANNELS.progress, 'junk');
    off();
    emit(CHANNELS.progress, { id: 'a', progress: { phase: 'read', done: 2, total: 2 } });
    expect(got).toEqual([{ id: 'a', progress: { phase: 'read', done: 1, total: 2 } }]);
  });

  it('forwards only the fixed menu events', () => {
    const got: unknown[] = [];
    const off = bridge.onMenu((e) => got.push(e));
    emit(CHANNELS.menu, 'language-hi');
    emit(CHANNELS.menu, 'rm -rf');
    emit(CHANNELS.menu, { evil: true });
    off();
    emit(CHANNELS.menu, 'language-en');
    expect(got).toEqual(['language-hi']);
  });
});
