// The compliance aggregates (db/compliance.ts) against an oracle: the plain GROUP BY / DISTINCT /
// NOT IN queries the engine ran before migration 4's count tables and the index-order rewrites
// (issue #7), kept here verbatim. On generated districts, as filled and after thousands of
// random changes (leaves, moves, closed and reopened groups, new categories, ranks and genders,
// erasures), under policy v1 and under other group kinds and genders, both give the same rows,
// and the report built from the new ones carries exactly the oracle's figures.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../../db/connection.js';
import {
  activeCitizenCount,
  genderViolations,
  groupCitizenCounts,
  groupStaffByRankGender,
  staffOfGendersInKinds,
  uncoveredStaff,
} from '../../../db/compliance.js';
import { all, first } from '../../../db/exec.js';
import type { Gender, GroupKind, MembershipsTable } from '../../../db/schema.js';
import { computeComplianceUncached } from '../../../electron/services/compliance/compliance.js';
import { fillDemo } from '../../../electron/services/demo/demo.js';
import { makeRegister } from '../../fixtures/builders.js';
import { churn } from './churn.js';
import { rawOf } from '../../../db/raw.js';

// ---- The oracle: db/compliance.ts as it was before migration 4 ----

function membershipsIndexedBy<A extends string>(
  alias: A,
  index: 'memberships_active_person' | 'memberships_active_staff',
) {
  return sql<MembershipsTable>`memberships`.as<A>(sql`${sql.raw(alias)} indexed by ${sql.raw(index)}`);
}

const oracle = {
  citizenCounts(db: RegisterDb) {
    return all(
      db,
      db.k
        .selectFrom(membershipsIndexedBy('m', 'memberships_active_person'))
        .innerJoin('people as p', 'p.id', 'm.personId')
        .select((eb) => [
          'm.groupId',
          eb.fn.countAll<number>().as('citizens'),
          eb.fn.sum<number>(eb.case().when('p.category', '=', 'eminent').then(1).else(0).end()).as('eminent'),
        ])
        .where('m.leftOn', 'is', null)
        .where('m.personId', 'is not', null)
        .groupBy('m.groupId'),
    );
  },
  staffByRankGender(db: RegisterDb) {
    return all(
      db,
      db.k
        .selectFrom(membershipsIndexedBy('m', 'memberships_active_staff'))
        .innerJoin('staff as s', 's.id', 'm.staffId')
        .select((eb) => ['m.groupId', 's.rankId', 's.gender', eb.fn.countAll<number>().as('n')])
        .where('m.leftOn', 'is', null)
        .where('m.staffId', 'is not', null)
        .groupBy(['m.groupId', 's.rankId', 's.gender']),
    );
  },
  activeCitizens(db: RegisterDb) {
    return Number(
      first(
        db,
        db.k
          .selectFrom(membershipsIndexedBy('m', 'memberships_active_person'))
          .select((eb) => eb.fn.count<number>('m.personId').distinct().as('n'))
          .where('m.personId', 'is not', null)
          .where('m.leftOn', 'is', null)
          .where('m.groupId', 'in', db.k.selectFrom('groups').select('id').where('status', '=', 'active')),
      )?.n ?? 0,
    );
  },
  uncoveredStaff(db: RegisterDb, kinds: readonly GroupKind[]) {
    let q = db.k
      .selectFrom('staff as s')
      .innerJoin('units as u', 'u.id', 's.postingUnitId')
      .select(['s.id', 's.serviceNo', 's.name', 's.rankId', 's.gender', 'u.code as unitCode'])
      .orderBy('s.serviceNo');
    if (kinds.length > 0) {
      q = q.where(
        's.id',
        'not in',
        db.k
          .selectFrom('memberships as m')
          .select('m.staffId')
          .where('m.leftOn', 'is', null)
          .where('m.staffId', 'is not', null)
          .where(
            'm.groupId',
            'in',
            db.k
              .selectFrom('groups')
              .select('id')
              .where('status', '=', 'active')
              .where('kind', 'in', [...kinds]),
          )
          .$narrowType<{ staffId: number }>(),
      );
    }
    return all(db, q);
  },
  genderViolations(db: RegisterDb, kinds: readonly GroupKind[], genders: readonly Gender[]) {
    if (kinds.length === 0) return [];
    return all(
      db,
      db.k
        .selectFrom('groups as g')
        .crossJoin('memberships as m')
        .leftJoin('staff as s', 's.id', 'm.staffId')
        .select(['g.code as groupCode', 'm.id as membershipId', 'm.personId', 's.serviceNo', 's.gender'])
        .whereRef('m.groupId', '=', 'g.id')
        .where('g.status', '=', 'active')
        .where('g.kind', 'in', [...kinds])
        .where('m.leftOn', 'is', null)
        .where((eb) => eb.or([eb('m.personId', 'is not', null), eb('s.gender', 'not in', [...genders])]))
        .orderBy('g.code')
        .orderBy('m.id'),
    );
  },
  staffOfGendersInKinds(db: RegisterDb, kinds: readonly GroupKind[], genders: readonly Gender[]) {
    if (kinds.length === 0 || genders.length === 0) return 0;
    return Number(
      first(
        db,
        db.k
          .selectFrom('groups as g')
          .crossJoin('memberships as m')
          .innerJoin('staff as s', 's.id', 'm.staffId')
          .select((eb) => eb.fn.count<number>('s.id').distinct().as('n'))
          .whereRef('m.groupId', '=', 'g.id')
          .where('g.status', '=', 'active')
          .where('g.kind', 'in', [...kinds])
          .where('m.leftOn', 'is', null)
          .where('s.gender', 'in', [...genders]),
      )?.n ?? 0,
    );
  },
};

