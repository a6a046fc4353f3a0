// HQ mode in the app (SPEC §8) through the same dispatch the app and harness use: first run at
// HQ makes the store and key, the session remembers it, districts are trusted from picked .pub
// files, bundles imported (a duplicate and an untrusted one among them), the report and drill-down.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, ok, testContext } from '../../fixtures/context.js';
import { exportBundle, makeDistrict, scratchDir, type TestDistrict } from './fixtures.js';

let scratch: ReturnType<typeof scratchDir>;
let pat: TestDistrict;
let gaya: TestDistrict;
let stranger: TestDistrict;
const bundles: string[] = [];
let strangerBundle: string;

beforeAll(async () => {
  scratch = scratchDir();
  pat = await makeDistrict(scratch.dir, 'PAT', 1);
  gaya = await makeDistrict(scratch.dir, 'GAY', 2);
  stranger = await makeDistrict(scratch.dir, 'XYZ', 3);
  const out = path.join(scratch.dir, 'out');
  mkdirSync(out);
  bundles.push((await exportBundle(pat, out, new Date('2026-11-01T10:00:00Z'))).file);
  bundles.push((await exportBundle(pat, out, new Date('2026-11-20T10:00:00Z'))).file);
  bundles.push((await exportBundle(gaya, out, new Date('2026-11-21T10:00:00Z'))).file);
  strangerBundle = (await exportBundle(stranger, out, new Date('2026-11-21T10:00:00Z'))).file;
  for (const d of [pat, gaya, stranger]) await d.db.close();
});

afterAll(() => scratch.remove());

describe('hq.* calls (the HQ app)', () => {
  it('creates the HQ store at first run, trusts, imports, reports, and reopens it next start', async () => {
    const dataDir = path.join(scratch.dir, 'app');
    const ctx = testContext({ dataDir });
    expect(await ok(ctx, 'hq.status', {})).toEqual({ open: false });
    const nothing = await call(ctx, 'hq.report', {});
    expect(nothing).toMatchObject({ ok: false, error: { code: 'NO_REGISTER' } });

    const created = await ok(ctx, 'hq.create', { name: '  Police HQ  Bihar ', nameHi: 'पुलिस मुख्यालय' });
    expect(created).toMatchObject({ open: true, name: 'Police HQ Bihar', nameHi: 'पुलिस मुख्यालय' });
    expect(created.open && created.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(existsSync(path.join(dataDir, 'hq.sqlite'))).toBe(true);

    const empty = await ok(ctx, 'hq.report', {});
    expect(empty.districts).toEqual([]);
    expect(empty.state.districtsReporting).toBe(0);

    ctx.dialogAnswers.push(null);
    expect(await ok(ctx, 'hq.trust', { district: 'PAT' })).toEqual({ cancelled: true });
    ctx.dialogAnswers.push(pat.pubFile);
    const t1 = await ok(ctx, 'hq.trust', { district: 'PAT', name: 'Patna', nameHi: 'पटना' });
    expect(t1).toMatchObject({ cancelled: false, key: { district: 'PAT', status: 'active' } });
    await ok(ctx, 'hq.trust', { district: 'GAY', file: gaya.pubFile, name: 'Gaya' });
    const notAKey = await call(ctx, 'hq.trust', { district: 'GAY', file: bundles[0]! });
    expect(notAKey).toMatchObject({ ok: false });
    expect((await ok(ctx, 'hq.keys', {})).keys.map((k) => k.district).sort()).toEqual(['GAY', 'PAT']);

    const imported = await ok(ctx, 'hq.import', { paths: [...bundles, strangerBundle] });
    if (imported.cancelled) throw new Error('not cancelled');
    expect(imported.accepted).toHaveLength(3);
    expect(imported.rejected).toMatchObject([{ reason: 'untrusted_key' }]);
    expect(ctx.progressEvents.at(-1)).toMatchObject({ phase: 'verify', done: 4, total: 4 });
    ctx.dialogAnswers.push(bundles[0]!);
    const again = await ok(ctx, 'hq.import', {});
    expect(again).toMatchObject({ cancelled: false, accepted: [], duplicates: [{ district: 'PAT', sequence: 1 }] });

    const report = await ok(ctx, 'hq.report', { silentDays: 14 });
    expect(report.state.districtsReporting).toBe(2);
    expect(report.districts.find((d) => d.code === 'PAT')).toMatchObject({ latestSequence: 2, name: 'Patna' });
    const detail = await ok(ctx, 'hq.district', { code: 'PAT' });
    expect(detail.latest?.sequence).toBe(2);
    expect(detail.history).toHaveLength(2);

    expect(await ok(ctx, 'hq.targets.set', { citizens: 250_000 })).toMatchObject({ citizens: 250_000 });
    const badTarget = await call(ctx, 'hq.targets.set', { compliantPercent: 120 });
    expect(badTarget).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    const keyId = t1.cancelled ? '' : t1.key.keyId;
    const wrongDistrict = await call(ctx, 'hq.retire', { district: 'GAY', keyId });
    expect(wrongDistrict).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const retired = await ok(ctx, 'hq.retire', { district: 'PAT', keyId, from: '2026-11-25' });
    expect(retired).toMatchObject({ status: 'retired', retiredFrom: '2026-11-25' });
    await ctx.session.hq?.close();

    // The next start finds the HQ store again, with what was recorded.
    const next = testContext({ dataDir });
    expect(await ok(next, 'hq.status', {})).toMatchObject({ open: true, name: 'Police HQ Bihar' });
    expect((await ok(next, 'hq.report', {})).targets.citizens).toBe(250_000);
    // A district register is refused as an HQ store.
    const wrong = await call(next, 'hq.open', { file: pat.file });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await ok(next, 'hq.close', {})).toEqual({ closed: true });
    expect(await ok(testContext({ dataDir }), 'hq.status', {})).toEqual({ open: false });
  });
});
