// Memberships: a citizen or a staff member in a group, with joined/left history (SPEC §3).
// Leaving ends a membership (left_on); it never deletes it.
import type { RegisterDb } from './register-db.js';
import { all, first, run } from './exec.js';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CitizenCategory, DB, GroupKind, Membership } from './schema.js';
import { ftsQuery, phoneSearchDigits, refreshSearchIndex } from './search-index.js';

export type MemberCategory = CitizenCategory | 'staff';

export interface MemberRow {
  membershipId: number;
  memberType: 'citizen' | 'staff';
  /** people.id for citizens, staff.id for staff. */
  memberId: number;
  name: string;
  phone: string | null;
  /** Locality for citizens; the posting unit's code for staff. */
  locality: string | null;
  category: MemberCategory;
  /** Service number for staff, null for citizens. */
  serviceNo: string | null;
  groupCode: string;
  groupName: string;
  groupKind: GroupKind;
  unitCode: string;
  joinedOn: string | null;
  leftOn: string | null;
}

export interface MemberFilter {
  query?: string;
  groupCode?: string;
  /** Only memberships of groups with this status (the dashboard counts active groups only). */
  groupStatus?: 'active' | 'closed';
  category?: MemberCategory;
  state?: 'active' | 'left' | 'all';
  personId?: number;
  staffId?: number;
}

function citizenMembers(db: RegisterDb) {
  return db.k
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.personId')
    .innerJoin('groups as g', 'g.id', 'm.groupId')
    .innerJoin('units as u', 'u.id', 'g.unitId')
    .select((eb) => [
      'm.id as membershipId',
      eb.val('citizen').$castTo<'citizen' | 'staff'>().as('memberType'),
      'p.id as memberId',
      'p.name',
      'p.phone',
      'p.locality',
      eb.ref('p.category').$castTo<MemberCategory>().as('category'),
      eb.val(null).$castTo<string | null>().as('serviceNo'),
      'g.code as groupCode',
      'g.name as groupName',
      'g.kind as groupKind',
      'u.code as unitCode',
      'm.joinedOn',
      'm.leftOn',
    ]);
}

function staffMembers(db: RegisterDb) {
  return db.k
    .selectFrom('memberships as m')
    .innerJoin('staff as s', 's.id', 'm.staffId')
    .innerJoin('units as su', 'su.id', 's.postingUnitId')
    .innerJoin('groups as g', 'g.id', 'm.groupId')
    .innerJoin('units as u', 'u.id', 'g.unitId')
    .select((eb) => [
      'm.id as membershipId',
      eb.val('staff').$castTo<'citizen' | 'staff'>().as('memberType'),
      's.id as memberId',
      's.name',
      's.phone',
      'su.code as locality',
      eb.val('staff').$castTo<MemberCategory>().as('category'),
      's.serviceNo as serviceNo',
      'g.code as groupCode',
      'g.name as groupName',
      'g.kind as groupKind',
      'u.code as unitCode',
      'm.joinedOn',
      'm.leftOn',
    ]);
}

type MemberQuery = ReturnType<typeof citizenMembers>;

/**
 * The ids of the memberships a filter selects, from the memberships table alone (plus
 * id-only subqueries): counting and paging this is cheap even over 3,50,000 memberships,
 * and only the page's rows are then joined for display.
 */
