// The per-sheet planners on their own, over a context made from a real register (SQLite, built
// with the fixtures' builders) and sheets parsed by the real row parser. The whole import is
// tested end to end in tests/integration/register-io; here each step's own rules are pinned.
import { describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../../db/connection.js';
import { run } from '../../../db/exec.js';
import { listRanks, rankMatcher } from '../../../db/ranks.js';
import { loadRegisterSnapshot } from '../../../db/register-import.js';
import type { Cell } from '../../../electron/contract/values/cells.js';
import { PlanContext, type PlanInput } from '../../../electron/services/register-io/import-plan/plan-context.js';
import { planGroups } from '../../../electron/services/register-io/import-plan/plan-groups.js';
import { planMembers } from '../../../electron/services/register-io/import-plan/plan-members.js';
import { planStaff } from '../../../electron/services/register-io/import-plan/plan-staff.js';
import { planUnits } from '../../../electron/services/register-io/import-plan/plan-units.js';
import { parseSheet } from '../../../electron/services/register-io/sheet-rows.js';
import type { SheetName } from '../../../electron/services/register-io/types.js';
import { addGroup, addMembership, addPerson, addStaff, addUnit, makeRegister } from '../../fixtures/builders.js';

/** Parses `rows` (header first, Excel row 1) as the given sheet, with the register's ranks. */
async function sheet<S extends SheetName>(db: RegisterDb, name: S, rows: Cell[][]) {
  const rankOf = rankMatcher(listRanks(db));
  return parseSheet(
    name,
    { source: name, rows, rowNumbers: rows.map((_, i) => i + 1) },
    {
      today: '2026-01-01',
      rankOf,
      mapping: undefined,
      remembered: () => undefined,
      tick: async () => {},
    },
  );
}

const context = (db: RegisterDb, sheets: Omit<PlanInput, 'snapshot'>) =>
  new PlanContext({ ...sheets, snapshot: loadRegisterSnapshot(db) });

const issues = (list: { row: number; column: string | null; reason: { code: string } }[]) =>
  list.map((i) => ({ row: i.row, column: i.column, code: i.reason.code }));

describe('planUnits', () => {
  it('checks parents against the units as they will be after the whole sheet', async () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'T1', name: 'Kotwali', type: 'thana' });
    addUnit(db, { code: 'O1', name: 'Gandhi Maidan', type: 'op', parent: 'T1' });
    const units = await sheet(db, 'units', [
      ['code', 'name', 'type', 'parent_code'],
      ['O2', 'New OP', 'op', 'T2'], // its thana comes on a later row
      ['T2', 'Gardanibagh', 'thana', null],
      ['O3', 'Under an OP', 'op', 'O1'],
      ['O4', 'Lost', 'op', 'T-NOPE'],
      ['O5', 'Under a refused unit', 'op', 'O3'],
      ['T1', 'Kotwali', 'thana', null],
      ['O1', 'Gandhi Maidan OP', 'op', 'T1'], // a new name
    ]);
    const ctx = context(db, { units });
    planUnits(ctx);

    expect(ctx.counts.units).toMatchObject({ rows: 7, new: 2, updated: 1, unchanged: 1, rejected: 3 });
    expect(ctx.writes.units.insert.map((u) => [u.code, u.parentCode])).toEqual([
      ['O2', 'T2'],
      ['T2', null],
    ]);
    expect(ctx.writes.units.update).toMatchObject([{ code: 'O1', name: 'Gandhi Maidan OP', parentCode: 'T1' }]);
    expect(issues(ctx.rejected)).toEqual([
      { row: 4, column: 'parent_code', code: 'PARENT_NOT_THANA' },
      { row: 5, column: 'parent_code', code: 'UNKNOWN_UNIT' },
      { row: 6, column: 'parent_code', code: 'REF_REJECTED' }, // O3, refused on row 4
    ]);
    // What later sheets see: refused units are gone, and their rows are named in messages.
    expect([...ctx.finalUnits.keys()].sort()).toEqual(['O1', 'O2', 'T1', 'T2']);
    expect(ctx.rejectedByPlan.units).toEqual(
      new Map([
        ['O3', 4],
        ['O4', 5],
        ['O5', 6],
      ]),
    );
    expect(ctx.samples.units.map((s) => s.row)).toEqual([2, 3, 7, 8]);
  });
});

