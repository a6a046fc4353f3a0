// Backups and verified restore through the handler map, on real register files: a backup is a
// consistent copy with a checksum `sha256sum -c` accepts; a restore states what it replaces,
// keeps the replaced register, is audited; a damaged backup is refused with a reason and the
// register is left exactly as it was; an older backup never lets the bundle sequence go back.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../db/audit.js';
import { listOutbox } from '../../../db/bundles.js';
import { rawOf } from '../../../db/raw.js';
import { sidecarFile } from '../../../electron/services/backup/outbox-sidecar.js';
import { addUnit } from '../../fixtures/builders.js';
import { call, ok, testContext, type TestContext } from '../../fixtures/context.js';
import { registerDigest } from '../../fixtures/digest.js';
import { tempDir } from '../../fixtures/temp.js';

async function district(code = 'PAT'): Promise<TestContext> {
  const ctx = testContext({ now: new Date('2026-01-05T10:30:00Z') });
  await ok(ctx, 'app.createRegister', { code, name: 'Patna', nameHi: 'पटना' });
  addUnit(ctx.session.db(), { code: `${code}-T-KOTWALI`, name: 'Kotwali', type: 'thana' });
  return ctx;
}

const reason = (r: { ok: boolean; error?: { code: string; details?: unknown } }) =>
  r.ok
    ? 'ok'
    : `${r.error!.code}:${((d) => d?.refusal ?? d?.reason ?? '')(r.error!.details as { refusal?: string; reason?: string } | undefined)}`;

describe('backup', () => {
  it('writes a consistent copy with a .sha256 that sha256sum accepts, listed in the register’s folder', async () => {
    const ctx = await district();
    const r = await ok(ctx, 'backup.create', { to: { kind: 'own' } });
    expect(path.basename(r.file)).toBe('samooh-PAT-20260105-103000.sqlite');
    const check = spawnSync('sha256sum', ['-c', path.basename(r.checksumFile)], {
      cwd: path.dirname(r.file),
      encoding: 'utf8',
    });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(registerDigest(r.file).sha256).toBe(registerDigest(ctx.session.db().file).sha256);
    const usb = tempDir();
    const onUsb = await ok(ctx, 'backup.create', { to: { kind: 'folder', folder: usb } });
    expect(path.dirname(onUsb.file)).toBe(usb);
    const again = await call(ctx, 'backup.create', { to: { kind: 'file', file: onUsb.file } });
    expect(reason(again)).toBe('CONFLICT:file_exists');
    const list = await ok(ctx, 'backup.list', {});
    expect(list.backups.map((b) => [b.fileName, b.kind, b.hasChecksum])).toEqual([
      ['samooh-PAT-20260105-103000.sqlite', 'manual', true],
    ]);
    expect(list.keep).toBe(10);
  });

  it('two backups within the same second both succeed, the second named -2, and both are listed', async () => {
    const ctx = await district();
    const first = await ok(ctx, 'backup.create', { to: { kind: 'own' } });
    const second = await ok(ctx, 'backup.create', { to: { kind: 'own' } });
    expect(path.basename(first.file)).toBe('samooh-PAT-20260105-103000.sqlite');
    expect(path.basename(second.file)).toBe('samooh-PAT-20260105-103000-2.sqlite');
    const list = await ok(ctx, 'backup.list', {});
    expect(list.backups.map((b) => b.fileName).sort()).toEqual([
      'samooh-PAT-20260105-103000-2.sqlite',
      'samooh-PAT-20260105-103000.sqlite',
    ]);
  });

  it('backs up automatically on close and daily, keeping the last N', async () => {
    const ctx = await district();
    await ok(ctx, 'backup.settings.set', { keep: 2 });
    const first = await ok(ctx, 'backup.auto', { reason: 'daily' });
    expect(first.file).not.toBeNull();
    ctx.setNow(new Date('2026-01-05T18:00:00Z'));
    expect((await ok(ctx, 'backup.auto', { reason: 'daily' })).file).toBeNull(); // under a day old
    expect((await ok(ctx, 'backup.auto', { reason: 'close' })).file).not.toBeNull();
    ctx.setNow(new Date('2026-01-06T18:00:01Z'));
    const third = await ok(ctx, 'backup.auto', { reason: 'daily' });
    expect(third.removed).toEqual([first.file]);
    expect(existsSync(`${first.file!}.sha256`)).toBe(false);
    expect((await ok(ctx, 'backup.list', {})).backups.map((b) => b.createdAt)).toEqual([
      '2026-01-06T18:00:01.000Z',
      '2026-01-05T18:00:00.000Z',
    ]);
  });
});

