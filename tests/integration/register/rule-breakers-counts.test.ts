// The dashboard's rule counts and the list of who breaks each rule agree (issue #11): for every
// rule not met, `compliance.ruleBreakers` has the same total as the compliance report's failures,
// including a register that lacks a unit the policy needs (the list says so, with its fix).
import { beforeEach, expect, test } from 'vitest';
import { ok, testContext, type TestContext } from '../../fixtures/context.js';

let ctx: TestContext;

beforeEach(async () => {
  ctx = testContext();
  await ok(ctx, 'app.createRegister', { code: 'pat', name: 'Patna' });
  await ok(ctx, 'units.create', { code: 'PAT-DC', name: 'Police Lines', type: 'district_centre' });
  await ok(ctx, 'groups.create', { code: 'S', unitCode: 'PAT-DC', kind: 'staff', name: 'Staff' });
  await ok(ctx, 'staff.create', { serviceNo: 'M1', name: 'Mohan', rank: 'SI', gender: 'M', unitCode: 'PAT-DC' });
});

async function totals() {
  const report = await ok(ctx, 'compliance.report', {});
  const breakers = await ok(ctx, 'compliance.ruleBreakers', {});
  return {
    card: Object.fromEntries(report.rules.filter((r) => !r.passed).map((r) => [r.id, r.failures])),
    list: Object.fromEntries(breakers.map((b) => [b.id, b.total])),
    breakers,
  };
}

test('a register without a district police centre: R3 lists “no unit”, and every count agrees', async () => {
  ctx = testContext();
  await ok(ctx, 'app.createRegister', { code: 'gaya', name: 'Gaya' });
  const { card, list, breakers } = await totals();
  expect(list).toEqual(card);
  expect(card.R3).toBe(1);
  expect(breakers.find((b) => b.id === 'R3')!.items).toEqual([
    { kind: 'noUnit', unitType: 'district_centre', lacking: 1 },
  ]);
});

test('with a short thana and a member outside any group, the counts still agree', async () => {
  await ok(ctx, 'units.create', { code: 'T1', name: 'Kotwali', type: 'thana' });
  await ok(ctx, 'units.create', { code: 'T2', name: 'Digha', type: 'thana' });
  await ok(ctx, 'groups.create', { code: 'P', unitCode: 'T1', kind: 'public', name: 'Jan Samvad' });
  await ok(ctx, 'members.addCitizen', { groupCode: 'P', name: 'Ram', phone: '9835012345' });
  const { card, list, breakers } = await totals();
  expect(list).toEqual(card);
  expect(card.R1).toBe(2);
  expect(breakers.find((b) => b.id === 'R1')!.items.map((i) => (i.kind === 'unit' ? i.code : i.kind))).toEqual([
    'T1',
    'T2',
  ]);
});
