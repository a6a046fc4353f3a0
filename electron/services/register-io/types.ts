// The register workbook's shape (SPEC §5) and the import report the clerk sees. These types cross
// to the renderer (type-only imports), so they hold plain JSON data.

import type { IssueReason, SheetName } from '../../contract/sheets.js';

export { SHEETS, SHEET_FIELDS } from '../../contract/sheets.js';
export type { AnyField, FieldOf, IssueCode, IssueParams, IssueReason, SheetName } from '../../contract/sheets.js';

/** A mapping a clerk chose by hand: header text → field, or null to ignore the column. */
export type SheetMapping = Record<string, string | null>;
export type WorkbookMapping = Partial<Record<SheetName, SheetMapping>>;

export interface RowIssue {
  sheet: SheetName | string;
  /** 1-based row number as Excel shows it (CSV: record number, header = 1). 0 = the whole sheet. */
  row: number;
  /** The column's header text as in the file, or the field name; null for whole-row issues. */
  column: string | null;
  /** The cell as read (text), capped; null when there is no single value. */
  value: string | null;
  reason: IssueReason;
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
