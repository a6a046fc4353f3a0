// Where each dashboard figure leads, and the count that list must show (issue #11: "numbers
// agree"). One table for the tiles and for the test that checks each figure against its list
// on the demo district (tests/integration/lists/numbers-agree.test.ts, tests/e2e/clerk-numbers.spec.ts).
import type { ComplianceSummary } from '../../electron/services/compliance/types.js';

export function dashboardLinks(s: ComplianceSummary) {
  return {
    /** Units compliant: "23 of 39" opens the 23. */
    units: { path: '/units', query: { status: 'compliant' } as { status?: string }, count: s.compliant },
    short: { path: '/units', query: { status: 'short' }, count: s.short },
    missing: { path: '/units', query: { status: 'missing' }, count: s.missing },
    /** Active memberships of active groups (citizens and staff), as the dashboard counts them. */
    memberships: {
      path: '/members',
      query: { groups: 'active' },
      args: { state: 'active' as const, groupStatus: 'active' as const },
      count: s.memberships,
    },
    /** Staff in no group of the kinds the policy counts (R6). */
    uncovered: {
      path: '/staff',
      query: { uncovered: '1' },
      args: { uncovered: true },
      count: s.staffTotal - s.staffCovered,
    },
  };
}
