// Migration 8: indexes for the sorted lists (issue #11: "sortable columns with a stable default
// order"). The members list pages over up to 3,70,000 memberships; each order it offers is read
// from an index in that order (db/memberships.ts `memberPageQuery`), never sorted whole:
//
// - groups_unit_code: a unit's groups by code, the inner step of the default order
//   (unit code → group code → membership id).
// - memberships_group_state: a group's memberships with left_on second, so "active" (left_on IS
//   NULL, an equality) reads them in membership-id order and "all" needs no table read. The
//   older memberships_active_group is partial (active only) and ordered by member, not by id.
// - memberships_active_joined / memberships_joined: the joining-day order, for the active list
//   (partial, smaller) and for "left" and "all".
//
// Names are ordered by the existing people_name and staff_name indexes (NOCASE): no new index.
import type { Migration } from './types.js';

export const migration008: Migration = {
  version: 8,
  name: 'indexes for sorted lists',
  up: `
CREATE INDEX groups_unit_code ON groups(unit_id, code);
CREATE INDEX memberships_group_state ON memberships(group_id, left_on);
CREATE INDEX memberships_active_joined ON memberships(joined_on) WHERE left_on IS NULL;
CREATE INDEX memberships_joined ON memberships(joined_on);
`,
};
