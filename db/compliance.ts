// The compliance engine's aggregates (SPEC §4). Every count is made by SQLite; the service
// (electron/services/compliance/compliance.ts) only combines a few thousand aggregate rows.
//
// Speed at state size (2,60,000 citizens, 60,000 staff, 3,50,000 active memberships; issue #7:
// the report from scratch in ≤ 100 ms) rests on three things:
// - Per-group splits (eminent/public, staff by rank and gender) and the district's distinct
//   citizens are read from the count tables that migration 4's triggers keep, not recounted: a
//   recount joins every active membership to its person or staff row (50–70 ms per split), or
//   sorts 2,70,000 person ids, and no index can hold another table's column.
// - Uncovered staff (R6's kinds are policy, so no count can be kept for them) come from the
//   covering `memberships_staff` in staff-id order, merged with the staff table without a sort
//   (SQLite's compound-SELECT merge, `MERGE (EXCEPT)`), testing no membership's group one by one;
//   members of groups that do not count are put right afterwards, and only they.
// - The women's groups (R4) are read member by member, never all memberships.
// - The planner, without statistics, sometimes prefers another index and then visits every table
//   row; `INDEXED BY` pins the index (and fails loudly if a migration ever renames it).
// tests/unit/compliance/query-plans.test.ts checks the plans with EXPLAIN QUERY PLAN, and
// tests/integration/compliance/aggregates.test.ts checks every figure against the plain GROUP BY
// queries this module used before the count tables (the oracle).
import { sql, type Compilable } from 'kysely';
import type { RegisterDb } from './register-db.js';
import { all, first } from './exec.js';
import type { Gender, GroupKind, GroupStatus, MembershipsTable, UnitType } from './schema.js';
import { rawOf } from './raw.js';

type MembershipIndex = 'memberships_active_staff' | 'memberships_staff';

/** `memberships AS <alias> INDEXED BY <index>` as a typed table reference. */
function membershipsIndexedBy<A extends string>(alias: A, index: MembershipIndex) {
  return sql<MembershipsTable>`memberships`.as<A>(sql`${sql.raw(alias)} indexed by ${sql.raw(index)}`);
}

export interface ComplianceUnitRow {
  id: number;
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
  division: string | null;
  /** Migration 7: a closed unit is no longer one of the district's duties. */
  status: 'active' | 'closed';
  parentCode: string | null;
}

function unitsQuery(db: RegisterDb) {
  return db.k
    .selectFrom('units as u')
    .leftJoin('units as parent', 'parent.id', 'u.parentId')
    .select(['u.id', 'u.code', 'u.name', 'u.nameHi', 'u.type', 'u.division', 'u.status', 'parent.code as parentCode'])
    .orderBy('u.code');
}

export function complianceUnits(db: RegisterDb): ComplianceUnitRow[] {
  return all(db, unitsQuery(db));
}

export interface ComplianceGroupRow {
  id: number;
  code: string;
  unitId: number;
  kind: GroupKind;
  name: string;
  status: GroupStatus;
}

function groupsQuery(db: RegisterDb) {
  return db.k.selectFrom('groups').select(['id', 'code', 'unitId', 'kind', 'name', 'status']).orderBy('code');
}

export function complianceGroups(db: RegisterDb): ComplianceGroupRow[] {
  return all(db, groupsQuery(db));
}

/**
 * Per group: its active citizen members, and how many of them are eminent (groups with none are
 * left out), from the count table alone.
 */
function citizenCountsQuery(db: RegisterDb) {
  return db.k
    .selectFrom('groupCitizenCounts as c')
    .select((eb) => [
      'c.groupId',
      eb.fn.sum<number>('c.n').as('citizens'),
      eb.fn.sum<number>(eb.case().when('c.category', '=', 'eminent').then(eb.ref('c.n')).else(0).end()).as('eminent'),
    ])
    .groupBy('c.groupId');
}

export function groupCitizenCounts(db: RegisterDb): { groupId: number; citizens: number; eminent: number }[] {
  return all(db, citizenCountsQuery(db));
}

/**
 * Per group: its active staff members by rank and gender, from the count table alone. One read
 * gives both the groups' staff counts and the staff groups' rank/gender split.
 */
