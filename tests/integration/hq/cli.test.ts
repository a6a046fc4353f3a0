// `samooh hq …` spawned for real from the built CLI: forty generated districts export signed
// bundles; HQ trusts their keys, imports the lot in one command, and the state report's totals
// equal the sum of the districts' own `samooh compliance --json`. Exit codes 0/1/2, the exact
// JSON shapes, and the refusal of each other's files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samooh } from '../../fixtures/cli.js';
import { openHqStore } from '../../../electron/services/hq/store.js';
import { trustDistrictKey } from '../../../electron/services/hq/trust.js';
import type { ComplianceReport } from '../../../electron/services/compliance/types.js';
import { actorAt, exportBundle, makeDistrict, makeHqStore, scratchDir, type TestDistrict } from './fixtures.js';

const DISTRICTS = 40;
let scratch: ReturnType<typeof scratchDir>;
let hq: string;
let out: string;
const districts: TestDistrict[] = [];
const own: ComplianceReport[] = [];

interface ImportJson {
  accepted: { file: string; district: string; sequence: number; warnings: unknown[] }[];
  duplicates: { file: string; district: string; sequence: number }[];
  rejected: { file: string; district: string | null; reason: string; message: string }[];
}

beforeAll(async () => {
  scratch = scratchDir();
  out = path.join(scratch.dir, 'usb');
  mkdirSync(out);
  hq = await makeHqStore(scratch.dir);
  for (let i = 0; i < DISTRICTS; i++) {
    const code = `D${String(i + 1).padStart(2, '0')}`;
    districts.push(await makeDistrict(scratch.dir, code, i));
  }
  // Each district's own answer, from its own CLI, before it exports.
  for (const d of districts) {
    await d.db.close();
    const r = samooh(['compliance', '--db', d.file, '--json']);
    expect([0, 1]).toContain(r.status);
    own.push(r.json() as ComplianceReport);
  }
  const { openRegister } = await import('../../../db/connection.js');
  for (const d of districts) {
    d.db = openRegister(d.file);
    await exportBundle(d, out, new Date('2026-03-02T10:00:00Z'));
    await d.db.close();
  }
}, 240_000);

afterAll(() => scratch.remove());

describe('samooh hq with forty districts', () => {
  it('trusts keys (two through the CLI), imports every bundle, and the state totals are the sum of the districts', () => {
    const t1 = samooh([
      'hq',
      'trust',
      '--db',
      hq,
      '--district',
      'D01',
      districts[0]!.pubFile,
      '--name',
      'Patna',
      '--json',
    ]);
    expect(t1.status, t1.stderr).toBe(0);
    expect(t1.json()).toMatchObject({
      district: 'D01',
      districtName: 'Patna',
      keyId: districts[0]!.key.keyId,
      status: 'active',
    });
    const t2 = samooh(['hq', 'trust', '--db', hq, '--district', 'D02', districts[1]!.pubFile]);
    expect(t2.status, t2.stderr).toBe(0);
    expect(t2.stdout).toContain(districts[1]!.key.keyId);
    const dup = samooh(['hq', 'trust', '--db', hq, '--district', 'D02', districts[1]!.pubFile]);
    expect(dup.status).toBe(2);
    expect(dup.stderr).toMatch(/already trusted for D02/);
    const db = openHqStore(hq);
    for (const d of districts.slice(2)) {
      trustDistrictKey(
        db,
        { district: d.code, publicKeyText: readFileSync(d.pubFile, 'utf8'), name: d.name },
        actorAt('2026-03-01T00:00:00Z'),
      );
    }
    return db.close().then(() => {
      const keys = samooh(['hq', 'keys', '--db', hq, '--json']);
      expect(keys.status).toBe(0);
      expect((keys.json() as unknown[]).length).toBe(DISTRICTS);

      const imp = samooh(['hq', 'import', '--db', hq, out, '--json']);
      expect(imp.status, imp.stderr).toBe(0);
      const r = imp.json() as ImportJson;
      expect(Object.keys(r)).toEqual(['accepted', 'duplicates', 'rejected']);
      expect(r.accepted).toHaveLength(DISTRICTS);
      expect(r.accepted[0]).toEqual({
        file: expect.stringMatching(/samooh-D01-\d{8}-1\.zip$/),
        district: 'D01',
        sequence: 1,
        warnings: [],
      });
      expect(r.rejected).toEqual([]);

      const rep = samooh(['hq', 'report', '--db', hq, '--json', '--silent-days', '30']);
      expect(rep.status, rep.stderr).toBe(0);
      const report = rep.json() as {
        generatedAt: string;
        targets: { citizens: number };
        state: Record<string, number>;
        districts: {
          code: string;
          name: string;
          latestSequence: number;
          latestGeneratedAt: string;
          receivedAt: string;
          silentDays: number;
          gaps: number[];
          forked: boolean;
          summary: Record<string, unknown>;
        }[];
      };
      expect(report.targets.citizens).toBe(200_000);
      const sum = (k: keyof ComplianceReport['summary']) => own.reduce((s, x) => s + (x.summary[k] as number), 0);
      expect(report.state).toMatchObject({
        districtsTrusted: DISTRICTS,
        districtsReporting: DISTRICTS,
        units: sum('units'),
        compliant: sum('compliant'),
        short: sum('short'),
        missing: sum('missing'),
        citizens: sum('citizens'),
        memberships: sum('memberships'),
        staffTotal: sum('staffTotal'),
        staffCovered: sum('staffCovered'),
        womenStaffTotal: sum('womenStaffTotal'),
        womenStaffInWomenGroup: sum('womenStaffInWomenGroup'),
      });
      // The districts differ (some short, some missing), so the sums are not trivially equal.
      expect(new Set(own.map((x) => x.summary.compliant)).size).toBeGreaterThan(1);
      expect(report.districts).toHaveLength(DISTRICTS);
      const d1 = report.districts[0]!;
      expect(d1).toMatchObject({ code: 'D01', name: 'Patna', latestSequence: 1, gaps: [], forked: false });
      expect(d1.summary).toEqual(own[0]!.summary);

      // Importing the same folder again: all duplicates, exit 0.
      const again = samooh(['hq', 'import', '--db', hq, out, '--json']);
      expect(again.status).toBe(0);
      expect((again.json() as ImportJson).duplicates).toHaveLength(DISTRICTS);

      // One bad file among good ones: exit 1, the rest unaffected, human text names the reason.
      const junk = path.join(scratch.dir, 'junk.zip');
      writeFileSync(junk, 'not a zip at all');
      const bad = samooh(['hq', 'import', '--db', hq, junk, path.join(out, path.basename(r.accepted[1]!.file))]);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/REJECTED {2}not_a_bundle/);
      expect(bad.stdout).toMatch(/duplicate D02 #1/);

      const text = samooh(['hq', 'report', '--db', hq]);
      expect(text.status).toBe(0);
      expect(text.stdout).toContain(`Districts reporting: ${DISTRICTS} of ${DISTRICTS} trusted`);
    });
  }, 120_000);

  it('edits targets and retires a key from a date', () => {
    const t = samooh(['hq', 'targets', '--db', hq, '--citizens', '250000', '--json']);
    expect(t.status, t.stderr).toBe(0);
    expect(t.json()).toMatchObject({ citizens: 250_000, compliantPercent: 100 });
    const rep = samooh(['hq', 'report', '--db', hq, '--json']);
    expect((rep.json() as { targets: { citizens: number } }).targets.citizens).toBe(250_000);
    expect(samooh(['hq', 'targets', '--db', hq, '--compliant-percent', '150']).status).toBe(2);

    const keyId = districts[2]!.key.keyId;
    const r = samooh([
      'hq',
      'retire',
      '--db',
      hq,
      '--district',
      'D03',
      '--key-id',
      keyId,
      '--from',
      '2026-04-01',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ keyId, status: 'retired', retiredFrom: '2026-04-01' });
    expect(
      samooh(['hq', 'retire', '--db', hq, '--district', 'D03', '--key-id', keyId, '--from', '2026-13-01']).status,
    ).toBe(2);
    expect(samooh(['hq', 'retire', '--db', hq, '--district', 'D04', '--key-id', keyId]).status).toBe(2);
  });
});

