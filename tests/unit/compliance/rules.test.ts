// The rules R1–R7 of policy v1 (SPEC §4) on small registers built in real SQLite files: each rule
// passing and failing, with the exact figures the report must carry.
import { describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../../db/register-db.js';
import type { Gender } from '../../../db/schema.js';
import { computeCompliance } from '../../../electron/services/compliance/compliance.js';
import type { ComplianceReport, RuleId } from '../../../electron/services/compliance/types.js';
import {
  addGroup,
  addMembership,
  addPerson,
  addStaff,
  addUnit,
  fillGroup,
  makeRegister,
} from '../../fixtures/builders.js';
import { rawOf } from '../../../db/raw.js';

const NOW = new Date('2026-02-01T09:30:00.000Z');
const report = (db: RegisterDb) => computeCompliance(db, { now: NOW });
const rule = (r: ComplianceReport, id: RuleId) => r.rules.find((x) => x.id === id)!;
const unit = (r: ComplianceReport, code: string) => r.units.find((u) => u.code === code)!;

/** `n` staff posted at `unit`, each an active member of `groupId`. */
function staffInGroup(db: RegisterDb, unitCode: string, groupId: number, n: number, gender: Gender = 'M'): string[] {
  const out: string[] = [];
  rawOf(db).transaction(() => {
    for (let i = 0; i < n; i++) {
      const s = addStaff(db, { unit: unitCode, gender });
      addMembership(db, { groupId, staffId: s.id });
      out.push(s.serviceNo);
    }
  })();
  return out;
}

describe('R1: each thana has a police–public group of ≥ 200 active members', () => {
  it('is compliant at exactly 200, short by 1 at 199, missing without a group', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    addUnit(db, { code: 'PAT-T-B', type: 'thana' });
    addUnit(db, { code: 'PAT-T-C', type: 'thana' });
    fillGroup(db, addGroup(db, { code: 'A-1', unit: 'PAT-T-A', kind: 'public' }).id, 200);
    fillGroup(db, addGroup(db, { code: 'B-1', unit: 'PAT-T-B', kind: 'cyber_senani' }).id, 199);

    const r = report(db);
    expect(unit(r, 'PAT-T-A')).toMatchObject({
      status: 'compliant',
      rule: 'R1',
      members: 200,
      required: 200,
      shortfall: 0,
      groups: ['A-1'],
      bestGroup: 'A-1',
    });
    expect(unit(r, 'PAT-T-B')).toMatchObject({
      status: 'short',
      members: 199,
      required: 200,
      shortfall: 1,
      groups: ['B-1'],
    });
    expect(unit(r, 'PAT-T-C')).toMatchObject({
      status: 'missing',
      members: 0,
      required: 200,
      shortfall: 200,
      groups: [],
    });
    expect(rule(r, 'R1')).toMatchObject({
      passed: false,
      failures: 2,
      items: ['PAT-T-B', 'PAT-T-C'],
      figures: { units: 3, compliant: 1, short: 1, missing: 1, required: 200 },
    });
    expect(rule(r, 'R1').message).toBe(
      '2 of 3 thanas lack an active public/cyber_senani group of ≥ 200 members (1 short, 1 missing)',
    );
  });

  it('passes when every thana is compliant, and with no thanas at all', () => {
    const { db } = makeRegister();
    expect(rule(report(db), 'R1')).toMatchObject({ passed: true, failures: 0, items: [] });
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    fillGroup(db, addGroup(db, { unit: 'PAT-T-A', kind: 'public' }).id, 230);
    expect(rule(report(db), 'R1')).toMatchObject({ passed: true, failures: 0, items: [] });
  });

  it('counts staff members too, but not left memberships or closed groups', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    const g = addGroup(db, { code: 'A-1', unit: 'PAT-T-A', kind: 'public' });
    fillGroup(db, g.id, 190);
    staffInGroup(db, 'PAT-T-A', g.id, 10);
    // Five who left: history, not members.
    for (let i = 0; i < 5; i++) {
      addMembership(db, { groupId: g.id, personId: addPerson(db).id, joinedOn: '2020-01-01', leftOn: '2021-01-01' });
    }
    // A closed group with 300 members never qualifies.
    const closed = addGroup(db, { code: 'A-OLD', unit: 'PAT-T-A', kind: 'cyber_senani', status: 'closed' });
    fillGroup(db, closed.id, 300);

    const r = report(db);
    expect(unit(r, 'PAT-T-A')).toMatchObject({
      status: 'compliant',
      members: 200,
      groups: ['A-1'],
      split: { eminent: 0, public: 190, staff: 10 },
    });
    const old = r.groups.find((x) => x.code === 'A-OLD')!;
    expect(old).toMatchObject({ status: 'closed', members: 300, capStatus: 'ok' });

    // One more leaves: short by one.
    const leaver = addPerson(db);
    addMembership(db, { groupId: g.id, personId: leaver.id });
    expect(unit(report(db), 'PAT-T-A').members).toBe(201);
    rawOf(db).prepare("UPDATE memberships SET left_on = '2026-01-10' WHERE person_id = ?").run(leaver.id);
    rawOf(db)
      .prepare(
        "UPDATE memberships SET left_on = '2026-01-10' WHERE id = (SELECT min(id) FROM memberships WHERE group_id = ?)",
      )
      .run(g.id);
    expect(unit(report(db), 'PAT-T-A')).toMatchObject({ status: 'short', members: 199, shortfall: 1 });
  });

  it('chooses the best group and lists qualifying groups best first; staff groups do not qualify', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    fillGroup(db, addGroup(db, { code: 'A-SMALL', unit: 'PAT-T-A', kind: 'public' }).id, 150, 'eminent');
    const big = addGroup(db, { code: 'A-BIG', unit: 'PAT-T-A', kind: 'cyber_senani' });
    fillGroup(db, big.id, 140, 'eminent');
    fillGroup(db, big.id, 70, 'public');
    const staffGroup = addGroup(db, { code: 'A-STAFF', unit: 'PAT-T-A', kind: 'staff' });
    fillGroup(db, staffGroup.id, 400);

    const u = unit(report(db), 'PAT-T-A');
    expect(u).toMatchObject({
      status: 'compliant',
      members: 210,
      groups: ['A-BIG', 'A-SMALL'],
      bestGroup: 'A-BIG',
      split: { eminent: 140, public: 70, staff: 0 },
    });
  });

  it('two short groups do not add up: the best one decides the shortfall', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    fillGroup(db, addGroup(db, { code: 'A-1', unit: 'PAT-T-A' }).id, 120);
    fillGroup(db, addGroup(db, { code: 'A-2', unit: 'PAT-T-A' }).id, 150);
    expect(unit(report(db), 'PAT-T-A')).toMatchObject({
      status: 'short',
      members: 150,
      shortfall: 50,
      groups: ['A-2', 'A-1'],
    });
  });
});

