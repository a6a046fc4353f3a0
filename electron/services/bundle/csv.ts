// CSV files in a bundle (units.csv, groups.csv, staff-coverage.csv, members.csv). They are
// opened in Excel at HQ, so: UTF-8 with a BOM (Excel otherwise misreads Hindi), CRLF rows,
// RFC 4180 quoting, and text cells that Excel would run as a formula neutralised (SPEC §5).

export type CsvValue = string | number | boolean | null | undefined;

/** A leading apostrophe makes Excel and LibreOffice show the text instead of evaluating it. */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

// Character tests instead of regular expressions: members.csv has millions of cells.
function startsLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64 /* @ */ || c === 9 || c === 13;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  // Numbers are written by us (counts, shares), never taken from input: no neutralising.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v.length === 0) return '';
  const text = startsLikeFormula(v) ? `'${v}` : v;
  // Leading/trailing spaces are quoted so that spreadsheet tools keep them.
  return NEEDS_QUOTES.test(text) || isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1))
    ? `"${text.replace(/"/g, '""')}"`
    : text;
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
