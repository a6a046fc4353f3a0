// CSV files in a bundle (units.csv, groups.csv, staff-coverage.csv, members.csv). They are
// opened in Excel at HQ, so: UTF-8 with a BOM (Excel otherwise misreads Hindi), CRLF rows,
// RFC 4180 quoting, and text cells that Excel would run as a formula neutralised (SPEC §5).

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A leading apostrophe makes Excel and LibreOffice show the text instead of evaluating it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  // Numbers are written by us (counts, shares), never taken from input: no neutralising.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const text = neutraliseFormula(v);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** A whole CSV file as bytes. */
export function csvFile(header: readonly string[], rows: Iterable<readonly CsvValue[]>): Buffer {
  const parts: string[] = ['\uFEFF', csvRow(header)];
  for (const r of rows) parts.push(csvRow(r));
  return Buffer.from(parts.join(''), 'utf8');
}
