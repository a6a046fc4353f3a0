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
    // memberships_group_state (migration 8: group, left_on) answers it as well, from the index alone.
    expect(p).toMatch(/SEARCH memberships USING (COVERING )?INDEX memberships_(active_group|group_state)/);
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

  test('every statement of the count triggers (migration 4) looks up by key, never scans', () => {
    // An import fires these once per membership written: a scan in any of them would make a
    // 2,60,000-row import quadratic. EXPLAIN QUERY PLAN cannot see inside a trigger, so each
    // statement is taken from the stored trigger text, with new.x / old.x as parameters.
    const { db } = makeRegister();
    const triggers = rawOf(db)
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'group_counts_%'")
      .all() as { name: string; sql: string }[];
    expect(triggers.map((t) => t.name).sort()).toEqual([
      'group_counts_group_status',
      'group_counts_membership_delete',
      'group_counts_membership_insert',
      'group_counts_membership_update_new',
      'group_counts_membership_update_old',
      'group_counts_person_category',
      'group_counts_staff_rank_gender',
    ]);
    let statements = 0;
    for (const t of triggers) {
      const body = t.sql.slice(t.sql.search(/\bBEGIN\b/) + 'BEGIN'.length, t.sql.lastIndexOf('END'));
      for (const stmt of body.split(';').map((s) => s.trim())) {
        if (!stmt) continue;
        const q = stmt.replace(/\b(new|old)\.\w+/g, '?');
        const params = new Array((q.match(/\?/g) ?? []).length).fill(1);
        const lines = (
          rawOf(db)
            .prepare(`EXPLAIN QUERY PLAN ${q}`)
            .all(...params) as { detail: string }[]
        ).map((r) => r.detail);
        const where = `${t.name}: ${q}\n${lines.join('\n')}`;
        expect(
          lines.some((l) => /^SEARCH /.test(l)),
          where,
        ).toBe(true);
        expect(
          lines.filter((l) => /^SCAN /.test(l)),
          where,
        ).toEqual([]);
        statements++;
      }
    }
    expect(statements).toBe(27);
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
