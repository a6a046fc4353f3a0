// The register workbook's shape (SPEC §5) and the import report the clerk sees. These types cross
// to the renderer (type-only imports), so they hold plain JSON data.

export const SHEETS = ['units', 'groups', 'staff', 'members'] as const;
export type SheetName = (typeof SHEETS)[number];

/** Column names of each sheet, in export order (the same names the import reads). */
export const SHEET_FIELDS = {
  units: ['code', 'name', 'name_hi', 'type', 'parent_code', 'division'],
  groups: ['code', 'unit_code', 'kind', 'name', 'created_on', 'admin_service_no', 'invite_link', 'status'],
  staff: ['service_no', 'name', 'rank', 'gender', 'posting_unit_code', 'phone'],
  members: [
    'group_code',
    'service_no',
    'name',
    'phone',
    'category',
    'locality',
    'occupation',
    'joined_on',
    'left_on',
    'consent_on',
    'consent_how',
  ],
} as const satisfies Record<SheetName, readonly string[]>;

export type FieldOf<S extends SheetName> = (typeof SHEET_FIELDS)[S][number];
export type AnyField = FieldOf<SheetName>;

/** A mapping a clerk chose by hand: header text → field, or null to ignore the column. */
export type SheetMapping = Record<string, string | null>;
export type WorkbookMapping = Partial<Record<SheetName, SheetMapping>>;

/** Why a row (or a column) was rejected or needs review. Codes are stable; the UI translates them. */
export type IssueCode =
  // file and sheet level
  | 'NO_HEADER'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'IGNORED_SHEET'
  | 'SHEET_BY_COLUMNS'
  // cell level
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'BAD_CELL'
  | 'BAD_TEXT'
  | 'BAD_PHONE'
  | 'PHONE_DESTROYED'
  | 'PHONE_NOT_MOBILE'
  | 'BAD_DATE'
  | 'FUTURE_DATE'
  | 'DATE_ORDER'
  | 'BAD_GENDER'
  | 'UNKNOWN_RANK'
  | 'BAD_UNIT_TYPE'
  | 'BAD_GROUP_KIND'
  | 'BAD_CATEGORY'
  | 'BAD_STATUS'
  | 'BAD_LINK'
  // references between rows
  | 'UNKNOWN_UNIT'
  | 'UNKNOWN_GROUP'
  | 'UNKNOWN_STAFF'
  | 'REF_REJECTED'
  | 'PARENT_NOT_THANA'
  | 'PARENT_SELF'
  | 'DUPLICATE_CONFLICT'
  | 'STAFF_CATEGORY'
  // review notes on accepted rows
  | 'DUPLICATE_ROW'
  | 'DUPLICATE_MEMBERSHIP'
  | 'NAME_CONFLICT'
  | 'FIELD_CONFLICT'
  | 'ALREADY_ACTIVE';

export interface RowIssue {
  sheet: SheetName | string;
  /** 1-based row number as Excel shows it (CSV: record number, header = 1). 0 = the whole sheet. */
  row: number;
  /** The column's header text as in the file, or the field name; null for whole-row issues. */
  column: string | null;
  /** The cell as read (text), capped; null when there is no single value. */
  value: string | null;
  reason: { code: IssueCode; message: string };
  /** For sheet-level issues that reject many rows at once. */
  rowsAffected?: number;
}

export interface RowCounts {
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  rejected: number;
}

export interface ColumnReport {
  /** Header text as written in the file. */
  header: string;
  /** Spreadsheet column letter (A, B, …). */
  column: string;
  field: string | null;
  /** How the field was chosen: the clerk's mapping, a remembered mapping, or the alias table. */
  source: 'mapping' | 'remembered' | 'alias' | 'none';
}

export interface SheetReport {
  sheet: SheetName;
  /** The sheet (xlsx) or file (csv) name in the source. */
  source: string;
  headerRow: number;
  columns: ColumnReport[];
  /** Key under which a hand-made mapping for these headers is remembered (import.mappings.*). */
  mappingKey: string;
  counts: RowCounts;
  /** A few accepted rows as they will be written, for the preview. */
  samples: { row: number; values: Record<string, string | null> }[];
}

export interface EntityCounts {
  new: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  file: string;
  format: 'xlsx' | 'csv';
  /** SHA-256 of the file (xlsx) or of the list of CSV files' names and hashes (folder). */
  sha256: string;
  files: { name: string; bytes: number; sha256: string }[];
  dryRun: boolean;
  strict: boolean;
  committed: boolean;
  sheets: SheetReport[];
  totals: RowCounts;
  entities: {
    units: EntityCounts;
    groups: EntityCounts;
    staff: EntityCounts;
    people: EntityCounts;
    memberships: EntityCounts;
  };
  /** Every rejected row's reasons (a row may have several). */
  rejected: RowIssue[];
  /** Accepted rows and columns the clerk should look at: duplicates, name conflicts, unknown columns. */
  review: RowIssue[];
  /** Sheets or files that were not read, and why. */
  ignored: { source: string; reason: string }[];
  timings: { readMs: number; validateMs: number; writeMs: number };
}

export interface ExportResult {
  file: string;
  format: 'xlsx' | 'csv';
  files: string[];
  counts: { units: number; groups: number; staff: number; members: number };
  /** Memberships of erased people: kept in the register for counts, not exportable. */
  skippedErased: number;
}
