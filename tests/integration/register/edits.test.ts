// Codes unique without regard to case, and the clerk's slips undone (issue #11): delete, close
// and merge units and groups, mark a member as left — and the Undo of each, a real reverse
// change through the same calls, audited; the audit chain stays intact throughout.
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { verifyAudit } from '../../../db/audit.js';
import { all } from '../../../db/exec.js';
import { call, ok, testContext, type TestContext } from '../../fixtures/context.js';
import { brief, commit, harness, writeWorkbook } from '../register-io/workbooks.js';

let ctx: TestContext;

beforeEach(async () => {
  ctx = testContext();
  await ok(ctx, 'app.createRegister', { code: 'pat', name: 'Patna' });
  await ok(ctx, 'units.create', { code: 'ACC-T3', name: 'Kotwali', type: 'thana' });
  await ok(ctx, 'units.create', { code: 'PAT-DC', name: 'Police Lines', type: 'district_centre' });
  await ok(ctx, 'groups.create', { code: 'KOT-1', unitCode: 'ACC-T3', kind: 'public', name: 'Kotwali Jan Samvad' });
});

const db = () => ctx.session.db();
const audit = () =>
  all(db(), db().k.selectFrom('auditLog').select(['action', 'entity', 'entityId']).orderBy('id', 'desc').limit(3));
const unitCodes = async () => (await ok(ctx, 'units.list', {})).map((u) => `${u.code}:${u.status}`);

async function citizen(group: string, phone: string, name = 'Ram') {
  return ok(ctx, 'members.addCitizen', { groupCode: group, name, phone });
}

describe('codes are unique without regard to case', () => {
  test('a unit or group code differing only in case is refused, naming the code it clashes with', async () => {
    const unit = await call(ctx, 'units.create', { code: 'acc-t3', name: 'Typo', type: 'thana' });
    expect(unit).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: { reason: 'unit_code_case_taken', params: { code: 'acc-t3', existing: 'ACC-T3' }, field: 'code' },
      },
    });
    const group = await call(ctx, 'groups.create', { code: 'kot-1', unitCode: 'ACC-T3', kind: 'public', name: 'x' });
    expect(group).toMatchObject({ ok: false, error: { details: { reason: 'group_code_case_taken' } } });
    const same = await call(ctx, 'units.create', { code: 'ACC-T3', name: 'Again', type: 'thana' });
    expect(same).toMatchObject({ ok: false, error: { details: { reason: 'unit_code_taken' } } });
    expect(await ok(ctx, 'codes.caseDuplicates', {})).toEqual([]);
  });

  test('the workbook import rejects a case clash with the register and inside the file', async () => {
    const h = harness();
    await ok(h.ctx, 'units.create', { code: 'ACC-T3', name: 'Kotwali', type: 'thana' });
    const file = await writeWorkbook(path.join(h.dir, 'case.xlsx'), [
      {
        name: 'units',
        rows: [
          ['code', 'name', 'type'],
          ['acc-t3', 'Kotwali typo', 'thana'],
          ['PAT-T-NEW', 'New', 'thana'],
          ['pat-t-new', 'New again', 'thana'],
        ],
      },
      {
        name: 'groups',
        rows: [
          ['code', 'unit_code', 'kind', 'name'],
          ['G-1', 'PAT-T-NEW', 'public', 'One'],
          ['g-1', 'PAT-T-NEW', 'public', 'One again'],
        ],
      },
    ]);
    const r = await commit(h, file);
    expect(brief(r.rejected).filter((i) => i.code === 'CODE_CASE_CONFLICT')).toEqual([
      { sheet: 'units', row: 2, column: 'code', value: 'acc-t3', code: 'CODE_CASE_CONFLICT' },
      { sheet: 'units', row: 4, column: 'code', value: 'pat-t-new', code: 'CODE_CASE_CONFLICT' },
      { sheet: 'groups', row: 3, column: 'code', value: 'g-1', code: 'CODE_CASE_CONFLICT' },
    ]);
    const units = (await ok(h.ctx, 'units.list', {})).map((u) => u.code).sort();
    expect(units).toEqual(['ACC-T3', 'PAT-T-NEW']);
  });
});

