// The backend worker (electron/backend/worker.ts) behind its host, as the app, the preview and the
// CLI run it: the real built worker file, real SQLite files, real threads.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { abortControllerFor, newCancelFlag } from '../../../electron/backend/cancel.js';
import type { CallHooks } from '../../../electron/backend/call-runner.js';
import { BackendHost } from '../../../electron/backend/host.js';
import type { Progress } from '../../../electron/contract/progress.js';
import { previewOsEncryption } from '../../../electron/harness/preview-platform.js';
import { ROOT } from '../../fixtures/cli.js';
import { registerDigest } from '../../fixtures/digest.js';
import { DISTRICT, dataset, writeCsvFolder, type Scale } from '../../fixtures/register-dataset.js';
import { tempDir } from '../../fixtures/temp.js';

const WORKER = path.join(ROOT, 'dist', 'node', 'backend-worker.js');
const hosts: BackendHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});

function host(dataDir = tempDir(), extra: Partial<ConstructorParameters<typeof BackendHost>[0]> = {}) {
  const h = new BackendHost({
    workerFile: WORKER,
    dataDir,
    operator: 'worker-test',
    open: { kind: 'last' },
    platform: { os: previewOsEncryption(dataDir) },
    slowQueryMs: null,
    ...extra,
  });
  hosts.push(h);
  return h;
}

const refuse = async (): Promise<never> => {
  throw new Error('no dialog expected');
};
function hooks(over: Partial<CallHooks> = {}): CallHooks {
  return {
    progress: () => {},
    dialogs: { openFile: refuse, openFiles: refuse, openFolder: refuse, saveFile: refuse, openPath: refuse },
    ...over,
  };
}

let nextId = 0;
async function ok(h: BackendHost, name: string, args: unknown, hk: CallHooks = hooks()) {
  const r = await h.run({ id: `t${++nextId}`, name, args }, hk);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

describe('cancelling across threads', () => {
  it('a flag raised by another thread ends a synchronous loop that reads signal.aborted', async () => {
    const flag = newCancelFlag();
    const controller = abortControllerFor(flag);
    let heard = false;
    controller.signal.addEventListener('abort', () => (heard = true));
    const other = new Worker(
      "const { parentPort } = require('node:worker_threads'); parentPort.once('message', (f) => Atomics.store(f, 0, 1));",
      { eval: true },
    );
    await new Promise((r) => other.once('online', r));
    other.postMessage(flag);
    // This thread never yields: only shared memory can end the loop.
    let spins = 0;
    while (!controller.signal.aborted) spins++;
    expect(spins).toBeGreaterThanOrEqual(0);
    expect(heard).toBe(true);
    expect((controller.signal.reason as DOMException).name).toBe('AbortError');
    await other.terminate();
  });
});

describe('BackendHost and its worker', () => {
  it('runs calls, streams progress, answers errors as data, and asks the host for what only it can do', async () => {
    const dataDir = tempDir();
    const h = host(dataDir);
    expect(await ok(h, 'app.status', {})).toMatchObject({ hasRegister: false, dataDir });
    const bad = await h.run({ id: 'x1', name: 'units.get', args: { code: '' } }, hooks());
    expect(bad.ok ? null : bad.error.code).toBe('BAD_INPUT');
    const none = await h.run({ id: 'x2', name: 'units.list', args: {} }, hooks());
    expect(none.ok ? null : none.error.code).toBe('NO_REGISTER');
    const malformed = await h.run({ name: 'app.status' }, hooks());
    expect(malformed.ok ? null : malformed.error.code).toBe('BAD_INPUT');

    // The key is sealed with the host's OS encryption (safeStorage in the app): an rpc.
    const made = await ok(h, 'app.createRegister', { code: 'PAT', name: 'Patna' });
    expect(made.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(await ok(h, 'key.info', {})).toMatchObject({ protectors: ['os'] });

    // A dialog is answered by the hooks of the call that asked.
    const chosen = path.join(dataDir, 'register.xlsx');
    const r = await ok(
      h,
      'dialog.openWorkbook',
      {},
      hooks({ dialogs: { ...hooks().dialogs, openFile: async () => chosen } }),
    );
    expect(r).toEqual({ path: chosen });

    // Progress reaches the caller's hook.
    const folder = path.join(tempDir(), 'district');
    writeCsvFolder(folder, dataset(DISTRICT));
    const seen: Progress[] = [];
    const report = await ok(h, 'import.commit', { file: folder }, hooks({ progress: (p) => seen.push(p) }));
    expect((report.totals as { rejected: number }).rejected).toBe(0);
    expect(new Set(seen.map((p) => p.phase))).toEqual(new Set(['read', 'validate', 'write']));
  });

  it('a cancel during the write phase rolls the import back: the register is exactly as before', async () => {
    const dataDir = tempDir();
    const h = host(dataDir);
    await ok(h, 'app.createRegister', { code: 'PAT', name: 'Patna' });
    const small = path.join(tempDir(), 'small');
    writeCsvFolder(small, dataset(DISTRICT));
    await ok(h, 'import.commit', { file: small });
    const file = path.join(dataDir, 'PAT.sqlite');
    const before = registerDigest(file);

    // Large enough that its write phase lasts far longer than a message between two threads.
    const big: Scale = { thanas: 300, ops: 100, staff: 20_000, citizens: 120_000, repeats: 5_000 };
    const folder = path.join(tempDir(), 'big');
    writeCsvFolder(folder, dataset(big));
    const phases: string[] = [];
    let cancelledIn: Progress | null = null;
    const id = 'import-big';
    const result = await h.run(
      { id, name: 'import.commit', args: { file: folder } },
      hooks({
        progress: (p) => {
          phases.push(p.phase);
          if (p.phase === 'write' && !cancelledIn) {
            cancelledIn = p;
            expect(h.cancel(id)).toBe(true);
          }
        },
      }),
    );
    expect(result.ok ? null : result.error.code).toBe('CANCELLED');
    expect(cancelledIn).not.toBeNull();
    expect(cancelledIn!.done).toBeLessThan(cancelledIn!.total);
    expect(phases.at(-1)).toBe('write');
    expect(registerDigest(file)).toEqual(before);

    // The register is usable at once, and the chain of the audit log is intact.
    expect(await ok(h, 'audit.verify', {})).toMatchObject({ ok: true });
    const again = await ok(h, 'import.preview', { file: small });
    expect((again.totals as { rejected: number }).rejected).toBe(0);
  }, 120_000);

  it('a worker that dies fails its calls clearly, and the next call starts a fresh one on the same register', async () => {
    const dataDir = tempDir();
    const h = host(dataDir);
    await ok(h, 'app.createRegister', { code: 'GAYA', name: 'Gaya' });
    const pending = h.run({ id: 'dies', name: 'compliance.report', args: {} }, hooks());
    await (h as unknown as { worker: Worker }).worker.terminate();
    const r = await pending;
    // Either the report finished first, or the call failed with a clear message: never a hang.
    if (!r.ok) expect(r.error).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/stopped/) });
    expect(await ok(h, 'app.status', {})).toMatchObject({ hasRegister: true, district: { code: 'GAYA' } });
  });
});
