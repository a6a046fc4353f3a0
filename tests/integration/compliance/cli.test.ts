// `samooh compliance` and `samooh demo`: the real CLI, built and spawned, against real files.
// Exit codes (SPEC §9): 0 all rules pass, 1 a rule fails, 2 bad usage or bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../../db/register-db.js';
import type { ComplianceReport } from '../../../electron/services/compliance/types.js';
import { addGroup, addMembership, addStaff, addUnit, fillGroup, makeRegister } from '../../fixtures/builders.js';
import { tempDir } from '../../fixtures/temp.js';
import { rawOf } from '../../../db/raw.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'node'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
}, 120_000);

function samooh(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/samooh.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A register where every rule passes: a thana, the centre's staff group, a women's group. */
function compliantRegister(db: RegisterDb): void {
  addUnit(db, { code: 'PAT-DC', type: 'district_centre', name: 'Police Lines' });
  addUnit(db, { code: 'PAT-T-KOTWALI', type: 'thana', name: 'Kotwali' });
  fillGroup(db, addGroup(db, { code: 'PAT-KOTWALI-1', unit: 'PAT-T-KOTWALI', kind: 'public' }).id, 212);
  const staffGroup = addGroup(db, { code: 'PAT-DC-1', unit: 'PAT-DC', kind: 'staff' });
  const women = addGroup(db, { code: 'PAT-DC-W', unit: 'PAT-DC', kind: 'women_staff' });
  rawOf(db).transaction(() => {
    for (let i = 0; i < 200; i++) {
      const gender = i % 5 === 0 ? 'F' : 'M';
      const s = addStaff(db, { unit: 'PAT-DC', gender, serviceNo: `BP-${1000 + i}` });
      addMembership(db, { groupId: staffGroup.id, staffId: s.id });
      if (gender === 'F') addMembership(db, { groupId: women.id, staffId: s.id });
    }
  })();
}

describe('samooh compliance', () => {
  it('--json prints the SPEC §9 document and exits 0 when every rule passes', () => {
    const reg = makeRegister({ code: 'PAT', name: 'Patna' });
    compliantRegister(reg.db);
    const r = samooh('compliance', '--db', reg.file, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ComplianceReport;
    expect(report).toMatchObject({ schemaVersion: 1, policyVersion: 1, district: { code: 'PAT', name: 'Patna' } });
    expect(Date.parse(report.generatedAt)).not.toBeNaN();
    expect(report.units.find((u) => u.code === 'PAT-T-KOTWALI')).toEqual(
      expect.objectContaining({
        code: 'PAT-T-KOTWALI',
        type: 'thana',
        status: 'compliant',
        members: 212,
        required: 200,
        shortfall: 0,
        groups: ['PAT-KOTWALI-1'],
      }),
    );
    expect(report.rules.map((x) => [x.id, x.passed, x.failures])).toEqual([
      ['R1', true, 0],
      ['R2', true, 0],
      ['R3', true, 0],
      ['R4', true, 0],
      ['R5', true, 0],
      ['R6', true, 0],
      ['R7', true, 0],
    ]);
    expect(report.summary).toEqual(
      expect.objectContaining({
        units: 2,
        compliant: 2,
        short: 0,
        missing: 0,
        citizens: 212,
        memberships: 212 + 200 + 40,
        staffTotal: 200,
        staffCovered: 200,
        womenStaffTotal: 40,
        womenStaffInWomenGroup: 40,
        uncoveredStaff: [],
      }),
    );
  });

  it('prints a table and the summary, and exits 1 when a rule fails', () => {
    const reg = makeRegister({ code: 'PAT', name: 'Patna' });
    compliantRegister(reg.db);
    addUnit(reg.db, { code: 'PAT-T-DIGHA', type: 'thana', name: 'Digha' });
    fillGroup(reg.db, addGroup(reg.db, { code: 'PAT-DIGHA-1', unit: 'PAT-T-DIGHA' }).id, 150);
    addStaff(reg.db, { unit: 'PAT-DC', serviceNo: 'BP-UNCOVERED' });

    const r = samooh('compliance', '--db', reg.file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Patna \(PAT\) — compliance under policy v1, \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(r.stdout).toMatch(/UNIT\s+NAME\s+TYPE\s+STATUS\s+MEMBERS\/REQ\s+SHORT/);
    expect(r.stdout).toMatch(/PAT-DC\s+Police Lines\s+district centre\s+compliant\s+200\/200\s+0/);
    expect(r.stdout).toMatch(/PAT-T-DIGHA\s+Digha\s+thana\s+short\s+150\/200\s+50/);
    expect(r.stdout).toContain(
      '  R1  FAIL  1 of 2 thanas lacks an active public/cyber_senani group of ≥ 200 members (1 short)',
    );
    expect(r.stdout).toContain(
      '  R6  FAIL  200 of 201 staff (99.5 %) are in an active group; 1 is in none (policy: 100 %)',
    );
    expect(r.stdout).toContain('  Units: 3 — 2 compliant, 1 short, 0 missing (66.7 % compliant)');
    expect(r.stdout).toContain('  Staff in no group (1): BP-UNCOVERED');
    expect(r.stdout).toContain('NOT COMPLIANT: R1, R6 failed.');

    const failing = samooh('compliance', '--db', reg.file, '--failing');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('PAT-T-DIGHA');
    expect(failing.stdout).not.toContain('PAT-T-KOTWALI');

    const json = samooh('compliance', '--db', reg.file, '--json');
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as ComplianceReport).rules.filter((x) => !x.passed).map((x) => x.id)).toEqual([
      'R1',
      'R6',
    ]);
  });

  it('exits 2 with a message on stderr for bad usage and bad input', () => {
    const dir = tempDir();
    const noDb = samooh('compliance');
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toMatch(/--db/);

    const missing = samooh('compliance', '--db', path.join(dir, 'nope.sqlite'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no register at/);
    expect(existsSync(path.join(dir, 'nope.sqlite'))).toBe(false);

    const notSqlite = path.join(dir, 'notes.sqlite');
    writeFileSync(notSqlite, 'this is not a database, just text that is long enough to have a header');
    const bad = samooh('compliance', '--db', notSqlite, '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^samooh: .*not a Samooh register/m);

    const unknown = samooh('compliance', '--db', notSqlite, '--bogus');
    expect(unknown.code).toBe(2);
  });

  it('--help teaches the rules and gives examples', () => {
    const r = samooh('compliance', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('R4 the district has a women');
    expect(r.stdout).toContain('samooh compliance --db patna.sqlite --json');
  });
});

describe('samooh demo', () => {
  it('creates and fills a register, deterministically for a seed; compliance then exits 1', () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.sqlite');
    const b = path.join(dir, 'b.sqlite');
    const r = samooh('demo', '--db', a, '--seed', '42', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      file: string;
      scale: string;
      seed: number;
      counts: Record<string, number>;
    };
    expect(out).toMatchObject({
      ok: true,
      file: a,
      scale: 'district',
      seed: 42,
      district: { code: 'DEMO', name: 'Demo District' },
      counts: { units: 39, staff: 1500, people: 8000 },
    });
    expect(existsSync(a)).toBe(true);

    const human = samooh('demo', '--db', b, '--seed', '42');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^Filled .*b\.sqlite with the district demo of Demo District \(DEMO\), seed 42:/);
    expect(human.stdout).toContain('Next: samooh compliance --db');

    const ca = samooh('compliance', '--db', a, '--json');
    const cb = samooh('compliance', '--db', b, '--json');
    expect(ca.code).toBe(1);
    const ra = JSON.parse(ca.stdout) as ComplianceReport;
    const rb = JSON.parse(cb.stdout) as ComplianceReport;
    expect(rb.units).toEqual(ra.units);
    expect(rb.summary).toEqual(ra.summary);
    expect(new Set(ra.units.map((u) => u.status))).toEqual(new Set(['compliant', 'short', 'missing']));
  });

  it('exits 2 for a register that holds data, a bad seed or scale, and a missing folder', () => {
    const reg = makeRegister();
    addUnit(reg.db, { code: 'PAT-T-X' });
    const full = samooh('demo', '--db', reg.file);
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/already holds units/);

    const dir = tempDir();
    const seed = samooh('demo', '--db', path.join(dir, 'x.sqlite'), '--seed', 'abc');
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/--seed must be a whole number/);
    const scale = samooh('demo', '--db', path.join(dir, 'x.sqlite'), '--scale', 'country');
    expect(scale.code).toBe(2);
    expect(scale.stderr).toMatch(/Allowed choices are district, state/);
    const folder = samooh('demo', '--db', path.join(dir, 'no', 'such', 'x.sqlite'));
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/does not exist/);
  });
});
