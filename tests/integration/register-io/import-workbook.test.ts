// The messy register workbook (Hindi sheets and headers, every phone format, destroyed numbers,
// unknown codes, duplicates, bad dates): exact report, what lands in the register, idempotent
// re-import, the audit entry.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { all } from '../../../db/exec.js';
import { verifyAudit } from '../../../db/audit.js';
import { brief, commit, counts, harness, preview } from './workbooks.js';
import { messyWorkbook } from './messy-workbook.js';

const PHONE = 'मोबाइल नं.';

const EXPECTED_REJECTED = [
  { sheet: 'units', row: 6, column: 'मूल थाना', value: 'PAT-T-NOPE', code: 'UNKNOWN_UNIT' },
  { sheet: 'units', row: 7, column: 'प्रकार', value: 'मंदिर', code: 'BAD_UNIT_TYPE' },
  { sheet: 'groups', row: 5, column: 'Thana', value: 'PAT-T-ZZZ', code: 'UNKNOWN_UNIT' },
  { sheet: 'groups', row: 6, column: 'Created', value: '31-02-2024', code: 'BAD_DATE' },
  { sheet: 'groups', row: 6, column: 'Invite Link', value: 'http://example.com/join', code: 'BAD_LINK' },
  { sheet: 'staff', row: 4, column: 'पद', value: 'Commissioner', code: 'UNKNOWN_RANK' },
  { sheet: 'staff', row: 5, column: 'पदस्थापन', value: 'PAT-NOWHERE', code: 'UNKNOWN_UNIT' },
  { sheet: 'members', row: 11, column: PHONE, value: '9.19835E+11', code: 'PHONE_DESTROYED' },
  { sheet: 'members', row: 12, column: PHONE, value: '919835000000', code: 'PHONE_DESTROYED' },
  { sheet: 'members', row: 13, column: PHONE, value: '9.19835E+11', code: 'PHONE_DESTROYED' },
  { sheet: 'members', row: 14, column: PHONE, value: '0612 2223344', code: 'PHONE_NOT_MOBILE' },
  { sheet: 'members', row: 15, column: PHONE, value: '12345', code: 'BAD_PHONE' },
  { sheet: 'members', row: 19, column: 'Group', value: 'G-NOPE', code: 'UNKNOWN_GROUP' },
  { sheet: 'members', row: 20, column: 'Group', value: 'G-BAD', code: 'REF_REJECTED' },
  { sheet: 'members', row: 22, column: 'सेवा संख्या', value: 'S102', code: 'REF_REJECTED' },
  { sheet: 'members', row: 23, column: 'जुड़ने की तिथि', value: '31-02-2024', code: 'BAD_DATE' },
  { sheet: 'members', row: 24, column: 'हटने की तिथि', value: '01-01-2024', code: 'DATE_ORDER' },
  { sheet: 'members', row: 27, column: PHONE, value: '=A1*2', code: 'BAD_PHONE' },
  { sheet: 'members', row: 28, column: 'श्रेणी', value: 'VIP', code: 'BAD_CATEGORY' },
  { sheet: 'members', row: 29, column: 'श्रेणी', value: 'staff', code: 'STAFF_CATEGORY' },
];

const EXPECTED_REVIEW = [
  { sheet: 'members', row: 2, column: 'Remarks', value: null, code: 'UNKNOWN_COLUMN' },
  { sheet: 'members', row: 17, column: PHONE, value: '+919835012345', code: 'DUPLICATE_MEMBERSHIP' },
  { sheet: 'members', row: 18, column: 'नाम', value: 'Ramesh Kumar', code: 'NAME_CONFLICT' },
];

