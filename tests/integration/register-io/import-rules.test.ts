// Import rules beyond the messy workbook: strict mode, all-or-nothing commits (cancelled and
// failing mid-write), membership history, people and upsert rules, duplicates, CSV folders,
// hand-made column mappings.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { all } from '../../../db/exec.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { addGroup, addMembership, addPerson, addStaff, addUnit } from '../../fixtures/builders.js';
import { call, ok } from '../../fixtures/context.js';
import type { HandlerContext } from '../../../electron/backend/context.js';
import { brief, commit, counts, harness, preview, writeCsv, writeWorkbook, type Harness } from './workbooks.js';
import { messyWorkbook } from './messy-workbook.js';
import { rawOf } from '../../../db/raw.js';
import { namespaces } from '../../../renderer/i18n/index.js';

function tables(db: RegisterDb) {
  return Object.fromEntries(
    (['units', 'groups', 'staff', 'people', 'memberships', 'auditLog'] as const).map((t) => [
      t,
      all(db, db.k.selectFrom(t).selectAll().orderBy('id')),
    ]),
  );
}

/** A CSV folder with one thana, one group and `n` members (deterministic phones). */
function bigFolder(dir: string, n: number, startPhone = 9800000000): string {
  const folder = path.join(dir, `csv-${n}-${startPhone}`);
  writeCsv(path.join(folder, 'units.csv'), [
    ['code', 'name', 'type'],
    ['T1', 'Kotwali', 'thana'],
  ]);
  writeCsv(path.join(folder, 'groups.csv'), [
    ['code', 'unit_code', 'kind', 'name'],
    ['G1', 'T1', 'public', 'Kotwali'],
  ]);
  const rows = [['group_code', 'name', 'phone']];
  for (let i = 0; i < n; i++) rows.push(['G1', `Member ${i}`, String(startPhone + i * 7)]);
  writeCsv(path.join(folder, 'members.csv'), rows);
  return folder;
}

const small = (h: Harness) =>
  writeWorkbook(path.join(h.dir, 'small.xlsx'), [
    {
      name: 'units',
      rows: [
        ['code', 'name', 'type'],
        ['T1', 'Kotwali', 'thana'],
      ],
    },
    {
      name: 'groups',
      rows: [
        ['code', 'unit_code', 'kind', 'name'],
        ['G1', 'T1', 'public', 'Kotwali'],
      ],
    },
    {
      name: 'members',
      rows: [
        ['group_code', 'name', 'phone'],
        ['G1', 'Ram', '9835012345'],
      ],
    },
  ]);

