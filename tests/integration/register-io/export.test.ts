// Export in the import's format: formula-injection-safe cells, phones that stay phones, and an
// exact round trip (export → import into an empty register gives the same rows).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { all } from '../../../db/exec.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { addGroup, addMembership, addPerson, addUnit } from '../../fixtures/builders.js';
import { call, ok } from '../../fixtures/context.js';
import { parseCsv } from '../../../electron/services/register-io/csv.js';
import { commit, counts, day, harness, writeWorkbook, type Harness } from './workbooks.js';
import { messyWorkbook } from './messy-workbook.js';
import { rawOf } from '../../../db/raw.js';

const EVIL = '=HYPERLINK("http://evil.example","click")';

/** A register with every kind of row, history, and values a spreadsheet would run as formulas. */
async function richRegister(): Promise<Harness> {
  const h = harness();
  await commit(h, await messyWorkbook(h.dir));
  await commit(
    h,
    await writeWorkbook(path.join(h.dir, 'tricky.xlsx'), [
      {
        name: 'units',
        rows: [
          ['code', 'name', 'name_hi', 'type', 'parent_code', 'division'],
          ['PAT-CID', '-5 Sector CID', 'सीआईडी', 'division', null, 'CID'],
          ['PAT-T-2', '@Danapur', null, 'thana', null, null],
        ],
      },
      {
        name: 'groups',
        rows: [
          ['code', 'unit_code', 'kind', 'name', 'created_on', 'admin_service_no', 'invite_link', 'status'],
          ['G-CID', 'PAT-CID', 'division_staff', '+CID group', day('2022-12-31'), 'S100', null, 'closed'],
          [
            'G-WOMEN',
            'PAT-DC',
            'women_staff',
            'Mahila',
            null,
            null,
            'https://chat.whatsapp.com/ZyXwVuTsRq987654',
            null,
          ],
        ],
      },
      {
        name: 'staff',
        rows: [
          ['service_no', 'name', 'rank', 'gender', 'posting_unit_code', 'phone'],
          ['007', "'Bond'", 'Inspector', 'X', 'PAT-CID', '+91 98350 77777'],
        ],
      },
      {
        name: 'members',
        rows: [
          [
            'group_code',
            'service_no',
            'name',
            'phone',
            'category',
            'locality',
            'occupation',
            'joined_on',
            'left_on',
            'consent_on',
            'consent_how',
          ],
          [
            'G-KOT-1',
            null,
            EVIL,
            '9835055501',
            'eminent',
            '=1+1',
            '-',
            '2024-02-01',
            null,
            '2024-01-31',
            'WhatsApp message',
          ],
          ['G-KOT-1', null, 'Back Again', '9835055502', null, '+ Road', null, '2023-01-01', '2023-02-01', null, null],
          ['G-KOT-1', null, 'Back Again', '9835055502', null, null, null, '2023-05-01', null, null, null],
          ['G-CID', '007', null, null, 'staff', null, null, '2023-01-01', null, null, null],
          ['G-WOMEN', 'S100', null, null, null, null, null, null, null, null, null],
        ],
      },
    ]),
  );
  return h;
}

/** The register's content without ids or timestamps, in a stable order. */
function content(db: RegisterDb) {
  return {
    units: all(
      db,
      db.k
        .selectFrom('units as u')
        .leftJoin('units as p', 'p.id', 'u.parentId')
        .select(['u.code', 'u.name', 'u.nameHi', 'u.type', 'p.code as parent', 'u.division'])
        .orderBy('u.code'),
    ),
    groups: all(
      db,
      db.k
        .selectFrom('groups as g')
        .innerJoin('units as u', 'u.id', 'g.unitId')
        .leftJoin('staff as s', 's.id', 'g.adminStaffId')
        .select([
          'g.code',
          'u.code as unit',
          'g.kind',
          'g.name',
          'g.createdOn',
          's.serviceNo as admin',
          'g.inviteLink',
          'g.status',
        ])
        .orderBy('g.code'),
    ),
    staff: all(
      db,
      db.k
        .selectFrom('staff as s')
        .innerJoin('ranks as r', 'r.id', 's.rankId')
        .innerJoin('units as u', 'u.id', 's.postingUnitId')
        .select(['s.serviceNo', 's.name', 'r.code as rank', 's.gender', 'u.code as unit', 's.phone'])
        .orderBy('s.serviceNo'),
    ),
    people: all(
      db,
      db.k
        .selectFrom('people')
        .select(['phone', 'name', 'locality', 'occupation', 'category', 'consentOn', 'consentHow'])
        .where('phone', 'is not', null)
        .orderBy('phone'),
    ),
    memberships: all(
      db,
      db.k
        .selectFrom('memberships as m')
        .innerJoin('groups as g', 'g.id', 'm.groupId')
        .leftJoin('people as p', 'p.id', 'm.personId')
        .leftJoin('staff as s', 's.id', 'm.staffId')
        .where((eb) => eb.or([eb('m.staffId', 'is not', null), eb('p.phone', 'is not', null)]))
        .select(['g.code as grp', 'p.phone', 's.serviceNo', 'm.joinedOn', 'm.leftOn'])
        .orderBy('g.code')
        .orderBy('p.phone')
        .orderBy('s.serviceNo')
        .orderBy('m.joinedOn'),
    ),
  };
}

