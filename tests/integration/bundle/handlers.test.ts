// The bundle handlers through dispatch, as the "Send to HQ" screen calls them: a register made
// by app.createRegister (key sealed by the configured protector), the real compliance report,
// preview, export to a folder, the email draft, the outbox and the email settings.
import { existsSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { osProtector, type OsEncryption } from '../../../electron/services/bundle/keys.js';
import { parsePublicKey } from '../../../electron/services/bundle/minisign.js';
import { verifyBundle } from '../../../electron/services/bundle/verify.js';
import { bundleStoreDir } from '../../../electron/services/bundle/store.js';
import { addGroup, addUnit, fillGroup } from '../../fixtures/builders.js';
import { call, ok, testContext, type TestContext } from '../../fixtures/context.js';
import { tempDir } from '../../fixtures/temp.js';

async function districtWithData(): Promise<TestContext> {
  const ctx = testContext({ now: new Date('2026-01-05T10:30:00Z') });
  await ok(ctx, 'app.createRegister', { code: 'PAT', name: 'Patna', nameHi: 'पटना' });
  const db = ctx.session.db();
  addUnit(db, { code: 'PAT-T-KOTWALI', name: 'Kotwali', nameHi: 'कोतवाली', type: 'thana' });
  const g = addGroup(db, { code: 'PAT-KOTWALI-1', unit: 'PAT-T-KOTWALI' });
  fillGroup(db, g.id, 210);
  return ctx;
}

describe('bundle handlers', () => {
  it('key.info and key.exportPublic give the key made at first run', async () => {
    const ctx = await districtWithData();
    const info = await ok(ctx, 'key.info', {});
    expect(info).toMatchObject({ protectors: ['passphrase'], createdBy: 'test-clerk' });
    expect(info!.keyId).toMatch(/^[0-9A-F]{16}$/);
    const file = path.join(tempDir(), 'district.pub');
    expect(await ok(ctx, 'key.exportPublic', { file })).toEqual({ file, keyId: info!.keyId });
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(`untrusted comment: minisign public key ${info!.keyId}`);
    expect((await call(ctx, 'key.exportPublic', { file: 'relative.pub' })).ok).toBe(false);
  });

  it('previews, exports to a folder and lists the outbox', async () => {
    const ctx = await districtWithData();
    const preview = await ok(ctx, 'bundle.preview', { withMembers: false });
    expect(preview).toMatchObject({
      sequence: 1,
      fileName: 'samooh-PAT-20260105-1.zip',
      withMembers: false,
      lastBundle: null,
      warnings: ['email_recipient_missing'],
    });
    expect(preview.figures).toMatchObject({ citizens: 210, memberRows: null });
    expect(preview.files.map((f) => f.path)).not.toContain('data/members.csv');
    const withMembers = await ok(ctx, 'bundle.preview', { withMembers: true });
    expect(withMembers.files.map((f) => f.path)).toContain('data/members.csv');
    expect(withMembers.figures.memberRows).toBe(210);
    expect(withMembers.warnings).toContain('members_personal_data');

    const folder = tempDir();
    const written = await ok(ctx, 'bundle.export', { folder, withMembers: false });
    expect(written.file).toBe(path.join(folder, 'samooh-PAT-20260105-1.zip'));
    expect(ctx.progressEvents.map((p) => p.phase)).toEqual([
      'compute',
      'payload',
      'sign',
      'zip',
      'verify',
      'save',
      'done',
    ]);
    const pub = parsePublicKey((await ok(ctx, 'key.info', {}))!.publicKeyFile);
    const { report, files } = await verifyBundle(written.file, { publicKey: pub, previous: null });
    expect(report.problems).toEqual([]);
    // summary.json is the real compliance report of this register.
    const summary = JSON.parse(files.get('data/summary.json')!.toString());
    expect(summary.district.code).toBe('PAT');
    expect(summary.units.find((u: { code: string }) => u.code === 'PAT-T-KOTWALI')).toMatchObject({
      status: 'compliant',
      members: 210,
    });

    const second = await ok(ctx, 'bundle.export', { folder, withMembers: true });
    expect(second.previousTagmanifestSha256).toBe(written.tagmanifestSha256);
    // The register keeps its own copy in its bundle store; the folder got a delivery of it.
    expect(second.storedFile).toBe(path.join(bundleStoreDir(ctx.session.db().file), second.fileName));
    expect(readFileSync(second.storedFile).equals(readFileSync(second.file))).toBe(true);
    renameSync(second.storedFile, second.storedFile + '.moved');
    const { entries } = await ok(ctx, 'bundle.outbox', {});
    expect(entries.map((e) => [e.sequence, e.withMembers, e.present, e.deliveries.map((d) => d.target)])).toEqual([
      [2, true, false, ['folder']],
      [1, false, true, ['folder']],
    ]);
    expect(entries[1]!.deliveries[0]).toMatchObject({ location: written.file, state: 'done', by: 'test-clerk' });
    expect((await ok(ctx, 'bundle.preview', { withMembers: false })).lastBundle).toMatchObject({ sequence: 2 });

    const missing = await call(ctx, 'bundle.export', { folder: path.join(folder, 'no-such-dir'), withMembers: false });
    expect(missing.ok ? null : missing.error.code).toBe('BAD_INPUT');
  });

  it('keeps email settings, and writes an .eml draft it opens with the mail client', async () => {
    const ctx = await districtWithData();
    expect((await ok(ctx, 'settings.email.get', {})).to).toBe('');
    const bad = await call(ctx, 'settings.email.set', { to: 'not an address', subject: 's', body: 'b' });
    expect(bad.ok ? null : bad.error.code).toBe('BAD_INPUT');
    await ok(ctx, 'settings.email.set', {
      to: 'igp.monitoring@bihar.example, dgp@bihar.example',
      subject: 'अनुपालन बंडल {district} #{sequence}',
      body: 'Bundle {file}\nKey {keyId}\n',
    });
    expect((await ok(ctx, 'settings.email.get', {})).to).toBe('igp.monitoring@bihar.example, dgp@bihar.example');

    const r = await ok(ctx, 'bundle.email', { withMembers: false });
    const store = bundleStoreDir(ctx.session.db().file);
    expect(r.eml).toBe(path.join(store, 'samooh-PAT-20260105-1.eml'));
    expect(ctx.opened).toEqual([r.eml]);
    expect(readdirSync(store).sort()).toEqual(['samooh-PAT-20260105-1.eml', 'samooh-PAT-20260105-1.zip']);
    const eml = readFileSync(r.eml, 'latin1');
    expect(eml).toContain('To: igp.monitoring@bihar.example,\r\n dgp@bihar.example\r\n');
    expect(eml).toContain('X-Unsent: 1\r\n');
    // The attachment decodes to the very zip in the outbox.
    const b64 = /filename="samooh-PAT-20260105-1.zip"\r\n\r\n([A-Za-z0-9+/=\r\n]+)\r\n--/.exec(eml)![1]!;
    expect(b64.split('\r\n').every((l) => l.length <= 76)).toBe(true);
    expect(Buffer.from(b64.replace(/\r\n/g, ''), 'base64').equals(readFileSync(r.file))).toBe(true);
    const { entries } = await ok(ctx, 'bundle.outbox', {});
    expect(entries[0]).toMatchObject({ sequence: 1, location: r.file });
    expect(entries[0]!.deliveries).toMatchObject([{ target: 'email', location: r.eml, state: 'done' }]);
  });

  it('signs with an OS protector (safeStorage-shaped) and refuses when it is unavailable', async () => {
    let available = true;
    const fakeSafeStorage: OsEncryption = {
      isEncryptionAvailable: () => available,
      encryptString: (s) => Buffer.from(`sealed:${Buffer.from(s).toString('base64')}`).reverse(),
      decryptString: (b) =>
        Buffer.from(Buffer.from(b).reverse().toString().slice('sealed:'.length), 'base64').toString(),
    };
    const ctx = testContext({ now: new Date('2026-01-05T10:30:00Z') });
    ctx.setPlatform({ keyProtector: osProtector(fakeSafeStorage) });
    await ok(ctx, 'app.createRegister', { code: 'GAYA', name: 'Gaya' });
    expect((await ok(ctx, 'key.info', {}))!.protectors).toEqual(['os']);
    const w = await ok(ctx, 'bundle.export', { folder: tempDir(), withMembers: false });
    expect(existsSync(w.file)).toBe(true);
    available = false;
    const r = await call(ctx, 'bundle.export', { folder: tempDir(), withMembers: false });
    expect(r.ok ? null : r.error.code).toBe('KEY_LOCKED');
  });

  it('prints the report to PDF through the configured printer, and says so when there is none', async () => {
    const ctx = await districtWithData();
    const file = path.join(tempDir(), 'report.pdf');
    const none = await call(ctx, 'bundle.reportPdf', { file });
    expect(none.ok ? null : none.error.code).toBe('INTERNAL');
    let seen = '';
    ctx.setPlatform({
      printToPdf: (html) => {
        seen = html;
        return Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 32)]);
      },
    });
    expect(await ok(ctx, 'bundle.reportPdf', { file })).toEqual({ file, bytes: 209 });
    expect(seen).toContain('कोतवाली');
    expect(seen).toContain('पूर्वावलोकन');
    ctx.setPlatform({ printToPdf: () => Buffer.from('<html>not a pdf</html>') });
    const bad = await call(ctx, 'bundle.reportPdf', { file });
    expect(bad.ok ? null : bad.error.code).toBe('INTERNAL');
  });
});
