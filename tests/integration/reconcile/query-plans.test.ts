// Reconciling reads the register by index (EXPLAIN QUERY PLAN), so a preview stays quick on a
// state-size register: phones by the unique phone index, names by the NOCASE name indexes, the
// group's active members by the partial index of active memberships, and the matched people's
// history by their own membership indexes. No query scans people or memberships.
import { describe, expect, it } from 'vitest';
import { makeRegister } from '../../fixtures/builders.js';
import { rawOf } from '../../../db/raw.js';
import {
  activeGroupMembers,
  memberSpells,
  registerPeopleByNames,
  registerPeopleByPhones,
} from '../../../db/chat-reconcile.js';

describe('reconcile query plans', () => {
  it('never scans people or memberships', () => {
    const { db } = makeRegister();
    const raw = rawOf(db);
    const plans: string[] = [];
    const prepare = raw.prepare.bind(raw);
    // Record the plan of every statement the queries run.
    raw.prepare = ((source: string) => {
      if (/^\s*select/i.test(source)) {
        const params = (source.match(/\?/g) ?? []).map(() => 1);
        const rows = prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[];
        plans.push(rows.map((r) => r.detail).join(' | '));
      }
      return prepare(source);
    }) as typeof raw.prepare;
    try {
      activeGroupMembers(db, 1);
      memberSpells(db, 1, { citizens: [1, 2], staff: [3] });
      registerPeopleByPhones(db, ['+919835000011', '+919835000022']);
      registerPeopleByNames(db, ['Sunita Devi', 'Ramesh']);
    } finally {
      raw.prepare = prepare;
    }
    expect(plans.length).toBeGreaterThanOrEqual(7);
    for (const p of plans) {
      expect(p).not.toMatch(/SCAN (people|memberships|m|p)\b/);
    }
    expect(plans.join('\n')).toMatch(/people USING INDEX people_name/);
    // A search by group: the partial indexes of active memberships, or (since migration 8) the
    // group's memberships by state, whichever the planner picks; never a scan.
    expect(plans.join('\n')).toMatch(/memberships_active_group|memberships_active_person|memberships_group_state/);
  });
});
