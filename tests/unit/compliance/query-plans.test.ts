// The engine's queries stay on the count tables of migration 4 and the indexes of migration 1
// (EXPLAIN QUERY PLAN and the bytecode): at state size a pass over every membership row costs
// more than the whole report may take, and so does a sort of every active membership.
import { describe, expect, it } from 'vitest';
import { explainComplianceQueries } from '../../../db/compliance.js';
import { POLICY_V1 } from '../../../electron/contract/policy.js';
import { makeRegister } from '../../fixtures/builders.js';

function plans() {
  const { db } = makeRegister();
  return explainComplianceQueries(db, {
    coverageKinds: POLICY_V1.rules.R6.groupKinds,
    womenKinds: POLICY_V1.rules.R4.groupKinds,
  });
}

/** The plan lines that touch memberships (by name or by the aliases `m` and `other`). */
function membershipLines(plan: string[]): string[] {
  return plan.filter((l) => /^(SCAN|SEARCH) (m|other|memberships)\b/.test(l));
}

/** Whether `lines` appear in `plan` one after another. */
function inSequence(plan: string[], lines: string[]): boolean {
  return plan.some((_, i) => lines.every((l, j) => plan[i + j] === l));
}

describe('compliance query plans', () => {
  const all = plans();
  const byName = new Map(all.map((p) => [p.name, p]));

  it('cover every query the engine runs', () => {
    expect(all.map((p) => p.name)).toEqual([
      'units',
      'groups',
      'citizenCounts',
      'staffCounts',
      'activeCitizens',
      'staffTotals',
      'uncoveredStaff',
      'genderViolations',
      'staffOfGendersInKinds',
    ]);
  });

  it('never scan the memberships table, nor a whole index of all memberships', () => {
    for (const p of all) {
      for (const line of membershipLines(p.plan)) {
        // Allowed: a SEARCH on any memberships index, or a SCAN of a partial index that holds
        // only active rows of one member type.
        const ok =
          /^SEARCH (m|other|memberships) USING (COVERING )?INDEX memberships_/.test(line) ||
          /^SCAN (m|other|memberships) USING (COVERING )?INDEX memberships_active_(person|staff)\b/.test(line);
        expect(ok, `${p.name}: ${line}\n${p.sql}`).toBe(true);
      }
    }
  });

  it('read the per-group splits from the count tables alone, in key order', () => {
    for (const [name, table] of [
      ['citizenCounts', 'group_citizen_counts'],
      ['staffCounts', 'group_staff_counts'],
    ] as const) {
      const p = byName.get(name)!;
      expect(p.sql).toContain(`from "${table}" as "c"`);
      expect(p.sql).not.toContain('memberships');
      // One pass in primary-key order: no sort for the GROUP BY / ORDER BY.
      expect(p.plan, name).toEqual(['SCAN c']);
    }
  });

  it('count distinct citizens from their count table, without touching memberships', () => {
    const p = byName.get('activeCitizens')!;
    expect(p.sql).toBe('select count(*) as "n" from "citizen_active_groups"');
    expect(membershipLines(p.plan)).toEqual([]);
    expect(p.readsMembershipRows).toBe(false);
  });

  it('find uncovered staff by merging two id-ordered reads, without visiting membership rows', () => {
    const p = byName.get('uncoveredStaff')!;
    expect(p.readsMembershipRows, p.plan.join('\n')).toBe(false);
    expect(
      inSequence(p.plan, [
        'MERGE (EXCEPT)',
        'LEFT',
        'SCAN staff',
        'RIGHT',
        'SEARCH m USING COVERING INDEX memberships_staff (staff_id>?)',
      ]),
      p.plan.join('\n'),
    ).toBe(true);
    // The UNION's right side reads the members of groups that do not count, group by group.
    expect(p.plan).toContain('SEARCH m USING INDEX memberships_active_staff (group_id=? AND staff_id>?)');
    expect(p.plan).toContain('SEARCH other USING COVERING INDEX memberships_staff (staff_id=? AND left_on=?)');
  });

  it("look at the women's groups' members only, group by group", () => {
    for (const name of ['genderViolations', 'staffOfGendersInKinds']) {
      const lines = membershipLines(byName.get(name)!.plan);
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l).toMatch(/^SEARCH m USING (COVERING )?INDEX memberships_\w+ \(group_id=\?/);
    }
    // …and, where a member's gender matters, only of the groups whose counts show a citizen or
    // another gender (the count tables are read by key, per group).
    const v = byName.get('genderViolations')!.plan;
    expect(v).toContain('SEARCH cc USING PRIMARY KEY (group_id=?)');
    expect(v).toContain('SEARCH sc USING PRIMARY KEY (group_id=?)');
    const w = byName.get('staffOfGendersInKinds')!.plan;
    expect(w.filter((l) => /^SEARCH sc .*PRIMARY KEY \(group_id=\?\)$/.test(l))).toHaveLength(1);
    expect(w.filter((l) => l.startsWith('SEARCH s '))).toHaveLength(1);
    expect(w.findIndex((l) => l.startsWith('SEARCH s '))).toBeGreaterThan(
      w.findIndex((l) => l.startsWith('SEARCH sc ')),
    );
  });

  it('read staff totals from the rank/gender index', () => {
    expect(byName.get('staffTotals')!.plan.join('\n')).toMatch(/SCAN staff USING COVERING INDEX staff_rank_gender/);
  });
});
