// WhatsApp groups of the units (SPEC §3).
import type { RegisterDb } from './register-db.js';
import { all, first, run } from './exec.js';
import type { Group, GroupKind, GroupStatus } from './schema.js';

export interface GroupRow {
  id: number;
  code: string;
  name: string;
  kind: GroupKind;
  status: GroupStatus;
  createdOn: string | null;
  inviteLink: string | null;
  unitCode: string;
  unitName: string;
  unitNameHi: string | null;
  adminServiceNo: string | null;
  adminName: string | null;
  /** Distinct active members (citizens and staff). */
  activeMembers: number;
  activeStaff: number;
}

function groupRowsQuery(db: RegisterDb) {
  return db.k
    .selectFrom('groups as g')
    .innerJoin('units as u', 'u.id', 'g.unitId')
    .leftJoin('staff as a', 'a.id', 'g.adminStaffId')
    .select((eb) => [
      'g.id',
      'g.code',
      'g.name',
      'g.kind',
      'g.status',
      'g.createdOn',
      'g.inviteLink',
      'u.code as unitCode',
      'u.name as unitName',
      'u.nameHi as unitNameHi',
      'a.serviceNo as adminServiceNo',
      'a.name as adminName',
      eb
        .selectFrom('memberships as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.groupId', '=', 'g.id')
        .where('m.leftOn', 'is', null)
        .as('activeMembers'),
      eb
        .selectFrom('memberships as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.groupId', '=', 'g.id')
        .where('m.leftOn', 'is', null)
        .where('m.staffId', 'is not', null)
        .as('activeStaff'),
    ]);
}

export interface GroupFilter {
  unitCode?: string;
  kind?: GroupKind;
  status?: GroupStatus;
  search?: string;
}

export function listGroups(db: RegisterDb, f: GroupFilter = {}): GroupRow[] {
  let q = groupRowsQuery(db);
  if (f.unitCode) q = q.where('u.code', '=', f.unitCode);
  if (f.kind) q = q.where('g.kind', '=', f.kind);
  if (f.status) q = q.where('g.status', '=', f.status);
  if (f.search) {
    const like = `%${f.search}%`;
    q = q.where((eb) => eb.or([eb('g.code', 'like', like), eb('g.name', 'like', like)]));
  }
  return all(db, q.orderBy('u.code').orderBy('g.code')) as GroupRow[];
}

export function getGroupRow(db: RegisterDb, code: string): GroupRow | undefined {
  return first(db, groupRowsQuery(db).where('g.code', '=', code)) as GroupRow | undefined;
}

export function findGroup(db: RegisterDb, code: string): Group | undefined {
  return first(db, db.k.selectFrom('groups').selectAll().where('code', '=', code));
}

export interface GroupValues {
  code: string;
  unitId: number;
  kind: GroupKind;
  name: string;
  createdOn: string | null;
  adminStaffId: number | null;
  inviteLink: string | null;
  status: GroupStatus;
}

export function insertGroup(db: RegisterDb, v: GroupValues, at: string): number {
  return run(db, db.k.insertInto('groups').values({ ...v, createdAt: at, updatedAt: at })).lastId;
}

export function updateGroup(db: RegisterDb, id: number, v: Partial<Omit<GroupValues, 'code'>>, at: string): void {
  run(
    db,
    db.k
      .updateTable('groups')
      .set({ ...v, updatedAt: at })
      .where('id', '=', id),
  );
}
