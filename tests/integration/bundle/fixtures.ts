// Fixtures for bundle tests: a register with a district key, a compliance report of a given
// size (synthetic but shaped exactly as the compliance service returns it, with hostile text
// in names), and an independent BagIt check that shares no code with the verifier.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ComplianceReport, UnitCompliance } from '../../../electron/services/compliance/types.js';
import {
  createDistrictKey,
  loadSigningKey,
  passphraseProtector,
  type SigningKey,
} from '../../../electron/services/bundle/keys.js';
import {
  addGroup,
  addMembership,
  addPerson,
  addStaff,
  addUnit,
  fillGroup,
  makeRegister,
  type TestRegister,
} from '../../fixtures/builders.js';
import { TEST_KDF_COST, TEST_PASSPHRASE } from '../../fixtures/context.js';
import { tempDir } from '../../fixtures/temp.js';

export const protector = () => passphraseProtector({ passphrase: TEST_PASSPHRASE, cost: TEST_KDF_COST });

export interface KeyedRegister extends TestRegister {
  key: SigningKey;
}

/** A register with units, groups, citizens and staff, and its district key. */
export async function keyedRegister(district = { code: 'PAT', name: 'Patna', nameHi: 'पटना' }): Promise<KeyedRegister> {
  const reg = makeRegister(district);
  const { db } = reg;
  addUnit(db, { code: 'PAT-T-KOTWALI', name: 'Kotwali', nameHi: 'कोतवाली', type: 'thana' });
  addUnit(db, { code: 'PAT-DC', name: 'Police Lines', type: 'district_centre' });
  const g = addGroup(db, { code: 'PAT-KOTWALI-1', unit: 'PAT-T-KOTWALI', name: '=HYPERLINK("http://x")' });
  fillGroup(db, g.id, 5);
  const p = addPerson(db, { name: 'राम कुमार', category: 'eminent', locality: '+cmd|calc' });
  addMembership(db, { groupId: g.id, personId: p.id, joinedOn: '2025-01-02' });
  const s = addStaff(db, { unit: 'PAT-DC', rank: 'SI', gender: 'F' });
  const sg = addGroup(db, { code: 'PAT-STAFF-1', unit: 'PAT-DC', kind: 'staff' });
  addMembership(db, { groupId: sg.id, staffId: s.id });
  await createDistrictKey(db, protector(), 'test-clerk', new Date('2026-01-01T00:00:00Z'));
  const key = await loadSigningKey(db, protector());
  return { ...reg, key };
}

