// The engine's queries stay on the indexes of migration 1 (EXPLAIN QUERY PLAN and the bytecode):
// at state size a pass over every membership row costs more than the whole report may take.
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

/** The plan lines that touch memberships (by name or by the alias `m`). */
function membershipLines(plan: string[]): string[] {
  return plan.filter((l) => /^(SCAN|SEARCH) (m|memberships)\b/.test(l));
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
          /^SEARCH (m|memberships) USING (COVERING )?INDEX memberships_/.test(line) ||
          /^SCAN (m|memberships) USING (COVERING )?INDEX memberships_active_(person|staff)\b/.test(line);
        expect(ok, `${p.name}: ${line}\n${p.sql}`).toBe(true);
      }
    }
  });

  it('count members from the partial indexes alone, without visiting membership rows', () => {
    for (const name of ['citizenCounts', 'staffCounts', 'activeCitizens', 'uncoveredStaff']) {
      const p = byName.get(name)!;
      expect(p.readsMembershipRows, `${name} reads membership rows:\n${p.plan.join('\n')}`).toBe(false);
    }
    expect(byName.get('citizenCounts')!.plan).toContain('SCAN m USING INDEX memberships_active_person');
    expect(byName.get('staffCounts')!.plan).toContain('SCAN m USING INDEX memberships_active_staff');
  });

  it("look at the women's groups' members only, group by group", () => {
    for (const name of ['genderViolations', 'staffOfGendersInKinds']) {
      const lines = membershipLines(byName.get(name)!.plan);
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l).toMatch(/^SEARCH m USING (COVERING )?INDEX memberships_\w+ \(group_id=\?/);
    }
  });

  it('read staff totals from the rank/gender index', () => {
    expect(byName.get('staffTotals')!.plan.join('\n')).toMatch(/SCAN staff USING COVERING INDEX staff_rank_gender/);
  });
});
