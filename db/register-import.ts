// SQL for the register workbook import (SPEC §5): a snapshot of what the register already holds,
// and the bulk writer that applies an import plan.
//
// Every statement is a typed Kysely query compiled once and run as a prepared statement for each
// row (prepareBulk), because an import may write 2,60,000 members and Kysely's per-query compile
// and promise overhead would dominate. The caller runs snapshot, planning, writing and the audit
// entry inside ONE transaction (db/exec.ts `transaction`), so an import is all-or-nothing and the
// plan is computed against exactly the state it is applied to.
import type Database from 'better-sqlite3';
import type { Compilable } from 'kysely';
import type { RegisterDb } from './register-db.js';
import { all, prepareBulk, transaction } from './exec.js';
import type { CitizenCategory, Gender, GroupKind, GroupStatus, UnitType } from './schema.js';

export interface SnapshotUnit {
  id: number;
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
  parentId: number | null;
  division: string | null;
}

export interface SnapshotStaff {
  id: number;
  serviceNo: string;
  name: string;
  rankId: number;
  gender: Gender;
  postingUnitId: number;
  phone: string | null;
}

export interface SnapshotGroup {
  id: number;
  code: string;
  unitId: number;
  kind: GroupKind;
  name: string;
  createdOn: string | null;
  adminStaffId: number | null;
  inviteLink: string | null;
  status: GroupStatus;
}

export interface SnapshotPerson {
  id: number;
  phone: string;
  name: string;
  locality: string | null;
  occupation: string | null;
  category: CitizenCategory;
  consentOn: string | null;
  consentHow: string | null;
}

export interface SnapshotMembership {
  id: number;
  groupId: number;
  personId: number | null;
  staffId: number | null;
  joinedOn: string | null;
  leftOn: string | null;
}

export interface RegisterSnapshot {
  units: SnapshotUnit[];
  staff: SnapshotStaff[];
  groups: SnapshotGroup[];
  /** Erased people (phone NULL) cannot be matched by an import and are left out. */
  people: SnapshotPerson[];
  memberships: SnapshotMembership[];
}

/** Everything an import compares against. Read inside the import's transaction when committing. */
export function loadRegisterSnapshot(db: RegisterDb): RegisterSnapshot {
  const units = all(
    db,
    db.k.selectFrom('units').select(['id', 'code', 'name', 'nameHi', 'type', 'parentId', 'division']).orderBy('id'),
  );
  const staff = all(
    db,
    db.k
      .selectFrom('staff')
      .select(['id', 'serviceNo', 'name', 'rankId', 'gender', 'postingUnitId', 'phone'])
      .orderBy('id'),
  );
  const groups = all(
    db,
    db.k
      .selectFrom('groups')
      .select(['id', 'code', 'unitId', 'kind', 'name', 'createdOn', 'adminStaffId', 'inviteLink', 'status'])
      .orderBy('id'),
  );
  const people = all(
    db,
    db.k
      .selectFrom('people')
      .select(['id', 'phone', 'name', 'locality', 'occupation', 'category', 'consentOn', 'consentHow'])
      .where('phone', 'is not', null)
      .orderBy('id'),
  ) as SnapshotPerson[];
  const memberships = all(
    db,
    db.k.selectFrom('memberships').select(['id', 'groupId', 'personId', 'staffId', 'joinedOn', 'leftOn']).orderBy('id'),
  );
  return { units, staff, groups, people, memberships };
}

/** True when the register has no units, groups, staff or people yet (first import). */
export function registerIsEmpty(db: RegisterDb): boolean {
  const one = (t: 'units' | 'groups' | 'staff' | 'people') =>
    all(db, db.k.selectFrom(t).select('id').limit(1)).length === 0;
  return one('units') && one('groups') && one('staff') && one('people');
}

// ---------------------------------------------------------------------------------------------
// The write plan. Rows refer to each other by code (the import's language); the writer resolves
// codes to ids, including ids of rows it inserted a moment earlier.

export interface UnitWrite {
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
  parentCode: string | null;
  division: string | null;
}

export interface StaffWrite {
  serviceNo: string;
  name: string;
  rankId: number;
  gender: Gender;
  postingUnitCode: string;
  phone: string | null;
}

export interface GroupWrite {
  code: string;
  unitCode: string;
  kind: GroupKind;
  name: string;
  createdOn: string | null;
  adminServiceNo: string | null;
  inviteLink: string | null;
  status: GroupStatus;
}

export interface PersonWrite {
  phone: string;
  name: string;
  locality: string | null;
  occupation: string | null;
  category: CitizenCategory;
  consentOn: string | null;
  consentHow: string | null;
}

