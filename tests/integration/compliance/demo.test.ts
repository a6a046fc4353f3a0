// The demo district: deterministic for a seed, realistic in its mix, written in one audited
// transaction, and only into an empty register.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegister } from '../../../db/connection.js';
import { verifyAudit } from '../../../db/audit.js';
import { all } from '../../../db/exec.js';
import { getSetting } from '../../../db/settings.js';
import { computeCompliance } from '../../../electron/services/compliance/compliance.js';
import { fillDemo, fillDemoIfEmpty } from '../../../electron/services/demo/demo.js';
import { AppError } from '../../../electron/contract/errors.js';
import { addUnit, makeRegister } from '../../fixtures/builders.js';
import { tempDir } from '../../fixtures/temp.js';

const NOW = new Date('2026-01-15T10:00:00.000Z');

function freshDb(name = 'demo.sqlite') {
  return openRegister(path.join(tempDir(), name));
}

describe('fillDemo (district scale)', () => {
  it('is deterministic: the same seed gives the same register and report; another seed differs', () => {
    const a = freshDb();
    const b = freshDb();
    const c = freshDb();
    const ra = fillDemo(a, { scale: 'district', seed: 11, now: NOW });
    const rb = fillDemo(b, { scale: 'district', seed: 11, now: NOW });
    fillDemo(c, { scale: 'district', seed: 12, now: NOW });
    expect(ra.counts).toEqual(rb.counts);
    const repA = computeCompliance(a, { now: NOW });
    expect(computeCompliance(b, { now: NOW })).toEqual(repA);
    const people = (db: typeof a) =>
      all(db, db.k.selectFrom('people').select(['phone', 'name', 'locality', 'category', 'consentOn']).orderBy('id'));
    expect(people(b)).toEqual(people(a));
    expect(people(c)).not.toEqual(people(a));
    expect(computeCompliance(c, { now: NOW }).units.map((u) => u.members)).not.toEqual(
      repA.units.map((u) => u.members),
    );
  });

  it('makes a realistic Bihar district with a mix of compliant, short and missing units', () => {
    const db = freshDb();
    const result = fillDemo(db, { scale: 'district', now: NOW, operator: 'test' });
    expect(result).toMatchObject({ scale: 'district', seed: 2019, district: { code: 'DEMO', name: 'Demo District' } });
    expect(getSetting(db, 'district')).toEqual({ code: 'DEMO', name: 'Demo District', nameHi: 'डेमो ज़िला' });

    const units = all(db, db.k.selectFrom('units').select(['type', 'code', 'name', 'nameHi', 'division']));
    const ofType = (t: string) => units.filter((u) => u.type === t);
    expect(ofType('thana')).toHaveLength(25);
    expect(ofType('op')).toHaveLength(10);
    expect(ofType('district_centre')).toHaveLength(1);
    expect(ofType('division').map((u) => u.division)).toEqual(['BSAP', 'CID', 'Special Branch']);
    expect(units.map((u) => u.name)).toEqual(
      expect.arrayContaining(['Kotwali', 'Danapur', 'Mahila Thana', 'Police Lines']),
    );
    expect(units.every((u) => u.nameHi && /[\u0900-\u097F]/.test(u.nameHi))).toBe(true);

    const r = computeCompliance(db, { now: NOW });
    for (const type of ['thana', 'op'] as const) {
      const statuses = new Set(r.units.filter((u) => u.type === type).map((u) => u.status));
      expect([...statuses].sort(), type).toEqual(['compliant', 'missing', 'short']);
    }
    expect(r.summary.units).toBe(39);
    expect(r.summary.compliant).toBeGreaterThan(r.summary.short);
    const rules = Object.fromEntries(r.rules.map((x) => [x.id, x]));
    expect(rules.R1!.passed).toBe(false);
    expect(rules.R3!.passed).toBe(true);
    expect(rules.R4).toMatchObject({ passed: false, failures: 1 }); // one man in the women's group
    expect(rules.R5).toMatchObject({ passed: false, items: ['DEMO-DIV-SB'] });
    expect(rules.R7).toMatchObject({ passed: true, warnings: 1 });

    // Staff: 1,500 in a pyramid, 15–20 % women, some in no group.
    expect(r.summary.staffTotal).toBe(1500);
    const share = r.summary.womenStaffTotal / r.summary.staffTotal;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.2);
    const uncovered = r.summary.uncoveredStaff.length;
    expect(uncovered).toBeGreaterThan(10);
    expect(uncovered).toBeLessThan(100);
    const byRank = (code: string) =>
      r.staffByRankGender.filter((x) => x.rank === code).reduce((n, x) => n + x.total, 0);
    expect(byRank('SP')).toBe(1);
    expect(byRank('CONSTABLE')).toBeGreaterThan(byRank('SI'));
    expect(byRank('SI')).toBeGreaterThan(byRank('INSPECTOR'));
    expect(byRank('INSPECTOR')).toBeGreaterThan(byRank('DSP'));

    // Citizens: ~8,000 with Hindi and English names, both categories, consent mostly recorded.
    const people = all(
      db,
      db.k
        .selectFrom('people')
        .select(['phone', 'name', 'category', 'consentOn', 'consentHow', 'locality', 'occupation']),
    );
    expect(people).toHaveLength(8000);
    expect(r.summary.citizens).toBeGreaterThan(7500);
    expect(people.every((p) => /^\+91[6-9]\d{9}$/.test(p.phone!))).toBe(true);
    const hindi = people.filter((p) => /[\u0900-\u097F]/.test(p.name)).length;
    expect(hindi / people.length).toBeGreaterThan(0.25);
    expect(hindi / people.length).toBeLessThan(0.45);
    const eminent = people.filter((p) => p.category === 'eminent').length / people.length;
    expect(eminent).toBeGreaterThan(0.5);
    expect(eminent).toBeLessThan(0.7);
    expect(people.filter((p) => p.consentOn).length / people.length).toBeGreaterThan(0.9);
    expect(people.every((p) => (p.consentOn === null) === (p.consentHow === null))).toBe(true);
    expect(people.every((p) => p.locality && p.occupation)).toBe(true);
    expect(people.every((p) => !p.consentOn || p.consentOn < '2026-01-15')).toBe(true);

    // Groups: WhatsApp-like names and invite links, women's group, closed groups, history.
    const groups = all(
      db,
      db.k.selectFrom('groups').select(['code', 'kind', 'name', 'inviteLink', 'status', 'createdOn', 'adminStaffId']),
    );
    expect(groups.filter((g) => g.kind === 'women_staff').length).toBeGreaterThan(0);
    expect(groups.filter((g) => g.status === 'closed').length).toBeGreaterThan(0);
    expect(
      groups
        .filter((g) => g.inviteLink)
        .every((g) => /^https:\/\/chat\.whatsapp\.com\/[A-Za-z0-9]{22}$/.test(g.inviteLink!)),
    ).toBe(true);
    expect(groups.filter((g) => g.inviteLink).length / groups.length).toBeGreaterThan(0.6);
    expect(groups.every((g) => g.createdOn! >= '2018-08-15' && g.createdOn! < '2026-01-15')).toBe(true);
    expect(groups.some((g) => /Police Public Group|पुलिस-पब्लिक|Cyber Senani|साइबर सेनानी/.test(g.name))).toBe(true);
    expect(groups.map((g) => g.code)).toContain('DEMO-KOTWALI-1');
    const left = all(db, db.k.selectFrom('memberships').select(['joinedOn', 'leftOn']).where('leftOn', 'is not', null));
    expect(left.length).toBeGreaterThan(200);
    expect(left.every((m) => m.joinedOn! <= m.leftOn! && m.leftOn! < '2026-01-15')).toBe(true);
  });

  it('writes one audit entry for the fill, and the chain verifies', () => {
    const db = freshDb();
    fillDemo(db, { scale: 'district', seed: 3, now: NOW, operator: 'cli:clerk' });
    const audit = all(db, db.k.selectFrom('auditLog').select(['operator', 'action', 'entity', 'entityId', 'after']));
    expect(audit.map((a) => [a.action, a.entity])).toEqual([
      ['create', 'policy'],
      ['demo', 'register'],
    ]);
    expect(audit[1]).toMatchObject({ operator: 'cli:clerk', entityId: 'DEMO' });
    expect(JSON.parse(audit[1]!.after!)).toMatchObject({
      scale: 'district',
      seed: 3,
      units: 39,
      staff: 1500,
      people: 8000,
    });
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('keeps a district that is already set, and refuses a register that holds data', () => {
    const { db } = makeRegister({ code: 'GAYA', name: 'Gaya' });
    fillDemo(db, { scale: 'district', now: NOW });
    expect(getSetting(db, 'district')).toEqual({ code: 'GAYA', name: 'Gaya' });
    expect(computeCompliance(db, { now: NOW }).units.map((u) => u.code)).toContain('GAYA-T-KOTWALI');

    expect(() => fillDemo(db, { scale: 'district', now: NOW })).toThrow(AppError);
    expect(fillDemoIfEmpty(db, { scale: 'district', now: NOW })).toBeNull();

    const other = makeRegister();
    addUnit(other.db, { code: 'PAT-T-X' });
    let err: unknown;
    try {
      fillDemo(other.db, { scale: 'district' });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'CONFLICT' });
    expect(all(other.db, other.db.k.selectFrom('staff').select('id'))).toEqual([]);
  });

  it('fillDemoIfEmpty fills a new register; bad seeds are refused', () => {
    const db = freshDb();
    expect(() => fillDemo(db, { scale: 'district', seed: -1 })).toThrow(/seed/);
    expect(() => fillDemo(db, { scale: 'district', seed: 1.5 })).toThrow(/seed/);
    const r = fillDemoIfEmpty(db, { scale: 'district', now: NOW });
    expect(r?.counts.units).toBe(39);
  });
});
