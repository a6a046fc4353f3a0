// The register workbook's fields per sheet (SPEC §5) as the mapping step offers them, and the
// rules the step checks before asking the backend: every required field has a column, no field
// is chosen twice. The lists are the contract's own (electron/contract/sheets.ts): one copy.
import { REQUIRED_FIELDS, SHEET_FIELDS, type SheetName } from '../../../electron/contract/sheets.js';
import type { ImportReport, SheetMapping, WorkbookMapping } from '../../../electron/services/register-io/types.js';

export type { ImportReport, SheetMapping, SheetName, WorkbookMapping };
export type SheetReport = ImportReport['sheets'][number];
export type RowIssue = ImportReport['rejected'][number];

/** The fields of each sheet, in the order the mapping step offers them (contract/sheets.ts). */
export const FIELDS = SHEET_FIELDS;

export type FieldName = (typeof SHEET_FIELDS)[SheetName][number];

export function isRequired(sheet: SheetName, field: string): boolean {
  return (REQUIRED_FIELDS[sheet] as readonly string[]).includes(field);
}

/** The mapping the backend used for each sheet (alias table, remembered or earlier choice). */
export function mappingFromReport(report: ImportReport): WorkbookMapping {
  const out: WorkbookMapping = {};
  for (const s of report.sheets) {
    const m: SheetMapping = {};
    for (const c of s.columns) m[c.header] = c.field;
    out[s.sheet] = m;
  }
  return out;
}

/** Sheets whose mapping the clerk changed, compared with what the backend chose. */
export function changedSheets(report: ImportReport, mapping: WorkbookMapping): SheetName[] {
  const base = mappingFromReport(report);
  return report.sheets
    .map((s) => s.sheet)
    .filter((sheet) => {
      const a = base[sheet] ?? {};
      const b = mapping[sheet] ?? {};
      return Object.keys({ ...a, ...b }).some((h) => (a[h] ?? null) !== (b[h] ?? null));
    });
}

export interface MappingProblems {
  /** Required fields with no column. */
  missing: FieldName[];
  /** Fields chosen for more than one column. */
  duplicates: FieldName[];
}

export function mappingProblems(sheet: SheetName, mapping: SheetMapping | undefined): MappingProblems {
  const chosen = Object.values(mapping ?? {}).filter((f): f is string => !!f);
  const seen = new Set<string>();
  const duplicates = new Set<FieldName>();
  for (const f of chosen) {
    if (seen.has(f)) duplicates.add(f as FieldName);
    seen.add(f);
  }
  const missing: FieldName[] = REQUIRED_FIELDS[sheet].filter((f) => !seen.has(f));
  // A member row is a citizen (name + phone) or a staff member (service number).
  if (sheet === 'members' && !seen.has('service_no')) {
    for (const f of ['name', 'phone'] as const) if (!seen.has(f)) missing.push(f);
  }
  return { missing, duplicates: [...duplicates] };
}

/**
 * One field chosen for two columns is surely a slip, so it stops the step. A missing required
 * column does not: the preview then shows exactly which rows that rejects.
 */
export function hasBlockingProblems(report: ImportReport, mapping: WorkbookMapping): boolean {
  return report.sheets.some((s) => mappingProblems(s.sheet, mapping[s.sheet]).duplicates.length > 0);
}
