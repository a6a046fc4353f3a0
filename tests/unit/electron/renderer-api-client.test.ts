// The renderer's API client: transport choice, unwrapping, ApiError, ids, progress, cancel,
// and the IPC transport over a fake preload bridge.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/contract/errors.js';
import type { MenuEvent, ProgressMessage, SamoohBridge } from '../../../electron/ipc-contract.js';
import { CALL_ID_PATTERN } from '../../../electron/contract/envelope.js';
import { createApiClient } from '../../../renderer/api/client.js';
import { ApiError } from '../../../renderer/api/errors.js';
import { chooseTransport, takePreviewToken } from '../../../renderer/api/index.js';
import { createIpcTransport, type Transport } from '../../../renderer/api/transport.js';

function fakeBridge(reply: (name: string, args: unknown, id: string) => Result<unknown> | Promise<Result<unknown>>) {
  const progressCbs = new Set<(m: ProgressMessage) => void>();
  const menuCbs = new Set<(e: MenuEvent) => void>();
  const cancelled: string[] = [];
  const bridge: SamoohBridge = {
    call: async (name, args, id) => reply(name, args, id!),
    onProgress: (cb) => (progressCbs.add(cb), () => void progressCbs.delete(cb)),
    cancel: async (id) => (cancelled.push(id), true),
    onMenu: (cb) => (menuCbs.add(cb), () => void menuCbs.delete(cb)),
    pathsForFiles: (files) => files.map((f) => (f.name.endsWith('.zip') ? `/media/usb/${f.name}` : null)),
  };
  return {
    bridge,
    cancelled,
    progress: (m: ProgressMessage) => progressCbs.forEach((cb) => cb(m)),
    menu: (e: MenuEvent) => menuCbs.forEach((cb) => cb(e)),
    listenerCount: () => progressCbs.size,
  };
}

const c = (api: ReturnType<typeof createApiClient>) =>
  api.call as unknown as (n: string, a?: unknown, o?: object) => Promise<unknown>;