describe('R2: each OP has a police–public group of ≥ 100 active members', () => {
  it('uses its own threshold', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    addUnit(db, { code: 'PAT-OP-X', type: 'op', parent: 'PAT-T-A' });
    addUnit(db, { code: 'PAT-OP-Y', type: 'op', parent: 'PAT-T-A' });
    fillGroup(db, addGroup(db, { unit: 'PAT-OP-X' }).id, 100);
    fillGroup(db, addGroup(db, { unit: 'PAT-OP-Y', kind: 'cyber_senani' }).id, 64);

    const r = report(db);
    expect(unit(r, 'PAT-OP-X')).toMatchObject({
      status: 'compliant',
      rule: 'R2',
      members: 100,
      required: 100,
      parentCode: 'PAT-T-A',
    });
    expect(unit(r, 'PAT-OP-Y')).toMatchObject({ status: 'short', members: 64, required: 100, shortfall: 36 });
    expect(rule(r, 'R2')).toMatchObject({ passed: false, failures: 1, items: ['PAT-OP-Y'] });
    // The thana has no group: R1 fails on its own, R2 is not affected.
    expect(rule(r, 'R1')).toMatchObject({ passed: false, items: ['PAT-T-A'] });
  });
});

describe('R3: the district centre has a staff group of ≥ 200 active staff', () => {
  it('counts staff only: 199 staff and 50 citizens are short by 1', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-DC', type: 'district_centre' });
    const g = addGroup(db, { code: 'DC-1', unit: 'PAT-DC', kind: 'staff' });
    staffInGroup(db, 'PAT-DC', g.id, 199);
    fillGroup(db, g.id, 50);

    let r = report(db);
    expect(unit(r, 'PAT-DC')).toMatchObject({
      status: 'short',
      rule: 'R3',
      members: 199,
      required: 200,
      shortfall: 1,
      split: { eminent: 0, public: 50, staff: 199 },
    });
    expect(rule(r, 'R3')).toMatchObject({ passed: false, failures: 1, items: ['PAT-DC'] });

    staffInGroup(db, 'PAT-DC', g.id, 1);
    r = report(db);
    expect(unit(r, 'PAT-DC')).toMatchObject({ status: 'compliant', members: 200, shortfall: 0 });
    expect(rule(r, 'R3')).toMatchObject({
      passed: true,
      failures: 0,
      message: 'The district centre has an active staff group of ≥ 200 staff',
    });
  });

  it('a public group at the centre does not qualify, and a district without a centre fails', () => {
    const { db } = makeRegister();
    let r = report(db);
    expect(rule(r, 'R3')).toMatchObject({
      passed: false,
      failures: 1,
      items: [],
      figures: { units: 0, lackingUnits: 1 },
    });
    expect(rule(r, 'R3').message).toMatch(/^The register has no district centre unit/);

    addUnit(db, { code: 'PAT-DC', type: 'district_centre' });
    fillGroup(db, addGroup(db, { unit: 'PAT-DC', kind: 'public' }).id, 300);
    r = report(db);
    expect(unit(r, 'PAT-DC')).toMatchObject({ status: 'missing', members: 0, shortfall: 200, groups: [] });
    expect(rule(r, 'R3')).toMatchObject({ passed: false, failures: 1, items: ['PAT-DC'] });
  });
});