function groupStaffQuery(db: RegisterDb) {
  return db.k
    .selectFrom('groupStaffCounts as c')
    .select(['c.groupId', 'c.rankId', 'c.gender', 'c.n'])
    .orderBy('c.groupId')
    .orderBy('c.rankId')
    .orderBy('c.gender');
}

export function groupStaffByRankGender(
  db: RegisterDb,
): { groupId: number; rankId: number; gender: Gender; n: number }[] {
  return all(db, groupStaffQuery(db));
}

/**
 * Distinct citizens with an active membership of an active group: the rows of the count table
 * (one per such citizen). A COUNT(DISTINCT) over the memberships would test each one's group and
 * sort or scan 2,70,000 person ids (15–35 ms at state size); SQLite counts a table's rows from
 * its b-tree pages.
 */
function activeCitizensQuery(db: RegisterDb) {
  return db.k.selectFrom('citizenActiveGroups').select((eb) => eb.fn.countAll<number>().as('n'));
}

export function activeCitizenCount(db: RegisterDb): number {
  return Number(first(db, activeCitizensQuery(db))?.n ?? 0);
}

export interface StaffTotalRow {
  rankId: number;
  rankCode: string;
  rankEn: string;
  rankHi: string;
  sortOrder: number;
  gender: Gender;
  total: number;
}

/** All staff by rank (in rank order) and gender, from the `staff_rank_gender` index alone. */
function staffTotalsQuery(db: RegisterDb) {
  return db.k
    .selectFrom((eb) =>
      eb
        .selectFrom('staff')
        .select((e) => ['rankId', 'gender', e.fn.countAll<number>().as('total')])
        .groupBy(['rankId', 'gender'])
        .as('t'),
    )
    .innerJoin('ranks as r', 'r.id', 't.rankId')
    .select([
      't.rankId',
      'r.code as rankCode',
      'r.nameEn as rankEn',
      'r.nameHi as rankHi',
      'r.sortOrder',
      't.gender',
      't.total',
    ])
    .orderBy('r.sortOrder')
    .orderBy('t.gender');
}

export function staffTotals(db: RegisterDb): StaffTotalRow[] {
  return all(db, staffTotalsQuery(db));
}

/**
 * Ids of staff with no active membership of an active group of `kinds`, in id order: all staff
 * EXCEPT those with an active membership of any group, UNION those whose every active
 * membership is in a group that does not count (closed, or of another kind).
 *
 * Why not "EXCEPT the members of counting groups" directly: testing each of the 80,000 active
 * staff memberships' group costs more than the rest of the query (≈10 ms at state size). Read in
 * staff-id order (the staff table, and the covering `memberships_staff`), the EXCEPT is a merge,
 * with no sort and no temporary index (`MERGE (EXCEPT)` in the plan); the UNION's right side
 * reads only the members of groups that do not count, which under policy v1 are the closed ones.
 */
function uncoveredStaffIds(db: RegisterDb, kinds: readonly GroupKind[]) {
  const inAnyGroup = db.k
    .selectFrom(membershipsIndexedBy('m', 'memberships_staff'))
    .select('m.staffId as id')
    .where('m.staffId', 'is not', null)
    .where('m.leftOn', 'is', null)
    .$narrowType<{ id: number }>();
  // CROSS JOIN keeps the join order: the groups that do not count first, then their members.
  const onlyInGroupsThatDoNotCount = db.k
    .selectFrom('groups as g')
    .crossJoin(membershipsIndexedBy('m', 'memberships_active_staff'))
    .select('m.staffId as id')
    .whereRef('m.groupId', '=', 'g.id')
    .where((eb) => eb.not(eb.and([eb('g.status', '=', 'active'), eb('g.kind', 'in', nonEmpty(kinds))])))
    .where('m.staffId', 'is not', null)
    .where('m.leftOn', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom(membershipsIndexedBy('other', 'memberships_staff'))
            .innerJoin('groups as og', 'og.id', 'other.groupId')
            .select('other.id')
            .whereRef('other.staffId', '=', 'm.staffId')
            .where('other.leftOn', 'is', null)
            .where('og.status', '=', 'active')
            .where('og.kind', 'in', nonEmpty(kinds)),
        ),
      ),
    )
    .$narrowType<{ id: number }>();
  return db.k.selectFrom('staff').select('id').except(inAnyGroup).union(onlyInGroupsThatDoNotCount).orderBy('id');
}

