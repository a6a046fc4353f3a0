// Rules guide entry without hiding reality (issue #11): an entry that breaks a rule is refused
// with the rule named, recorded once the clerk confirms that rule, and listed by name among the
// rule's breakers until it is put right.
import { beforeEach, expect, test } from 'vitest';
import { all } from '../../../db/exec.js';
import { call, ok, testContext, type TestContext } from '../../fixtures/context.js';

let ctx: TestContext;

beforeEach(async () => {
  ctx = testContext();
  await ok(ctx, 'app.createRegister', { code: 'pat', name: 'Patna' });
  await ok(ctx, 'units.create', { code: 'PAT-DC', name: 'Police Lines', type: 'district_centre' });
  await ok(ctx, 'groups.create', { code: 'W', unitCode: 'PAT-DC', kind: 'women_staff', name: 'Mahila' });
  await ok(ctx, 'groups.create', { code: 'S', unitCode: 'PAT-DC', kind: 'staff', name: 'Staff' });
  await ok(ctx, 'staff.create', { serviceNo: 'M1', name: 'Mohan', rank: 'SI', gender: 'M', unitCode: 'PAT-DC' });
  await ok(ctx, 'staff.create', { serviceNo: 'F1', name: 'Sunita', rank: 'SI', gender: 'F', unitCode: 'PAT-DC' });
});

const lastAudit = () =>
  all(
    ctx.session.db(),
    ctx.session.db().k.selectFrom('auditLog').select(['action', 'after']).orderBy('id', 'desc').limit(1),
  )[0]!;

test('a man in the women’s group needs R4 confirmed, is then recorded, and is listed under R4', async () => {
  expect(await call(ctx, 'members.addStaff', { groupCode: 'W', serviceNo: 'M1' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', details: { reason: 'rule_confirm', params: { rule: 'R4', member: 'staff_M' } } },
  });
  // Confirming another rule is not confirming this one.
  expect((await call(ctx, 'members.addStaff', { groupCode: 'W', serviceNo: 'M1', confirmRule: 'R3' })).ok).toBe(false);
  const added = await ok(ctx, 'members.addStaff', { groupCode: 'W', serviceNo: 'M1', confirmRule: 'R4' });
  expect(added.ruleBroken).toBe('R4');
  expect(JSON.parse(lastAudit().after!)).toMatchObject({ ruleBroken: 'R4', serviceNo: 'M1' });
  // A woman needs no confirmation.
  expect((await ok(ctx, 'members.addStaff', { groupCode: 'W', serviceNo: 'F1' })).ruleBroken).toBeNull();

  const breakers = await ok(ctx, 'compliance.ruleBreakers', {});
  const r4 = breakers.find((b) => b.id === 'R4')!;
  expect(r4.total).toBe(1);
  expect(r4.items).toEqual([
    expect.objectContaining({
      kind: 'member',
      membershipId: added.membershipId,
      name: 'Mohan',
      serviceNo: 'M1',
      groupCode: 'W',
    }),
  ]);
  // Putting it right (the dashboard's "Remove from group") clears the list; Undo brings it back.
  await ok(ctx, 'members.leave', { membershipId: added.membershipId });
  expect((await ok(ctx, 'compliance.ruleBreakers', {})).find((b) => b.id === 'R4')).toBeUndefined();
  await ok(ctx, 'members.undoLeave', { membershipId: added.membershipId });
  expect((await ok(ctx, 'compliance.ruleBreakers', {})).find((b) => b.id === 'R4')?.total).toBe(1);
});

test('a citizen in a staff or women’s group needs the rule confirmed; in a public group none', async () => {
  expect(await call(ctx, 'members.addCitizen', { groupCode: 'W', name: 'Ram', phone: '9835012345' })).toMatchObject({
    ok: false,
    error: { details: { reason: 'rule_confirm', params: { rule: 'R4', member: 'citizen', group: 'W' } } },
  });
  expect(await call(ctx, 'members.addCitizen', { groupCode: 'S', name: 'Ram', phone: '9835012345' })).toMatchObject({
    ok: false,
    error: { details: { reason: 'rule_confirm', params: { rule: 'R3' } } },
  });
  const r = await ok(ctx, 'members.addCitizen', {
    groupCode: 'S',
    name: 'Ram',
    phone: '9835012345',
    confirmRule: 'R3',
  });
  expect(r.ruleBroken).toBe('R3');
  await ok(ctx, 'units.create', { code: 'T1', name: 'Kotwali', type: 'thana' });
  await ok(ctx, 'groups.create', { code: 'P', unitCode: 'T1', kind: 'public', name: 'Jan Samvad' });
  expect(
    (await ok(ctx, 'members.addCitizen', { groupCode: 'P', name: 'Ram', phone: '9835012345' })).ruleBroken,
  ).toBeNull();
  // The thana is short of members: listed under R1 by name with its shortfall.
  const r1 = (await ok(ctx, 'compliance.ruleBreakers', {})).find((b) => b.id === 'R1')!;
  expect(r1.items).toEqual([expect.objectContaining({ kind: 'unit', code: 'T1', status: 'short', shortfall: 199 })]);
});