describe('import of a messy register workbook', () => {
  it('previews with an exact report and writes nothing', async () => {
    const h = harness();
    const file = await messyWorkbook(h.dir);
    const r = await preview(h, file);
    expect(r.committed).toBe(false);
    expect(r.dryRun).toBe(true);
    expect(r.format).toBe('xlsx');
    expect(r.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(r.sheets.map((s) => [s.sheet, s.source, s.headerRow])).toEqual([
      ['units', 'इकाई', 1],
      ['groups', 'Groups', 1],
      ['staff', 'कर्मी', 1],
      ['members', 'सदस्य', 2],
    ]);
    expect(counts(r)).toEqual({
      units: { rows: 5, new: 3, updated: 0, unchanged: 0, duplicate: 0, rejected: 2 },
      groups: { rows: 5, new: 3, updated: 0, unchanged: 0, duplicate: 0, rejected: 2 },
      staff: { rows: 4, new: 2, updated: 0, unchanged: 0, duplicate: 0, rejected: 2 },
      members: { rows: 26, new: 12, updated: 0, unchanged: 0, duplicate: 1, rejected: 13 },
    });
    expect(r.totals).toEqual({ rows: 40, new: 20, updated: 0, unchanged: 0, duplicate: 1, rejected: 19 });
    expect(brief(r.rejected)).toEqual(EXPECTED_REJECTED);
    expect(brief(r.review)).toEqual(EXPECTED_REVIEW);
    expect(r.ignored).toEqual([]);

    // Messages a clerk can act on.
    const msg = (row: number, sheet = 'members') =>
      r.rejected.filter((i) => i.row === row && i.sheet === sheet).map((i) => i.reason.message);
    expect(msg(11)).toEqual([
      'मोबाइल नं. "9.19835E+11" is in exponent form: Excel rounded the number and its last digits are lost; type the number again in a cell formatted as Text',
    ]);
    expect(msg(12)).toEqual([
      'मोबाइल नं. "919835000000" is what Excel kept of a number shown as 9.19835E+11: its last digits are lost; type the number again in a cell formatted as Text',
    ]);
    expect(msg(20)).toEqual(['group G-BAD was rejected (groups row 5), so this row cannot be imported']);
    expect(msg(19)).toEqual(['group G-NOPE is neither in this file nor in the register']);
    expect(msg(27)).toEqual([
      'मोबाइल नं. "=A1*2" holds a formula that Excel never calculated; copy the column and paste it as values',
    ]);
    expect(r.review.find((i) => i.reason.code === 'NAME_CONFLICT')!.reason.message).toBe(
      'phone +919835012345 is "Ram Kumar" on row 3 and "Ramesh Kumar" here; "Ram Kumar" is kept — check which is right',
    );

    // Column mapping as the UI shows it.
    const members = r.sheets.find((s) => s.sheet === 'members')!;
    expect(members.columns.map((c) => [c.column, c.header, c.field])).toEqual([
      ['A', 'S.No', null],
      ['B', 'Group', 'group_code'],
      ['C', 'सेवा संख्या', 'service_no'],
      ['D', 'नाम', 'name'],
      ['E', PHONE, 'phone'],
      ['F', 'श्रेणी', 'category'],
      ['G', 'ग्राम', 'locality'],
      ['H', 'पेशा', 'occupation'],
      ['I', 'जुड़ने की तिथि', 'joined_on'],
      ['J', 'हटने की तिथि', 'left_on'],
      ['K', 'Remarks', null],
    ]);
    expect(members.samples[0]).toEqual({
      row: 3,
      values: {
        group_code: 'G-KOT-1',
        service_no: null,
        name: 'Ram Kumar',
        phone: '+919835012345',
        category: 'eminent',
        locality: 'Kadamkuan',
        occupation: 'Teacher',
        joined_on: '2024-01-05',
        left_on: null,
        consent_on: null,
        consent_how: null,
      },
    });

    const db = h.ctx.session.db();
    for (const t of ['units', 'groups', 'staff', 'people', 'memberships', 'auditLog'] as const) {
      expect(all(db, db.k.selectFrom(t).select('id'))).toHaveLength(0);
    }
  });

  it('commits the accepted rows exactly as normalised, with one audit entry', async () => {
    const h = harness();
    const file = await messyWorkbook(h.dir);
    const r = await commit(h, file);
    expect(r.committed).toBe(true);
    expect(brief(r.rejected)).toEqual(EXPECTED_REJECTED);
    expect(r.entities).toEqual({
      units: { new: 3, updated: 0, unchanged: 0 },
      groups: { new: 3, updated: 0, unchanged: 0 },
      staff: { new: 2, updated: 0, unchanged: 0 },
      people: { new: 10, updated: 0, unchanged: 0 },
      memberships: { new: 12, updated: 0, unchanged: 0 },
    });
    const db = h.ctx.session.db();
    expect(
      all(
        db,
        db.k
          .selectFrom('units as u')
          .leftJoin('units as p', 'p.id', 'u.parentId')
          .select(['u.code', 'u.name', 'u.nameHi', 'u.type', 'p.code as parent'])
          .orderBy('u.code'),
      ),
    ).toEqual([
      { code: 'PAT-DC', name: 'Police Lines', nameHi: 'पुलिस केंद्र', type: 'district_centre', parent: null },
      { code: 'PAT-OP-GM', name: 'Gandhi Maidan OP', nameHi: 'गांधी मैदान', type: 'op', parent: 'PAT-T-KOT' },
      { code: 'PAT-T-KOT', name: 'Kotwali', nameHi: 'कोतवाली', type: 'thana', parent: null },
    ]);
    expect(
      all(
        db,
        db.k
          .selectFrom('staff as s')
          .innerJoin('ranks as r', 'r.id', 's.rankId')
          .innerJoin('units as u', 'u.id', 's.postingUnitId')
          .select(['s.serviceNo', 's.name', 'r.code as rank', 's.gender', 'u.code as unit', 's.phone'])
          .orderBy('s.serviceNo'),
      ),
    ).toEqual([
      { serviceNo: 'S100', name: 'Sunita Kumari', rank: 'SI', gender: 'F', unit: 'PAT-T-KOT', phone: '+919835012399' },
      { serviceNo: 'S101', name: 'Ramesh Yadav', rank: 'CONSTABLE', gender: 'M', unit: 'PAT-DC', phone: null },
    ]);
    expect(
      all(
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
    ).toEqual([
      {
        code: 'G-DC-STAFF',
        unit: 'PAT-DC',
        kind: 'staff',
        name: 'DC staff',
        createdOn: '2023-03-01',
        admin: 'S101',
        inviteLink: null,
        status: 'active',
      },
      {
        code: 'G-KOT-1',
        unit: 'PAT-T-KOT',
        kind: 'public',
        name: 'Kotwali Jan Sampark',
        createdOn: '2023-01-15',
        admin: 'S100',
        inviteLink: 'https://chat.whatsapp.com/AbCdEfGhIjKl1234',
        status: 'active',
      },
      {
        code: 'G-KOT-CS',
        unit: 'PAT-T-KOT',
        kind: 'cyber_senani',
        name: 'Kotwali Cyber Senani',
        createdOn: '2023-02-15',
        admin: null,
        inviteLink: null,
        status: 'active',
      },
    ]);
    const members = all(
      db,
      db.k
        .selectFrom('memberships as m')
        .innerJoin('groups as g', 'g.id', 'm.groupId')
        .leftJoin('people as p', 'p.id', 'm.personId')
        .leftJoin('staff as s', 's.id', 'm.staffId')
        .select([
          'g.code as grp',
          'p.phone',
          'p.name',
          'p.category',
          'p.locality',
          'p.occupation',
          's.serviceNo',
          'm.joinedOn',
          'm.leftOn',
        ])
        .orderBy('m.id'),
    );
    expect(members).toEqual([
      {
        grp: 'G-KOT-1',
        phone: '+919835012345',
        name: 'Ram Kumar',
        category: 'eminent',
        locality: 'Kadamkuan',
        occupation: 'Teacher',
        serviceNo: null,
        joinedOn: '2024-01-05',
        leftOn: null,
      },
      {
        grp: 'G-KOT-1',
        phone: '+919835012346',
        name: 'Sita Devi',
        category: 'public',
        locality: 'Kankarbagh',
        occupation: null,
        serviceNo: null,
        joinedOn: '2024-01-06',
        leftOn: null,
      },
      {
        grp: 'G-KOT-1',
        phone: '+919835012347',
        name: 'Mohd. Salim',
        category: 'public',
        locality: null,
        occupation: 'Shopkeeper',
        serviceNo: null,
        joinedOn: '2024-01-07',
        leftOn: null,
      },
      {
        grp: 'G-KOT-1',
        phone: '+919835012348',
        name: 'Anita',
        category: 'public',
        locality: null,
        occupation: null,
        serviceNo: null,
        joinedOn: null,
        leftOn: null,
      },
      {
        grp: 'G-KOT-1',
        phone: '+919835012349',
        name: 'Bablu',
        category: 'public',
        locality: null,
        occupation: null,
        serviceNo: null,
        joinedOn: null,
        leftOn: null,
      },
      {
        grp: 'G-KOT-1',
        phone: '+919835012350',
        name: 'राजेश',
        category: 'public',
        locality: 'पटना सिटी',
        occupation: null,
        serviceNo: null,
        joinedOn: '2024-01-08',
        leftOn: null,
      },
      {
        grp: 'G-KOT-1',
        phone: '+919835012351',
        name: 'Pappu',
        category: 'public',
        locality: null,
        occupation: null,
        serviceNo: null,
        joinedOn: null,
        leftOn: null,
      },
      {
        grp: 'G-KOT-1',
        phone: '+919835012352',
        name: 'Guddu',
        category: 'public',
        locality: null,
        occupation: null,
        serviceNo: null,
        joinedOn: null,
        leftOn: null,
      },
      {
        grp: 'G-KOT-CS',
        phone: '+919835012345',
        name: 'Ram Kumar',
        category: 'eminent',
        locality: 'Kadamkuan',
        occupation: 'Teacher',
        serviceNo: null,
        joinedOn: null,
        leftOn: null,
      },
      {
        grp: 'G-DC-STAFF',
        phone: null,
        name: null,
        category: null,
        locality: null,
        occupation: null,
        serviceNo: 'S101',
        joinedOn: '2023-03-01',
        leftOn: null,
      },
      {
        grp: 'G-KOT-CS',
        phone: '+919835012364',
        name: 'History',
        category: 'public',
        locality: null,
        occupation: null,
        serviceNo: null,
        joinedOn: '2023-03-01',
        leftOn: '2023-09-30',
      },
      {
        grp: 'G-KOT-CS',
        phone: '+919835012365',
        name: 'KIRAN',
        category: 'public',
        locality: null,
        occupation: null,
        serviceNo: null,
        joinedOn: null,
        leftOn: null,
      },
    ]);

    const audit = all(db, db.k.selectFrom('auditLog').selectAll());
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      operator: 'test-clerk',
      action: 'import',
      entity: 'register',
      entityId: r.sha256,
    });
    const after = JSON.parse(audit[0]!.after!) as { file: string; sha256: string; totals: unknown };
    expect(after.file).toBe('patna-register.xlsx');
    expect(after.sha256).toBe(r.sha256);
    expect(after.totals).toEqual(r.totals);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('re-importing the same file changes nothing', async () => {
    const h = harness();
    const file = await messyWorkbook(h.dir);
    await commit(h, file);
    const db = h.ctx.session.db();
    const snapshot = () =>
      ['units', 'groups', 'staff', 'people', 'memberships'].map((t) =>
        all(
          db,
          db.k
            .selectFrom(t as 'units')
            .selectAll()
            .orderBy('id'),
        ),
      );
    const before = snapshot();
    const again = await commit(h, file);
    expect(again.totals).toEqual({ rows: 40, new: 0, updated: 0, unchanged: 20, duplicate: 1, rejected: 19 });
    expect(Object.values(again.entities).map((e) => [e.new, e.updated])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(brief(again.rejected)).toEqual(EXPECTED_REJECTED);
    expect(snapshot()).toEqual(before);
    // Each import is recorded, the second with nothing changed.
    expect(all(db, db.k.selectFrom('auditLog').select('action'))).toEqual([{ action: 'import' }, { action: 'import' }]);
  });

  it('reports progress through the read, validate and write phases', async () => {
    const h = harness();
    await commit(h, await messyWorkbook(h.dir));
    const phases = [...new Set(h.ctx.progressEvents.map((p) => p.phase))];
    expect(phases).toEqual(['read', 'validate', 'write']);
    const last = h.ctx.progressEvents.at(-1)!;
    expect(last).toMatchObject({ phase: 'write' });
    expect(last.done).toBe(last.total);
  });
});
