// The district's groups as choices for the filters and the "add to a group" forms. A district
// has tens of groups (a state-size register a few thousand), so one `groups.list` is enough.
import { call, type Res } from '../../data/call.js';
import { useQuery } from '../../data/use-query.js';
import type { Option } from '../../components/FormFields.js';

export type GroupRow = Res<'groups.list'>[number];

const STAFF_KINDS = new Set(['staff', 'women_staff', 'division_staff']);

export function useGroups() {
  return useQuery(() => call('groups.list', {}), []);
}

export function groupLabel(g: Pick<GroupRow, 'name' | 'code'>): string {
  return g.name === g.code ? g.code : `${g.name} (${g.code})`;
}

/**
 * Choices for adding a member: active groups only (a closed group takes no one), police–public
 * groups first for citizens and staff groups first for staff, each part in name order.
 */
export function groupOptions(
  groups: readonly GroupRow[] | undefined,
  forMember: 'citizen' | 'staff' | 'any',
): Option[] {
  if (!groups) return [];
  const rank = (g: GroupRow) => {
    if (forMember === 'any') return 0;
    const isStaff = STAFF_KINDS.has(g.kind);
    return (forMember === 'staff') === isStaff ? 0 : 1;
  };
  return groups
    .filter((g) => forMember === 'any' || g.status === 'active')
    .slice()
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en-IN', { numeric: true }))
    .map((g) => ({ value: g.code, label: groupLabel(g) }));
}