// ---- Comparisons ----

const ALL_KINDS: GroupKind[] = ['public', 'cyber_senani', 'staff', 'women_staff', 'division_staff'];
const COVERAGE_KINDS: GroupKind[][] = [ALL_KINDS, ['staff', 'women_staff', 'division_staff'], ['public'], []];
const WOMEN: { kinds: GroupKind[]; genders: Gender[] }[] = [
  { kinds: ['women_staff'], genders: ['F'] },
  { kinds: ['women_staff'], genders: ['F', 'M', 'X'] },
  { kinds: ['women_staff', 'staff'], genders: ['F', 'X'] },
  { kinds: ['public'], genders: ['M'] },
];

const byGroup = <T extends { groupId: number }>(rows: T[]) => [...rows].sort((a, b) => a.groupId - b.groupId);

function expectSameAsOracle(db: RegisterDb): void {
  expect(byGroup(groupCitizenCounts(db))).toEqual(byGroup(oracle.citizenCounts(db)));
  expect(groupStaffByRankGender(db)).toEqual(oracle.staffByRankGender(db));
  expect(activeCitizenCount(db)).toBe(oracle.activeCitizens(db));
  for (const kinds of COVERAGE_KINDS) {
    expect(uncoveredStaff(db, kinds), `uncovered staff, kinds ${kinds.join('/')}`).toEqual(
      oracle.uncoveredStaff(db, kinds),
    );
  }
  for (const { kinds, genders } of WOMEN) {
    expect(genderViolations(db, kinds, genders), `violations, ${kinds.join('/')} ${genders.join('')}`).toEqual(
      oracle.genderViolations(db, kinds, genders),
    );
    expect(staffOfGendersInKinds(db, kinds, genders), `staff of ${genders.join('')} in ${kinds.join('/')}`).toBe(
      oracle.staffOfGendersInKinds(db, kinds, genders),
    );
  }
}