describe('API client over IPC', () => {
  it('unwraps results and passes names, args and a valid call id', async () => {
    const seen: { name: string; args: unknown; id: string }[] = [];
    const f = fakeBridge((name, args, id) => (seen.push({ name, args, id }), { ok: true, value: { n: 1 } }));
    const api = createApiClient(createIpcTransport(f.bridge));
    expect(api.transport).toBe('ipc');
    expect(await c(api)('groups.list', { unitCode: 'U1' })).toEqual({ n: 1 });
    expect(await c(api)('app.status')).toEqual({ n: 1 });
    expect(seen[0]).toMatchObject({ name: 'groups.list', args: { unitCode: 'U1' } });
    expect(seen[1]!.args).toEqual({});
    expect(seen[0]!.id).toMatch(CALL_ID_PATTERN);
    expect(seen[0]!.id).not.toBe(seen[1]!.id);
  });

  it('throws ApiError carrying code, message and details', async () => {
    const f = fakeBridge(() => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Unit X does not exist', details: { key: 'X' } },
    }));
    const err = await c(createApiClient(createIpcTransport(f.bridge)))('units.get', { code: 'X' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(Error);
    expect((err as ApiError).toData()).toEqual({
      code: 'NOT_FOUND',
      message: 'Unit X does not exist',
      details: { key: 'X' },
    });
  });

  it('turns a failed invoke or a malformed reply into TRANSPORT errors', async () => {
    const f1 = fakeBridge(() => {
      throw new Error('An object could not be cloned');
    });
    await expect(c(createApiClient(createIpcTransport(f1.bridge)))('x.y')).rejects.toMatchObject({ code: 'TRANSPORT' });
    const f2 = fakeBridge(() => 'nonsense' as unknown as Result<unknown>);
    await expect(c(createApiClient(createIpcTransport(f2.bridge)))('x.y')).rejects.toMatchObject({ code: 'TRANSPORT' });
  });

  it('routes progress to the call that owns the id, and to global listeners', async () => {
    let release!: () => void;
    const f = fakeBridge(
      (_n, _a, id) =>
        new Promise((resolve) => {
          f.progress({ id: 'someone-else', progress: { phase: 'x', done: 9, total: 9 } });
          f.progress({ id, progress: { phase: 'read', done: 1, total: 2 } });
          release = () => resolve({ ok: true, value: null });
        }),
    );
    const api = createApiClient(createIpcTransport(f.bridge));
    const mine: number[] = [];
    const all: string[] = [];
    api.onProgress((e) => all.push(`${e.name}:${e.progress.done}`));
    const p = c(api)('import.commit', { file: 'a.xlsx' }, { onProgress: (pr: { done: number }) => mine.push(pr.done) });
    await Promise.resolve();
    release();
    await p;
    expect(mine).toEqual([1]);
    expect(all).toEqual(['import.commit:1']);
    expect(f.listenerCount()).toBe(1); // one bridge subscription shared by all calls
  });

  it('asks the backend to cancel when the signal aborts, then settles with its answer', async () => {
    let finish!: (r: Result<unknown>) => void;
    const f = fakeBridge(() => new Promise((resolve) => (finish = resolve)));
    const api = createApiClient(createIpcTransport(f.bridge));
    const ctrl = new AbortController();
    const p = c(api)('import.commit', {}, { signal: ctrl.signal, id: 'imp-7' });
    ctrl.abort();
    expect(f.cancelled).toEqual(['imp-7']);
    finish({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled' } });
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('delivers menu events', () => {
    const f = fakeBridge(() => ({ ok: true, value: null }));
    const api = createApiClient(createIpcTransport(f.bridge));
    const got: string[] = [];
    const off = api.onMenu((e) => got.push(e));
    f.menu('language-hi');
    off();
    f.menu('language-en');
    expect(got).toEqual(['language-hi']);
  });

  it('accepts a fake transport for component tests', async () => {
    const api = createApiClient(createIpcTransport(fakeBridge(() => ({ ok: true, value: 1 })).bridge));
    const fake: Transport = {
      kind: 'test',
      call: async () => ({ ok: true, value: 'fake' }),
      cancel: async () => {},
      onMenu: () => () => {},
    };
    api.useTransport(fake);
    expect(api.transport).toBe('test');
    expect(await c(api)('anything')).toBe('fake');
    // A transport that cannot locate dropped files: none has a path.
    expect(await api.pathsForFiles([new File(['PK'], 'a.zip')])).toEqual([null]);
  });

  it('maps dropped files to paths through the preload bridge, one answer per file', async () => {
    const api = createApiClient(createIpcTransport(fakeBridge(() => ({ ok: true, value: null })).bridge));
    const files = [new File(['PK'], 'samooh-PAT-20261128-1.zip'), new File(['x'], 'notes.txt')];
    expect(await api.pathsForFiles(files)).toEqual(['/media/usb/samooh-PAT-20261128-1.zip', null]);
  });
});

describe('transport choice and the preview token', () => {
  function fakeWindow(hash: string, opts: { samooh?: SamoohBridge; stored?: string } = {}) {
    const store = new Map<string, string>(opts.stored ? [['samooh.previewToken', opts.stored]] : []);
    const replaced: string[] = [];
    const win = {
      samooh: opts.samooh,
      location: { hash, pathname: '/', search: '' },
      history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) },
      sessionStorage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      },
      document: {},
    };
    return { win: win as unknown as Window, store, replaced };
  }
  const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

  it('takes the token from the fragment, keeps it for reloads and clears the address bar', () => {
    const { win, store, replaced } = fakeWindow(`#token=${token}`);
    expect(takePreviewToken(win)).toBe(token);
    expect(store.get('samooh.previewToken')).toBe(token);
    expect(replaced).toEqual(['/']);
    const reload = fakeWindow('#/units', { stored: token });
    expect(takePreviewToken(reload.win)).toBe(token);
    expect(reload.replaced).toEqual([]);
  });

  it('ignores fragments that are routes or malformed tokens', () => {
    expect(takePreviewToken(fakeWindow('#/units?token=abc').win)).toBeNull();
    expect(takePreviewToken(fakeWindow('#token=short').win)).toBeNull();
    expect(takePreviewToken(fakeWindow(`#token=${token}<script>`).win)).toBeNull();
  });

  it('prefers the preload bridge, then the harness, else reports that nothing is connected', async () => {
    expect(
      chooseTransport(fakeWindow('', { samooh: fakeBridge(() => ({ ok: true, value: 1 })).bridge }).win).kind,
    ).toBe('ipc');
    expect(chooseTransport(fakeWindow(`#token=${token}`).win).kind).toBe('preview');
    const none = chooseTransport(fakeWindow('').win);
    expect(none.kind).toBe('unavailable');
    await expect(createApiClient(none).call('x' as never, {} as never)).rejects.toMatchObject({ code: 'TRANSPORT' });
    expect(chooseTransport(undefined).kind).toBe('unavailable');
  });
});