function matchingIds(db: RegisterDb, f: MemberFilter) {
  const base = () => {
    let q = db.k.selectFrom('memberships as m').select('m.id');
    if (f.state === 'active' || f.state === undefined) q = q.where('m.leftOn', 'is', null);
    else if (f.state === 'left') q = q.where('m.leftOn', 'is not', null);
    if (f.groupCode) {
      const code = f.groupCode;
      q = q.where('m.groupId', '=', (eb) =>
        eb.selectFrom('groups').select('groups.id').where('groups.code', '=', code),
      );
    }
    if (f.groupStatus) {
      const status = f.groupStatus;
      q = q.where('m.groupId', 'in', (eb) =>
        eb.selectFrom('groups').select('groups.id').where('groups.status', '=', status),
      );
    }
    if (f.personId !== undefined) q = q.where('m.personId', '=', f.personId);
    if (f.staffId !== undefined) q = q.where('m.staffId', '=', f.staffId);
    return q;
  };
  const wantCitizens = f.category !== 'staff' && f.staffId === undefined;
  const wantStaff = (f.category === undefined || f.category === 'staff') && f.personId === undefined;

  let citizens = base().where('m.personId', 'is not', null);
  if (f.category === 'eminent' || f.category === 'public') {
    const category = f.category;
    citizens = citizens.where('m.personId', 'in', (eb) =>
      eb.selectFrom('people').select('people.id').where('people.category', '=', category),
    );
  }
  let staff = base().where('m.staffId', 'is not', null);

  const text = f.query?.trim();
  if (text) {
    const fts = ftsQuery(text);
    citizens = citizens.where('m.personId', 'in', (eb) =>
      fts !== null
        ? eb.selectFrom('peopleSearch').select('peopleSearch.rowid').where(sql.ref('peopleSearch'), 'match', fts)
        : // Too short for the trigram index: names starting with the text (uses people_name).
          eb.selectFrom('people').select('people.id').where('people.name', 'like', `${text}%`),
    );
    const like = `%${text}%`;
    const digits = phoneSearchDigits(text);
    staff = staff.where('m.staffId', 'in', (eb) =>
      eb
        .selectFrom('staff')
        .select('staff.id')
        .where((s) =>
          s.or([
            s('staff.name', 'like', like),
            s('staff.serviceNo', 'like', like),
            ...(digits.length >= 3 ? [s('staff.phone', 'like', `%${digits}%`)] : []),
          ]),
        ),
    );
  } else if (wantCitizens && wantStaff) {
    // No text and no category: one pass over the active memberships, no union needed.
    return base();
  }
  // Citizens and staff are disjoint (a membership is one or the other), so UNION ALL is exact
  // and lets each half use its own index.
  if (wantCitizens && wantStaff) return citizens.unionAll(staff);
  return wantCitizens ? citizens : staff;
}

/**
 * The orders the members list offers (issue #11). Every order ends with a unique key, so it is
 * total: paging by offset gives every row exactly once and the list reads the same on every visit.
 *
 * - `group` (the default, ascending): unit code, group code, then the order members were entered
 *   (membership id). Units → groups (groups_unit_code) → memberships of each group
 *   (memberships_group_state) are read in index order; no sort of the whole list.
 * - `name`: the member's name case-insensitively (SQLite NOCASE: Latin A–Z ignoring case, then
 *   Devanagari in Unicode order, which follows the varnamala), then the member's id, then the
 *   membership id. Citizens come from people_name, staff from staff_name, merged (MERGE UNION ALL).
 * - `joined`: the joining day (blank days first ascending, last descending), then membership id
 *   (memberships_active_joined / memberships_joined).
 *
 * Without a selective filter the outer table is forced (CROSS JOIN) to be the one whose index
 * gives the order, so the first page costs one index walk of 100 rows and a deep page one walk of
 * the rows before it; with a selective filter (search text, a group, one member) the planner
 * picks the filter's index and sorts the few matching rows.
 */
export type MemberSortColumn = 'group' | 'name' | 'joined';
export interface MemberSort {
  column: MemberSortColumn;
  dir: 'asc' | 'desc';
}
export const DEFAULT_MEMBER_SORT: MemberSort = { column: 'group', dir: 'asc' };

type MEb = ExpressionBuilder<DB & { m: DB['memberships'] }, 'm'>;

/**
 * `+m.col`: the same value, but SQLite will not drive the query from it. A broad filter (active
 * groups only, one category) is then a check on rows read in the sort's order, instead of the
 * planner starting from the filter's subquery and sorting everything it finds.
 */
const checkOnly = (eb: MEb, col: 'm.groupId' | 'm.personId') => sql<number | null>`+${eb.ref(col)}`;