describe('export of the register', () => {
  it('round-trips exactly through .xlsx into an empty register', async () => {
    const src = await richRegister();
    const out = path.join(src.dir, 'export', 'patna.xlsx');
    const r = await ok(src.ctx, 'export.register', { file: out });
    expect(r).toMatchObject({
      format: 'xlsx',
      files: [out],
      counts: { units: 5, groups: 5, staff: 3, members: 17 },
      skippedErased: 0,
    });

    const dst = harness();
    const imported = await commit(dst, out, { strict: true });
    expect(imported.totals.rejected).toBe(0);
    expect(imported.review).toEqual([]);
    expect(content(dst.ctx.session.db())).toEqual(content(src.ctx.session.db()));

    // And back into the register it came from: nothing to do.
    const again = await commit(src, out);
    expect(again.totals).toMatchObject({ new: 0, updated: 0, duplicate: 0, rejected: 0 });
  });

  it('round-trips exactly through a CSV folder', async () => {
    const src = await richRegister();
    const dir = path.join(src.dir, 'csv-export');
    const r = await ok(src.ctx, 'export.register', { file: dir });
    expect(r.format).toBe('csv');
    expect(readdirSync(dir).sort()).toEqual(['groups.csv', 'members.csv', 'staff.csv', 'units.csv']);
    const dst = harness();
    const imported = await commit(dst, dir, { strict: true });
    expect(counts(imported).members).toMatchObject({ rows: 17, new: 17 });
    expect(content(dst.ctx.session.db())).toEqual(content(src.ctx.session.db()));
  });

  it('neutralises formula cells in .xlsx and keeps phones as text, dates as dates', async () => {
    const src = await richRegister();
    const db = src.ctx.session.db();
    addUnit(db, { code: 'TAB', name: "\t=cmd|' /C calc'!A0", type: 'other' });
    const out = path.join(src.dir, 'x.xlsx');
    await ok(src.ctx, 'export.register', { file: out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['units', 'groups', 'staff', 'members']);
    const cells: ExcelJS.Cell[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    for (const c of cells) {
      expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof c.value === 'string' && !/^\+\d+$/.test(c.value)) expect(c.value).not.toMatch(/^[=+\-@\t\r]/);
    }
    const members = wb.getWorksheet('members')!;
    const evil = members.getColumn(3).values.find((v) => typeof v === 'string' && v.includes('HYPERLINK'));
    expect(evil).toBe("'" + EVIL);
    const phoneCell = members.getCell('D2');
    expect(phoneCell.value).toBe('+919835012345');
    expect(phoneCell.type).toBe(ExcelJS.ValueType.String);
    expect(phoneCell.numFmt).toBe('@');
    const joined = members.getCell('H2');
    expect(joined.value).toEqual(new Date('2024-01-05T00:00:00.000Z'));
    expect(wb.getWorksheet('units')!.getColumn(2).values).toContain("'\t=cmd|' /C calc'!A0");
    expect(wb.getWorksheet('staff')!.getCell('B4').value).toBe("''Bond'");
  });

  it('neutralises every risky CSV field, phones included, and writes UTF-8 with BOM', async () => {
    const src = await richRegister();
    const dir = path.join(src.dir, 'csv');
    await ok(src.ctx, 'export.register', { file: dir });
    const raw = readFileSync(path.join(dir, 'members.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const fields: string[] = [];
    parseCsv(raw.toString('utf8').slice(1), (f) => fields.push(...f));
    expect(fields.length).toBeGreaterThan(100);
    for (const f of fields) expect(f).not.toMatch(/^[=+\-@\t\r]/);
    expect(fields).toContain("'+919835012345");
    expect(fields).toContain("'" + EVIL);
    expect(fields).toContain("'-");
    expect(fields).toContain('राजेश');
  });

  it('leaves out erased people (no phone) and says so; refuses other file types', async () => {
    const h = harness();
    const db = h.ctx.session.db();
    addUnit(db, { code: 'T1' });
    const g = addGroup(db, { code: 'G1', unit: 'T1' });
    const p = addPerson(db, { phone: '+919835012345' });
    addMembership(db, { groupId: g.id, personId: p.id });
    const erased = addPerson(db, { phone: '+919835012346' });
    addMembership(db, { groupId: g.id, personId: erased.id });
    rawOf(db)
      .prepare("UPDATE people SET phone = NULL, name = 'erased', erased_at = '2026-01-01' WHERE id = ?")
      .run(erased.id);
    const r = await ok(h.ctx, 'export.register', { file: path.join(h.dir, 'e.xlsx') });
    expect(r.counts.members).toBe(1);
    expect(r.skippedErased).toBe(1);
    const bad = await call(h.ctx, 'export.register', { file: path.join(h.dir, 'e.xls') });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_INPUT');
  });

  it('a cancelled export leaves no file behind', async () => {
    const h = harness();
    const db = h.ctx.session.db();
    addUnit(db, { code: 'T1' });
    const g = addGroup(db, { code: 'G1', unit: 'T1' });
    rawOf(db).transaction(() => {
      for (let i = 0; i < 6000; i++) addMembership(db, { groupId: g.id, personId: addPerson(db).id });
    })();
    h.ctx.abort.abort();
    for (const file of [path.join(h.dir, 'c.xlsx'), path.join(h.dir, 'c-csv')]) {
      const r = await call(h.ctx, 'export.register', { file });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('CANCELLED');
    }
    expect(readdirSync(h.dir).filter((f) => f.startsWith('c.xlsx'))).toEqual([]);
    expect(readdirSync(path.join(h.dir, 'c-csv'))).toEqual([]);
  });
});