describe('delete, close, merge — and Undo of each', () => {
  test('a unit nothing refers to is deleted; Undo creates it again; one in use is refused', async () => {
    await ok(ctx, 'units.create', { code: 'OOPS', name: 'Made by mistake', nameHi: 'ग़लती', type: 'other' });
    const { deleted } = await ok(ctx, 'units.delete', { code: 'OOPS' });
    expect(deleted).toMatchObject({ code: 'OOPS', name: 'Made by mistake', nameHi: 'ग़लती', type: 'other' });
    expect(await unitCodes()).not.toContain('OOPS:active');
    expect(audit()[0]).toEqual({ action: 'delete', entity: 'unit', entityId: 'OOPS' });
    // Undo = the reverse change through the backend, audited.
    await ok(ctx, 'units.create', deleted);
    expect(await unitCodes()).toContain('OOPS:active');
    expect(audit()[0]).toEqual({ action: 'create', entity: 'unit', entityId: 'OOPS' });

    const inUse = await call(ctx, 'units.delete', { code: 'ACC-T3' });
    expect(inUse).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'unit_in_use', params: { groups: 1, staff: 0 } } },
    });
  });

  test('a group that never had a member is deleted; Undo restores it (and its closed status)', async () => {
    await ok(ctx, 'groups.create', { code: 'KOT-2', unitCode: 'ACC-T3', kind: 'cyber_senani', name: 'Cyber' });
    await ok(ctx, 'groups.close', { code: 'KOT-2' });
    const { deleted } = await ok(ctx, 'groups.delete', { code: 'KOT-2' });
    expect(deleted).toMatchObject({ code: 'KOT-2', unitCode: 'ACC-T3', kind: 'cyber_senani', status: 'closed' });
    expect((await call(ctx, 'groups.get', { code: 'KOT-2' })).ok).toBe(false);
    const { status, ...input } = deleted;
    await ok(ctx, 'groups.create', input);
    if (status === 'closed') await ok(ctx, 'groups.close', { code: 'KOT-2' });
    expect(await ok(ctx, 'groups.get', { code: 'KOT-2' })).toMatchObject({ kind: 'cyber_senani', status: 'closed' });

    await citizen('KOT-1', '+919835012345');
    const inUse = await call(ctx, 'groups.delete', { code: 'KOT-1' });
    expect(inUse).toMatchObject({
      ok: false,
      error: { details: { reason: 'group_in_use', params: { memberships: 1 } } },
    });
  });

  test('closing a unit closes its groups and takes it out of the report; Undo reopens both', async () => {
    await citizen('KOT-1', '+919835012345');
    const before = await ok(ctx, 'compliance.report', {});
    expect(before.units.map((u) => u.code)).toContain('ACC-T3');
    const closed = await ok(ctx, 'units.close', { code: 'ACC-T3' });
    expect(closed.closedGroups).toEqual(['KOT-1']);
    expect((await ok(ctx, 'groups.get', { code: 'KOT-1' })).status).toBe('closed');
    const after = await ok(ctx, 'compliance.report', {});
    expect(after.units.map((u) => u.code)).not.toContain('ACC-T3');
    // A closed unit's group cannot be reopened alone, nor get new groups.
    expect(await call(ctx, 'groups.reopen', { code: 'KOT-1' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'unit_closed' } },
    });
    await ok(ctx, 'units.reopen', { code: 'ACC-T3', groupCodes: closed.closedGroups });
    expect((await ok(ctx, 'groups.get', { code: 'KOT-1' })).status).toBe('active');
    expect((await ok(ctx, 'compliance.report', {})).units.map((u) => u.code)).toContain('ACC-T3');
    expect(audit()[0]).toEqual({ action: 'reopen', entity: 'unit', entityId: 'ACC-T3' });
  });

  test('merging a unit moves its groups, staff and OPs; Undo moves exactly those back', async () => {
    await ok(ctx, 'units.create', { code: 'ACC-T3X', name: 'Kotwali duplicate', type: 'thana' });
    await ok(ctx, 'units.create', { code: 'OP-1', name: 'OP', type: 'op', parentCode: 'ACC-T3X' });
    await ok(ctx, 'groups.create', { code: 'DUP-1', unitCode: 'ACC-T3X', kind: 'public', name: 'Dup group' });
    await ok(ctx, 'staff.create', { serviceNo: 'BP1', name: 'Anil', rank: 'SI', gender: 'M', unitCode: 'ACC-T3X' });
    const m = await ok(ctx, 'units.merge', { from: 'ACC-T3X', into: 'ACC-T3' });
    expect(m.moved).toEqual({ groups: 1, staff: 1, children: 1 });
    const into = await ok(ctx, 'units.get', { code: 'ACC-T3' });
    expect(into.groups.map((g) => g.code).sort()).toEqual(['DUP-1', 'KOT-1']);
    expect(into.children.map((c) => c.code)).toEqual(['OP-1']);
    expect((await ok(ctx, 'staff.get', { serviceNo: 'BP1' })).staff).toMatchObject({ unitCode: 'ACC-T3' });
    expect(await unitCodes()).toContain('ACC-T3X:closed');
    expect(audit()[0]).toEqual({ action: 'merge', entity: 'unit', entityId: 'ACC-T3X' });
    // Not into itself, not OPs under a non-thana.
    expect(await call(ctx, 'units.merge', { from: 'ACC-T3', into: 'ACC-T3' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'merge_same' } },
    });

    await ok(ctx, 'merges.undo', { mergeId: m.mergeId });
    const back = await ok(ctx, 'units.get', { code: 'ACC-T3X' });
    expect(back.unit.status).toBe('active');
    expect(back.groups.map((g) => g.code)).toEqual(['DUP-1']);
    expect(back.children.map((c) => c.code)).toEqual(['OP-1']);
    expect((await ok(ctx, 'staff.get', { serviceNo: 'BP1' })).staff).toMatchObject({ unitCode: 'ACC-T3X' });
    expect(audit()[0]).toEqual({ action: 'undo-merge', entity: 'unit', entityId: 'ACC-T3X' });
    expect(await call(ctx, 'merges.undo', { mergeId: m.mergeId })).toMatchObject({
      ok: false,
      error: { details: { reason: 'merge_already_undone' } },
    });
  });

  test('merging a group moves its memberships with history; a member in both stays behind; Undo restores', async () => {
    await ok(ctx, 'groups.create', { code: 'KOT-1B', unitCode: 'ACC-T3', kind: 'public', name: 'Duplicate' });
    await citizen('KOT-1', '+919835012345', 'Ram');
    const both = await citizen('KOT-1B', '+919835012345', 'Ram');
    const only = await citizen('KOT-1B', '+919835012346', 'Sita');
    const left = await citizen('KOT-1B', '+919835012347', 'Gita');
    await ok(ctx, 'members.leave', { membershipId: left.membershipId, leftOn: '28-11-2026' });

    const m = await ok(ctx, 'groups.merge', { from: 'KOT-1B', into: 'KOT-1' });
    expect(m.moved).toEqual({ memberships: 2, stayed: 1 });
    expect((await ok(ctx, 'groups.get', { code: 'KOT-1' })).activeMembers).toBe(2);
    expect(await ok(ctx, 'groups.get', { code: 'KOT-1B' })).toMatchObject({ status: 'closed', activeMembers: 1 });
    const report = await ok(ctx, 'compliance.report', {});
    expect(report.summary.memberships).toBe(2);

    await ok(ctx, 'merges.undo', { mergeId: m.mergeId });
    expect((await ok(ctx, 'groups.get', { code: 'KOT-1' })).activeMembers).toBe(1);
    expect(await ok(ctx, 'groups.get', { code: 'KOT-1B' })).toMatchObject({ status: 'active', activeMembers: 2 });
    const rows = await ok(ctx, 'members.search', { groupCode: 'KOT-1B', state: 'all' });
    expect(rows.rows.map((r) => r.membershipId).sort()).toEqual(
      [both.membershipId, only.membershipId, left.membershipId].sort(),
    );
  });

  test('marking a member as left is undone: the same membership is active again, audited', async () => {
    const a = await citizen('KOT-1', '+919835012345');
    await ok(ctx, 'members.leave', { membershipId: a.membershipId });
    expect((await ok(ctx, 'groups.get', { code: 'KOT-1' })).activeMembers).toBe(0);
    await ok(ctx, 'members.undoLeave', { membershipId: a.membershipId });
    expect((await ok(ctx, 'groups.get', { code: 'KOT-1' })).activeMembers).toBe(1);
    expect(audit()[0]).toEqual({ action: 'undo-leave', entity: 'membership', entityId: String(a.membershipId) });
    expect(await call(ctx, 'members.undoLeave', { membershipId: a.membershipId })).toMatchObject({
      ok: false,
      error: { details: { reason: 'membership_not_left' } },
    });
  });

  test('closing a group is undone by reopening it (audited), and the audit chain holds after all of it', async () => {
    await ok(ctx, 'groups.close', { code: 'KOT-1' });
    await ok(ctx, 'groups.reopen', { code: 'KOT-1' });
    expect(audit()[0]).toEqual({ action: 'reopen', entity: 'group', entityId: 'KOT-1' });
    expect(verifyAudit(db()).ok).toBe(true);
  });
});
