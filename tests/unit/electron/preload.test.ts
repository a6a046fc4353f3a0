// The preload exposes exactly one object with a fixed method set, and forwards only the fixed
// channels. 'electron' is replaced by a recording fake (the binary is not available here).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type SamoohBridge } from '../../../electron/ipc-contract.js';

type Listener = (event: unknown, message: unknown) => void;
const exposed: { key: string; api: unknown }[] = [];
const invoked: { channel: string; args: unknown[] }[] = [];
const listeners = new Map<string, Set<Listener>>();

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
}));

const emit = (channel: string, message: unknown) => {
  for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-event-object' }, message);
};

let bridge: SamoohBridge;
beforeEach(async () => {
  if (exposed.length === 0) await import('../../../electron/preload.js');
  bridge = exposed[0]!.api as SamoohBridge;
  invoked.length = 0;
});

describe('preload', () => {
  it('exposes one object, window.samooh, with exactly call / onProgress / cancel / onMenu', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]!.key).toBe('samooh');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'cancel', 'onMenu', 'onProgress']);
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
