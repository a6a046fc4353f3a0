// A small RFC 4180 CSV reader and writer (no dependency). Reading is forgiving where Excel and
// LibreOffice are (LF or CRLF or CR line ends, a stray quote inside an unquoted field, text after
// a closing quote, `;` or tab as the separator in some locales) and strict where guessing would
// corrupt data: an opened quote that never closes is an error, not "the rest of the file".

export class CsvError extends Error {
  constructor(
    message: string,
    readonly record: number,
    readonly kind: 'unclosed_quote' | 'too_many_fields' = 'unclosed_quote',
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

export const MAX_FIELDS_PER_RECORD = 1024;

/** The separator used in the first record (outside quotes): comma, semicolon or tab. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let quoted = false;
  const end = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      if (c === '\n' || c === '\r') break;
      if (c === ',') comma++;
      else if (c === ';') semi++;
      else if (c === '\t') tab++;
    }
  }
  if (tab > comma && tab > semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

/**
 * Parses CSV text into records of fields. `onRecord` receives each record with its 1-based
 * record number (what Excel shows as the row number when it opens the file).
 */
export function parseCsv(
  text: string,
  onRecord: (fields: string[], recordNo: number) => void,
  delimiter?: string,
): void {
  const sep = (delimiter ?? detectDelimiter(text)).charCodeAt(0);
  const n = text.length;
  let i = 0;
  let recordNo = 0;
  while (i < n) {
    recordNo++;
    const fields: string[] = [];
    // One record.
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the next lone quote; "" is a literal quote.
        let j = i + 1;
        let buf = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            throw new CsvError(`record ${recordNo}: a quoted field opens here and never closes`, recordNo);
          }
          buf += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            buf += '"';
            j = q + 2;
            continue;
          }
          j = q + 1;
          break;
        }
        // Anything between the closing quote and the separator is kept (as spreadsheets do).
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === sep || c === CR || c === LF) break;
          k++;
        }
        value = k > j ? buf + text.slice(j, k) : buf;
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === sep || c === CR || c === LF) break;
          k++;
        }
        value = text.slice(i, k);
        i = k;
      }
      fields.push(value);
      if (fields.length > MAX_FIELDS_PER_RECORD) {
        throw new CsvError(
          `record ${recordNo}: more than ${MAX_FIELDS_PER_RECORD} fields`,
          recordNo,
          'too_many_fields',
        );
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === sep) {
        i++;
        // A separator at the very end of the text still ends an (empty) last field.
        if (i >= n) {
          fields.push('');
          break;
        }
        continue;
      }
      // Line end: CRLF, LF or a lone CR.
      if (c === CR && text.charCodeAt(i + 1) === LF) i += 2;
      else i++;
      break;
    }
    onRecord(fields, recordNo);
  }
}

/** One field, quoted when it holds a separator, a quote or a line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** One CSV line with CRLF (RFC 4180; what Excel writes). */
export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** UTF-8 byte order mark: without it, Excel on Windows reads Hindi text as mojibake. */
export const UTF8_BOM = '\ufeff';
