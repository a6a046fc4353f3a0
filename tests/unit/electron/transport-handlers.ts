// A small handler map for transport tests (IPC, harness, API client): real `handler()`
// definitions with zod schemas that echo, fail, report progress, wait for cancellation and
// ask dialogs — what any transport must carry, independent of the register's services.
import { z } from 'zod';
import { handler } from '../../../electron/backend/define.js';
import { AppError } from '../../../electron/contract/errors.js';

/** Lets the event loop run (progress reaches the transport), without waiting on the clock. */
const nextTurn = () => new Promise((r) => setImmediate(r));

export const transportTestHandlers = {
  'test.echo': handler(z.object({ text: z.string().max(100) }), (a, ctx) => ({ text: a.text, operator: ctx.operator })),
  'test.fail': handler(z.object({}), () => {
    throw new AppError('CONFLICT', 'Code PAT-1 is already used', { field: 'code' });
  }),
  'test.progress': handler(z.object({ steps: z.number().int().min(1).max(10_000) }), async (a, ctx) => {
    for (let i = 1; i <= a.steps; i++) {
      ctx.progress({ phase: 'work', done: i, total: a.steps });
      if (i % 50 === 0) await nextTurn();
    }
    return { steps: a.steps };
  }),
  /** Runs until cancelled, reporting progress so the caller knows it started. */
  'test.wait': handler(z.object({}), async (_a, ctx) => {
    ctx.progress({ phase: 'waiting', done: 0, total: 1 });
    if (!ctx.signal.aborted) {
      await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
    }
    throw new AppError('CANCELLED', 'Cancelled');
  }),
  'test.openFile': handler(z.object({}), async (_a, ctx) => ({
    path: await ctx.dialogs.openFile({
      title: 'Open workbook',
      filters: [{ name: 'Excel', extensions: ['xlsx', 'csv'] }],
    }),
  })),
  'test.openFiles': handler(z.object({}), async (_a, ctx) => ({
    paths: await ctx.dialogs.openFiles({
      title: 'Bundles',
      filters: [{ name: 'Samooh bundle', extensions: ['zip'] }],
    }),
  })),
  'test.saveAndOpen': handler(z.object({ text: z.string() }), async (a, ctx) => {
    const file = await ctx.dialogs.saveFile({ title: 'Save', defaultName: 'report.txt', filters: [] });
    if (!file) return { path: null };
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, a.text);
    await ctx.dialogs.openPath(file);
    return { path: file };
  }),
  'test.chooseFolder': handler(z.object({}), async (_a, ctx) => ({
    path: await ctx.dialogs.openFolder({ title: 'Folder' }),
  })),
  'test.openPath': handler(z.object({ file: z.string() }), async (a, ctx) => {
    await ctx.dialogs.openPath(a.file);
    return { opened: true };
  }),
  'test.date': handler(z.object({}), () => ({ when: new Date('2026-01-02T03:04:05.000Z') })),
  'test.bigint': handler(z.object({}), () => ({ n: 1n })),
};
