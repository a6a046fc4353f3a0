// Memberships: a citizen or a staff member in a group, with joined/left history (SPEC §3).
// Leaving ends a membership (left_on); it never deletes it.
import type { RegisterDb } from './connection.js';
import { all, first, run } from './exec.js';
import type { CitizenCategory, GroupKind, Membership } from './schema.js';

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

/** Digits of a search text, so "98350 12345" finds +919835012345. */
function digitsOf(s: string): string {
  return s.replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x0966)).replace(/\D/g, '');
}

export function searchMembers(
  db: RegisterDb,
  f: MemberFilter & { offset: number; limit: number },
): { total: number; rows: MemberRow[] } {
  const wantCitizens = f.category !== 'staff' && f.staffId === undefined;
  const wantStaff = (f.category === undefined || f.category === 'staff') && f.personId === undefined;
  const like = f.query?.trim() ? `%${f.query.trim()}%` : undefined;
  const digits = f.query ? digitsOf(f.query) : '';
  const phoneLike = digits.length >= 3 ? `%${digits}%` : undefined;

  let c = citizenMembers(db);
  if (f.groupCode) c = c.where('g.code', '=', f.groupCode);
  if (f.state === 'active' || f.state === undefined) c = c.where('m.leftOn', 'is', null);
  else if (f.state === 'left') c = c.where('m.leftOn', 'is not', null);
  if (f.category === 'eminent' || f.category === 'public') c = c.where('p.category', '=', f.category);
  if (f.personId !== undefined) c = c.where('p.id', '=', f.personId);
  if (like) {
    c = c.where((eb) =>
      eb.or([
        eb('p.name', 'like', like),
        eb('p.locality', 'like', like),
        ...(phoneLike ? [eb('p.phone', 'like', phoneLike)] : []),
      ]),
    );
  }

  let s = staffMembers(db);
  if (f.groupCode) s = s.where('g.code', '=', f.groupCode);
  if (f.state === 'active' || f.state === undefined) s = s.where('m.leftOn', 'is', null);
  else if (f.state === 'left') s = s.where('m.leftOn', 'is not', null);
  if (f.staffId !== undefined) s = s.where('s.id', '=', f.staffId);
  if (like) {
    s = s.where((eb) =>
      eb.or([
        eb('s.name', 'like', like),
        eb('s.serviceNo', 'like', like),
        ...(phoneLike ? [eb('s.phone', 'like', phoneLike)] : []),
      ]),
    );
  }

  const parts = [wantCitizens ? c : undefined, wantStaff ? s : undefined].filter(
    (x): x is MemberQuery => x !== undefined,
  );
  if (parts.length === 0) return { total: 0, rows: [] };
  const union = parts.length === 2 ? parts[0]!.unionAll(parts[1]!) : parts[0]!;
  const total = Number(
    first(
      db,
      db.k.selectFrom(union.as('x')).select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0,
  );
  // Newest membership first: ordering by the rowid needs no sort, so deep pages of a
  // 2,60,000-row list stay fast while the clerk scrolls.
  const rows = all(
    db,
    db.k.selectFrom(union.as('x')).selectAll().orderBy('x.membershipId', 'desc').offset(f.offset).limit(f.limit),
  );
  return { total, rows: rows as MemberRow[] };
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
