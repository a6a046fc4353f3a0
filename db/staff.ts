// Police officers and employees of the district (SPEC §3) and the roster queries.
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

function staffRowsQuery(db: RegisterDb) {
  return db.k
    .selectFrom('staff as s')
    .innerJoin('ranks as r', 'r.id', 's.rankId')
    .innerJoin('units as u', 'u.id', 's.postingUnitId')
    .select((eb) => [
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

function filtered(db: RegisterDb, f: StaffFilter) {
  let q = staffRowsQuery(db);
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

export function listStaff(
  db: RegisterDb,
  f: StaffFilter & { offset: number; limit: number },
): { total: number; rows: StaffRow[] } {
  const q = filtered(db, f);
  const total = Number(
    first(
      db,
      db.k.selectFrom(q.as('x')).select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0,
  );
  const rows = all(db, q.orderBy('r.sortOrder').orderBy('s.name').orderBy('s.id').offset(f.offset).limit(f.limit));
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