/** The report's figures that come from the aggregates, as the oracle computes them. */
function expectReportFromOracle(db: RegisterDb): void {
  const report = computeComplianceUncached(db, { now: new Date('2026-02-01T00:00:00Z') });
  const groups = all(db, db.k.selectFrom('groups').select(['id', 'code']));
  const codeOf = new Map(groups.map((g) => [g.id, g.code]));
  const citizens = new Map(oracle.citizenCounts(db).map((r) => [codeOf.get(r.groupId)!, r]));
  const staff = new Map<string, number>();
  for (const r of oracle.staffByRankGender(db)) {
    const code = codeOf.get(r.groupId)!;
    staff.set(code, (staff.get(code) ?? 0) + Number(r.n));
  }
  for (const g of report.groups) {
    const c = citizens.get(g.code);
    const s = staff.get(g.code) ?? 0;
    expect({ code: g.code, eminent: g.eminent, public: g.public, staff: g.staff, members: g.members }).toEqual({
      code: g.code,
      eminent: Number(c?.eminent ?? 0),
      public: Number(c?.citizens ?? 0) - Number(c?.eminent ?? 0),
      staff: s,
      members: Number(c?.citizens ?? 0) + s,
    });
  }
  expect(report.summary.citizens).toBe(oracle.activeCitizens(db));
  expect(report.summary.uncoveredStaff).toEqual(oracle.uncoveredStaff(db, ALL_KINDS).map((s) => s.serviceNo));
  const r4 = report.rules.find((r) => r.id === 'R4')!;
  const violations = oracle.genderViolations(db, ['women_staff'], ['F']);
  expect(r4.items).toEqual(
    violations.map((v) => (v.personId !== null ? `citizen:${v.personId}@${v.groupCode}` : v.serviceNo)),
  );
  expect(report.summary.womenStaffInWomenGroup).toBe(oracle.staffOfGendersInKinds(db, ['women_staff'], ['F']));
}

function demoDistrict(seed: number): RegisterDb {
  const { db } = makeRegister();
  // fillDemo wants an empty register: no ranks or district yet.
  rawOf(db).exec('DELETE FROM settings; DELETE FROM ranks;');
  fillDemo(db, { scale: 'district', seed, now: new Date('2026-01-15T10:00:00Z') });
  return db;
}

describe('compliance aggregates against the pre-migration-4 queries', () => {
  it('agree on a demo district as generated', () => {
    const db = demoDistrict(2019);
    expectSameAsOracle(db);
    expectReportFromOracle(db);
    // The district is not trivial: violations, uncovered staff and closed groups are all there.
    expect(oracle.genderViolations(db, ['women_staff'], ['F']).length).toBeGreaterThan(0);
    expect(oracle.uncoveredStaff(db, ALL_KINDS).length).toBeGreaterThan(0);
  });

  it.each([1, 2, 3])('agree on a demo district after random changes (seed %i)', (seed) => {
    const db = demoDistrict(seed);
    for (let round = 0; round < 3; round++) {
      churn(db, seed * 100 + round, 400);
      expectSameAsOracle(db);
    }
    expectReportFromOracle(db);
    // Churn leaves citizens and staff whose only active memberships are in closed groups, and
    // citizens and men in women's groups: the cases the rewrites treat apart.
    const closedOnly = (col: 'person_id' | 'staff_id') =>
      rawOf(db)
        .prepare(
          `SELECT count(DISTINCT m.${col}) AS n FROM memberships m JOIN groups g ON g.id = m.group_id
           WHERE m.left_on IS NULL AND g.status = 'closed' AND m.${col} NOT IN (
             SELECT m2.${col} FROM memberships m2 JOIN groups g2 ON g2.id = m2.group_id
             WHERE m2.left_on IS NULL AND g2.status = 'active' AND m2.${col} IS NOT NULL)`,
        )
        .get() as { n: number };
    expect(closedOnly('person_id').n).toBeGreaterThan(0);
    expect(closedOnly('staff_id').n).toBeGreaterThan(0);
  });

  it('agree on an empty register', () => {
    const { db } = makeRegister();
    expectSameAsOracle(db);
  });
});