describe("R4: a women's staff group with only women staff in it", () => {
  it('fails without an active women_staff group', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-DC', type: 'district_centre' });
    const closed = addGroup(db, { unit: 'PAT-DC', kind: 'women_staff', status: 'closed' });
    staffInGroup(db, 'PAT-DC', closed.id, 3, 'F');
    const r = report(db);
    expect(rule(r, 'R4')).toMatchObject({
      passed: false,
      failures: 1,
      items: [],
      figures: { groups: 0, minGroups: 1, otherStaff: 0, citizens: 0 },
      message: "Women's group: the district has no active women_staff group",
    });
    expect(r.summary.womenStaffInWomenGroup).toBe(0);
  });

  it('passes with women staff only; a man or a citizen in it fails, a man who left does not', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-DC', type: 'district_centre' });
    const g = addGroup(db, { code: 'W-1', unit: 'PAT-DC', kind: 'women_staff' });
    staffInGroup(db, 'PAT-DC', g.id, 12, 'F');
    const former = addStaff(db, { unit: 'PAT-DC', gender: 'M', serviceNo: 'M-LEFT' });
    addMembership(db, { groupId: g.id, staffId: former.id, joinedOn: '2020-01-01', leftOn: '2020-02-01' });

    let r = report(db);
    expect(rule(r, 'R4')).toMatchObject({ passed: true, failures: 0, items: [], figures: { groups: 1 } });
    expect(r.summary).toMatchObject({ womenStaffTotal: 12, womenStaffInWomenGroup: 12 });

    const man = addStaff(db, { unit: 'PAT-DC', gender: 'M', serviceNo: 'M-100' });
    addMembership(db, { groupId: g.id, staffId: man.id });
    const x = addStaff(db, { unit: 'PAT-DC', gender: 'X', serviceNo: 'X-7' });
    addMembership(db, { groupId: g.id, staffId: x.id });
    const citizen = addPerson(db);
    addMembership(db, { groupId: g.id, personId: citizen.id });

    r = report(db);
    expect(rule(r, 'R4')).toMatchObject({
      passed: false,
      failures: 3,
      figures: { groups: 1, otherStaff: 2, citizens: 1 },
      message: "Women's group: 2 staff members are not women; 1 citizen is a member",
    });
    expect(rule(r, 'R4').items).toEqual(['M-100', 'X-7', `citizen:${citizen.id}@W-1`]);
    expect(r.summary.womenStaffInWomenGroup).toBe(12);
  });

  it('counts each woman once across several women groups', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-DC', type: 'district_centre' });
    const g1 = addGroup(db, { unit: 'PAT-DC', kind: 'women_staff' });
    const g2 = addGroup(db, { unit: 'PAT-DC', kind: 'women_staff' });
    const w = addStaff(db, { unit: 'PAT-DC', gender: 'F' });
    addMembership(db, { groupId: g1.id, staffId: w.id });
    addMembership(db, { groupId: g2.id, staffId: w.id });
    addStaff(db, { unit: 'PAT-DC', gender: 'F' }); // not in any group
    const r = report(db);
    expect(r.summary).toMatchObject({ womenStaffTotal: 2, womenStaffInWomenGroup: 1, womenStaffCovered: 1 });
    expect(rule(r, 'R4')).toMatchObject({ passed: true, figures: { groups: 2 } });
  });
});

