// The register workbook's sheets and fields (SPEC §5), and the reasons a row can be refused or
// flagged. The import, the export and the renderer's mapping step all read these lists.

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

/** Fields that must have a column (members: a citizen row needs name + phone, a staff row service_no). */
export const REQUIRED_FIELDS: { readonly [S in SheetName]: readonly FieldOf<S>[] } = {
  units: ['code', 'name', 'type'],
  groups: ['code', 'unit_code', 'kind', 'name'],
  staff: ['service_no', 'name', 'rank', 'gender', 'posting_unit_code'],
  members: ['group_code'],
};

/**
 * The values an issue's English message names (row numbers, the value, the field, the limit …),
 * so the renderer can word it in the clerk's language. `variant` tells apart the situations one
 * code covers (its wording is `details.<CODE>_<variant>` in renderer/i18n/import.ts).
 */
export type IssueParams = Record<string, string | number>;

/** Why an issue was raised: a stable code, the English message (CLI, logs) and its values. */
export interface IssueReason {
  code: IssueCode;
  message: string;
  params?: IssueParams;
}

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
  | 'CODE_CASE_CONFLICT'
  | 'STAFF_CATEGORY'
  // review notes on accepted rows
  | 'DUPLICATE_ROW'
  | 'DUPLICATE_MEMBERSHIP'
  | 'NAME_CONFLICT'
  | 'FIELD_CONFLICT'
  | 'ALREADY_ACTIVE';
