// One bundle, many deliveries (issue #11) and the crash windows of making one (issue #10): a
// bundle is made once into the register's store and recorded first; saving it to folders and
// preparing the e-mail draft deliver that same file; what a crash leaves in the store is put
// right when the register is opened again. The states a crash leaves are made here on real
// files (the SIGKILL runs themselves are in tests/crash/).
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertDelivery, listOutbox, pendingDeliveries } from '../../../db/bundles.js';
import { verifyAudit } from '../../../db/audit.js';
import { FileSession } from '../../../electron/backend/session.js';
import { bundleStoreDir, reconcileBundleStore } from '../../../electron/services/bundle/store.js';
import { parsePublicKey } from '../../../electron/services/bundle/minisign.js';
import { verifyBundle } from '../../../electron/services/bundle/verify.js';
import { addGroup, addUnit, fillGroup } from '../../fixtures/builders.js';
import { call, ok, testContext, type TestContext } from '../../fixtures/context.js';
import { tempDir } from '../../fixtures/temp.js';

async function district(): Promise<TestContext> {
  const ctx = testContext({ now: new Date('2026-01-05T10:30:00Z') });
  await ok(ctx, 'app.createRegister', { code: 'PAT', name: 'Patna', nameHi: 'पटना' });
  const db = ctx.session.db();
  addUnit(db, { code: 'PAT-T-KOTWALI', name: 'Kotwali', nameHi: 'कोतवाली', type: 'thana' });
  fillGroup(db, addGroup(db, { code: 'PAT-KOTWALI-1', unit: 'PAT-T-KOTWALI' }).id, 20);
  await ok(ctx, 'settings.email.set', { to: 'igp@bihar.example', subject: 'Bundle {sequence}', body: 'b' });
  return ctx;
}

/** Opens the same register file again, as the next start of the app or CLI does. */
function reopen(ctx: TestContext): FileSession {
  const file = ctx.session.db().file;
  const s = new FileSession(ctx.session.dataDir);
  s.open(file, { mustExist: true });
  return s;
}

describe('one bundle, many deliveries', () => {
  it('makes once; folder, second folder, same folder again and e-mail all deliver that bundle', async () => {
    const ctx = await district();
    const made = await ok(ctx, 'bundle.make', { withMembers: false });
    expect(made).toMatchObject({ sequence: 1, fileName: 'samooh-PAT-20260105-1.zip' });
    expect(path.dirname(made.file)).toBe(bundleStoreDir(ctx.session.db().file));
    const stored = readFileSync(made.file);

    const usb = tempDir();
    const a = await ok(ctx, 'bundle.deliver', { sequence: 1, to: { kind: 'folder', folder: usb } });
    expect(a).toMatchObject({ target: 'folder', file: path.join(usb, made.fileName), alreadyThere: false });
    expect(readFileSync(a.file).equals(stored)).toBe(true);
    expect(readdirSync(usb)).toEqual([made.fileName]); // no temp file left behind
    const again = await ok(ctx, 'bundle.deliver', { sequence: 1, to: { kind: 'folder', folder: usb } });
    expect(again.alreadyThere).toBe(true);
    const other = tempDir();
    await ok(ctx, 'bundle.deliver', { sequence: 1, to: { kind: 'folder', folder: other } });
    const mail = await ok(ctx, 'bundle.deliver', { sequence: 1, to: { kind: 'email' } });
    expect(mail.eml).toBe(made.file.replace(/\.zip$/, '.eml'));
    expect(ctx.opened).toEqual([mail.eml]);
    expect(readFileSync(mail.eml!, 'latin1')).toContain('Subject: Bundle 1');

    // Still one bundle: the next one would be no. 2, and HQ gets the same bytes every way.
    expect((await ok(ctx, 'bundle.preview', { withMembers: false })).sequence).toBe(2);
    const { entries } = await ok(ctx, 'bundle.outbox', {});
    expect(entries).toHaveLength(1);
    expect(entries[0]!.deliveries.map((d) => [d.target, d.state])).toEqual([
      ['folder', 'done'],
      ['folder', 'done'],
      ['folder', 'done'],
      ['email', 'done'],
    ]);
    const pub = parsePublicKey((await ok(ctx, 'key.info', {}))!.publicKeyFile);
    expect((await verifyBundle(a.file, { publicKey: pub, previous: null })).report.ok).toBe(true);
    const audit = verifyAudit(ctx.session.db());
    expect(audit.ok).toBe(true);

    // A new sequence only when the clerk makes a new bundle.
    const second = await ok(ctx, 'bundle.make', { withMembers: false });
    expect(second.sequence).toBe(2);
    expect(second.previousTagmanifestSha256).toBe(made.tagmanifestSha256);
  });

  it('refuses to deliver what was never made, a store file changed since, or over another file', async () => {
    const ctx = await district();
    const none = await call(ctx, 'bundle.deliver', { sequence: 1, to: { kind: 'email' } });
    expect(none.ok ? null : none.error.code).toBe('NOT_FOUND');
    const made = await ok(ctx, 'bundle.make', { withMembers: false });
    const folder = tempDir();
    writeFileSync(path.join(folder, made.fileName), 'someone else’s file');
    const clash = await call(ctx, 'bundle.deliver', { sequence: 1, to: { kind: 'folder', folder } });
    expect(clash.ok ? null : clash.error.code).toBe('CONFLICT');
    expect(readFileSync(path.join(folder, made.fileName), 'utf8')).toBe('someone else’s file');
    const gone = await call(ctx, 'bundle.deliver', {
      sequence: 1,
      to: { kind: 'folder', folder: path.join(folder, 'unplugged') },
    });
    expect(gone.ok ? null : gone.error.code).toBe('BAD_INPUT');
    const bytes = readFileSync(made.file);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(made.file, bytes);
    const changed = await call(ctx, 'bundle.deliver', { sequence: 1, to: { kind: 'folder', folder: tempDir() } });
    expect(changed.ok ? null : changed.error.code).toBe('BAD_FILE');
    expect(pendingDeliveries(ctx.session.db())).toEqual([]);
  });
});

