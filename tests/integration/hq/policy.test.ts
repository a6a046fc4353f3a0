// Signed policy round trip through the real CLI: HQ signs v2, the stock `minisign` tool checks
// HQ's signature, a district trusts the HQ key once and imports it; unsigned, tampered,
// foreign-signed and older policies are refused and change nothing; compliance and bundles then
// name v2, and HQ's report shows which districts still run v1.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegister } from '../../../db/connection.js';
import { POLICY_V1 } from '../../../electron/contract/policy.js';
import { generateKeyPair, keyIdHex, signPrehashed } from '../../../electron/services/bundle/minisign.js';
import { importBundles } from '../../../electron/services/hq/import.js';
import { hqReport } from '../../../electron/services/hq/report.js';
import { openHqStore } from '../../../electron/services/hq/store.js';
import { trustDistrictKey } from '../../../electron/services/hq/trust.js';
import { samooh } from '../../fixtures/cli.js';
import { TEST_PASSPHRASE } from '../../fixtures/context.js';
import { actorAt, exportBundle, makeDistrict, makeHqStore, scratchDir, type TestDistrict } from './fixtures.js';

const PASS = { SAMOOH_PASSPHRASE: TEST_PASSPHRASE };
let scratch: ReturnType<typeof scratchDir>;
let hq: string;
let hqPub: string;
let pat: TestDistrict;
let gaya: TestDistrict;
let signedDir: string;

const v2 = () => ({
  ...POLICY_V1,
  version: 2,
  rules: { ...POLICY_V1.rules, R1: { ...POLICY_V1.rules.R1, minMembers: 150 } },
});

beforeAll(async () => {
  scratch = scratchDir();
  hq = await makeHqStore(scratch.dir);
  hqPub = path.join(scratch.dir, 'hq.pub');
  expect(samooh(['hq', 'key', 'export', '--db', hq, '--out', hqPub]).status).toBe(0);
  pat = await makeDistrict(scratch.dir, 'PAT', 1);
  gaya = await makeDistrict(scratch.dir, 'GAYA', 2);
  await pat.db.close();
  await gaya.db.close();
  signedDir = path.join(scratch.dir, 'signed');
  mkdirSync(signedDir);
});

afterAll(() => scratch.remove());

const policyRows = (file: string) => {
  const db = openRegister(file);
  const n = db.k.selectFrom('policies').select('version');
  return db.k.executeQuery(n.compile()).then(async (r) => {
    await db.close();
    return r.rows.map((x) => (x as { version: number }).version);
  });
};

