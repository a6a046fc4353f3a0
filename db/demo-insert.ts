// Bulk inserts for the demo generator (electron/services/compliance/demo.ts). A state-size demo
// writes about 7,00,000 rows; each table gets one prepared statement, compiled once from a typed
// Kysely insert and then run with positional parameters in the column order listed here. The
// caller wraps everything in one transaction.
import type { Insertable } from 'kysely';
import type { RegisterDb } from './register-db.js';
import { first, prepareBulk } from './exec.js';
import type { DB, GroupsTable, MembershipsTable, PeopleTable, StaffTable, UnitsTable } from './schema.js';

type Row<T extends keyof DB> = Insertable<DB[T]>;

function inserter<T extends 'units' | 'staff' | 'groups' | 'people' | 'memberships'>(
  db: RegisterDb,
  table: T,
  columns: readonly (keyof Row<T> & string)[],
): (row: Row<T>) => number {
  // The values are placeholders: only the compiled SQL is kept, and Kysely compiles the columns
  // in the order of this object's keys, which is `columns`' order.
  const sample = Object.fromEntries(columns.map((c) => [c, null])) as unknown as Row<T>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table is generic here; rows are typed by the caller
  const stmt = prepareBulk(db, db.k.insertInto(table).values(sample as any));
  const n = columns.length;
  const params: unknown[] = new Array(n);
  return (row) => {
    const r = row as Record<string, unknown>;
    for (let i = 0; i < n; i++) params[i] = r[columns[i]!] ?? null;
    return Number(stmt.run(...params).lastInsertRowid);
  };
}

export interface DemoInserters {
  unit(row: Insertable<UnitsTable>): number;
  staff(row: Insertable<StaffTable>): number;
  group(row: Insertable<GroupsTable>): number;
  person(row: Insertable<PeopleTable>): number;
  membership(row: Insertable<MembershipsTable>): number;
}

export function demoInserters(db: RegisterDb): DemoInserters {
  return {
    unit: inserter(db, 'units', ['code', 'name', 'nameHi', 'type', 'parentId', 'division', 'createdAt', 'updatedAt']),
    staff: inserter(db, 'staff', [
      'serviceNo',
      'name',
      'rankId',
      'gender',
      'postingUnitId',
      'phone',
      'createdAt',
      'updatedAt',
    ]),
    group: inserter(db, 'groups', [
      'code',
      'unitId',
      'kind',
      'name',
      'createdOn',
      'adminStaffId',
      'inviteLink',
      'status',
      'createdAt',
      'updatedAt',
    ]),
    person: inserter(db, 'people', [
      'phone',
      'name',
      'locality',
      'occupation',
      'category',
      'consentOn',
      'consentHow',
      'erasedAt',
      'createdAt',
      'updatedAt',
    ]),
    membership: inserter(db, 'memberships', [
      'groupId',
      'personId',
      'staffId',
      'joinedOn',
      'leftOn',
      'createdAt',
      'updatedAt',
    ]),
  };
}

/** True when the register holds no units, staff, groups or people yet (the demo needs a blank one). */
export function registerIsEmpty(db: RegisterDb): boolean {
  const probe = (t: 'units' | 'staff' | 'groups' | 'people') =>
    first(db, db.k.selectFrom(t).select('id').limit(1)) !== undefined;
  return !probe('units') && !probe('staff') && !probe('groups') && !probe('people');
}

/** Row counts of the register's main tables, for the demo's audit entry and CLI message. */
export function registerCounts(
  db: RegisterDb,
): Record<'units' | 'staff' | 'groups' | 'people' | 'memberships', number> {
  const count = (t: 'units' | 'staff' | 'groups' | 'people' | 'memberships') =>
    Number(
      first(
        db,
        db.k.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')),
      )?.n ?? 0,
    );
  return {
    units: count('units'),
    staff: count('staff'),
    groups: count('groups'),
    people: count('people'),
    memberships: count('memberships'),
  };
}
