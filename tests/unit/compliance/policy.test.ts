// The policy is data (SPEC §4): v1 is built in and stored on first use, the newest stored version
// is the one the engine applies, and every threshold the engine uses comes from it.
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../db/audit.js';
import { all, run } from '../../../db/exec.js';
import { computeCompliance } from '../../../electron/services/compliance/compliance.js';
import { activePolicy, installPolicy } from '../../../electron/services/compliance/policy.js';
import { parsePolicy, POLICY_V1, type Policy } from '../../../electron/contract/policy.js';
import { AppError } from '../../../electron/contract/errors.js';
import { addGroup, addStaff, addUnit, addMembership, fillGroup, makeRegister } from '../../fixtures/builders.js';

const NOW = new Date('2026-03-01T00:00:00.000Z');

function v2(change: (p: Policy) => void): Policy {
  const p = structuredClone(POLICY_V1) as Policy;
  p.version = 2;
  change(p);
  return p;
}

describe('policy v1', () => {
  it('holds the thresholds of the 2019 order and the WhatsApp cap', () => {
    const r = POLICY_V1.rules;
    expect([r.R1.unitType, r.R1.minMembers, r.R1.groupKinds]).toEqual(['thana', 200, ['public', 'cyber_senani']]);
    expect([r.R2.unitType, r.R2.minMembers]).toEqual(['op', 100]);
    expect([r.R3.unitType, r.R3.minMembers, r.R3.count, r.R3.groupKinds]).toEqual([
      'district_centre',
      200,
      'staff',
      ['staff'],
    ]);
    expect([r.R4.groupKinds, r.R4.memberGenders, r.R4.minGroups]).toEqual([['women_staff'], ['F'], 1]);
    expect([r.R5.unitType, r.R5.minMembers, r.R5.groupKinds]).toEqual(['division', null, ['division_staff', 'staff']]);
    expect([r.R6.minPercent, r.R6.groupKinds.length]).toEqual([100, 5]);
    expect([r.R7.cap, r.R7.warnPercent]).toEqual([1024, 90]);
    expect(POLICY_V1.stateTargets.members).toBe(200_000);
    expect(parsePolicy(JSON.parse(JSON.stringify(POLICY_V1)))).toEqual(POLICY_V1);
  });

  it('is stored, with an audit entry, the first time a register needs it', () => {
    const { db } = makeRegister();
    expect(all(db, db.k.selectFrom('policies').selectAll())).toEqual([]);
    computeCompliance(db, { now: NOW });
    computeCompliance(db, { now: NOW });
    const rows = all(db, db.k.selectFrom('policies').selectAll());
    expect(rows).toEqual([
      { version: 1, document: JSON.stringify(POLICY_V1), source: 'builtin', importedAt: NOW.toISOString() },
    ]);
    const audit = all(db, db.k.selectFrom('auditLog').select(['action', 'entity', 'entityId']));
    expect(audit).toEqual([{ action: 'create', entity: 'policy', entityId: '1' }]);
    expect(verifyAudit(db).ok).toBe(true);
  });
});

describe('a newer policy', () => {
  it('replaces the thresholds the engine applies', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    fillGroup(db, addGroup(db, { unit: 'PAT-T-A' }).id, 160);
    expect(computeCompliance(db, { now: NOW }).units[0]).toMatchObject({
      status: 'short',
      required: 200,
      shortfall: 40,
    });

    installPolicy(
      db,
      v2((p) => {
        p.rules.R1.minMembers = 150;
        p.rules.R7.cap = 170;
        p.rules.R7.warnPercent = 50;
      }),
      { operator: 'test', now: NOW },
    );
    const r = computeCompliance(db, { now: NOW });
    expect(r.policyVersion).toBe(2);
    expect(r.units[0]).toMatchObject({ status: 'compliant', required: 150, shortfall: 0 });
    expect(r.rules.find((x) => x.id === 'R7')).toMatchObject({
      passed: true,
      warnings: 1,
      figures: { cap: 170, warnAt: 85 },
    });
    expect(activePolicy(db).version).toBe(2);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('can widen which group kinds count: R6 at 90 % passes with one of ten uncovered', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-DC', type: 'district_centre' });
    const g = addGroup(db, { unit: 'PAT-DC', kind: 'staff' });
    for (let i = 0; i < 9; i++) addMembership(db, { groupId: g.id, staffId: addStaff(db, { unit: 'PAT-DC' }).id });
    addStaff(db, { unit: 'PAT-DC', serviceNo: 'LONE' });
    installPolicy(
      db,
      v2((p) => (p.rules.R6.minPercent = 90)),
      { operator: 'test', now: NOW },
    );
    const r = computeCompliance(db, { now: NOW });
    expect(r.rules.find((x) => x.id === 'R6')).toMatchObject({ passed: true, failures: 0, items: [] });
    expect(r.summary.uncoveredStaff).toEqual(['LONE']);

    // A policy where only staff-kind groups cover staff (v3): a staff member only in a public group is uncovered.
    const pub = addGroup(db, { unit: 'PAT-DC', kind: 'public' });
    const s = addStaff(db, { unit: 'PAT-DC', serviceNo: 'PUB-ONLY' });
    addMembership(db, { groupId: pub.id, staffId: s.id });
    const p3 = v2((p) => (p.rules.R6.groupKinds = ['staff', 'women_staff', 'division_staff']));
    p3.version = 3;
    installPolicy(db, p3, { operator: 'test', now: NOW });
    expect(computeCompliance(db, { now: NOW }).summary.uncoveredStaff).toEqual(['LONE', 'PUB-ONLY']);
  });

  it('must be newer than the active one and valid', () => {
    const { db } = makeRegister();
    const same = structuredClone(POLICY_V1);
    expect(() => installPolicy(db, same, { operator: 'test' })).toThrow(/not newer than the active version 1/);
    const bad = v2((p) => ((p.rules.R1 as { minMembers: unknown }).minMembers = -5));
    expect(() => installPolicy(db, bad, { operator: 'test' })).toThrow(AppError);
    expect(() => installPolicy(db, { ...v2(() => {}), extra: true }, { operator: 'test' })).toThrow(
      /not a valid Samooh policy/,
    );
    const clash = v2((p) => (p.rules.R2.unitType = 'thana'));
    expect(() => installPolicy(db, clash, { operator: 'test' })).toThrow(/R2 and R1 both apply to thana units/);
    expect(activePolicy(db).version).toBe(1);
  });

  it('a stored document edited outside Samooh is refused, not trusted', () => {
    const { db } = makeRegister();
    activePolicy(db);
    run(db, db.k.updateTable('policies').set({ document: '{"format":"samooh-policy"}' }).where('version', '=', 1));
    expect(() => computeCompliance(db)).toThrow(/stored policy version 1 is not a valid Samooh policy/);
    // A valid document under another version's row: someone copied rows around.
    run(
      db,
      db.k
        .updateTable('policies')
        .set({ document: JSON.stringify(v2(() => {})) })
        .where('version', '=', 1),
    );
    expect(() => computeCompliance(db)).toThrow(/row 1 holds a document of version 2/);
  });
});