export interface MembershipInsert {
  groupCode: string;
  /** A citizen (by phone) or a staff member (by service number); exactly one is set. */
  phone: string | null;
  serviceNo: string | null;
  joinedOn: string | null;
  leftOn: string | null;
}

export interface MembershipUpdate {
  id: number;
  joinedOn: string | null;
  leftOn: string | null;
}

export interface ImportWrites {
  units: { insert: UnitWrite[]; update: (UnitWrite & { id: number })[] };
  staff: { insert: StaffWrite[]; update: (StaffWrite & { id: number })[] };
  groups: { insert: GroupWrite[]; update: (GroupWrite & { id: number })[] };
  people: { insert: PersonWrite[]; update: (PersonWrite & { id: number })[] };
  memberships: { insert: MembershipInsert[]; update: MembershipUpdate[] };
}

export function emptyWrites(): ImportWrites {
  return {
    units: { insert: [], update: [] },
    staff: { insert: [], update: [] },
    groups: { insert: [], update: [] },
    people: { insert: [], update: [] },
    memberships: { insert: [], update: [] },
  };
}

export function countWrites(w: ImportWrites): number {
  return (
    w.units.insert.length +
    w.units.update.length +
    w.staff.insert.length +
    w.staff.update.length +
    w.groups.insert.length +
    w.groups.update.length +
    w.people.insert.length +
    w.people.update.length +
    w.memberships.insert.length +
    w.memberships.update.length
  );
}

type Param = string | number | null;

/**
 * A prepared statement compiled from a typed Kysely query, run with positional values in the
 * order of `keys`. The query is built once with a unique sentinel in place of every keyed value;
 * the compiled parameter list then tells which value goes to which `?`. Parameters that are not
 * sentinels are constants of the query (`erasedAt: null`, the import's timestamp). Positional
 * calls keep the per-row cost to one small array: at 5,00,000 rows, building an object per row
 * and looking values up by name cost more CPU than SQLite itself.
 */
function bulk<const K extends readonly string[]>(
  db: RegisterDb,
  keys: K,
  build: (p: { [k in K[number]]: never }) => Compilable<unknown>,
): (...values: { [I in keyof K]: Param }) => Database.RunResult {
  const sentinels = Object.fromEntries(keys.map((k) => [k, `\u0000bulk:${k}\u0000`])) as unknown as {
    [k in K[number]]: never;
  };
  const q = build(sentinels);
  const params = q.compile().parameters;
  // For each `?`: the index of its value in `keys`, or -1 for a constant.
  const from = params.map((p) => keys.findIndex((k) => (sentinels[k as K[number]] as unknown) === p));
  for (let k = 0; k < keys.length; k++) {
    if (!from.includes(k)) throw new Error(`bulk statement: ${keys[k]} is not used by the query`);
  }
  const stmt = prepareBulk(db, q);
  const identity = from.length === keys.length && from.every((k, i) => k === i);
  if (identity) return (...values) => stmt.run(values as unknown as Param[]);
  const args = params.map((p, i) => (from[i]! < 0 ? (p as Param) : null));
  return (...values) => {
    const v = values as unknown as Param[];
    for (let i = 0; i < from.length; i++) {
      const k = from[i]!;
      if (k >= 0) args[i] = v[k]!;
    }
    return stmt.run(args);
  };
}

export interface WriteProgress {
  (done: number, total: number): void;
}

/** How many rows are written between progress reports (and cancellation checks). */
export const WRITE_BATCH = 5000;

/**
 * Applies an import plan. Call inside the import's transaction. `progress` runs after every
 * batch; throwing from it (cancellation) aborts the import and the caller's transaction rolls
 * everything back.
 */
export function applyImportWrites(db: RegisterDb, w: ImportWrites, at: string, progress: WriteProgress): void {
  transaction(db, () => writeAll(db, w, at, progress));
}