describe('planStaff', () => {
  it('keeps the register phone for a blank cell and refuses unknown posting units', async () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'T1', type: 'thana' });
    addStaff(db, {
      serviceNo: 'S1',
      name: 'Ram Kumar',
      rank: 'CONSTABLE',
      gender: 'M',
      unit: 'T1',
      phone: '+919835012345',
    });
    const staff = await sheet(db, 'staff', [
      ['service_no', 'name', 'rank', 'gender', 'posting_unit_code', 'phone'],
      ['S1', 'Ram Kumar', 'Constable', 'M', 'T1', null],
      ['S2', 'Sita Devi', 'SI', 'F', 'T1', '9835012346'],
      ['S3', 'Nobody', 'Constable', 'M', 'T-NOPE', null],
      ['S2', 'Sita Devi', 'SI', 'F', 'T1', '9835012346'],
      ['S1', 'Ram Kumar', 'Havildar', 'M', 'T1', null],
    ]);
    const ctx = context(db, { staff });
    planStaff(ctx);

    expect(ctx.counts.staff).toMatchObject({ rows: 5, new: 1, updated: 0, unchanged: 1, duplicate: 1, rejected: 2 });
    expect(ctx.writes.staff.insert).toMatchObject([{ serviceNo: 'S2', phone: '+919835012346' }]);
    expect(ctx.writes.staff.update).toEqual([]);
    expect(issues(ctx.rejected)).toEqual([
      { row: 6, column: 'service_no', code: 'DUPLICATE_CONFLICT' },
      { row: 4, column: 'posting_unit_code', code: 'UNKNOWN_UNIT' },
    ]);
    expect(issues(ctx.review)).toEqual([{ row: 5, column: 'service_no', code: 'DUPLICATE_ROW' }]);
    expect(ctx.samples.staff[0]!.values).toMatchObject({ service_no: 'S1', phone: '+919835012345' });
    expect([...ctx.finalStaff].sort()).toEqual(['S1', 'S2']);
    expect(ctx.rejectedByPlan.staff).toEqual(new Map([['S3', 4]]));
  });

  it('names the units row at fault when the posting unit was refused by the units planner', async () => {
    const { db } = makeRegister();
    const units = await sheet(db, 'units', [
      ['code', 'name', 'type', 'parent_code'],
      ['O1', 'Lost OP', 'op', 'T-NOPE'],
    ]);
    const staff = await sheet(db, 'staff', [
      ['service_no', 'name', 'rank', 'gender', 'posting_unit_code'],
      ['S1', 'Ram', 'Constable', 'M', 'O1'],
    ]);
    const ctx = context(db, { units, staff });
    planUnits(ctx);
    planStaff(ctx);
    const [refused] = ctx.rejected.filter((i) => i.sheet === 'staff');
    expect(refused!.reason).toEqual({
      code: 'REF_REJECTED',
      message: 'unit O1 was rejected (units row 2), so this row cannot be imported',
      // The values the message names, for the renderer to word in the clerk's language.
      params: { variant: 'units', key: 'O1', row: 2 },
    });
  });
});

