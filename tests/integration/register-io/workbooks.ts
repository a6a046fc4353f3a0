// Builders for workbooks and CSV folders the import tests read: real .xlsx files written with
// exceljs (numeric cells, date cells, formulas, rich text, number formats), real CSV files.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ok, testContext, type TestContext } from '../../fixtures/context.js';
import { makeRegister, type TestRegister } from '../../fixtures/builders.js';
import type { ImportReport, RowIssue } from '../../../electron/services/register-io/types.js';

/** A cell value as exceljs takes it, plus an optional number format. */
export type CellSpec = ExcelJS.CellValue | { v: ExcelJS.CellValue; numFmt: string };

export interface SheetSpec {
  name: string;
  rows: (CellSpec[] | null)[]; // null = a blank row
  /** Rows of text above the header (titles). */
}

export async function writeWorkbook(file: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, i) => {
      if (row === null) return;
      row.forEach((spec, j) => {
        const cell = ws.getCell(i + 1, j + 1);
        if (spec !== null && typeof spec === 'object' && 'numFmt' in spec && 'v' in spec) {
          cell.value = spec.v;
          cell.numFmt = spec.numFmt;
        } else {
          cell.value = spec as ExcelJS.CellValue;
        }
      });
    });
  }
  mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

/** A UTC-midnight Date, as Excel date cells are read. */
export const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export function writeCsv(file: string, rows: string[][], opts: { bom?: boolean; eol?: string } = {}): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const text = rows.map((r) => r.map(field).join(',')).join(opts.eol ?? '\r\n') + (opts.eol ?? '\r\n');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, (opts.bom ? '\ufeff' : '') + text, 'utf8');
  return file;
}

export interface Harness extends TestRegister {
  ctx: TestContext;
}

/** A fresh register opened in a real session; the test clock is 2026-11-28. */
export function harness(): Harness {
  const reg = makeRegister();
  const ctx = testContext({ dataDir: reg.dir });
  ctx.session.open(reg.file);
  return { ...reg, ctx };
}

export const preview = (
  h: Harness,
  file: string,
  extra: { strict?: boolean; mapping?: Record<string, Record<string, string | null>> } = {},
) => ok(h.ctx, 'import.preview', { file, ...extra });

export const commit = (
  h: Harness,
  file: string,
  extra: { strict?: boolean; mapping?: Record<string, Record<string, string | null>> } = {},
) => ok(h.ctx, 'import.commit', { file, ...extra });

/** Issues without the English message, for exact comparisons. */
export function brief(
  issues: RowIssue[],
): { sheet: string; row: number; column: string | null; value: string | null; code: string }[] {
  return issues.map((i) => ({ sheet: i.sheet, row: i.row, column: i.column, value: i.value, code: i.reason.code }));
}

export function counts(r: ImportReport): Record<string, ImportReport['totals']> {
  return Object.fromEntries(r.sheets.map((s) => [s.sheet, s.counts]));
}