export interface UncoveredStaffRow {
  id: number;
  serviceNo: string;
  name: string;
  rankId: number;
  gender: Gender;
  unitCode: string;
}

function uncoveredStaffQuery(db: RegisterDb, kinds: readonly GroupKind[]) {
  // CROSS JOIN keeps the join order: the few uncovered ids first, then their rows.
  return db.k
    .selectFrom(uncoveredStaffIds(db, kinds).as('x'))
    .crossJoin('staff as s')
    .innerJoin('units as u', 'u.id', 's.postingUnitId')
    .select(['s.id', 's.serviceNo', 's.name', 's.rankId', 's.gender', 'u.code as unitCode'])
    .whereRef('s.id', '=', 'x.id')
    .orderBy('s.serviceNo');
}

/** Staff not in any active group of the given kinds (R6), in service-number order. */
export function uncoveredStaff(db: RegisterDb, kinds: readonly GroupKind[]): UncoveredStaffRow[] {
  if (kinds.length === 0) {
    // No kind counts: nobody can be covered.
    return all(
      db,
      db.k
        .selectFrom('staff as s')
        .innerJoin('units as u', 'u.id', 's.postingUnitId')
        .select(['s.id', 's.serviceNo', 's.name', 's.rankId', 's.gender', 'u.code as unitCode'])
        .orderBy('s.serviceNo'),
    );
  }
  return all(db, uncoveredStaffQuery(db, kinds));
}

export interface GenderViolationRow {
  groupCode: string;
  membershipId: number;
  /** Set for a citizen member (citizens never belong in a staff-only group). */
  personId: number | null;
  serviceNo: string | null;
  gender: Gender | null;
}

/**
 * Active members of active groups of `kinds` who are not staff of one of `genders` (R4: a man,
 * or a citizen, in the women's group).
 */
function genderViolationsQuery(db: RegisterDb, kinds: readonly GroupKind[], genders: readonly Gender[]) {
  // CROSS JOIN keeps SQLite's join order: the few women's groups first, then their members
  // through `memberships_active_group`, never a pass over every membership. Only groups whose
  // counts show a citizen or staff of another gender are read member by member: a compliant
  // women's group costs two look-ups in the count tables, not a pass over its members.
  return db.k
    .selectFrom('groups as g')
    .crossJoin('memberships as m')
    .leftJoin('staff as s', 's.id', 'm.staffId')
    .select(['g.code as groupCode', 'm.id as membershipId', 'm.personId', 's.serviceNo', 's.gender'])
    .where('g.status', '=', 'active')
    .where('g.kind', 'in', nonEmpty(kinds))
    .where(({ or, exists, selectFrom }) =>
      or([
        exists(selectFrom('groupCitizenCounts as cc').select('cc.n').whereRef('cc.groupId', '=', 'g.id')),
        exists(
          selectFrom('groupStaffCounts as sc')
            .select('sc.n')
            .whereRef('sc.groupId', '=', 'g.id')
            .where('sc.gender', 'not in', nonEmpty(genders)),
        ),
      ]),
    )
    .whereRef('m.groupId', '=', 'g.id')
    .where('m.leftOn', 'is', null)
    .where((eb) => eb.or([eb('m.personId', 'is not', null), eb('s.gender', 'not in', nonEmpty(genders))]))
    .orderBy('g.code')
    .orderBy('m.id');
}

export function genderViolations(
  db: RegisterDb,
  kinds: readonly GroupKind[],
  genders: readonly Gender[],
): GenderViolationRow[] {
  if (kinds.length === 0) return [];
  return all(db, genderViolationsQuery(db, kinds, genders));
}

/**
 * Distinct staff of `genders` with an active membership of an active group of `kinds`: the
 * distinct staff members of those groups, less those of other genders. The first needs no staff
 * row; the second reads, member by member, only the groups whose counts show another gender
 * (looking up 10,000 women staff one by one cost more than the rest of the report's R4).
 */