describe('planGroups', () => {
  it('keeps the register admin for a blank cell and checks a named admin against the staff', async () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'T1', type: 'thana' });
    const admin = addStaff(db, { serviceNo: 'S1', unit: 'T1' });
    const g = addGroup(db, { code: 'G1', unit: 'T1', name: 'Kotwali', createdOn: '2023-01-15' });
    run(db, db.k.updateTable('groups').set({ adminStaffId: admin.id }).where('id', '=', g.id));
    const groups = await sheet(db, 'groups', [
      ['code', 'unit_code', 'kind', 'name', 'admin_service_no', 'status'],
      ['G1', 'T1', 'public', 'Kotwali', null, null],
      ['G2', 'T1', 'public', 'Kotwali 2', 'S-NOPE', null],
      ['G3', 'T-NOPE', 'public', 'Nowhere', 'S1', null],
      ['G4', 'T1', 'cyber_senani', 'Kotwali Cyber', 'S1', 'closed'],
    ]);
    const ctx = context(db, { groups });
    planGroups(ctx);

    expect(ctx.counts.groups).toMatchObject({ rows: 4, new: 1, unchanged: 1, rejected: 2 });
    expect(ctx.writes.groups.insert).toMatchObject([{ code: 'G4', adminServiceNo: 'S1', status: 'closed' }]);
    expect(ctx.samples.groups[0]!.values).toMatchObject({
      code: 'G1',
      admin_service_no: 'S1',
      created_on: '2023-01-15',
      status: 'active',
    });
    expect(issues(ctx.rejected)).toEqual([
      { row: 3, column: 'admin_service_no', code: 'UNKNOWN_STAFF' },
      { row: 4, column: 'unit_code', code: 'UNKNOWN_UNIT' },
    ]);
    expect([...ctx.finalGroups].sort()).toEqual(['G1', 'G4']);
  });
});

describe('planMembers', () => {
  it('closes an active membership, keeps the register name, and counts one membership per member', async () => {
    const { db } = makeRegister();
    addUnit(db, { code: 'T1', type: 'thana' });
    const g = addGroup(db, { code: 'G1', unit: 'T1' });
    const ram = addPerson(db, { name: 'Ram Kumar', phone: '+919835012345', locality: 'Kadamkuan' });
    const active = addMembership(db, { groupId: g.id, personId: ram.id, joinedOn: '2024-01-01' });
    const mohan = addPerson(db, { name: 'Mohan', phone: '+919835012347' });
    addMembership(db, { groupId: g.id, personId: mohan.id, joinedOn: '2024-06-01' });
    const members = await sheet(db, 'members', [
      ['group_code', 'name', 'phone', 'locality', 'joined_on', 'left_on'],
      ['G1', 'Ram Prasad', '9835012345', null, null, '2025-06-30'],
      ['G1', 'Sita Devi', '9835012346', 'Patna City', null, null],
      ['G1', 'Sita Devi', '9835012346', null, null, null],
      ['G1', 'Mohan', '9835012347', null, null, '2024-01-01'], // left before the register has him join
      ['G9', 'Nobody', '9835012348', null, null, null],
    ]);
    const ctx = context(db, { members });
    planMembers(ctx);

    expect(ctx.writes.memberships.update).toEqual([{ id: active, joinedOn: '2024-01-01', leftOn: '2025-06-30' }]);
    expect(ctx.writes.memberships.insert).toMatchObject([{ groupCode: 'G1', phone: '+919835012346' }]);
    expect(ctx.writes.people.insert).toMatchObject([
      { phone: '+919835012346', name: 'Sita Devi', locality: 'Patna City' },
    ]);
    // Ram's row changes only his membership: the register's name and locality stay.
    expect(ctx.writes.people.update).toEqual([]);
    expect(ctx.counts.members).toMatchObject({ new: 1, updated: 1, duplicate: 1 });
    expect(issues(ctx.review)).toEqual([
      { row: 4, column: 'phone', code: 'DUPLICATE_MEMBERSHIP' },
      { row: 2, column: 'name', code: 'NAME_CONFLICT' },
    ]);
    expect(issues(ctx.rejected)).toEqual([
      { row: 5, column: 'left_on', code: 'DATE_ORDER' },
      { row: 6, column: 'group_code', code: 'UNKNOWN_GROUP' },
    ]);
    expect(ctx.entities.memberships).toEqual({ new: 1, updated: 1, unchanged: 0 });
  });
});
