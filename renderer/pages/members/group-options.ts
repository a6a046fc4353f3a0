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

/**
 * A group as pickers show it: its name and code, and the unit it belongs to (two thanas often
 * name their groups alike), the unit's name in the language on screen.
 */
export function groupLabel(
  g: Pick<GroupRow, 'name' | 'code'> & Partial<Pick<GroupRow, 'unitName' | 'unitNameHi'>>,
  lang: 'en' | 'hi' = 'en',
): string {
  const own = g.name === g.code ? g.code : `${g.name} (${g.code})`;
  const unit = lang === 'hi' && g.unitNameHi ? g.unitNameHi : g.unitName;
  return unit && !g.name.includes(unit) ? `${own} — ${unit}` : own;
}

/**
 * Choices for adding a member: active groups only (a closed group takes no one), police–public
 * groups first for citizens and staff groups first for staff, each part in name order.
 */
export function groupOptions(
  groups: readonly GroupRow[] | undefined,
  forMember: 'citizen' | 'staff' | 'any',
  lang: 'en' | 'hi' = 'en',
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
    .map((g) => ({ value: g.code, label: groupLabel(g, lang) }));
}