function staffOfGendersInKindsQuery(db: RegisterDb, kinds: readonly GroupKind[], genders: readonly Gender[]) {
  // CROSS JOIN keeps SQLite's join order: the few groups of `kinds` first, then their members.
  const members = db.k
    .selectFrom('groups as g')
    .crossJoin(membershipsIndexedBy('m', 'memberships_active_staff'))
    .whereRef('m.groupId', '=', 'g.id')
    .where('g.status', '=', 'active')
    .where('g.kind', 'in', nonEmpty(kinds))
    .where('m.staffId', 'is not', null)
    .where('m.leftOn', 'is', null);
  const everyone = members.select((eb) => eb.fn.count<number>('m.staffId').distinct().as('n'));
  const ofOtherGenders = members
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('groupStaffCounts as sc')
          .select('sc.n')
          .whereRef('sc.groupId', '=', 'g.id')
          .where('sc.gender', 'not in', nonEmpty(genders)),
      ),
    )
    .innerJoin('staff as s', 's.id', 'm.staffId')
    .where('s.gender', 'not in', nonEmpty(genders))
    .select((eb) => eb.fn.count<number>('m.staffId').distinct().as('n'));
  return db.k.selectNoFrom((eb) => eb(everyone, '-', ofOtherGenders).as('n'));
}

export function staffOfGendersInKinds(db: RegisterDb, kinds: readonly GroupKind[], genders: readonly Gender[]): number {
  if (kinds.length === 0 || genders.length === 0) return 0;
  return Number(first(db, staffOfGendersInKindsQuery(db, kinds, genders))?.n ?? 0);
}

/** `IN ()` is not valid SQL; callers handle empty lists before building a query. */
function nonEmpty<T>(list: readonly T[]): T[] {
  if (list.length === 0) throw new Error('compliance query: empty IN list');
  return [...list];
}

export interface QueryPlan {
  name: string;
  sql: string;
  /** EXPLAIN QUERY PLAN `detail` lines, in order. */
  plan: string[];
  /**
   * Whether the bytecode reads a column of the memberships *table* (not one of its indexes).
   * SQLite reports a scan of a partial index as "USING INDEX", not "COVERING", when the query
   * names a column of the index's WHERE (`left_on`); the bytecode shows whether any row is
   * actually visited.
   */
  readsMembershipRows: boolean;
}

/**
 * The plans SQLite chooses for the engine's queries, for the test that keeps them on indexes
 * (a full scan of memberships at state size costs more than the whole report may take).
 */
export function explainComplianceQueries(
  db: RegisterDb,
  p: { coverageKinds: readonly GroupKind[]; womenKinds: readonly GroupKind[] },
): QueryPlan[] {
  const queries: [string, Compilable<unknown>][] = [
    ['units', unitsQuery(db)],
    ['groups', groupsQuery(db)],
    ['citizenCounts', citizenCountsQuery(db)],
    ['staffCounts', groupStaffQuery(db)],
    ['activeCitizens', activeCitizensQuery(db)],
    ['staffTotals', staffTotalsQuery(db)],
    ['uncoveredStaff', uncoveredStaffQuery(db, p.coverageKinds)],
    ['genderViolations', genderViolationsQuery(db, p.womenKinds, ['F'])],
    ['staffOfGendersInKinds', staffOfGendersInKindsQuery(db, p.womenKinds, ['F'])],
  ];
  const root = first(
    db,
    db.k
      .selectFrom(sql<{ name: string; rootpage: number }>`sqlite_schema`.as('s'))
      .select('rootpage')
      .where('name', '=', 'memberships'),
  )?.rootpage;
  return queries.map(([name, q]) => {
    const c = q.compile();
    const params = c.parameters as unknown[];
    const rows = rawOf(db)
      .prepare(`EXPLAIN QUERY PLAN ${c.sql}`)
      .all(...params) as { detail: string }[];
    const ops = rawOf(db)
      .prepare(`EXPLAIN ${c.sql}`)
      .all(...params) as { opcode: string; p1: number; p2: number }[];
    const tableCursors = new Set(ops.filter((o) => o.opcode === 'OpenRead' && o.p2 === root).map((o) => o.p1));
    const readsMembershipRows = ops.some(
      (o) => (o.opcode === 'Column' || o.opcode === 'Rowid') && tableCursors.has(o.p1),
    );
    return { name, sql: c.sql, plan: rows.map((r) => r.detail), readsMembershipRows };
  });
}
