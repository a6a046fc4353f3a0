// Memberships: a citizen or a staff member in a group, with joined/left history (SPEC §3).
// Leaving ends a membership (left_on); it never deletes it.
import type { RegisterDb } from './register-db.js';
import { all, first, run } from './exec.js';
import { sql } from 'kysely';
import type { CitizenCategory, GroupKind, Membership } from './schema.js';
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

export function searchMembers(
  db: RegisterDb,
  f: MemberFilter & { offset: number; limit: number },
): { total: number; rows: MemberRow[] } {
  if (f.query?.trim()) refreshSearchIndex(db);
  const ids = matchingIds(db, f);
  const total = Number(
    first(
      db,
      db.k.selectFrom(ids.as('x')).select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0,
  );
  // Newest membership first: ordering by the rowid needs no sort, so deep pages of a
  // 2,60,000-row list stay fast while the clerk scrolls.
  const page = all(
    db,
    db.k.selectFrom(ids.as('x')).select('x.id').orderBy('x.id', 'desc').offset(f.offset).limit(f.limit),
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

export function membershipsOfPerson(db: RegisterDb, personId: number): MemberRow[] {
  return searchMembers(db, { personId, state: 'all', offset: 0, limit: 10_000 }).rows;
}