describe('R5: each division unit has a division_staff or staff group', () => {
  it('is compliant with either kind, missing with none or only a closed/public group', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-DIV-BSAP', type: 'division', division: 'BSAP' });
    addUnit(db, { code: 'PAT-DIV-CID', type: 'division', division: 'CID' });
    addUnit(db, { code: 'PAT-DIV-SB', type: 'division', division: 'Special Branch' });
    addUnit(db, { code: 'PAT-DIV-EOU', type: 'division', division: 'EOU' });
    const bsap = addGroup(db, { code: 'BSAP-1', unit: 'PAT-DIV-BSAP', kind: 'division_staff' });
    staffInGroup(db, 'PAT-DIV-BSAP', bsap.id, 7);
    addGroup(db, { code: 'CID-1', unit: 'PAT-DIV-CID', kind: 'staff' }); // empty, still a group
    addGroup(db, { code: 'SB-1', unit: 'PAT-DIV-SB', kind: 'division_staff', status: 'closed' });
    fillGroup(db, addGroup(db, { code: 'EOU-1', unit: 'PAT-DIV-EOU', kind: 'public' }).id, 5);

    const r = report(db);
    expect(unit(r, 'PAT-DIV-BSAP')).toMatchObject({
      status: 'compliant',
      rule: 'R5',
      members: 7,
      required: null,
      shortfall: 0,
      groups: ['BSAP-1'],
      division: 'BSAP',
    });
    expect(unit(r, 'PAT-DIV-CID')).toMatchObject({
      status: 'compliant',
      members: 0,
      required: null,
      groups: ['CID-1'],
    });
    expect(unit(r, 'PAT-DIV-SB')).toMatchObject({
      status: 'missing',
      members: 0,
      required: null,
      shortfall: 0,
      groups: [],
    });
    expect(unit(r, 'PAT-DIV-EOU')).toMatchObject({ status: 'missing', groups: [] });
    expect(rule(r, 'R5')).toMatchObject({ passed: false, failures: 2, items: ['PAT-DIV-EOU', 'PAT-DIV-SB'] });
  });
});