describe('crash windows of making a bundle, settled on the next start', () => {
  it('a crash after the record and before the rename: the recorded .partial is adopted', async () => {
    const ctx = await district();
    const made = await ok(ctx, 'bundle.make', { withMembers: false });
    const store = path.dirname(made.file);
    // What a kill between the commit and the rename leaves: the record, and the bytes as .partial.
    const partial = path.join(store, `.${made.fileName}.0badc0de.partial`);
    renameSync(made.file, partial);
    const next = reopen(ctx);
    expect(existsSync(made.file)).toBe(true);
    expect(existsSync(partial)).toBe(false);
    // The adopted file is the recorded bundle, deliverable like any other.
    const usb = tempDir();
    expect(await ok(ctx, 'bundle.deliver', { sequence: 1, to: { kind: 'folder', folder: usb } })).toMatchObject({
      sequence: 1,
      zipSha256: made.zipSha256,
    });
    await next.close();
  });

  it('a crash before the record: the .partial is removed and the sequence is made again, once', async () => {
    const ctx = await district();
    const store = bundleStoreDir(ctx.session.db().file);
    await ok(ctx, 'bundle.make', { withMembers: false });
    // An unrecorded, half or wholly written bundle no. 2 under its temp name.
    const orphan = path.join(store, '.samooh-PAT-20260105-2.zip.12345678.partial');
    writeFileSync(orphan, 'PK\u0003\u0004 half a bundle');
    const r = reconcileBundleStore(ctx.session.db());
    expect(r).toMatchObject({ adopted: [], removedPartials: 1, missing: [] });
    expect(existsSync(orphan)).toBe(false);
    const second = await ok(ctx, 'bundle.make', { withMembers: false });
    expect(second.sequence).toBe(2);
    expect(listOutbox(ctx.session.db()).map((o) => o.seq)).toEqual([2, 1]);
    expect(readdirSync(store).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('a delivery cut short is marked failed and its half copy removed; a finished one is marked done', async () => {
    const ctx = await district();
    const made = await ok(ctx, 'bundle.make', { withMembers: false });
    const db = ctx.session.db();
    const cut = tempDir();
    const whole = tempDir();
    insertDelivery(db, {
      seq: 1,
      target: 'folder',
      location: path.join(cut, made.fileName),
      startedAt: '2026-01-05T10:31:00Z',
      deliveredBy: 'clerk',
    });
    writeFileSync(path.join(cut, `.${made.fileName}.partial`), readFileSync(made.file).subarray(0, 100));
    insertDelivery(db, {
      seq: 1,
      target: 'folder',
      location: path.join(whole, made.fileName),
      startedAt: '2026-01-05T10:32:00Z',
      deliveredBy: 'clerk',
    });
    writeFileSync(path.join(whole, made.fileName), readFileSync(made.file));
    const r = reconcileBundleStore(db);
    expect(r.deliveries.map((d) => d.state)).toEqual(['failed', 'done']);
    expect(readdirSync(cut)).toEqual([]);
    expect(pendingDeliveries(db)).toEqual([]);
    expect(verifyAudit(db).ok).toBe(true);
  });
});