describe('strict mode', () => {
  it('refuses the whole file when any row is rejected, with the report in the error', async () => {
    const h = harness();
    const db = h.ctx.session.db();
    const before = tables(db);
    const r = await call(h.ctx, 'import.commit', { file: await messyWorkbook(h.dir), strict: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('IMPORT_REJECTED');
    expect(r.error.message).toBe(
      'Strict mode: 19 row(s) of patna-register.xlsx were rejected, so nothing was imported.',
    );
    const report = r.error.details as { committed: boolean; totals: { rejected: number }; rejected: unknown[] };
    expect(report.committed).toBe(false);
    expect(report.totals.rejected).toBe(19);
    expect(report.rejected).toHaveLength(20);
    expect(tables(db)).toEqual(before);
  });

  it('commits a clean file', async () => {
    const h = harness();
    const r = await commit(h, await small(h), { strict: true });
    expect(r.committed).toBe(true);
    expect(r.totals.new).toBe(3);
  });
});

describe('all or nothing', () => {
  it('a cancel between write batches leaves the register exactly as it was', async () => {
    const h = harness();
    await commit(h, await small(h));
    const db = h.ctx.session.db();
    const before = tables(db);
    const folder = bigFolder(h.dir, 12_000);
    const writes: number[] = [];
    const ctx: HandlerContext = {
      ...h.ctx,
      progress: (p) => {
        if (p.phase !== 'write') return;
        writes.push(p.done);
        if (p.done >= 5000) h.ctx.abort.abort();
      },
    };
    const r = await call(ctx, 'import.commit', { file: folder });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ code: 'CANCELLED', message: 'The import was cancelled; nothing was written.' });
    expect(writes.some((d) => d >= 5000 && d < 12_000)).toBe(true);
    expect(tables(db)).toEqual(before);
  });

  it('a database failure in the middle of writing rolls everything back', async () => {
    const h = harness();
    await commit(h, await small(h));
    const db = h.ctx.session.db();
    // Sabotage: the 7,000th membership insert fails like a full disk would.
    rawOf(db).exec(`CREATE TRIGGER sabotage BEFORE INSERT ON memberships WHEN (SELECT count(*) FROM memberships) >= 7000
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;`);
    const before = tables(db);
    const r = await call(h.ctx, 'import.commit', { file: bigFolder(h.dir, 12_000) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('simulated failure');
    expect(tables(db)).toEqual(before);
    rawOf(db).exec('DROP TRIGGER sabotage');
    const retry = await commit(h, bigFolder(h.dir, 12_000));
    expect(retry.entities.memberships.new).toBe(12_000);
  });

  it('a cancel while validating stops before anything is written', async () => {
    const h = harness();
    const ctx: HandlerContext = {
      ...h.ctx,
      progress: (p) => {
        if (p.phase === 'validate' && p.done > 0) h.ctx.abort.abort();
      },
    };
    const r = await call(ctx, 'import.commit', { file: bigFolder(h.dir, 5000) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CANCELLED');
    expect(tables(h.ctx.session.db()).people).toEqual([]);
  });
});

describe('memberships: keyed by group + member + joined_on; left_on closes the active one', () => {
  function setup() {
    const h = harness();
    const db = h.ctx.session.db();
    addUnit(db, { code: 'T1' });
    const g = addGroup(db, { code: 'G1', unit: 'T1' });
    const undated = addPerson(db, { phone: '+919835012345', name: 'Ram' });
    addMembership(db, { groupId: g.id, personId: undated.id });
    const dated = addPerson(db, { phone: '+919835012346', name: 'Sita' });
    addMembership(db, { groupId: g.id, personId: dated.id, joinedOn: '2024-05-01' });
    return { h, db };
  }

  const file = (h: Harness, rows: (string | null)[][]) =>
    writeWorkbook(path.join(h.dir, `m${Math.random()}.xlsx`), [
      { name: 'members', rows: [['group_code', 'name', 'phone', 'joined_on', 'left_on'], ...rows] },
    ]);

  const memberships = (db: RegisterDb) =>
    all(
      db,
      db.k
        .selectFrom('memberships as m')
        .innerJoin('people as p', 'p.id', 'm.personId')
        .select(['p.phone', 'm.joinedOn', 'm.leftOn'])
        .orderBy('m.id'),
    );

  it('left_on closes the active membership (no new row); re-import changes nothing', async () => {
    const { h, db } = setup();
    const f = await file(h, [['G1', 'Ram', '9835012345', null, '2024-06-01']]);
    const r = await commit(h, f);
    expect(counts(r).members).toMatchObject({ new: 0, updated: 1 });
    expect(memberships(db)[0]).toEqual({ phone: '+919835012345', joinedOn: null, leftOn: '2024-06-01' });
    const again = await commit(h, f);
    expect(counts(again).members).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect(memberships(db)).toHaveLength(2);
  });

  it('a joined_on fills an undated active membership; a different date is reported, not duplicated', async () => {
    const { h, db } = setup();
    const r = await commit(
      h,
      await file(h, [
        ['G1', 'Ram', '9835012345', '2024-02-01', null],
        ['G1', 'Sita', '9835012346', '2024-03-01', null],
      ]),
    );
    expect(counts(r).members).toMatchObject({ new: 0, updated: 1, unchanged: 1 });
    expect(brief(r.review)).toEqual([
      { sheet: 'members', row: 3, column: 'joined_on', value: '2024-03-01', code: 'ALREADY_ACTIVE' },
    ]);
    expect(memberships(db)).toEqual([
      { phone: '+919835012345', joinedOn: '2024-02-01', leftOn: null },
      { phone: '+919835012346', joinedOn: '2024-05-01', leftOn: null },
    ]);
  });

  it('keeps history: an earlier stint and a re-join are separate memberships', async () => {
    const { h, db } = setup();
    const f = await file(h, [
      ['G1', 'Sita', '9835012346', '2023-01-01', '2023-06-30'],
      ['G1', 'Sita', '9835012346', '2024-05-01', null],
      ['G1', 'Gita', '9835012347', '2023-01-01', '2023-02-01'],
      ['G1', 'Gita', '9835012347', '2023-03-01', null],
    ]);
    const r = await commit(h, f);
    expect(counts(r).members).toMatchObject({ new: 3, updated: 0, unchanged: 1, duplicate: 0, rejected: 0 });
    expect(memberships(db).filter((m) => m.phone !== '+919835012345')).toEqual([
      { phone: '+919835012346', joinedOn: '2024-05-01', leftOn: null },
      { phone: '+919835012346', joinedOn: '2023-01-01', leftOn: '2023-06-30' },
      { phone: '+919835012347', joinedOn: '2023-01-01', leftOn: '2023-02-01' },
      { phone: '+919835012347', joinedOn: '2023-03-01', leftOn: null },
    ]);
    expect(counts(await commit(h, f)).members).toMatchObject({ new: 0, updated: 0, unchanged: 4 });
  });

  it('a left_on before the date the register has them joining is rejected', async () => {
    const { h } = setup();
    const r = await preview(h, await file(h, [['G1', 'Sita', '9835012346', null, '2024-01-01']]));
    expect(brief(r.rejected)).toEqual([
      { sheet: 'members', row: 2, column: 'left_on', value: '2024-01-01', code: 'DATE_ORDER' },
    ]);
  });

  it('the same phone twice in a group is one membership, in any spelling', async () => {
    const { h, db } = setup();
    const r = await commit(
      h,
      await file(h, [
        ['G1', 'Hari', '9835012348', null, null],
        ['G1', 'Hari', '+91 98350 12348', null, null],
        ['G1', 'Hari', '09835012348', '2024-01-01', null],
      ]),
    );
    expect(counts(r).members).toMatchObject({ new: 1, duplicate: 2 });
    expect(brief(r.review).map((i) => [i.row, i.code])).toEqual([
      [3, 'DUPLICATE_MEMBERSHIP'],
      [4, 'DUPLICATE_MEMBERSHIP'],
    ]);
    expect(memberships(db).filter((m) => m.phone === '+919835012348')).toHaveLength(1);
  });
});

describe('upserts: codes, service numbers and phones', () => {
  it('updates what the file changes, keeps what it leaves blank, and never renames a citizen', async () => {
    const h = harness();
    const db = h.ctx.session.db();
    addUnit(db, { code: 'T1', name: 'Kotwali', nameHi: 'कोतवाली' });
    addStaff(db, { serviceNo: 'S1', name: 'Old Name', unit: 'T1', rank: 'SI', phone: '+919835000111' });
    const g = addGroup(db, { code: 'G1', unit: 'T1' });
    const p = addPerson(db, { phone: '+919835012345', name: 'Ram Kumar', locality: 'Kadamkuan' });
    addMembership(db, { groupId: g.id, personId: p.id });
    const f = await writeWorkbook(path.join(h.dir, 'u.xlsx'), [
      {
        name: 'units',
        rows: [
          ['code', 'name', 'name_hi', 'type'],
          ['T1', 'Kotwali PS', null, 'thana'],
        ],
      },
      {
        name: 'staff',
        rows: [
          ['service_no', 'name', 'rank', 'gender', 'posting_unit_code', 'phone'],
          ['S1', 'New Name', 'SI', 'M', 'T1', null],
        ],
      },
      {
        name: 'members',
        rows: [
          ['group_code', 'name', 'phone', 'locality', 'occupation'],
          ['G1', 'RAM  KUMAR', '9835012345', null, 'Farmer'],
          ['G1', 'Ramu', '9835012399', 'Patna', null],
        ],
      },
    ]);
    const r = await commit(h, f);
    expect(counts(r)).toEqual({
      units: { rows: 1, new: 0, updated: 1, unchanged: 0, duplicate: 0, rejected: 0 },
      staff: { rows: 1, new: 0, updated: 1, unchanged: 0, duplicate: 0, rejected: 0 },
      members: { rows: 2, new: 1, updated: 1, unchanged: 0, duplicate: 0, rejected: 0 },
    });
    expect(all(db, db.k.selectFrom('units').select(['name', 'nameHi']))).toEqual([
      { name: 'Kotwali PS', nameHi: 'कोतवाली' },
    ]);
    expect(all(db, db.k.selectFrom('staff').select(['name', 'phone']))).toEqual([
      { name: 'New Name', phone: '+919835000111' },
    ]);
    expect(all(db, db.k.selectFrom('people').select(['name', 'locality', 'occupation']).orderBy('id'))).toEqual([
      { name: 'Ram Kumar', locality: 'Kadamkuan', occupation: 'Farmer' },
      { name: 'Ramu', locality: 'Patna', occupation: null },
    ]);
    // Same name in other case and spacing is no conflict.
    expect(r.review).toEqual([]);

    const renamed = await preview(
      h,
      await writeWorkbook(path.join(h.dir, 'n.xlsx'), [
        {
          name: 'members',
          rows: [
            ['group_code', 'name', 'phone'],
            ['G1', 'Shyam', '9835012345'],
          ],
        },
      ]),
    );
    expect(renamed.review.map((i) => i.reason.message)).toEqual([
      'phone +919835012345 is "Ram Kumar" in the register and "Shyam" in the file; the register\'s name is kept — check which is right',
    ]);
  });

  it('a repeated key is a duplicate when identical and rejected when different', async () => {
    const h = harness();
    const r = await preview(
      h,
      await writeWorkbook(path.join(h.dir, 'd.xlsx'), [
        {
          name: 'units',
          rows: [
            ['code', 'name', 'type'],
            ['T1', 'Kotwali', 'thana'],
            ['T1', 'Kotwali', 'थाना'],
            ['T1', 'Kotwali Two', 'thana'],
          ],
        },
      ]),
    );
    expect(counts(r).units).toEqual({ rows: 3, new: 1, updated: 0, unchanged: 0, duplicate: 1, rejected: 1 });
    expect(brief(r.review)).toEqual([{ sheet: 'units', row: 3, column: 'code', value: 'T1', code: 'DUPLICATE_ROW' }]);
    expect(brief(r.rejected)).toEqual([
      { sheet: 'units', row: 4, column: 'code', value: 'T1', code: 'DUPLICATE_CONFLICT' },
    ]);
  });

  it("an OP's parent must be a top-level thana, in the file or the register", async () => {
    const h = harness();
    addUnit(h.ctx.session.db(), { code: 'DC', type: 'district_centre' });
    const r = await preview(
      h,
      await writeWorkbook(path.join(h.dir, 'p.xlsx'), [
        {
          name: 'units',
          rows: [
            ['code', 'name', 'type', 'parent_code'],
            ['OP1', 'Under DC', 'op', 'DC'],
            ['T1', 'Kotwali', 'thana', null],
            ['OP2', 'Under T1', 'op', 'T1'],
            ['OP3', 'Under OP2', 'op', 'OP2'],
            ['OP4', 'No parent', 'op', null],
          ],
        },
      ]),
    );
    expect(brief(r.rejected).map((i) => [i.row, i.code])).toEqual([
      [2, 'PARENT_NOT_THANA'],
      [5, 'PARENT_NOT_THANA'],
      [6, 'REQUIRED'],
    ]);
    expect(counts(r).units).toMatchObject({ new: 2, rejected: 3 });
  });

  it('a staff member in a members row is found by service number, also one only in the register', async () => {
    const h = harness();
    const db = h.ctx.session.db();
    addUnit(db, { code: 'DC', type: 'district_centre' });
    addGroup(db, { code: 'GS', unit: 'DC', kind: 'staff' });
    addStaff(db, { serviceNo: '4711', unit: 'DC' });
    const r = await commit(
      h,
      await writeWorkbook(path.join(h.dir, 's.xlsx'), [
        {
          name: 'members',
          rows: [
            ['group_code', 'service_no', 'name', 'phone', 'category'],
            ['GS', 4711, 'Whoever', null, 'staff'],
            ['GS', '4712', null, null, null],
            ['GS', '4711', null, null, 'eminent'],
          ],
        },
      ]),
    );
    expect(counts(r).members).toMatchObject({ new: 1, rejected: 2 });
    expect(brief(r.rejected).map((i) => [i.row, i.code])).toEqual([
      [3, 'UNKNOWN_STAFF'],
      [4, 'STAFF_CATEGORY'],
    ]);
  });
});

describe('CSV folders and single CSV files', () => {
  it('reads units/groups/staff/members.csv with BOM or not, CRLF or LF, commas or semicolons', async () => {
    const h = harness();
    const dir = path.join(h.dir, 'from-station');
    writeCsv(
      path.join(dir, 'Units.csv'),
      [
        ['code', 'name', 'name_hi', 'type'],
        ['T1', 'Kotwali', 'कोतवाली', 'थाना'],
      ],
      { bom: true },
    );
    writeCsv(
      path.join(dir, 'groups.csv'),
      [
        ['code', 'unit_code', 'kind', 'name', 'created_on'],
        ['G1', 'T1', 'public', 'Kotwali, Patna', '15-01-2023'],
      ],
      { eol: '\n' },
    );
    writeFileSync(
      path.join(dir, 'staff.csv'),
      'service_no;name;rank;gender;posting_unit_code\r\nS1;Sunita;दारोगा;महिला;T1\r\n',
    );
    writeCsv(
      path.join(dir, 'members.csv'),
      [
        ['group_code', 'नाम', 'मोबाइल', 'पता', 'joined_on'],
        ['G1', 'Ram', "'+919835012345", 'House 5,\nKadamkuan', '०५-०१-२०२४'],
        ['G1', 'Sita', '9.19835E+11', '', ''],
      ],
      { bom: true },
    );
    writeFileSync(path.join(dir, 'register.xlsx'), 'not read');
    const r = await commit(h, dir);
    expect(r.format).toBe('csv');
    expect(r.files.map((f) => f.name)).toEqual(['Units.csv', 'groups.csv', 'members.csv', 'staff.csv']);
    expect(r.ignored).toEqual([{ source: 'register.xlsx', reason: 'not a .csv file' }]);
    expect(r.totals).toMatchObject({ rows: 5, new: 4, rejected: 1 });
    expect(brief(r.rejected)).toEqual([
      { sheet: 'members', row: 3, column: 'मोबाइल', value: '9.19835E+11', code: 'PHONE_DESTROYED' },
    ]);
    const db = h.ctx.session.db();
    expect(all(db, db.k.selectFrom('people').select(['name', 'phone', 'locality']))).toEqual([
      { name: 'Ram', phone: '+919835012345', locality: 'House 5, Kadamkuan' },
    ]);
    expect(all(db, db.k.selectFrom('groups').select(['name', 'createdOn']))).toEqual([
      { name: 'Kotwali, Patna', createdOn: '2023-01-15' },
    ]);
    expect(all(db, db.k.selectFrom('staff').select(['name', 'gender']))).toEqual([{ name: 'Sunita', gender: 'F' }]);
  });

  it('a single CSV named after nothing is recognised by its columns', async () => {
    const h = harness();
    const db = h.ctx.session.db();
    addUnit(db, { code: 'T1' });
    addGroup(db, { code: 'G1', unit: 'T1' });
    const f = writeCsv(path.join(h.dir, 'kotwali list march.csv'), [
      ['Group', 'Name', 'Mobile No'],
      ['G1', 'Ram', '9835012345'],
    ]);
    const r = await commit(h, f);
    expect(r.sheets.map((s) => s.sheet)).toEqual(['members']);
    expect(brief(r.review)).toEqual([
      { sheet: 'members', row: 0, column: null, value: 'kotwali list march.csv', code: 'SHEET_BY_COLUMNS' },
    ]);
    expect(r.totals.new).toBe(1);
  });

  it('a file with no register sheet, an unclosed quote, a missing file: BAD_FILE', async () => {
    const h = harness();
    const budget = await writeWorkbook(path.join(h.dir, 'other.xlsx'), [
      {
        name: 'Budget',
        rows: [
          ['item', 'cost'],
          ['tea', 10],
        ],
      },
    ]);
    const unclosed = path.join(h.dir, 'members.csv');
    writeFileSync(unclosed, 'group_code,name,phone\nG1,"Ram,9835012345\n');
    const messages: string[] = [];
    for (const file of [budget, unclosed, path.join(h.dir, 'nope.xlsx')]) {
      const r = await call(h.ctx, 'import.preview', { file });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('BAD_FILE');
        messages.push(r.error.message);
      }
    }
    expect(messages).toEqual([
      'other.xlsx has no register sheets. Expected sheets (or CSV files) named units, groups, staff, members; found: Budget.',
      'members.csv cannot be imported: record 2: a quoted field opens here and never closes.',
      `${path.join(h.dir, 'nope.xlsx')} does not exist or cannot be read.`,
    ]);
  });

  it('a relative path is refused by the handler', async () => {
    const h = harness();
    const r = await call(h.ctx, 'import.preview', { file: 'register.xlsx' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('BAD_INPUT');
  });
});

describe('columns mapped by hand', () => {
  const odd = (h: Harness) =>
    writeWorkbook(path.join(h.dir, 'odd.xlsx'), [
      {
        name: 'members',
        rows: [
          ['Grp', 'Sadasya', 'Mob', 'Comment'],
          ['G1', 'Ram', '9835012345', 'x'],
        ],
      },
    ]);

  it('a mapping passed in overrides aliases; remembered mappings apply to the same headers later', async () => {
    const h = harness();
    const db = h.ctx.session.db();
    addUnit(db, { code: 'T1' });
    addGroup(db, { code: 'G1', unit: 'T1' });
    const file = await odd(h);
    const unmapped = await preview(h, file);
    expect(brief(unmapped.rejected)).toEqual([
      { sheet: 'members', row: 1, column: null, value: null, code: 'NO_HEADER' },
    ]);
    expect(unmapped.rejected[0]!.rowsAffected).toBe(2);

    const mapping = { Grp: 'group_code', Sadasya: 'name', Mob: 'phone', Comment: null };
    const p = await preview(h, file, { mapping: { members: mapping } });
    expect(p.totals).toMatchObject({ rows: 1, new: 1 });
    const sheet = p.sheets[0]!;
    expect(sheet.columns.map((c) => [c.header, c.field, c.source])).toEqual([
      ['Grp', 'group_code', 'mapping'],
      ['Sadasya', 'name', 'mapping'],
      ['Mob', 'phone', 'mapping'],
      ['Comment', null, 'mapping'],
    ]);

    const saved = await ok(h.ctx, 'import.mappings.set', {
      sheet: 'members',
      headers: ['Grp', 'Sadasya', 'Mob', 'Comment'],
      mapping,
    });
    expect(saved.key).toBe(sheet.mappingKey);
    const got = await ok(h.ctx, 'import.mappings.get', {
      sheet: 'members',
      headers: ['grp', 'SADASYA', 'Mob', 'Comment'],
    });
    expect(got.mapping).toEqual({ Grp: 'group_code', Sadasya: 'name', Mob: 'phone', Comment: '' });
    expect(Object.keys((await ok(h.ctx, 'import.mappings.get', {})).mappings)).toEqual([saved.key]);

    const again = await commit(h, file);
    expect(again.sheets[0]!.columns.map((c) => c.source)).toEqual([
      'remembered',
      'remembered',
      'remembered',
      'remembered',
    ]);
    expect(again.totals.new).toBe(1);

    await ok(h.ctx, 'import.mappings.set', {
      sheet: 'members',
      headers: ['Grp', 'Sadasya', 'Mob', 'Comment'],
      mapping: null,
    });
    expect((await ok(h.ctx, 'import.mappings.get', {})).mappings).toEqual({});
    // Setting a mapping is itself audited.
    expect(
      all(db, db.k.selectFrom('auditLog').select(['action', 'entity']).where('action', '=', 'settings')),
    ).toHaveLength(2);
  });

  it('a mapping to a field the sheet does not have is refused', async () => {
    const h = harness();
    const r = await call(h.ctx, 'import.preview', { file: await odd(h), mapping: { members: { Mob: 'rank' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('BAD_INPUT');
  });

  it('commit refuses a file that changed since the preview', async () => {
    const h = harness();
    const file = await small(h);
    const p = await preview(h, file);
    writeFileSync(file, Buffer.concat([Buffer.from('x')]));
    const r = await call(h.ctx, 'import.commit', { file, sha256: p.sha256 });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: 'CONFLICT',
        message: 'small.xlsx changed after the preview; preview it again before importing.',
      });
  });
});

describe('import reasons in the clerk’s language (issue #11)', () => {
  it('each issue of the messy workbook has a Hindi and English wording its params fill', async () => {
    const h = harness();
    const r = await preview(h, await messyWorkbook(h.dir));
    const issues = [...r.rejected, ...r.review];
    expect(issues.length).toBeGreaterThan(10);
    const variants = new Set<string>();
    for (const i of issues) {
      const { code, params = {} } = i.reason;
      const key = params.variant === undefined ? code : `${code}_${String(params.variant)}`;
      if (params.variant !== undefined) variants.add(key);
      for (const lang of ['en', 'hi'] as const) {
        const text = (namespaces.import[lang].details as Record<string, string>)[key];
        expect(text, `${lang} details.${key} (${i.reason.message})`).toBeTruthy();
        for (const [, name] of text!.matchAll(/\{\{(\w+)\}\}/g)) {
          // whoText and sheetText are worded by the renderer from `who`/`member` and `sheet`.
          const from = name === 'whoText' ? 'member' : name === 'sheetText' ? 'sheet' : name!;
          expect(params[from], `${key}: {{${name}}} in “${i.reason.message}”`).toBeDefined();
        }
      }
    }
    // The workbook reaches several situations of one code, each with its own words.
    expect(variants.size).toBeGreaterThan(3);
  });
});
