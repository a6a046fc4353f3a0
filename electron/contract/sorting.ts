// The orders the paged lists offer (issue #11: "sortable columns with a stable default order").
// A sort is a column from a fixed list and a direction; the backend turns it into an ORDER BY
// that ends with a unique key (db/memberships.ts, db/staff.ts), so paging never repeats or skips
// a row and the list reads the same on every visit.
import { z } from 'zod';

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/**
 * Members list: `group` = unit code, group code, then order of entry (the default); `name` =
 * name (Latin A–Z ignoring case, then Devanagari in varnamala order), member, membership;
 * `joined` = joining day, then order of entry.
 */
export const MEMBER_SORT_COLUMNS = ['group', 'name', 'joined'] as const;
export type MemberSortColumn = (typeof MEMBER_SORT_COLUMNS)[number];

/**
 * Staff list: `rank` = rank (highest first ascending), name, id (the default); `name` = name,
 * id; `serviceNo` = service number; `posting` = posting unit code, name, id.
 */
export const STAFF_SORT_COLUMNS = ['rank', 'name', 'serviceNo', 'posting'] as const;
export type StaffSortColumn = (typeof STAFF_SORT_COLUMNS)[number];

const direction = z.enum(SORT_DIRECTIONS).default('asc');

export const memberSortSchema = z.object({ column: z.enum(MEMBER_SORT_COLUMNS), dir: direction });
export const staffSortSchema = z.object({ column: z.enum(STAFF_SORT_COLUMNS), dir: direction });

export type MemberSort = z.output<typeof memberSortSchema>;
export type StaffSort = z.output<typeof staffSortSchema>;

export const DEFAULT_MEMBER_SORT: MemberSort = { column: 'group', dir: 'asc' };
export const DEFAULT_STAFF_SORT: StaffSort = { column: 'rank', dir: 'asc' };
