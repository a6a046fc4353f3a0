// The list of rows to fix, as a CSV file the clerk opens in Excel next to the workbook. Built
// in the page from the import report (which already holds every rejected row), so it needs no
// extra backend call. Cells that Excel would run as a formula are neutralised, as in the
// register export (SPEC §5), since values come from a file that may be hostile.
import type { RowIssue } from './sheet-fields.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM and CRLF line ends, so Excel on Windows shows Hindi text correctly. */
export function rejectedCsv(issues: readonly RowIssue[], reasonText: (issue: RowIssue) => string): string {
  const lines = [['sheet', 'row', 'column', 'value', 'reason_code', 'reason'].join(',')];
  for (const x of issues) {
    lines.push(
      [x.sheet, x.row, x.column, x.value, x.reason.code, reasonText(x)].map((v) => csvCell(v ?? null)).join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Hands the text to the browser as a download (Electron shows its save dialog for it). */
export function downloadText(text: string, fileName: string, doc: Document = document): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
