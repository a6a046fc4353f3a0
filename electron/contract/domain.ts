// The register's vocabulary (SPEC §3), once, for every side: the backend validates with it, the
// renderer builds its choices from it, the workbook import reads it. db/schema.ts types the same
// columns without importing this (db/ imports nothing of ours); tests/unit/contract/domain.test.ts
// holds the two against each other and against the schema's CHECK constraints.

export const UNIT_TYPES = ['thana', 'op', 'district_centre', 'division', 'other'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const GROUP_KINDS = ['public', 'cyber_senani', 'staff', 'women_staff', 'division_staff'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Both count as police–public groups (SPEC §3). */
export const PUBLIC_GROUP_KINDS: readonly GroupKind[] = ['public', 'cyber_senani'];

export const GROUP_STATUSES = ['active', 'closed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const GENDERS = ['F', 'M', 'X'] as const;
export type Gender = (typeof GENDERS)[number];

export const CITIZEN_CATEGORIES = ['eminent', 'public'] as const;
export type CitizenCategory = (typeof CITIZEN_CATEGORIES)[number];

/** A member's category in lists and imports: a citizen's, or `staff`. */
export const MEMBER_CATEGORIES = ['eminent', 'public', 'staff'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

/**
 * Codes of units, groups and districts: what clerks already write in their registers
 * (`PAT-T-KOTWALI`, `PAT/OP/3`), safe in file names and CSV cells.
 */
export const CODE_MAX_LENGTH = 64;
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,63}$/;