describe('signed policy', () => {
  it('HQ signs a newer version, and the stock minisign tool accepts the signature', () => {
    const doc = path.join(scratch.dir, 'policy.json');
    writeFileSync(doc, JSON.stringify(v2()));
    const r = samooh(['hq', 'policy', 'sign', '--db', hq, doc, '--out', signedDir, '--json'], PASS);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json() as { version: number; file: string; signatureFile: string };
    expect(j.version).toBe(2);
    expect(path.basename(j.file)).toBe('samooh-policy-v2.json');
    const ok = spawnSync('minisign', ['-V', '-p', hqPub, '-m', j.file], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Trusted comment: samooh-policy version:2 /i);
    // Not again, and never an older one.
    expect(samooh(['hq', 'policy', 'sign', '--db', hq, doc, '--out', scratch.dir], PASS).status).toBe(2);
    writeFileSync(doc, JSON.stringify(POLICY_V1));
    const old = samooh(['hq', 'policy', 'sign', '--db', hq, doc, '--out', scratch.dir], PASS);
    expect(old.status).toBe(2);
    expect(old.stderr).toMatch(/not newer than version 2/);
    writeFileSync(doc, JSON.stringify({ ...v2(), version: 3, rules: { nope: 1 } }));
    const invalid = samooh(['hq', 'policy', 'sign', '--db', hq, doc, '--out', scratch.dir], PASS);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/not a valid Samooh policy/);
    // A wrong passphrase signs nothing.
    writeFileSync(doc, JSON.stringify({ ...v2(), version: 3 }));
    const locked = samooh(['hq', 'policy', 'sign', '--db', hq, doc, '--out', scratch.dir], {
      SAMOOH_PASSPHRASE: 'wrong one',
    });
    expect(locked.status).toBe(2);
    expect(existsSync(path.join(scratch.dir, 'samooh-policy-v3.json'))).toBe(false);
  });

  it('a district refuses unsigned, tampered, foreign-signed and older policies, then imports the real one', async () => {
    const file = path.join(signedDir, 'samooh-policy-v2.json');
    const noKey = samooh(['policy', 'import', '--db', pat.file, file]);
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toMatch(/trusts no HQ key/);
    const trust = samooh(['policy', 'trust-hq', '--db', pat.file, hqPub, '--json']);
    expect(trust.status, trust.stderr).toBe(0);

    const bad = path.join(scratch.dir, 'bad');
    mkdirSync(bad);
    const unsigned = path.join(bad, 'unsigned.json');
    copyFileSync(file, unsigned);
    const r1 = samooh(['policy', 'import', '--db', pat.file, unsigned]);
    expect(r1.status).toBe(2);
    expect(r1.stderr).toMatch(/not signed/);

    const tampered = path.join(bad, 'tampered.json');
    writeFileSync(tampered, readFileSync(file, 'utf8').replace('"minMembers": 150', '"minMembers": 15'));
    copyFileSync(file + '.minisig', tampered + '.minisig');
    const r2 = samooh(['policy', 'import', '--db', pat.file, tampered]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/changed after HQ signed it/);
    // The stock tool agrees.
    expect(spawnSync('minisign', ['-V', '-p', hqPub, '-m', tampered]).status).not.toBe(0);

    const foreign = path.join(bad, 'foreign.json');
    copyFileSync(file, foreign);
    const other = generateKeyPair();
    writeFileSync(
      foreign + '.minisig',
      signPrehashed(
        readFileSync(foreign),
        other,
        `samooh-policy version:2 hq-key:${keyIdHex(other.keyNumber)} timestamp:1`,
      ),
    );
    const r3 = samooh(['policy', 'import', '--db', pat.file, foreign]);
    expect(r3.status).toBe(2);
    expect(r3.stderr).toMatch(/not by the HQ key this register trusts/);
    // Nothing was installed (v1, the built-in, is seeded only when first needed).
    expect(await policyRows(pat.file)).not.toContain(2);

    const ok = samooh(['policy', 'import', '--db', pat.file, file, '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.json()).toMatchObject({ version: 2, previousVersion: 1 });
    expect(await policyRows(pat.file)).toEqual([1, 2]);
    const again = samooh(['policy', 'import', '--db', pat.file, file + '.minisig']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/not newer than the active version 2/);

    const c = samooh(['compliance', '--db', pat.file, '--json']);
    const report = c.json() as { policyVersion: number; units: { type: string; required: number | null }[] };
    expect(report.policyVersion).toBe(2);
    expect(report.units.filter((u) => u.type === 'thana').every((u) => u.required === 150)).toBe(true);
    // A different HQ key is not swapped in silently.
    const otherPub = path.join(bad, 'other.pub');
    writeFileSync(
      otherPub,
      `untrusted comment: x\n${Buffer.concat([Buffer.from('Ed'), other.keyNumber, other.publicKey]).toString('base64')}\n`,
    );
    expect(samooh(['policy', 'trust-hq', '--db', pat.file, otherPub]).status).toBe(2);
  });

  it("bundles name the new version and HQ's report shows districts still on the old one", async () => {
    const out = path.join(scratch.dir, 'usb');
    mkdirSync(out);
    for (const d of [pat, gaya]) {
      d.db = openRegister(d.file);
      await exportBundle(d, out, new Date('2026-03-02T10:00:00Z'));
      await d.db.close();
    }
    const bag = execFileSync('python3', [
      '-c',
      'import sys,zipfile,glob\nz=zipfile.ZipFile(glob.glob(sys.argv[1]+"/samooh-PAT-*.zip")[0])\nprint([z.read(n).decode() for n in z.namelist() if n.endswith("bag-info.txt")][0])',
      out,
    ]).toString();
    expect(bag).toMatch(/^Samooh-Policy-Version: 2$/m);
    const db = openHqStore(hq);
    for (const d of [pat, gaya]) {
      trustDistrictKey(
        db,
        { district: d.code, publicKeyText: readFileSync(d.pubFile, 'utf8') },
        actorAt('2026-03-01T00:00:00Z'),
      );
    }
    const r = await importBundles(db, [out], actorAt('2026-03-02T12:00:00Z'));
    expect(r.rejected).toEqual([]);
    const rep = hqReport(db, actorAt('2026-03-02T12:00:00Z'));
    expect(rep.currentPolicyVersion).toBe(2);
    expect(rep.districts.map((d) => [d.code, d.policyVersion, d.oldPolicy])).toEqual([
      ['GAYA', 1, true],
      ['PAT', 2, false],
    ]);
    expect(rep.state.districtsOnOldPolicy).toBe(1);
    await db.close();
  });
});