function writeAll(db: RegisterDb, w: ImportWrites, at: string, progress: WriteProgress): void {
  const total = countWrites(w);
  let done = 0;
  let sinceReport = 0;
  const tick = () => {
    done++;
    if (++sinceReport >= WRITE_BATCH) {
      sinceReport = 0;
      progress(done, total);
    }
  };

  const unitIds = new Map<string, number>();
  for (const u of all(db, db.k.selectFrom('units').select(['id', 'code']))) unitIds.set(u.code, u.id);
  const staffIds = new Map<string, number>();
  for (const s of all(db, db.k.selectFrom('staff').select(['id', 'serviceNo']))) staffIds.set(s.serviceNo, s.id);
  const groupIds = new Map<string, number>();
  for (const g of all(db, db.k.selectFrom('groups').select(['id', 'code']))) groupIds.set(g.code, g.id);

  const need = (map: Map<string, number>, code: string | null, what: string): number | null => {
    if (code === null) return null;
    const id = map.get(code);
    // The planner only emits codes it resolved; reaching this is a bug, and throwing rolls back.
    if (id === undefined) throw new Error(`import writer: ${what} ${code} is not in the register`);
    return id;
  };
  const rowId = (r: Database.RunResult) => Number(r.lastInsertRowid);

  // Units: top-level units first, so a new OP's new parent thana already has an id.
  const unitInsert = bulk(db, ['code', 'name', 'nameHi', 'type', 'parentId', 'division'], (p) =>
    db.k.insertInto('units').values({
      code: p.code,
      name: p.name,
      nameHi: p.nameHi,
      type: p.type,
      parentId: p.parentId,
      division: p.division,
      createdAt: at,
      updatedAt: at,
    }),
  );
  const unitUpdate = bulk(db, ['id', 'name', 'nameHi', 'type', 'parentId', 'division'], (p) =>
    db.k
      .updateTable('units')
      .set({ name: p.name, nameHi: p.nameHi, type: p.type, parentId: p.parentId, division: p.division, updatedAt: at })
      .where('id', '=', p.id),
  );
  for (const level of [false, true]) {
    for (const u of w.units.update) {
      if ((u.parentCode !== null) !== level) continue;
      unitUpdate(u.id, u.name, u.nameHi, u.type, need(unitIds, u.parentCode, 'unit'), u.division);
      tick();
    }
    for (const u of w.units.insert) {
      if ((u.parentCode !== null) !== level) continue;
      unitIds.set(
        u.code,
        rowId(unitInsert(u.code, u.name, u.nameHi, u.type, need(unitIds, u.parentCode, 'unit'), u.division)),
      );
      tick();
    }
  }

  const staffInsert = bulk(db, ['serviceNo', 'name', 'rankId', 'gender', 'postingUnitId', 'phone'], (p) =>
    db.k.insertInto('staff').values({
      serviceNo: p.serviceNo,
      name: p.name,
      rankId: p.rankId,
      gender: p.gender,
      postingUnitId: p.postingUnitId,
      phone: p.phone,
      createdAt: at,
      updatedAt: at,
    }),
  );
  const staffUpdate = bulk(db, ['id', 'name', 'rankId', 'gender', 'postingUnitId', 'phone'], (p) =>
    db.k
      .updateTable('staff')
      .set({
        name: p.name,
        rankId: p.rankId,
        gender: p.gender,
        postingUnitId: p.postingUnitId,
        phone: p.phone,
        updatedAt: at,
      })
      .where('id', '=', p.id),
  );
  for (const s of w.staff.update) {
    staffUpdate(s.id, s.name, s.rankId, s.gender, need(unitIds, s.postingUnitCode, 'unit'), s.phone);
    tick();
  }
  for (const s of w.staff.insert) {
    const r = staffInsert(s.serviceNo, s.name, s.rankId, s.gender, need(unitIds, s.postingUnitCode, 'unit'), s.phone);
    staffIds.set(s.serviceNo, rowId(r));
    tick();
  }

  const groupKeys = ['unitId', 'kind', 'name', 'createdOn', 'adminStaffId', 'inviteLink', 'status'] as const;
  const groupInsert = bulk(db, ['code', ...groupKeys], (p) =>
    db.k.insertInto('groups').values({
      code: p.code,
      unitId: p.unitId,
      kind: p.kind,
      name: p.name,
      createdOn: p.createdOn,
      adminStaffId: p.adminStaffId,
      inviteLink: p.inviteLink,
      status: p.status,
      createdAt: at,
      updatedAt: at,
    }),
  );
  const groupUpdate = bulk(db, ['id', ...groupKeys], (p) =>
    db.k
      .updateTable('groups')
      .set({
        unitId: p.unitId,
        kind: p.kind,
        name: p.name,
        createdOn: p.createdOn,
        adminStaffId: p.adminStaffId,
        inviteLink: p.inviteLink,
        status: p.status,
        updatedAt: at,
      })
      .where('id', '=', p.id),
  );
  const groupValues = (g: GroupWrite) =>
    [
      need(unitIds, g.unitCode, 'unit'),
      g.kind,
      g.name,
      g.createdOn,
      need(staffIds, g.adminServiceNo, 'staff member'),
      g.inviteLink,
      g.status,
    ] as const;
  for (const g of w.groups.update) {
    groupUpdate(g.id, ...groupValues(g));
    tick();
  }
  for (const g of w.groups.insert) {
    groupIds.set(g.code, rowId(groupInsert(g.code, ...groupValues(g))));
    tick();
  }

  const personIds = new Map<string, number>();
  const personInsert = bulk(
    db,
    ['phone', 'name', 'locality', 'occupation', 'category', 'consentOn', 'consentHow'],
    (p) =>
      db.k.insertInto('people').values({
        phone: p.phone,
        name: p.name,
        locality: p.locality,
        occupation: p.occupation,
        category: p.category,
        consentOn: p.consentOn,
        consentHow: p.consentHow,
        erasedAt: null,
        createdAt: at,
        updatedAt: at,
      }),
  );
  const personUpdate = bulk(db, ['id', 'name', 'locality', 'occupation', 'category', 'consentOn', 'consentHow'], (p) =>
    db.k
      .updateTable('people')
      .set({
        name: p.name,
        locality: p.locality,
        occupation: p.occupation,
        category: p.category,
        consentOn: p.consentOn,
        consentHow: p.consentHow,
        updatedAt: at,
      })
      .where('id', '=', p.id),
  );
  for (const p of w.people.update) {
    personUpdate(p.id, p.name, p.locality, p.occupation, p.category, p.consentOn, p.consentHow);
    personIds.set(p.phone, p.id);
    tick();
  }
  // New people are inserted just before their first membership, so the membership's foreign-key
  // check finds the person's row on a page that is still in SQLite's cache. The planner lists new
  // people in the order of their first membership row, so a cursor walks them along with the
  // memberships; nothing per person is kept (a members sheet may bring a million new people).
  const people = w.people.insert;
  let nextPerson = 0;
  /** New people inserted out of the planner's order (not expected; kept correct all the same). */
  const insertedEarly = new Set<string>();
  const insertPerson = (p: PersonWrite): number => {
    const id = rowId(personInsert(p.phone, p.name, p.locality, p.occupation, p.category, p.consentOn, p.consentHow));
    tick();
    return id;
  };
  const skipInserted = () => {
    while (nextPerson < people.length && insertedEarly.has(people[nextPerson]!.phone)) nextPerson++;
  };

  const membershipInsert = bulk(db, ['groupId', 'personId', 'staffId', 'joinedOn', 'leftOn'], (p) =>
    db.k.insertInto('memberships').values({
      groupId: p.groupId,
      personId: p.personId,
      staffId: p.staffId,
      joinedOn: p.joinedOn,
      leftOn: p.leftOn,
      createdAt: at,
      updatedAt: at,
    }),
  );
  const membershipUpdate = bulk(db, ['id', 'joinedOn', 'leftOn'], (p) =>
    db.k
      .updateTable('memberships')
      .set({ joinedOn: p.joinedOn, leftOn: p.leftOn, updatedAt: at })
      .where('id', '=', p.id),
  );
  // Updates first: closing an active membership frees the "one active membership" slot that a
  // new active row for the same member and group may take.
  for (const m of w.memberships.update) {
    membershipUpdate(m.id, m.joinedOn, m.leftOn);
    tick();
  }
  const lookupPerson = personLookup(db, personIds);
  const personFor = (phone: string): number => {
    skipInserted();
    const next = people[nextPerson];
    if (next !== undefined && next.phone === phone) {
      nextPerson++;
      return insertPerson(next);
    }
    const id = lookupPerson(phone);
    if (id !== undefined) return id;
    for (let i = nextPerson; i < people.length; i++) {
      const p = people[i]!;
      if (p.phone === phone && !insertedEarly.has(phone)) {
        insertedEarly.add(phone);
        return insertPerson(p);
      }
    }
    throw new Error(`import writer: no person with phone ${phone}`);
  };
  for (const m of w.memberships.insert) {
    membershipInsert(
      need(groupIds, m.groupCode, 'group'),
      m.phone === null ? null : personFor(m.phone),
      need(staffIds, m.serviceNo, 'staff member'),
      m.joinedOn,
      m.leftOn,
    );
    tick();
  }
  // People with no membership row in the plan (none from an import today; the plan allows it).
  for (skipInserted(); nextPerson < people.length; nextPerson++, skipInserted()) insertPerson(people[nextPerson]!);
  progress(done, total);
}

/**
 * A person's id by phone: those the plan updated from `known`, any other (unchanged, or inserted
 * by this import) from the register's phone index; undefined when there is none yet.
 */
function personLookup(db: RegisterDb, known: Map<string, number>): (phone: string) => number | undefined {
  const q = db.k.selectFrom('people').select('id').where('phone', '=', '\u0000phone');
  const stmt = prepareBulk(db, q);
  return (phone) => {
    const hit = known.get(phone);
    if (hit !== undefined) return hit;
    const row = stmt.get(phone) as { id: number } | undefined;
    return row?.id;
  };
}
