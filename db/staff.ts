// Police officers and employees of the district (SPEC §3) and the roster queries.
import { sql } from 'kysely';
import type { RegisterDb } from './register-db.js';
import { all, first, run } from './exec.js';
import { phoneSearchDigits } from './search-index.js';
import type { Gender, GroupKind, Staff } from './schema.js';

export interface StaffRow {
  id: number;
  serviceNo: string;
  name: string;
  rankCode: string;
  rankEn: string;
  rankHi: string;
  rankOrder: number;
  gender: Gender;
  phone: string | null;
  unitCode: string;
  unitName: string;
  unitNameHi: string | null;
  /** Active groups (status active) the staff member is an active member of. */
  activeGroups: number;
}

export interface StaffFilter {
  query?: string;
  uncovered?: boolean;
  /**
   * With `uncovered`: the group kinds that count as cover (the policy's R6 kinds), so the list
   * holds exactly the staff the dashboard counts as "not in any group". Absent: any kind.
   */
  coverageKinds?: readonly GroupKind[];
  unitCode?: string;
  rank?: string;
  gender?: Gender;
}

/**
 * The staff rows joined with rank and posting. `lead` picks the table SQLite reads first (a CROSS
 * JOIN fixes the order): ranks by order or units by code give the rank and posting orders from
 * their indexes, without sorting 60,000 rows for every page.
 */
function staffLed(db: RegisterDb) {
  return db.k
    .selectFrom('staff as s')
    .innerJoin('ranks as r', 'r.id', 's.rankId')
    .innerJoin('units as u', 'u.id', 's.postingUnitId');
}
type StaffFrom = ReturnType<typeof staffLed>;

function staffFrom(db: RegisterDb, lead: 'staff' | 'ranks' | 'units'): StaffFrom {
  // The same tables and aliases in another order; the types differ only in that order.
  if (lead === 'ranks')
    return db.k
      .selectFrom('ranks as r')
      .crossJoin('staff as s')
      .whereRef('s.rankId', '=', 'r.id')
      .innerJoin('units as u', 'u.id', 's.postingUnitId') as unknown as StaffFrom;
  if (lead === 'units')
    return db.k
      .selectFrom('units as u')
      .crossJoin('staff as s')
      .whereRef('s.postingUnitId', '=', 'u.id')
      .innerJoin('ranks as r', 'r.id', 's.rankId') as unknown as StaffFrom;
  return staffLed(db);
}

function staffRowsQuery(db: RegisterDb, lead: 'staff' | 'ranks' | 'units' = 'staff') {
  return staffFrom(db, lead).select((eb) => [
    's.id',
    's.serviceNo',
    's.name',
    'r.code as rankCode',
    'r.nameEn as rankEn',
    'r.nameHi as rankHi',
    'r.sortOrder as rankOrder',
    's.gender',
    's.phone',
    'u.code as unitCode',
    'u.name as unitName',
    'u.nameHi as unitNameHi',
    eb
      .selectFrom('memberships as m')
      .innerJoin('groups as g', 'g.id', 'm.groupId')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('m.staffId', '=', 's.id')
      .where('m.leftOn', 'is', null)
      .where('g.status', '=', 'active')
      .as('activeGroups'),
  ]);
}

