// The register's handlers end to end through dispatch, against a real SQLite file.
import { beforeEach, describe, expect, test } from 'vitest';
import { verifyAudit } from '../../../db/audit.js';
import { all } from '../../../db/exec.js';
import { call, ok, testContext, type TestContext } from '../../fixtures/context.js';

let ctx: TestContext;

beforeEach(async () => {
  ctx = testContext();
  await ok(ctx, 'app.createRegister', { code: 'pat', name: 'Patna', nameHi: 'पटना' });
  await ok(ctx, 'units.create', { code: 'PAT-T-KOTWALI', name: 'Kotwali', nameHi: 'कोतवाली', type: 'thana' });
  await ok(ctx, 'units.create', { code: 'PAT-DC', name: 'Police Lines', type: 'district_centre' });
  await ok(ctx, 'groups.create', {
    code: 'PAT-KOTWALI-1',
    unitCode: 'PAT-T-KOTWALI',
    kind: 'public',
    name: 'Kotwali Thana Jan Samvad',
    createdOn: '05-08-2019',
    inviteLink: 'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv',
  });
});

describe('app and units', () => {
  test('creating a register records the district, default ranks and an audit entry', async () => {
    const st = await ok(ctx, 'app.status', {});
    expect(st).toMatchObject({ hasRegister: true, district: { code: 'PAT', name: 'Patna', nameHi: 'पटना' } });
    expect(st.keyId).toMatch(/^[0-9A-F]{16}$/);
    const ranks = await ok(ctx, 'ranks.list', {});
    expect(ranks.map((r) => r.code).slice(0, 3)).toEqual(['DGP', 'ADG', 'IG']);
    expect(ranks).toHaveLength(18);
  });

  test('an OP needs a parent thana, and the parent must be a thana', async () => {
    const noParent = await call(ctx, 'units.create', { code: 'PAT-OP-1', name: 'Gandhi Maidan OP', type: 'op' });
    expect(noParent).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { field: 'parentCode' } } });
    const dcParent = await call(ctx, 'units.create', { code: 'PAT-OP-1', name: 'X', type: 'op', parentCode: 'PAT-DC' });
    expect(dcParent).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const good = await ok(ctx, 'units.create', {
      code: 'PAT-OP-1',
      name: 'Gandhi Maidan OP',
      type: 'op',
      parentCode: 'PAT-T-KOTWALI',
    });
    expect(good).toMatchObject({ code: 'PAT-OP-1', parentCode: 'PAT-T-KOTWALI', activeGroups: 0 });
    const thana = await ok(ctx, 'units.get', { code: 'PAT-T-KOTWALI' });
    expect(thana.children.map((u) => u.code)).toEqual(['PAT-OP-1']);
    expect(thana.groups.map((g) => g.code)).toEqual(['PAT-KOTWALI-1']);
    // A thana with OPs cannot change type.
    const change = await call(ctx, 'units.update', { code: 'PAT-T-KOTWALI', name: 'Kotwali', type: 'other' });
    expect(change).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('duplicate codes and invalid input come back as data, not exceptions', async () => {
    const dup = await call(ctx, 'units.create', { code: 'PAT-DC', name: 'Again', type: 'district_centre' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const bad = await call(ctx, 'units.create', { code: '', name: '', type: 'thana' } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_INPUT');
    const unknown = await call(ctx, 'units.create', { code: 'X', name: 'X', type: 'castle' } as never);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});

describe('groups', () => {
  test('dates are normalised and invite links validated', async () => {
    const g = await ok(ctx, 'groups.get', { code: 'PAT-KOTWALI-1' });
    expect(g).toMatchObject({ createdOn: '2019-08-05', unitCode: 'PAT-T-KOTWALI', status: 'active', activeMembers: 0 });
    const bad = await call(ctx, 'groups.create', {
      code: 'G2',
      unitCode: 'PAT-T-KOTWALI',
      kind: 'public',
      name: 'x',
      inviteLink: 'https://evil.example/chat.whatsapp.com/abc',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  test('closing keeps the group and its members; a closed group takes no new members', async () => {
    await ok(ctx, 'members.addCitizen', { groupCode: 'PAT-KOTWALI-1', name: 'Ram Kumar', phone: '98350 12345' });
    await ok(ctx, 'groups.close', { code: 'PAT-KOTWALI-1' });
    const g = await ok(ctx, 'groups.get', { code: 'PAT-KOTWALI-1' });
    expect(g).toMatchObject({ status: 'closed', activeMembers: 1 });
    const add = await call(ctx, 'members.addCitizen', {
      groupCode: 'PAT-KOTWALI-1',
      name: 'Sita',
      phone: '9835012346',
    });
    expect(add).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(ctx, 'groups.reopen', { code: 'PAT-KOTWALI-1' });
    expect((await ok(ctx, 'groups.get', { code: 'PAT-KOTWALI-1' })).status).toBe('active');
  });
});

describe('members', () => {
  test('a phone in any accepted format finds the same person; duplicates are refused', async () => {
    const a = await ok(ctx, 'members.addCitizen', {
      groupCode: 'PAT-KOTWALI-1',
      name: 'Ram Kumar',
      phone: '+91-98350-12345',
      category: 'eminent',
      locality: 'Bankipur',
    });
    expect(a.nameConflict).toBeNull();
    const again = await call(ctx, 'members.addCitizen', {
      groupCode: 'PAT-KOTWALI-1',
      name: 'Ram Kumar',
      phone: '९८३५०१२३४५',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const destroyed = await call(ctx, 'members.addCitizen', {
      groupCode: 'PAT-KOTWALI-1',
      name: 'Y',
      phone: '9.19835E+11',
    });
    expect(destroyed).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!destroyed.ok) {
      expect(destroyed.error.message).toMatch(/last digits are lost|exponent form/);
      expect(destroyed.error.details).toMatchObject({
        issues: [{ path: ['phone'], params: { reason: 'PHONE_DESTROYED' } }],
      });
    }
  });

  test('search by name, phone digits, locality; filters; paging; leaving keeps history', async () => {
    await ok(ctx, 'members.addCitizen', {
      groupCode: 'PAT-KOTWALI-1',
      name: 'Ram Kumar',
      phone: '9835012345',
      locality: 'Bankipur',
    });
    await ok(ctx, 'members.addCitizen', {
      groupCode: 'PAT-KOTWALI-1',
      name: 'सीता देवी',
      phone: '9835012346',
      category: 'eminent',
    });
    await ok(ctx, 'staff.create', {
      serviceNo: 'BP-1001',
      name: 'Anil Singh',
      rank: 'दारोगा',
      gender: 'M',
      unitCode: 'PAT-T-KOTWALI',
    });
    await ok(ctx, 'members.addStaff', { groupCode: 'PAT-KOTWALI-1', serviceNo: 'BP-1001' });

    expect((await ok(ctx, 'members.search', { query: 'ram' })).rows.map((r) => r.name)).toEqual(['Ram Kumar']);
    expect((await ok(ctx, 'members.search', { query: '98350 12346' })).rows.map((r) => r.name)).toEqual(['सीता देवी']);
    expect((await ok(ctx, 'members.search', { query: 'bankip' })).total).toBe(1);
    expect((await ok(ctx, 'members.search', { category: 'eminent' })).total).toBe(1);
    expect((await ok(ctx, 'members.search', { category: 'staff' })).rows[0]).toMatchObject({ serviceNo: 'BP-1001' });
    const all3 = await ok(ctx, 'members.search', { limit: 2, offset: 0 });
    expect(all3.total).toBe(3);
    expect(all3.rows).toHaveLength(2);
    const page2 = await ok(ctx, 'members.search', { limit: 2, offset: 2 });
    expect(page2.rows).toHaveLength(1);

    const ram = (await ok(ctx, 'members.search', { query: 'Ram' })).rows[0]!;
    const early = await call(ctx, 'members.leave', { membershipId: ram.membershipId, leftOn: '01-01-2000' });
    expect(early).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await ok(ctx, 'members.leave', { membershipId: ram.membershipId, leftOn: '2026-11-28' });
    expect((await ok(ctx, 'members.search', {})).total).toBe(2);
    expect((await ok(ctx, 'members.search', { state: 'left' })).rows[0]).toMatchObject({
      name: 'Ram Kumar',
      leftOn: '2026-11-28',
    });
    // Rejoining after leaving is a new membership; the old one stays.
    await ok(ctx, 'members.addCitizen', { groupCode: 'PAT-KOTWALI-1', name: 'Ram Kumar', phone: '9835012345' });
    const person = await ok(ctx, 'people.get', { id: ram.memberId });
    expect(person.memberships.map((m) => m.leftOn)).toEqual([null, '2026-11-28']);
  });

  test('the women staff group accepts only women', async () => {
    await ok(ctx, 'groups.create', {
      code: 'PAT-WOMEN',
      unitCode: 'PAT-DC',
      kind: 'women_staff',
      name: 'Mahila Police Patna',
    });
    await ok(ctx, 'staff.create', { serviceNo: 'M1', name: 'Man', rank: 'Constable', gender: 'M', unitCode: 'PAT-DC' });
    await ok(ctx, 'staff.create', { serviceNo: 'F1', name: 'Woman', rank: 'सिपाही', gender: 'F', unitCode: 'PAT-DC' });
    expect(await call(ctx, 'members.addStaff', { groupCode: 'PAT-WOMEN', serviceNo: 'M1' })).toMatchObject({
      ok: false,
    });
    await ok(ctx, 'members.addStaff', { groupCode: 'PAT-WOMEN', serviceNo: 'F1' });
  });

  test('erasure blanks personal data but keeps counts, and the audit log holds no name or phone', async () => {
    const a = await ok(ctx, 'members.addCitizen', {
      groupCode: 'PAT-KOTWALI-1',
      name: 'Ram Kumar',
      phone: '9835012345',
      locality: 'Bankipur',
    });
    await ok(ctx, 'people.update', {
      id: a.personId,
      name: 'Ram Kumar Singh',
      phone: '9835012345',
      category: 'public',
      locality: 'Kankarbagh',
    });
    await ok(ctx, 'people.erase', { id: a.personId });
    const p = await ok(ctx, 'people.get', { id: a.personId });
    expect(p.person).toMatchObject({ phone: null, locality: null, name: `erased-${a.personId}` });
    expect(p.person.erasedAt).not.toBeNull();
    expect((await ok(ctx, 'groups.get', { code: 'PAT-KOTWALI-1' })).activeMembers).toBe(1);
    const db = ctx.session.db();
    const log = JSON.stringify(all(db, db.k.selectFrom('auditLog').selectAll()));
    expect(log).not.toContain('9835012345');
    expect(log).not.toContain('Ram Kumar');
    expect(log).not.toContain('Kankarbagh');
    expect(verifyAudit(db).ok).toBe(true);
  });
});

describe('staff', () => {
  test('ranks match any spelling; uncovered filter; unknown rank refused', async () => {
    await ok(ctx, 'staff.create', {
      serviceNo: 'A1',
      name: 'A',
      rank: 'sub-inspector',
      gender: 'M',
      unitCode: 'PAT-DC',
      phone: '9431012345',
    });
    await ok(ctx, 'staff.create', {
      serviceNo: 'A2',
      name: 'B',
      rank: 'Head Constable',
      gender: 'F',
      unitCode: 'PAT-DC',
    });
    expect(
      await call(ctx, 'staff.create', {
        serviceNo: 'A3',
        name: 'C',
        rank: 'Field Marshal',
        gender: 'M',
        unitCode: 'PAT-DC',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    const list = await ok(ctx, 'staff.list', {});
    expect(list.rows.map((r) => [r.serviceNo, r.rankCode, r.phone])).toEqual([
      ['A1', 'SI', '+919431012345'],
      ['A2', 'HAVILDAR', null],
    ]);
    await ok(ctx, 'members.addStaff', { groupCode: 'PAT-KOTWALI-1', serviceNo: 'A1' });
    expect((await ok(ctx, 'staff.list', { uncovered: true })).rows.map((r) => r.serviceNo)).toEqual(['A2']);
    const detail = await ok(ctx, 'staff.get', { serviceNo: 'A1' });
    expect(detail.memberships).toHaveLength(1);
  });
});

test('every change leaves a verifiable audit entry', async () => {
  const db = ctx.session.db();
  const v = verifyAudit(db);
  expect(v.ok).toBe(true);
  // register + district key + unit + unit + group
  expect(v.rows).toBe(5);
  expect(all(db, db.k.selectFrom('auditLog').select(['action', 'entity', 'operator']).orderBy('id'))).toEqual([
    { action: 'create', entity: 'register', operator: 'test-clerk' },
    { action: 'create', entity: 'key', operator: 'test-clerk' },
    { action: 'create', entity: 'unit', operator: 'test-clerk' },
    { action: 'create', entity: 'unit', operator: 'test-clerk' },
    { action: 'create', entity: 'group', operator: 'test-clerk' },
  ]);
});

test('the demo district opens filled, with a key, and reopening leaves it as it is', async () => {
  const demoCtx = testContext();
  const first = await ok(demoCtx, 'app.openDemo', {});
  expect(first.district.code).toBe('DEMO');
  expect(first.keyId).toMatch(/^[0-9A-F]{16}$/);
  expect(first.filled?.units).toBeGreaterThan(30);
  expect(demoCtx.progressEvents.length).toBeGreaterThan(0);
  const again = await ok(demoCtx, 'app.openDemo', {});
  expect(again.filled).toBeNull();
  expect(again.keyId).toBe(first.keyId);
  expect(verifyAudit(demoCtx.session.db()).ok).toBe(true);
});