/** The filter's conditions on `m` (one side: citizens, staff, or both). */
function memberConditions(eb: MEb, f: MemberFilter, side: 'citizen' | 'staff' | 'both'): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [];
  if (f.state === 'active' || f.state === undefined) c.push(eb('m.leftOn', 'is', null));
  else if (f.state === 'left') c.push(eb('m.leftOn', 'is not', null));
  if (f.groupCode) {
    const code = f.groupCode;
    c.push(eb('m.groupId', '=', eb.selectFrom('groups').select('groups.id').where('groups.code', '=', code)));
  }
  if (f.groupStatus) {
    const status = f.groupStatus;
    c.push(
      eb(
        checkOnly(eb, 'm.groupId'),
        'in',
        eb.selectFrom('groups').select('groups.id').where('groups.status', '=', status),
      ),
    );
  }
  if (f.personId !== undefined) c.push(eb('m.personId', '=', f.personId));
  if (f.staffId !== undefined) c.push(eb('m.staffId', '=', f.staffId));
  if (side === 'citizen') c.push(eb('m.personId', 'is not', null));
  if (side === 'staff') c.push(eb('m.staffId', 'is not', null));
  if (f.category === 'eminent' || f.category === 'public') {
    const category = f.category;
    c.push(
      eb(
        checkOnly(eb, 'm.personId'),
        'in',
        eb.selectFrom('people').select('people.id').where('people.category', '=', category),
      ),
    );
  }
  const text = f.query?.trim();
  if (text) {
    const fts = ftsQuery(text);
    const citizen = eb(
      'm.personId',
      'in',
      fts !== null
        ? eb.selectFrom('peopleSearch').select('peopleSearch.rowid').where(sql.ref('peopleSearch'), 'match', fts)
        : eb.selectFrom('people').select('people.id').where('people.name', 'like', `${text}%`),
    );
    const like = `%${text}%`;
    const digits = phoneSearchDigits(text);
    const staff = eb(
      'm.staffId',
      'in',
      eb
        .selectFrom('staff')
        .select('staff.id')
        .where((s) =>
          s.or([
            s('staff.name', 'like', like),
            s('staff.serviceNo', 'like', like),
            ...(digits.length >= 3 ? [s('staff.phone', 'like', `%${digits}%`)] : []),
          ]),
        ),
    );
    c.push(side === 'citizen' ? citizen : side === 'staff' ? staff : eb.or([citizen, staff]));
  }
  return eb.and(c);
}

/** A filter that narrows the list to a few rows, so sorting what it finds beats walking an order. */
function selective(f: MemberFilter): boolean {
  return Boolean(f.query?.trim() || f.groupCode || f.personId !== undefined || f.staffId !== undefined);
}

/** The sides the filter wants: citizens, staff, or both. */
function sidesOf(f: MemberFilter): 'citizen' | 'staff' | 'both' {
  const wantCitizens = f.category !== 'staff' && f.staffId === undefined;
  const wantStaff = (f.category === undefined || f.category === 'staff') && f.personId === undefined;
  return wantCitizens && wantStaff ? 'both' : wantCitizens ? 'citizen' : 'staff';
}

const on = (eb: unknown) => eb as MEb;

