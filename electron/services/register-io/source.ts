// Opening what the clerk chose: an .xlsx workbook, a folder of CSV files (units.csv, groups.csv,
// staff.csv, members.csv), or one CSV file. Files are read into memory once, hashed (the audit
// entry names the SHA-256 of exactly the bytes imported) and parsed from that same buffer.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError, reasonError, reasonOf, type ErrorReason, type ReasonParams } from '../../contract/errors.js';
import type { Cell, RawSheet, RawSource } from '../../contract/values/cells.js';
import { readRegularFile } from '../file-input/regular-file.js';
import { CsvError, MAX_FIELDS_PER_RECORD, parseCsv } from './csv.js';
import { readXlsx, XLSX_LIMITS, XlsxError } from './xlsx-read.js';

export const CSV_MAX_BYTES = 200 * 1024 * 1024;
const CSV_EXT = /\.(csv|tsv|txt)$/i;

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function badFile(file: string, why: string, reason: ErrorReason, params: ReasonParams = {}): AppError {
  const name = path.basename(file);
  return reasonError('BAD_FILE', reason, `${name} cannot be imported: ${why}.`, { file: name, ...params }, { file });
}

/** Bytes → text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
export function decodeText(buf: Buffer, file: string): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return decodeUtf8(buf.subarray(3), file);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  return decodeUtf8(buf, file);
}

function decodeUtf8(buf: Buffer, file: string): string {
  if (buf.includes(0)) throw badFile(file, 'it is not a text file (it contains binary data)', 'csv_binary');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw badFile(
      file,
      'it is not UTF-8 text. In Excel use Save As → "CSV UTF-8 (Comma delimited)"; the plain "CSV" type cannot hold Hindi',
      'csv_not_utf8',
    );
  }
}

/** One CSV file's text → a raw sheet (blank records dropped, record numbers kept). */
export function csvSheet(text: string, source: string, file: string): RawSheet {
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  try {
    parseCsv(text, (fields, recordNo) => {
      let any = false;
      for (const f of fields) {
        if (f.trim() !== '') {
          any = true;
          break;
        }
      }
      if (!any) return;
      rows.push(fields);
      rowNumbers.push(recordNo);
    });
  } catch (err) {
    if (err instanceof CsvError) {
      throw err.kind === 'too_many_fields'
        ? badFile(file, err.message, 'csv_too_many_fields', { record: err.record, limit: MAX_FIELDS_PER_RECORD })
        : badFile(file, err.message, 'csv_unclosed_quote', { record: err.record });
    }
    throw err;
  }
  return { source, rows, rowNumbers };
}

/** The shared guard: regular files only (no FIFO, device, folder), size checked before reading. */
function readFileCapped(file: string, max: number, what: string): Buffer {
  try {
    return readRegularFile(file, { maxBytes: max, what });
  } catch (err) {
    const r = err instanceof AppError ? reasonOf(err.details) : undefined;
    if (err instanceof AppError && r) {
      throw reasonError(
        'BAD_FILE',
        r.reason,
        `${path.basename(file)} cannot be imported: ${err.message}`,
        r.params,
        err.details as Record<string, unknown>,
      );
    }
    throw err;
  }
}

/**
 * Refuses a source whose bytes are not the ones the clerk previewed (checked before parsing, so
 * the answer is "it changed", not whatever is wrong with the new content).
 */
function checkExpected(file: string, actual: string, expected: string | undefined): void {
  if (expected && expected.toLowerCase() !== actual) {
    throw reasonError(
      'CONFLICT',
      'import_file_changed',
      `${path.basename(file)} changed after the preview; preview it again before importing.`,
      { file: path.basename(file) },
      { expected, actual },
    );
  }
}

/** Reads the source into raw sheets. Throws AppError('BAD_FILE') for anything unreadable. */
export async function readSource(input: string, expectSha256?: string): Promise<RawSource> {
  const file = path.resolve(input);
  let st;
  try {
    st = statSync(file);
  } catch {
    throw reasonError(
      'BAD_FILE',
      'file_not_found',
      `${input} does not exist or cannot be read.`,
      { file: path.basename(file) },
      { file },
    );
  }
  if (st.isDirectory()) return readCsvFolder(file, expectSha256);
  if (CSV_EXT.test(file)) {
    const buf = readFileCapped(file, CSV_MAX_BYTES, 'CSV file');
    const hash = sha256(buf);
    checkExpected(file, hash, expectSha256);
    const name = path.basename(file);
    return {
      path: file,
      format: 'csv',
      sha256: hash,
      files: [{ name, bytes: buf.length, sha256: hash }],
      sheets: [csvSheet(decodeText(buf, file), name, file)],
      skipped: [],
    };
  }
  const buf = readFileCapped(file, XLSX_LIMITS.fileBytes, 'workbook (.xlsx)');
  const hash = sha256(buf);
  checkExpected(file, hash, expectSha256);
  try {
    const { sheets, skipped } = await readXlsx(buf);
    return {
      path: file,
      format: 'xlsx',
      sha256: hash,
      files: [{ name: path.basename(file), bytes: buf.length, sha256: hash }],
      sheets,
      skipped,
    };
  } catch (err) {
    if (err instanceof XlsxError) throw badFile(file, err.message, err.reason, err.params);
    throw badFile(file, `unexpected problem reading it (${(err as Error)?.message ?? String(err)})`, 'xlsx_damaged');
  }
}

function readCsvFolder(dir: string, expectSha256: string | undefined): RawSource {
  const names = readdirSync(dir).sort();
  const files: RawSource['files'] = [];
  const buffers: { name: string; full: string; buf: Buffer }[] = [];
  const skipped: RawSource['skipped'] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    const st = lstatSync(full);
    if (st.isSymbolicLink()) {
      skipped.push({ source: name, reason: 'a link, not a file; links are not followed' });
      continue;
    }
    if (!st.isFile()) continue;
    if (!CSV_EXT.test(name)) {
      if (!name.startsWith('.')) skipped.push({ source: name, reason: 'not a .csv file' });
      continue;
    }
    const buf = readFileCapped(full, CSV_MAX_BYTES, 'CSV file');
    files.push({ name, bytes: buf.length, sha256: sha256(buf) });
    buffers.push({ name, full, buf });
  }
  if (files.length === 0) {
    throw badFile(
      dir,
      'the folder has no .csv files (expected units.csv, groups.csv, staff.csv, members.csv)',
      'import_folder_no_csv',
    );
  }
  // The folder's fingerprint: each file's name and hash, in name order.
  const hash = sha256(files.map((f) => `${f.name}\t${f.sha256}\n`).join(''));
  checkExpected(dir, hash, expectSha256);
  const sheets = buffers.map((b) => csvSheet(decodeText(b.buf, b.full), b.name, b.full));
  return { path: dir, format: 'csv', sha256: hash, files, sheets, skipped };
}