function filtered(db: RegisterDb, f: StaffFilter, lead: 'staff' | 'ranks' | 'units' = 'staff') {
  let q = staffRowsQuery(db, lead);
  if (f.unitCode) q = q.where('u.code', '=', f.unitCode);
  if (f.rank) q = q.where('r.code', '=', f.rank);
  if (f.gender) q = q.where('s.gender', '=', f.gender);
  if (f.query) {
    const like = `%${f.query}%`;
    // A phone is searched by its digits in any form the import accepts (0…, +91 …, spaces).
    const digits = phoneSearchDigits(f.query);
    q = q.where((eb) =>
      eb.or([
        eb('s.name', 'like', like),
        eb('s.serviceNo', 'like', like),
        eb('s.phone', 'like', like),
        ...(digits.length >= 3 ? [eb('s.phone', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  if (f.uncovered) {
    const kinds = f.coverageKinds;
    if (kinds && kinds.length === 0) return q; // no kind counts: nobody is covered
    q = q.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('memberships as m2')
            .innerJoin('groups as g2', 'g2.id', 'm2.groupId')
            .select('m2.id')
            .whereRef('m2.staffId', '=', 's.id')
            .where('m2.leftOn', 'is', null)
            .where('g2.status', '=', 'active')
            .$if(kinds !== undefined, (w) => w.where('g2.kind', 'in', [...kinds!])),
        ),
      ),
    );
  }
  return q;
}

/**
 * The staff list's orders (issue #11), each ending with a unique key so paging is stable:
 * `rank` (the default: highest rank first ascending, then name, id), `name` (name NOCASE, id:
 * staff_name), `serviceNo` (unique: its own index), `posting` (posting unit code, name, id).
 */
export type StaffSortColumn = 'rank' | 'name' | 'serviceNo' | 'posting';
export interface StaffSort {
  column: StaffSortColumn;
  dir: 'asc' | 'desc';
}
export const DEFAULT_STAFF_SORT: StaffSort = { column: 'rank', dir: 'asc' };

const nameKey = sql`s.name collate nocase`;

function ordered(q: ReturnType<typeof filtered>, sort: StaffSort) {
  const d = sort.dir;
  switch (sort.column) {
    case 'name':
      return q.orderBy(nameKey, d).orderBy('s.id', d);
    case 'serviceNo':
      return q.orderBy('s.serviceNo', d);
    case 'posting':
      return q.orderBy('u.code', d).orderBy(nameKey, d).orderBy('s.id', d);
    case 'rank':
      return q.orderBy('r.sortOrder', d).orderBy(nameKey, d).orderBy('s.id', d);
  }
}

/** The query of one page of staff in the chosen order (exported for the plan tests). */
export function staffPageQuery(db: RegisterDb, f: StaffFilter, sort: StaffSort = DEFAULT_STAFF_SORT) {
  // A unit or rank filter narrows the list to a few rows: the planner starts from it and sorts them.
  const narrow = Boolean(f.unitCode || f.rank);
  const lead = narrow ? 'staff' : sort.column === 'rank' ? 'ranks' : sort.column === 'posting' ? 'units' : 'staff';
  return ordered(filtered(db, f, lead), sort);
}

export function listStaff(
  db: RegisterDb,
  f: StaffFilter & { offset: number; limit: number; sort?: StaffSort | undefined },
): { total: number; rows: StaffRow[] } {
  const q = filtered(db, f);
  const total = Number(
    first(
      db,
      db.k.selectFrom(q.as('x')).select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0,
  );
  const rows = all(
    db,
    staffPageQuery(db, f, f.sort ?? DEFAULT_STAFF_SORT)
      .offset(f.offset)
      .limit(f.limit),
  );
  return { total, rows: rows as StaffRow[] };
}

export function getStaffRow(db: RegisterDb, serviceNo: string): StaffRow | undefined {
  return first(db, staffRowsQuery(db).where('s.serviceNo', '=', serviceNo)) as StaffRow | undefined;
}

export function findStaff(db: RegisterDb, serviceNo: string): Staff | undefined {
  return first(db, db.k.selectFrom('staff').selectAll().where('serviceNo', '=', serviceNo));
}

export function findStaffById(db: RegisterDb, id: number): Staff | undefined {
  return first(db, db.k.selectFrom('staff').selectAll().where('id', '=', id));
}

export interface StaffValues {
  serviceNo: string;
  name: string;
  rankId: number;
  gender: Gender;
  postingUnitId: number;
  phone: string | null;
}

export function insertStaff(db: RegisterDb, v: StaffValues, at: string): number {
  return run(db, db.k.insertInto('staff').values({ ...v, createdAt: at, updatedAt: at })).lastId;
}

export function updateStaff(db: RegisterDb, id: number, v: Partial<Omit<StaffValues, 'serviceNo'>>, at: string): void {
  run(
    db,
    db.k
      .updateTable('staff')
      .set({ ...v, updatedAt: at })
      .where('id', '=', id),
  );
}

/**
 * Staff rows for the given service numbers (name, rank, posting), in the order given; numbers
 * not in the register are left out. Looked up in chunks so the SQL stays within SQLite's
 * variable limit for any list length.
 */
export function staffByServiceNos(db: RegisterDb, serviceNos: readonly string[]): StaffRow[] {
  const found = new Map<string, StaffRow>();
  const CHUNK = 500;
  for (let i = 0; i < serviceNos.length; i += CHUNK) {
    const part = serviceNos.slice(i, i + CHUNK);
    for (const r of all(db, staffRowsQuery(db).where('s.serviceNo', 'in', part)) as StaffRow[]) {
      found.set(r.serviceNo, r);
    }
  }
  return serviceNos.flatMap((no) => {
    const r = found.get(no);
    return r ? [r] : [];
  });
}