/** A report with `units` units (mostly thanas), shaped as the compliance service returns it. */
export function sampleReport(
  district: { code: string; name: string; nameHi?: string | null } = { code: 'PAT', name: 'Patna', nameHi: 'पटना' },
  opts: { units?: number; generatedAt?: string } = {},
): ComplianceReport {
  const n = opts.units ?? 12;
  const units: UnitCompliance[] = [];
  const groups: ComplianceReport['groups'] = [];
  for (let i = 0; i < n; i++) {
    const type = i === 0 ? 'district_centre' : i % 9 === 0 ? 'division' : i % 4 === 0 ? 'op' : 'thana';
    const required = type === 'thana' ? 200 : type === 'op' ? 100 : type === 'district_centre' ? 200 : null;
    const members = (i * 37) % 260;
    const status = members === 0 ? 'missing' : required !== null && members < required ? 'short' : 'compliant';
    const code = `${district.code}-U${i}`;
    const gcode = `${district.code}-G${i}`;
    units.push({
      code,
      name: i === 1 ? '<script>alert(1)</script>' : i === 2 ? '=cmd|"/c calc"!A1' : `Unit ${i}`,
      nameHi: i % 2 ? `थाना ${i}` : null,
      type,
      parentCode: type === 'op' ? `${district.code}-U1` : null,
      division: type === 'division' ? 'CID' : null,
      status,
      rule: type === 'thana' ? 'R1' : type === 'op' ? 'R2' : type === 'district_centre' ? 'R3' : 'R5',
      members,
      required,
      shortfall: required === null ? 0 : Math.max(0, required - members),
      groups: members ? [gcode] : [],
      split: { eminent: Math.floor(members / 4), public: members - Math.floor(members / 4), staff: 0 },
      bestGroup: members ? gcode : null,
    });
    if (members) {
      groups.push({
        code: gcode,
        unitCode: code,
        kind: type === 'district_centre' ? 'staff' : 'public',
        name: i === 3 ? '@SUM(A1)' : `Group ${i}`,
        status: 'active',
        members,
        eminent: Math.floor(members / 4),
        public: members - Math.floor(members / 4),
        staff: 0,
        capShare: members / 1024,
        capStatus: members / 1024 >= 0.9 ? 'warn' : 'ok',
      });
    }
  }
  const compliant = units.filter((u) => u.status === 'compliant').length;
  const short = units.filter((u) => u.status === 'short').length;
  const missing = units.filter((u) => u.status === 'missing').length;
  return {
    schemaVersion: 1,
    policyVersion: 1,
    policyTitle: { en: 'WhatsApp groups order (2019)', hi: 'व्हाट्सऐप समूह आदेश (2019)' },
    district,
    generatedAt: opts.generatedAt ?? '2026-01-05T10:00:00.000Z',
    units,
    groups,
    rules: (['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const).map((id, i) => ({
      id,
      passed: i % 2 === 0,
      failures: i % 2 ? i : 0,
      message: `${id} ${i % 2 === 0 ? 'passed' : 'failed'}`,
      ...(i === 5 ? { items: ['S-1', 'S-2'] } : {}),
    })),
    summary: {
      units: n,
      compliant,
      short,
      missing,
      percentCompliant: Math.round((1000 * compliant) / Math.max(1, n)) / 10,
      unitsWithoutRule: 0,
      activeGroups: groups.length,
      closedGroups: 0,
      citizens: 1234,
      memberships: 1300,
      staffTotal: 50,
      staffCovered: 48,
      womenStaffTotal: 7,
      womenStaffInWomenGroup: 6,
      womenStaffCovered: 7,
      uncoveredStaff: ['S-1', 'S-2'],
    },
    staffByRankGender: [
      { rank: 'SI', rankEn: 'Sub-Inspector', rankHi: 'अवर निरीक्षक', gender: 'F', total: 7, covered: 6 },
      { rank: 'CONSTABLE', rankEn: 'Constable', rankHi: 'सिपाही', gender: 'M', total: 43, covered: 42 },
    ],
  };
}

/** Unzips with the system's unzip into a fresh folder; returns the bag folder. */
export function unzipToTemp(zip: string): string {
  const out = path.join(tempDir(), 'x');
  mkdirSync(out);
  execFileSync('python3', ['-c', 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, out]);
  const [only] = readdirSync(out);
  return path.join(out, only!);
}

/**
 * An independent BagIt 1.0 check (RFC 8493), sharing no code with the verifier: every file in
 * data/ is in the manifest with the right SHA-256 and vice versa; the tag manifest covers and
 * matches the tag files; Payload-Oxum matches.
 */
export function independentBagCheck(bagDir: string): string[] {
  const errors: string[] = [];
  const sha = (p: string) =>
    createHash('sha256')
      .update(readFileSync(path.join(bagDir, p)))
      .digest('hex');
  const walk = (rel: string): string[] =>
    readdirSync(path.join(bagDir, rel)).flatMap((name) => {
      const p = rel ? `${rel}/${name}` : name;
      return statSync(path.join(bagDir, p)).isDirectory() ? walk(p) : [p];
    });
  if (
    readFileSync(path.join(bagDir, 'bagit.txt'), 'utf8') !== 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'
  ) {
    errors.push('bagit.txt');
  }
  const manifest = (f: string) =>
    new Map(
      readFileSync(path.join(bagDir, f), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => {
          const [h, ...rest] = l.split('  ');
          return [rest.join('  '), h!] as const;
        }),
    );
  const payload = walk('data');
  const m = manifest('manifest-sha256.txt');
  for (const p of payload) if (m.get(p) !== sha(p)) errors.push(`payload ${p}`);
  for (const p of m.keys()) if (!payload.includes(p)) errors.push(`listed ${p}`);
  const t = manifest('tagmanifest-sha256.txt');
  for (const p of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'])
    if (t.get(p) !== sha(p)) errors.push(`tag ${p}`);
  const info = readFileSync(path.join(bagDir, 'bag-info.txt'), 'utf8');
  const oxum = /^Payload-Oxum: (\d+)\.(\d+)$/m.exec(info);
  const octets = payload.reduce((s, p) => s + statSync(path.join(bagDir, p)).size, 0);
  if (!oxum || Number(oxum[1]) !== octets || Number(oxum[2]) !== payload.length) errors.push('Payload-Oxum');
  return errors;
}