describe('R6: every staff member is in some active group', () => {
  it('covers staff through any active group; left memberships and closed groups do not cover', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    addUnit(db, { code: 'PAT-DC', type: 'district_centre' });
    const pub = addGroup(db, { unit: 'PAT-T-A', kind: 'public' });
    const staffG = addGroup(db, { unit: 'PAT-DC', kind: 'staff' });
    const closed = addGroup(db, { unit: 'PAT-DC', kind: 'staff', status: 'closed' });

    const inPublic = addStaff(db, { unit: 'PAT-T-A', rank: 'SI', serviceNo: 'S-03' });
    addMembership(db, { groupId: pub.id, staffId: inPublic.id });
    const inStaffGroup = addStaff(db, { unit: 'PAT-DC', rank: 'CONSTABLE', gender: 'F', serviceNo: 'S-02' });
    addMembership(db, { groupId: staffG.id, staffId: inStaffGroup.id });
    const left = addStaff(db, { unit: 'PAT-DC', rank: 'CONSTABLE', serviceNo: 'S-05' });
    addMembership(db, { groupId: staffG.id, staffId: left.id, joinedOn: '2021-01-01', leftOn: '2022-01-01' });
    const onlyClosed = addStaff(db, { unit: 'PAT-DC', rank: 'CONSTABLE', gender: 'F', serviceNo: 'S-04' });
    addMembership(db, { groupId: closed.id, staffId: onlyClosed.id });
    addStaff(db, { unit: 'PAT-DC', rank: 'SP', serviceNo: 'S-01' });

    const r = report(db);
    expect(rule(r, 'R6')).toMatchObject({
      passed: false,
      failures: 3,
      items: ['S-01', 'S-04', 'S-05'],
      figures: { total: 5, covered: 2, uncovered: 3, percent: 40, minPercent: 100 },
      message: '2 of 5 staff (40 %) are in an active group; 3 are in none (policy: 100 %)',
    });
    expect(r.summary).toMatchObject({
      staffTotal: 5,
      staffCovered: 2,
      womenStaffTotal: 2,
      womenStaffCovered: 1,
      uncoveredStaff: ['S-01', 'S-04', 'S-05'],
    });
    // Ranks in rank order, genders F, M, X within a rank.
    expect(r.staffByRankGender.map((x) => [x.rank, x.gender, x.total, x.covered])).toEqual([
      ['SP', 'M', 1, 0],
      ['SI', 'M', 1, 1],
      ['CONSTABLE', 'F', 2, 1],
      ['CONSTABLE', 'M', 1, 0],
    ]);
    expect(r.staffByRankGender[0]).toMatchObject({ rankEn: 'Superintendent of Police', rankHi: 'पुलिस अधीक्षक' });
  });

  it('passes when every staff member is covered, and for a register without staff', () => {
    const { db } = makeRegister();
    expect(rule(report(db), 'R6')).toMatchObject({ passed: true, failures: 0, message: 'The register has no staff' });
    addUnit(db, { code: 'PAT-DC', type: 'district_centre' });
    const g = addGroup(db, { unit: 'PAT-DC', kind: 'staff' });
    staffInGroup(db, 'PAT-DC', g.id, 4);
    expect(rule(report(db), 'R6')).toMatchObject({ passed: true, failures: 0, items: [], figures: { percent: 100 } });
  });
});

describe('R7: no group above the WhatsApp cap (1,024), warning from 90 %', () => {
  it('921 members is fine, 922 warns, 1,024 warns, 1,025 fails', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    const sizes = { 'G-921': 921, 'G-922': 922, 'G-1024': 1024, 'G-1025': 1025 };
    for (const [code, n] of Object.entries(sizes)) fillGroup(db, addGroup(db, { code, unit: 'PAT-T-A' }).id, n);
    // A closed group over the cap is history, not a breach.
    fillGroup(db, addGroup(db, { code: 'G-OLD', unit: 'PAT-T-A', status: 'closed' }).id, 1030);

    const r = report(db);
    const fig = (code: string) => r.groups.find((g) => g.code === code)!;
    expect(fig('G-921')).toMatchObject({ members: 921, capStatus: 'ok', capShare: 0.8994 });
    expect(fig('G-922')).toMatchObject({ members: 922, capStatus: 'warn' });
    expect(fig('G-1024')).toMatchObject({ members: 1024, capStatus: 'warn', capShare: 1 });
    expect(fig('G-1025')).toMatchObject({ members: 1025, capStatus: 'over' });
    expect(fig('G-OLD')).toMatchObject({ members: 1030, capStatus: 'ok', status: 'closed' });
    expect(rule(r, 'R7')).toMatchObject({
      passed: false,
      failures: 1,
      items: ['G-1025'],
      warnings: 2,
      warningItems: ['G-1024', 'G-922'],
      figures: { cap: 1024, warnPercent: 90, warnAt: 922, over: 1, warn: 2 },
      message: '1 group is above the cap of 1,024; 2 groups are at 90 % or more of it',
    });
  });

  it('passes with warnings when no group is over the cap', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    fillGroup(db, addGroup(db, { code: 'G', unit: 'PAT-T-A' }).id, 950);
    expect(rule(report(db), 'R7')).toMatchObject({
      passed: true,
      failures: 0,
      items: [],
      warnings: 1,
      warningItems: ['G'],
    });
  });
});

