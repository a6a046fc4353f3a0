// The listing queries use the indexes made for them (EXPLAIN QUERY PLAN), so they stay fast on
// a state-size register.
import { describe, expect, test } from 'vitest';
import type { Compilable } from 'kysely';
import { makeRegister } from '../../fixtures/builders.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { rawOf } from '../../../db/raw.js';

function plan(db: RegisterDb, q: Compilable<unknown>): string {
  const c = q.compile();
  const rows = rawOf(db)
    .prepare(`EXPLAIN QUERY PLAN ${c.sql}`)
    .all(...(c.parameters as unknown[])) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('query plans', () => {
  test('active members of a group are counted from the partial index', () => {
    const { db } = makeRegister();
    const p = plan(
      db,
      db.k
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('groupId', '=', 1)
        .where('leftOn', 'is', null),
    );
    expect(p).toMatch(/SEARCH memberships USING (COVERING )?INDEX memberships_active_group/);
    expect(p).not.toMatch(/SCAN memberships/);
  });

  test("a person's memberships and a staff member's groups use their indexes", () => {
    const { db } = makeRegister();
    expect(plan(db, db.k.selectFrom('memberships').selectAll().where('personId', '=', 5))).toMatch(
      /SEARCH memberships USING INDEX memberships_(person|active_person)/,
    );
    expect(plan(db, db.k.selectFrom('memberships').select('groupId').where('staffId', '=', 5))).toMatch(
      /SEARCH memberships USING (COVERING )?INDEX memberships_staff/,
    );
  });

  test('groups of a unit and staff of a posting unit use their indexes', () => {
    const { db } = makeRegister();
    expect(
      plan(db, db.k.selectFrom('groups').selectAll().where('unitId', '=', 1).where('status', '=', 'active')),
    ).toMatch(/SEARCH groups USING INDEX groups_unit/);
    expect(plan(db, db.k.selectFrom('staff').selectAll().where('postingUnitId', '=', 1))).toMatch(
      /SEARCH staff USING INDEX staff_posting/,
    );
  });
});