/** The query of one page of membership ids in the chosen order (exported for the plan tests). */
export function memberPageQuery(db: RegisterDb, f: MemberFilter, sort: MemberSort = DEFAULT_MEMBER_SORT) {
  const d = sort.dir;
  const side = sidesOf(f);
  const narrow = selective(f);
  if (sort.column === 'joined') {
    return db.k
      .selectFrom('memberships as m')
      .select('m.id as id')
      .where((eb) => memberConditions(on(eb), f, side))
      .orderBy('m.joinedOn', d)
      .orderBy('m.id', d);
  }
  if (sort.column === 'group') {
    const q = narrow
      ? db.k
          .selectFrom('memberships as m')
          .innerJoin('groups as g', 'g.id', 'm.groupId')
          .innerJoin('units as u', 'u.id', 'g.unitId')
      : db.k
          .selectFrom('units as u')
          .crossJoin('groups as g')
          .crossJoin('memberships as m')
          .whereRef('g.unitId', '=', 'u.id')
          .whereRef('m.groupId', '=', 'g.id');
    return q
      .select('m.id as id')
      .where((eb) => memberConditions(on(eb), f, side))
      .orderBy('u.code', d)
      .orderBy('g.code', d)
      .orderBy('m.id', d);
  }
  const citizens = (
    narrow
      ? db.k.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.personId')
      : db.k.selectFrom('people as p').crossJoin('memberships as m').whereRef('m.personId', '=', 'p.id')
  )
    .select(['m.id as id', 'p.name as sortName', 'p.id as memberId'])
    .where((eb) => memberConditions(on(eb), f, 'citizen'));
  const staff = (
    narrow
      ? db.k.selectFrom('memberships as m').innerJoin('staff as s', 's.id', 'm.staffId')
      : db.k.selectFrom('staff as s').crossJoin('memberships as m').whereRef('m.staffId', '=', 's.id')
  )
    .select(['m.id as id', 's.name as sortName', 's.id as memberId'])
    .where((eb) => memberConditions(on(eb), f, 'staff'));
  // Same columns on both sides; the types differ only in the joined table's alias.
  const staffSide = staff as unknown as typeof citizens;
  const both = side === 'both' ? citizens.unionAll(staffSide) : side === 'citizen' ? citizens : staffSide;
  return both
    .orderBy(sql`sort_name collate nocase`, d)
    .orderBy('memberId', d)
    .orderBy('id', d);
}

export function searchMembers(
  db: RegisterDb,
  f: MemberFilter & { offset: number; limit: number; sort?: MemberSort | undefined },
): { total: number; rows: MemberRow[] } {
  if (f.query?.trim()) refreshSearchIndex(db);
  const ids = matchingIds(db, f);
  const total = Number(
    first(
      db,
      db.k.selectFrom(ids.as('x')).select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0,
  );
  const page = all(
    db,
    memberPageQuery(db, f, f.sort ?? DEFAULT_MEMBER_SORT)
      .offset(f.offset)
      .limit(f.limit),
  ).map((r) => r.id);
  if (page.length === 0) return { total, rows: [] };
  const details = all(
    db,
    citizenMembers(db)
      .where('m.id', 'in', page)
      .unionAll((staffMembers(db) as unknown as MemberQuery).where('m.id', 'in', page)),
  ) as MemberRow[];
  const byId = new Map(details.map((r) => [r.membershipId, r]));
  return { total, rows: page.map((id) => byId.get(id)).filter((r): r is MemberRow => r !== undefined) };
}

export function findMembership(db: RegisterDb, id: number): Membership | undefined {
  return first(db, db.k.selectFrom('memberships').selectAll().where('id', '=', id));
}

export function findActiveMembership(
  db: RegisterDb,
  groupId: number,
  member: { personId: number } | { staffId: number },
): Membership | undefined {
  let q = db.k.selectFrom('memberships').selectAll().where('groupId', '=', groupId).where('leftOn', 'is', null);
  q = 'personId' in member ? q.where('personId', '=', member.personId) : q.where('staffId', '=', member.staffId);
  return first(db, q);
}

export function insertMembership(
  db: RegisterDb,
  v: { groupId: number; personId: number | null; staffId: number | null; joinedOn: string | null },
  at: string,
): number {
  return run(db, db.k.insertInto('memberships').values({ ...v, leftOn: null, createdAt: at, updatedAt: at })).lastId;
}

export function endMembership(db: RegisterDb, id: number, leftOn: string, at: string): void {
  run(db, db.k.updateTable('memberships').set({ leftOn, updatedAt: at }).where('id', '=', id));
}

/** A person's memberships, newest first (a handful of rows: sorted here). */
export function membershipsOfPerson(db: RegisterDb, personId: number): MemberRow[] {
  return searchMembers(db, { personId, state: 'all', offset: 0, limit: 10_000 }).rows.sort(
    (a, b) => b.membershipId - a.membershipId,
  );
}