describe('restore', () => {
  it('states what it replaces, restores, keeps the replaced register, and is audited', async () => {
    const ctx = await district();
    const b = await ok(ctx, 'backup.create', { to: { kind: 'own' } });
    addUnit(ctx.session.db(), { code: 'PAT-T-GANDHI', name: 'Gandhi Maidan', type: 'thana' });
    const plan = await ok(ctx, 'backup.inspect', { file: b.file });
    expect(plan).toMatchObject({
      checksumChecked: true,
      olderThanLastBundle: false,
      current: { units: 2, district: { code: 'PAT' } },
      backup: { units: 1, district: { code: 'PAT' } },
    });
    const before = registerDigest(ctx.session.db().file).sha256;
    ctx.setNow(new Date('2026-01-05T11:00:00Z'));
    const r = await ok(ctx, 'backup.restore', { file: b.file, acceptOlder: false });
    const db = ctx.session.db();
    expect((await ok(ctx, 'units.list', {})).length).toBe(1);
    expect(registerDigest(r.keptAs).sha256).toBe(before);
    expect(verifyAudit(db).ok).toBe(true);
    const last = rawOf(db).prepare('SELECT action, entity FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'restore', entity: 'register' });
  });

  it('refuses a damaged backup with a reason and leaves the register untouched', async () => {
    const ctx = await district();
    const b = await ok(ctx, 'backup.create', { to: { kind: 'own' } });
    const file = ctx.session.db().file;
    const before = registerDigest(file).sha256;
    const dir = tempDir();
    const variant = (name: string, edit: (f: string) => void) => {
      const f = path.join(dir, name);
      copyFileSync(b.file, f);
      edit(f);
      return f;
    };
    const flipped = variant('flipped.sqlite', (f) => {
      const bytes = readFileSync(f);
      // Every b-tree page after the first gets a page type SQLite does not know.
      for (let i = 4096; i < bytes.length; i += 4096) bytes[i] = 0x77;
      writeFileSync(f, bytes);
    });
    copyFileSync(b.checksumFile, `${flipped}.sha256`);
    const noSum = variant('nosum.sqlite', (f) => copyFileSync(flipped, f));
    const text = variant('text.sqlite', (f) => writeFileSync(f, 'not a database at all, just text'));
    const editedAudit = variant('audit.sqlite', (f) => {
      const raw = new Database(f);
      raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
      for (const t of raw
        .prepare("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'")
        .all() as {
        name: string;
      }[])
        raw.exec(`DROP TRIGGER "${t.name}"`);
      raw.exec("UPDATE audit_log SET operator = 'someone else' WHERE id = 1");
      raw.close();
    });
    const other = await district('GAYA');
    const gaya = await ok(other, 'backup.create', { to: { kind: 'folder', folder: dir } });

    expect(reason(await call(ctx, 'backup.inspect', { file: flipped }))).toBe('BAD_FILE:checksum_mismatch');
    expect(reason(await call(ctx, 'backup.restore', { file: flipped, acceptOlder: true }))).toBe(
      'BAD_FILE:checksum_mismatch',
    );
    expect(reason(await call(ctx, 'backup.restore', { file: noSum, acceptOlder: true }))).toMatch(
      /^BAD_FILE:(integrity|not_sqlite|cannot_open)$/,
    );
    expect(reason(await call(ctx, 'backup.restore', { file: text, acceptOlder: true }))).toBe('BAD_FILE:not_sqlite');
    expect(reason(await call(ctx, 'backup.restore', { file: editedAudit, acceptOlder: true }))).toBe(
      'BAD_FILE:audit_broken',
    );
    expect(reason(await call(ctx, 'backup.restore', { file: gaya.file, acceptOlder: true }))).toBe(
      'BAD_FILE:other_district',
    );
    expect(reason(await call(ctx, 'backup.restore', { file: dir, acceptOlder: true }))).toBe('BAD_FILE:not_a_file');
    expect(registerDigest(file).sha256).toBe(before);
    expect(verifyAudit(ctx.session.db()).ok).toBe(true);
  });

  it('an older backup is restored only when asked, and the next bundle continues from the highest', async () => {
    const ctx = await district();
    await ok(ctx, 'bundle.make', { withMembers: false });
    const b = await ok(ctx, 'backup.create', { to: { kind: 'own' } });
    await ok(ctx, 'bundle.make', { withMembers: false });
    await ok(ctx, 'bundle.make', { withMembers: false });
    expect(JSON.parse(readFileSync(sidecarFile(ctx.session.db().file), 'utf8')).rows).toHaveLength(3);

    const plan = await ok(ctx, 'backup.inspect', { file: b.file });
    expect(plan).toMatchObject({ olderThanLastBundle: true, highestSequence: 3, carriedForward: [2, 3] });
    const refused = await call(ctx, 'backup.restore', { file: b.file, acceptOlder: false });
    expect(reason(refused)).toBe('CONFLICT:older_backup');
    await ok(ctx, 'backup.restore', { file: b.file, acceptOlder: true });
    expect(listOutbox(ctx.session.db()).map((r) => r.seq)).toEqual([3, 2, 1]);
    const next = await ok(ctx, 'bundle.make', { withMembers: false });
    expect(next.sequence).toBe(4);
    expect(verifyAudit(ctx.session.db()).ok).toBe(true);
  });
});
