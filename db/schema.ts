// Kysely's view of the schema in db/migrations. Columns are camelCase here; CamelCasePlugin maps
// them to the snake_case columns in SQL. Keep in step with the migrations (the register tests
// select every column through these types against a freshly migrated database).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// The column types only; the lists themselves (for menus, validation, imports) live once in
// electron/contract/domain.ts. tests/unit/contract/domain.test.ts checks both agree.
export type UnitType = 'thana' | 'op' | 'district_centre' | 'division' | 'other';
export type GroupKind = 'public' | 'cyber_senani' | 'staff' | 'women_staff' | 'division_staff';
export type GroupStatus = 'active' | 'closed';
export type Gender = 'F' | 'M' | 'X';
export type CitizenCategory = 'eminent' | 'public';

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface RanksTable {
  id: Generated<number>;
  code: string;
  nameEn: string;
  nameHi: string;
  aliases: ColumnType<string, string | undefined, string>; // JSON array
  sortOrder: number;
}

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
  parentId: number | null;
  division: string | null;
  /** Migration 7: a closed unit leaves the compliance report; its history stays. */
  status: ColumnType<GroupStatus, GroupStatus | undefined, GroupStatus>;
  createdAt: string;
  updatedAt: string;
}

export interface StaffTable {
  id: Generated<number>;
  serviceNo: string;
  name: string;
  rankId: number;
  gender: Gender;
  postingUnitId: number;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GroupsTable {
  id: Generated<number>;
  code: string;
  unitId: number;
  kind: GroupKind;
  name: string;
  createdOn: string | null;
  adminStaffId: number | null;
  inviteLink: string | null;
  status: ColumnType<GroupStatus, GroupStatus | undefined, GroupStatus>;
  createdAt: string;
  updatedAt: string;
}

export interface PeopleTable {
  id: Generated<number>;
  phone: string | null;
  name: string;
  locality: string | null;
  occupation: string | null;
  category: ColumnType<CitizenCategory, CitizenCategory | undefined, CitizenCategory>;
  consentOn: string | null;
  consentHow: string | null;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MembershipsTable {
  id: Generated<number>;
  groupId: number;
  personId: number | null;
  staffId: number | null;
  joinedOn: string | null;
  leftOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PoliciesTable {
  version: number;
  document: string; // JSON
  source: 'builtin' | 'imported';
  importedAt: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  operator: string;
  action: string;
  entity: string;
  entityId: string | null;
  /** The citizen whose personal data `before`/`after` may hold (migration 6). */
  personId: number | null;
  before: string | null;
  after: string | null;
  /** Random per row; blanked with the values on erasure (migration 6). */
  salt: string | null;
  /** SHA-256 over salt and values: what the chain covers of them (migration 6). */
  valuesDigest: string;
  /** The erasure entry that blanked this row's values. */
  erasedBy: number | null;
  prevHash: string;
  hash: string;
}

/** The audit head signed with the district key at a bundle export (migration 6). */
export interface AuditCheckpointsTable {
  id: Generated<number>;
  at: string;
  auditLastId: number;
  auditCount: number;
  auditHead: string;
  keyId: string;
  signature: string;
  bundleSeq: number | null;
}

/** Erasures on request, as salted hashes of the phone number (migration 6). */
export interface ErasureLedgerTable {
  id: Generated<number>;
  phoneHash: string;
  personId: number;
  erasedAt: string;
  appliedAt: string;
}

/** FTS5 trigram index over people (migration 3); rowid = people.id. */
export interface PeopleSearchTable {
  rowid: number;
  name: string | null;
  locality: string | null;
  phoneDigits: string | null;
}

export interface PeopleSearchDirtyTable {
  id: number;
}

/** Active citizen memberships per group and category, kept by triggers (migration 4). */
export interface GroupCitizenCountsTable {
  groupId: number;
  category: CitizenCategory;
  n: number;
}

/** Active staff memberships per group, rank and gender, kept by triggers (migration 4). */
export interface GroupStaffCountsTable {
  groupId: number;
  rankId: number;
  gender: Gender;
  n: number;
}

/** Citizens with an active membership of an active group, and how many (migration 4). */
export interface CitizenActiveGroupsTable {
  personId: number;
  n: number;
}

/** Migration 7: what each merge moved, so Undo moves exactly that back. */
export interface MergesTable {
  id: Generated<number>;
  entity: 'unit' | 'group';
  fromId: number;
  intoId: number;
  moved: string; // JSON
  fromStatus: GroupStatus;
  at: string;
  operator: string;
  undoneAt: string | null;
}

export interface DB {
  settings: SettingsTable;
  peopleSearch: PeopleSearchTable;
  peopleSearchDirty: PeopleSearchDirtyTable;
  ranks: RanksTable;
  units: UnitsTable;
  staff: StaffTable;
  groups: GroupsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  policies: PoliciesTable;
  auditLog: AuditLogTable;
  auditCheckpoints: AuditCheckpointsTable;
  erasureLedger: ErasureLedgerTable;
  groupCitizenCounts: GroupCitizenCountsTable;
  groupStaffCounts: GroupStaffCountsTable;
  citizenActiveGroups: CitizenActiveGroupsTable;
  merges: MergesTable;
}

export type Unit = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UnitUpdate = Updateable<UnitsTable>;
export type Staff = Selectable<StaffTable>;
export type Group = Selectable<GroupsTable>;
export type Person = Selectable<PeopleTable>;
export type Membership = Selectable<MembershipsTable>;
export type Rank = Selectable<RanksTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type AuditCheckpoint = Selectable<AuditCheckpointsTable>;
