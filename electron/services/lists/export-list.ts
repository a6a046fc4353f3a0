// A screen's list written to a file (issue #11): exactly the rows the clerk sees, as CSV (UTF-8
// with BOM, so Excel on Windows reads Hindi) or as an .xlsx with the list on its first sheet and
// an "About" sheet naming the district, the filters and when it was made (India time).
//
// Formula-safe: a text cell that begins with = + - @ (or tab/CR, or an apostrophe) gets a leading
// apostrophe (`guardFormula`), so Excel shows it as text and never runs it. The one exception is
// a phone column in .xlsx: a value that is only `+`, digits and spaces cannot carry a formula and
// is written as a text cell in a Text-formatted column, so the clerk reads +91 98350 12345 and
// Excel never turns it into 9.19835E+11. In CSV, which has no cell types, phones are guarded too.
//
// Written to a temporary file beside the target and renamed, so a failure leaves no half file.
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CallInput } from '../../contract/calls/index.js';
import { formatDateTime } from '../../contract/dates.js';
import { AppError, reasonError } from '../../contract/errors.js';
import { guardFormula } from '../../contract/values/cells.js';
import { UTF8_BOM, csvLine } from '../register-io/csv.js';

export type ListExportArgs = CallInput<'lists.export'>;
type Cell = ListExportArgs['rows'][number][number];
type Column = ListExportArgs['columns'][number];

export interface ListExportResult {
  file: string;
  format: 'csv' | 'xlsx';
  rows: number;
  bytes: number;
}

const SAFE_PHONE = /^\+?[0-9 ]{4,24}$/;

/** The text a cell is written as, neutralised against formulas. */
export function safeText(v: Cell, col: Column, format: 'csv' | 'xlsx'): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (format === 'xlsx' && col.kind === 'phone' && SAFE_PHONE.test(v)) return v;
  return guardFormula(v);
}

function targetOf(file: string): { file: string; format: 'csv' | 'xlsx' } {
  const abs = path.resolve(file);
  const format = /\.xlsx$/i.test(abs) ? 'xlsx' : 'csv';
  let st;
  try {
    st = statSync(path.dirname(abs));
  } catch {
    throw reasonError(
      'BAD_INPUT',
      'folder_missing',
      `The folder ${path.dirname(abs)} does not exist.`,
      { folder: path.dirname(abs) },
      { field: 'file' },
    );
  }
  if (!st.isDirectory()) {
    throw reasonError(
      'BAD_INPUT',
      'not_a_folder',
      `${path.dirname(abs)} is not a folder.`,
      { folder: path.dirname(abs) },
      {
        field: 'file',
      },
    );
  }
  try {
    if (statSync(abs).isDirectory()) {
      throw reasonError(
        'BAD_INPUT',
        'path_is_folder',
        `${abs} is a folder.`,
        { file: path.basename(abs) },
        { field: 'file' },
      );
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
  }
  return { file: abs, format };
}

/** An Excel sheet name: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  const s = title
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31);
  return s || 'List';
}

export async function exportList(a: ListExportArgs, now: Date): Promise<ListExportResult> {
  const { file, format } = targetOf(a.file);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    if (format === 'csv') {
      let text = UTF8_BOM + csvLine(a.columns.map((c) => guardFormula(c.header)));
      for (const r of a.rows) text += csvLine(r.map((v, i) => safeText(v, a.columns[i]!, 'csv')));
      writeFileSync(tmp, text, 'utf8');
    } else {
      await writeXlsx(tmp, a, now);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    if (err instanceof AppError) throw err;
    throw reasonError(
      'BAD_INPUT',
      'write_failed',
      `Cannot write ${file}: ${(err as Error).message}`,
      { target: path.basename(file) },
      { field: 'file' },
    );
  }
  return { file, format, rows: a.rows.length, bytes: statSync(file).size };
}

async function writeXlsx(tmp: string, a: ListExportArgs, now: Date): Promise<void> {
  const excel = (await import('exceljs')).default;
  mkdirSync(path.dirname(tmp), { recursive: true });
  const wb = new excel.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  wb.creator = 'Samooh';
  const ws = wb.addWorksheet(sheetName(a.title), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = a.columns.map((c, i) => ({
    header: guardFormula(c.header),
    key: `c${i}`,
    width: Math.min(
      48,
      Math.max(10, c.header.length + 2, ...a.rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2)),
    ),
    style: c.kind === 'number' ? {} : { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of a.rows) {
    ws.addRow(
      r.map((v, i) => (v === null ? null : typeof v === 'number' ? v : safeText(v, a.columns[i]!, 'xlsx'))),
    ).commit();
  }
  ws.commit();
  const about = wb.addWorksheet('About');
  about.columns = [
    { header: 'Samooh', key: 'k', width: 24 },
    { header: '', key: 'v', width: 60 },
  ];
  for (const [k, v] of [
    ['List / सूची', a.title],
    ['District / ज़िला', a.district],
    ['Filters / फ़िल्टर', a.filters],
    ['Rows / पंक्तियाँ', String(a.rows.length)],
    ['Made (India time) / तैयार', formatDateTime(now)],
  ] as const) {
    about.addRow([k, guardFormula(v)]).commit();
  }
  about.commit();
  await wb.commit();
}