describe('the report as a whole', () => {
  it('summarises units, groups, distinct citizens and memberships', () => {
    const { db } = makeRegister({ code: 'PAT', name: 'Patna' });
    addUnit(db, { code: 'PAT-T-A', type: 'thana' });
    addUnit(db, { code: 'PAT-T-B', type: 'thana' });
    addUnit(db, { code: 'PAT-OP-C', type: 'op', parent: 'PAT-T-A' });
    addUnit(db, { code: 'PAT-X', type: 'other', name: 'Control room' });
    const a = addGroup(db, { code: 'A-1', unit: 'PAT-T-A' });
    fillGroup(db, a.id, 200, 'eminent');
    const b = addGroup(db, { code: 'B-1', unit: 'PAT-T-B' });
    fillGroup(db, b.id, 50);
    // Someone in both groups is one citizen and two memberships.
    const both = addPerson(db, { category: 'eminent' });
    addMembership(db, { groupId: a.id, personId: both.id });
    addMembership(db, { groupId: b.id, personId: both.id });
    // Someone only in a closed group, someone who left: not counted.
    const closed = addGroup(db, { code: 'C-OLD', unit: 'PAT-OP-C', status: 'closed' });
    addMembership(db, { groupId: closed.id, personId: addPerson(db).id });
    addMembership(db, { groupId: b.id, personId: addPerson(db).id, leftOn: '2025-12-31' });
    const x = addGroup(db, { code: 'X-1', unit: 'PAT-X', kind: 'staff' });
    const s = addStaff(db, { unit: 'PAT-X' });
    addMembership(db, { groupId: x.id, staffId: s.id });

    const r = report(db);
    expect(r).toMatchObject({
      schemaVersion: 1,
      policyVersion: 1,
      district: { code: 'PAT', name: 'Patna' },
      generatedAt: '2026-02-01T09:30:00.000Z',
    });
    expect(r.summary).toMatchObject({
      units: 4,
      compliant: 2,
      short: 1,
      missing: 1,
      percentCompliant: 50,
      unitsWithoutRule: 1,
      activeGroups: 3,
      closedGroups: 1,
      citizens: 251,
      memberships: 201 + 51 + 1,
      staffTotal: 1,
      staffCovered: 1,
      uncoveredStaff: [],
    });
    // `other` units have no rule: compliant, nothing required, largest active group shown.
    expect(unit(r, 'PAT-X')).toMatchObject({
      status: 'compliant',
      rule: null,
      required: null,
      members: 1,
      groups: ['X-1'],
    });
    expect(unit(r, 'PAT-T-A')).toMatchObject({ members: 201, split: { eminent: 201, public: 0, staff: 0 } });
    expect(r.rules.map((x) => x.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']);
    expect(r.groups.map((g) => g.code)).toEqual(['C-OLD', 'A-1', 'B-1', 'X-1']);
    expect(r.groups.find((g) => g.code === 'B-1')).toMatchObject({
      unitCode: 'PAT-T-B',
      kind: 'public',
      members: 51,
      eminent: 1,
      public: 50,
      staff: 0,
      capShare: 0.0498,
    });
  });

  it('gives staff groups their members by rank and gender', () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'PAT-DC', type: 'district_centre' });
    const g = addGroup(db, { code: 'DC-1', unit: 'PAT-DC', kind: 'staff' });
    for (const [rank, gender] of [
      ['CONSTABLE', 'M'],
      ['CONSTABLE', 'F'],
      ['CONSTABLE', 'M'],
      ['DSP', 'M'],
    ] as const) {
      addMembership(db, { groupId: g.id, staffId: addStaff(db, { unit: 'PAT-DC', rank, gender }).id });
    }
    const pub = addGroup(db, { code: 'DC-PUB', unit: 'PAT-DC', kind: 'public' });
    const r = report(db);
    expect(r.groups.find((x) => x.code === 'DC-1')!.staffByRankGender).toEqual([
      { rank: 'DSP', gender: 'M', n: 1 },
      { rank: 'CONSTABLE', gender: 'F', n: 1 },
      { rank: 'CONSTABLE', gender: 'M', n: 2 },
    ]);
    expect(r.groups.find((x) => x.code === pub.code)!.staffByRankGender).toBeUndefined();
  });

  it('a register without a district still reports, with an empty district', () => {
    const { db } = makeRegister();
    rawOf(db).prepare("DELETE FROM settings WHERE key = 'district'").run();
    expect(report(db).district).toEqual({ code: '', name: '', nameHi: null });
  });
});