describe('files of the other kind are refused (exit 2, clear message)', () => {
  it('hq commands refuse a register; district commands refuse an HQ database', () => {
    const reg = districts[0]!.file;
    const r1 = samooh(['hq', 'report', '--db', reg]);
    expect(r1.status).toBe(2);
    expect(r1.stderr).toMatch(/is not an HQ database/);
    const r2 = samooh(['compliance', '--db', hq]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/is an HQ database, not a district register/);
    const r3 = samooh(['bundle', 'export', '--db', hq, '--out', scratch.dir], { SAMOOH_PASSPHRASE: 'x' });
    expect(r3.status).toBe(2);
    expect(r3.stderr).toMatch(/HQ database/);
    const r4 = samooh(['hq', 'import', '--db', path.join(scratch.dir, 'nothing.sqlite'), out]);
    expect(r4.status).toBe(2);
    expect(r4.stderr).toMatch(/no HQ database at/);
  });

  it('hq init needs a passphrase and leaves nothing without one; with one it makes the store and key', () => {
    const file = path.join(scratch.dir, 'new-hq.sqlite');
    const none = samooh(['hq', 'init', '--db', file, '--name', 'Police HQ']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/passphrase/i);
    expect(existsSync(file)).toBe(false);
    const made = samooh(['hq', 'init', '--db', file, '--name', 'Police HQ', '--json'], {
      SAMOOH_PASSPHRASE: 'hq passphrase 1',
    });
    expect(made.status, made.stderr).toBe(0);
    const j = made.json() as { keyId: string; publicKeyFile: string };
    expect(j.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(j.publicKeyFile).toMatch(/^untrusted comment: .*\n[A-Za-z0-9+/]{56}\n$/);
    expect(
      samooh(['hq', 'init', '--db', file, '--name', 'Again'], { SAMOOH_PASSPHRASE: 'hq passphrase 1' }).status,
    ).toBe(2);
    const pub = path.join(scratch.dir, 'hq.pub');
    const ex = samooh(['hq', 'key', 'export', '--db', file, '--out', pub]);
    expect(ex.status, ex.stderr).toBe(0);
    expect(readFileSync(pub, 'utf8')).toBe(j.publicKeyFile);
  }, 120_000);
});
