// SQL for the register workbook export (SPEC §5): the four sheets as rows that name each other
// by code, exactly the shape the import reads. Members are streamed (a state register has
// 2,60,000 of them) with a Kysely query compiled once and iterated on the prepared statement.
import type { Compilable } from 'kysely';
import type { RegisterDb } from './register-db.js';
import { all, first, prepareBulk, toCamel } from './exec.js';
import type { CitizenCategory, Gender, GroupKind, GroupStatus, UnitType } from './schema.js';
import { rawOf } from './raw.js';

export interface UnitExportRow {
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
  parentCode: string | null;
  division: string | null;
}

export interface GroupExportRow {
  code: string;
  unitCode: string;
  kind: GroupKind;
  name: string;
  createdOn: string | null;
  adminServiceNo: string | null;
  inviteLink: string | null;
  status: GroupStatus;
}

export interface StaffExportRow {
  serviceNo: string;
  name: string;
  rank: string;
  gender: Gender;
  postingUnitCode: string;
  phone: string | null;
}

export interface MemberExportRow {
  groupCode: string;
  serviceNo: string | null;
  name: string;
  phone: string | null;
  category: CitizenCategory | null;
  locality: string | null;
  occupation: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  consentOn: string | null;
  consentHow: string | null;
}

/**
 * Runs `fn` (synchronous reads only) in one read transaction, so the four sheets of an export are
 * one consistent picture even if another process writes to the register meanwhile (WAL).
 */
export function readConsistently<T>(db: RegisterDb, fn: () => T): T {
  return rawOf(db).transaction(fn).deferred();
}

function* iterate<R>(db: RegisterDb, q: Compilable<R>): Generator<R> {
  const compiled = q.compile();
  const stmt = prepareBulk(db, q);
  for (const row of stmt.iterate(...(compiled.parameters as unknown[]))) {
    yield toCamel<R>(row as Record<string, unknown>);
  }
}

export function exportUnits(db: RegisterDb): UnitExportRow[] {
  return all(
    db,
    db.k
      .selectFrom('units as u')
      .leftJoin('units as p', 'p.id', 'u.parentId')
      .select(['u.code', 'u.name', 'u.nameHi', 'u.type', 'p.code as parentCode', 'u.division'])
      .orderBy('u.id'),
  );
}

export function exportGroups(db: RegisterDb): GroupExportRow[] {
  return all(
    db,
    db.k
      .selectFrom('groups as g')
      .innerJoin('units as u', 'u.id', 'g.unitId')
      .leftJoin('staff as s', 's.id', 'g.adminStaffId')
      .select([
        'g.code',
        'u.code as unitCode',
        'g.kind',
        'g.name',
        'g.createdOn',
        's.serviceNo as adminServiceNo',
        'g.inviteLink',
        'g.status',
      ])
      .orderBy('g.id'),
  );
}

export function exportStaff(db: RegisterDb): StaffExportRow[] {
  return all(
    db,
    db.k
      .selectFrom('staff as s')
      .innerJoin('ranks as r', 'r.id', 's.rankId')
      .innerJoin('units as u', 'u.id', 's.postingUnitId')
      .select(['s.serviceNo', 's.name', 'r.nameEn as rank', 's.gender', 'u.code as postingUnitCode', 's.phone'])
      .orderBy('s.id'),
  );
}

/** Counts for the export summary; erased people cannot be written (they have no phone). */
export function exportCounts(db: RegisterDb): { memberships: number; erasedMemberships: number } {
  const total = first(
    db,
    db.k.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')),
  );
  const erased = first(
    db,
    db.k
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.personId')
      .where('p.phone', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return { memberships: Number(total?.n ?? 0), erasedMemberships: Number(erased?.n ?? 0) };
}

/**
 * Every membership (history included) of a citizen with a phone or of a staff member, grouped by
 * group and in the order they were recorded.
 */
export function iterateMembers(db: RegisterDb): Generator<MemberExportRow> {
  return iterate(
    db,
    db.k
      .selectFrom('memberships as m')
      .innerJoin('groups as g', 'g.id', 'm.groupId')
      .leftJoin('people as p', 'p.id', 'm.personId')
      .leftJoin('staff as s', 's.id', 'm.staffId')
      .where((eb) => eb.or([eb('m.staffId', 'is not', null), eb('p.phone', 'is not', null)]))
      .select((eb) => [
        'g.code as groupCode',
        's.serviceNo',
        eb.fn.coalesce('p.name', 's.name').as('name'),
        'p.phone',
        'p.category',
        'p.locality',
        'p.occupation',
        'm.joinedOn',
        'm.leftOn',
        'p.consentOn',
        'p.consentHow',
      ])
      .orderBy('g.id')
      .orderBy('m.id'),
  ) as Generator<MemberExportRow>;
}
