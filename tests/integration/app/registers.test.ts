// Registers at any time (issue #11): app.openRegister, app.openDemo after a register exists, and
// app.recentRegisters, against real SQLite files in temp folders.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHq } from '../../../db/hq/connection.js';
import { openRegister } from '../../../db/connection.js';
import { readAppState } from '../../../electron/backend/session.js';
import { call, ok, testContext } from '../../fixtures/context.js';
import { tempDir } from '../../fixtures/temp.js';

describe('app.openRegister', () => {
  it('switches to another register and back, and the status names it', async () => {
    const ctx = testContext();
    const pat = await ok(ctx, 'app.createRegister', { code: 'pat', name: 'Patna', nameHi: 'पटना' });
    const gaya = await ok(ctx, 'app.createRegister', { code: 'gaya', name: 'Gaya', nameHi: null });
    expect((await ok(ctx, 'app.status', {})).district).toMatchObject({ code: 'GAYA' });

    // Opening the register already open changes nothing.
    expect(await ok(ctx, 'app.openRegister', { path: gaya.file })).toMatchObject({ district: { code: 'GAYA' } });
    const back = await ok(ctx, 'app.openRegister', { path: pat.file });
    expect(back).toMatchObject({ file: pat.file, district: { code: 'PAT', name: 'Patna' } });
    const st = await ok(ctx, 'app.status', {});
    expect(st).toMatchObject({ registerFile: pat.file, district: { code: 'PAT' } });
    expect(readAppState(ctx.session.dataDir).lastRegister).toBe(pat.file);

    // A register elsewhere on disk (a copy on a USB drive) opens too.
    const usb = path.join(tempDir(), 'copy of gaya.sqlite');
    // Copied whole: the file and what its write-ahead log still holds.
    copyFileSync(gaya.file, usb);
    if (existsSync(`${gaya.file}-wal`)) copyFileSync(`${gaya.file}-wal`, `${usb}-wal`);
    await ok(ctx, 'app.openRegister', { path: usb });
    expect((await ok(ctx, 'app.status', {})).registerFile).toBe(usb);
  });

  it('refuses an HQ database, another SQLite file, a text file, a folder and a missing file, and keeps the open register', async () => {
    const ctx = testContext();
    const pat = await ok(ctx, 'app.createRegister', { code: 'pat', name: 'Patna' });
    const dir = tempDir();

    const hqFile = path.join(dir, 'hq.sqlite');
    await openHq(hqFile, { create: true }).close();
    const other = path.join(dir, 'other.sqlite');
    const raw = openRegister(path.join(dir, 'scratch.sqlite'));
    await raw.close();
    // An SQLite file of another program: a table, no Samooh schema.
    copyFileSync(path.join(dir, 'scratch.sqlite'), other);
    const text = path.join(dir, 'notes.txt');
    writeFileSync(text, 'not a database at all\n'.repeat(100));
    const folder = path.join(dir, 'folder.sqlite');
    mkdirSync(folder);

    const cases: [string, string, string][] = [
      [hqFile, 'DB_OPEN_FAILED', 'register_is_hq'],
      [text, 'DB_OPEN_FAILED', 'not_a_register'],
      [folder, 'BAD_INPUT', 'not_a_register'],
      [path.join(dir, 'gone.sqlite'), 'NOT_FOUND', 'register_missing'],
      // A migrated but never initialised file has no district: not a register to switch to.
      [other, 'DB_OPEN_FAILED', 'not_a_register'],
    ];
    for (const [file, code, reason] of cases) {
      const r = await call(ctx, 'app.openRegister', { path: file });
      expect(r, file).toMatchObject({
        ok: false,
        error: { code, details: { reason, params: { file: path.basename(file) } } },
      });
    }
    // Nothing was written into the refused files, and the open register is unchanged.
    expect((await ok(ctx, 'app.status', {})).registerFile).toBe(pat.file);
    expect(readAppState(ctx.session.dataDir).recent).toEqual([pat.file]);
  });

  it('refuses a relative path as bad input', async () => {
    const ctx = testContext();
    const r = await call(ctx, 'app.openRegister', { path: 'PAT.sqlite' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});

describe('app.openDemo and app.recentRegisters', () => {
  it('opens the demo beside a real register and lists both, most recent first, missing files marked', async () => {
    const ctx = testContext();
    const pat = await ok(ctx, 'app.createRegister', { code: 'pat', name: 'Patna' });
    const demo = await ok(ctx, 'app.openDemo', {});
    expect(demo.filled).not.toBeNull();
    expect((await ok(ctx, 'app.status', {})).registerFile).toBe(demo.file);

    let recent = (await ok(ctx, 'app.recentRegisters', {})).registers;
    expect(recent.map((r) => [r.file, r.exists, r.current])).toEqual([
      [demo.file, true, true],
      [pat.file, true, false],
    ]);

    // Back to Patna through the recent list; opening the demo again does not refill it.
    await ok(ctx, 'app.openRegister', { path: pat.file });
    const again = await ok(ctx, 'app.openDemo', {});
    expect(again.filled).toBeNull();
    await ok(ctx, 'app.openRegister', { path: pat.file });
    recent = (await ok(ctx, 'app.recentRegisters', {})).registers;
    expect(recent.map((r) => r.name)).toEqual(['PAT.sqlite', 'demo.sqlite']);
    // Each names its district (read without changing the file).
    expect(recent.map((r) => r.district?.code)).toEqual(['PAT', 'DEMO']);

    // A register deleted since stays in the list, marked missing.
    await ok(ctx, 'app.openDemo', {});
    rmSync(pat.file);
    recent = (await ok(ctx, 'app.recentRegisters', {})).registers;
    expect(recent.find((r) => r.file === pat.file)).toMatchObject({ exists: false, current: false, district: null });
    const r = await call(ctx, 'app.openRegister', { path: pat.file });
    expect(r).toMatchObject({ ok: false, error: { details: { reason: 'register_missing' } } });
  });

  it('keeps the last 8, and closing the register keeps the list', async () => {
    const ctx = testContext();
    const files: string[] = [];
    for (let i = 0; i < 10; i++) {
      files.push((await ok(ctx, 'app.createRegister', { code: `D${i}`, name: `District ${i}` })).file);
    }
    const recent = (await ok(ctx, 'app.recentRegisters', {})).registers;
    expect(recent.map((r) => r.file)).toEqual(files.slice(2).reverse());
    await ok(ctx, 'app.closeRegister', {});
    expect(readAppState(ctx.session.dataDir).lastRegister).toBeUndefined();
    expect((await ok(ctx, 'app.recentRegisters', {})).registers).toHaveLength(8);
  });

  it('a damaged app state file gives an empty list, not an error', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'app-state.json'), '{"recent": [1, null, "x"');
    const ctx = testContext({ dataDir: dir });
    expect((await ok(ctx, 'app.recentRegisters', {})).registers).toEqual([]);
  });
});

describe('dialog.openRegister', () => {
  it('returns the chosen path, or null when the clerk cancels', async () => {
    const ctx = testContext();
    ctx.dialogAnswers.push('/tmp/x.sqlite', null);
    expect(await ok(ctx, 'dialog.openRegister', {})).toEqual({ path: '/tmp/x.sqlite' });
    expect(await ok(ctx, 'dialog.openRegister', {})).toEqual({ path: null });
  });
});
