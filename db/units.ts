// Units: the district's thanas, OPs, district centre, division units (SPEC §3).
import type { RegisterDb } from './register-db.js';
import { all, first, run } from './exec.js';
import type { Unit, UnitType } from './schema.js';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
  parentCode: string | null;
  division: string | null;
  /** A closed unit (migration 7) is kept with its history but leaves the compliance report. */
  status: 'active' | 'closed';
  activeGroups: number;
  closedGroups: number;
}

function unitRowsQuery(db: RegisterDb) {
  return db.k
    .selectFrom('units as u')
    .leftJoin('units as parent', 'parent.id', 'u.parentId')
    .select((eb) => [
      'u.id',
      'u.code',
      'u.name',
      'u.nameHi',
      'u.type',
      'u.division',
      'u.status',
      'parent.code as parentCode',
      eb
        .selectFrom('groups as g')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('g.unitId', '=', 'u.id')
        .where('g.status', '=', 'active')
        .as('activeGroups'),
      eb
        .selectFrom('groups as g')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('g.unitId', '=', 'u.id')
        .where('g.status', '=', 'closed')
        .as('closedGroups'),
    ]);
}

export function listUnits(
  db: RegisterDb,
  f: { type?: UnitType; search?: string; parentCode?: string } = {},
): UnitRow[] {
  let q = unitRowsQuery(db);
  if (f.type) q = q.where('u.type', '=', f.type);
  if (f.parentCode) q = q.where('parent.code', '=', f.parentCode);
  if (f.search) {
    const like = `%${f.search}%`;
    q = q.where((eb) => eb.or([eb('u.code', 'like', like), eb('u.name', 'like', like), eb('u.nameHi', 'like', like)]));
  }
  return all(db, q.orderBy('u.type').orderBy('u.code')) as UnitRow[];
}

export function getUnitRow(db: RegisterDb, code: string): UnitRow | undefined {
  return first(db, unitRowsQuery(db).where('u.code', '=', code)) as UnitRow | undefined;
}

export function findUnit(db: RegisterDb, code: string): Unit | undefined {
  return first(db, db.k.selectFrom('units').selectAll().where('code', '=', code));
}

export function findUnitById(db: RegisterDb, id: number): Unit | undefined {
  return first(db, db.k.selectFrom('units').selectAll().where('id', '=', id));
}

export interface UnitValues {
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
  parentId: number | null;
  division: string | null;
}

export function insertUnit(db: RegisterDb, v: UnitValues, at: string): number {
  return run(db, db.k.insertInto('units').values({ ...v, createdAt: at, updatedAt: at })).lastId;
}

export function updateUnit(db: RegisterDb, id: number, v: Omit<UnitValues, 'code'>, at: string): void {
  run(
    db,
    db.k
      .updateTable('units')
      .set({ ...v, updatedAt: at })
      .where('id', '=', id),
  );
}

/** OPs whose parent is this unit (a thana cannot become another type while it has OPs). */
export function countChildren(db: RegisterDb, id: number): number {
  return Number(
    first(
      db,
      db.k
        .selectFrom('units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parentId', '=', id),
    )?.n ?? 0,
  );
}
