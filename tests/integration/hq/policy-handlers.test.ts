// The district's policy calls through the same dispatch the app and harness use: the HQ key
// picked with a file dialog (scripted), a signed policy imported, refusals as errors-as-data.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_V1 } from '../../../electron/contract/policy.js';
import { signPolicy } from '../../../electron/services/hq/policy-sign.js';
import { hqInfo, loadHqSigningKey, openHqStore } from '../../../electron/services/hq/store.js';
import { call, ok, testContext } from '../../fixtures/context.js';
import { actorAt, makeDistrict, makeHqStore, protector, scratchDir } from './fixtures.js';

let scratch: ReturnType<typeof scratchDir>;
let registerFile: string;
let hqPub: string;
let policyFile: string;

beforeAll(async () => {
  scratch = scratchDir();
  const d = await makeDistrict(scratch.dir, 'PAT', 1);
  await d.db.close();
  registerFile = d.file;
  const hq = openHqStore(await makeHqStore(scratch.dir));
  hqPub = path.join(scratch.dir, 'hq.pub');
  writeFileSync(hqPub, hqInfo(hq).publicKeyFile);
  const out = path.join(scratch.dir, 'signed');
  mkdirSync(out);
  const key = await loadHqSigningKey(hq, protector());
  const doc = {
    ...POLICY_V1,
    version: 3,
    rules: { ...POLICY_V1.rules, R2: { ...POLICY_V1.rules.R2, minMembers: 80 } },
  };
  policyFile = signPolicy(
    hq,
    { documentText: JSON.stringify(doc), key, outDir: out },
    actorAt('2026-03-01T00:00:00Z'),
  ).file;
  await hq.close();
});

afterAll(() => scratch.remove());

describe('policy.* calls', () => {
  it('trust the HQ key from a picked file, refuse a tampered policy, import the signed one', async () => {
    const ctx = testContext({ dataDir: path.join(scratch.dir, 'app') });
    ctx.session.open(registerFile);
    expect(await ok(ctx, 'policy.status', {})).toMatchObject({ hqKey: null, active: { version: 1 } });

    const early = await call(ctx, 'policy.import', { file: policyFile });
    expect(early).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    ctx.dialogAnswers.push(null);
    expect(await ok(ctx, 'policy.trustHq', {})).toEqual({ cancelled: true });
    ctx.dialogAnswers.push(hqPub);
    const trusted = await ok(ctx, 'policy.trustHq', {});
    expect(trusted).toMatchObject({ cancelled: false, replaced: null });

    const tampered = path.join(scratch.dir, 'tampered.json');
    writeFileSync(tampered, readFileSync(policyFile, 'utf8').replace('"minMembers": 80', '"minMembers": 8'));
    copyFileSync(policyFile + '.minisig', tampered + '.minisig');
    const bad = await call(ctx, 'policy.import', { file: tampered });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/changed after HQ signed it/);
    const relative = await call(ctx, 'policy.import', { file: 'signed/samooh-policy-v3.json' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    ctx.dialogAnswers.push(policyFile);
    expect(await ok(ctx, 'policy.import', {})).toMatchObject({ cancelled: false, version: 3, previousVersion: 1 });
    expect(await ok(ctx, 'policy.status', {})).toMatchObject({ active: { version: 3 } });
    const report = await ok(ctx, 'compliance.report', {});
    expect(report.policyVersion).toBe(3);
    expect(report.units.filter((u) => u.type === 'op').every((u) => u.required === 80)).toBe(true);
    const again = await call(ctx, 'policy.import', { file: policyFile });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ctx.session.close();
  });
});
