// One cell as the readers hand it to validation, whatever the source (xlsx or CSV). Kept small:
// a state register has millions of cells, so plain strings and numbers stay primitives and only
// the rare special cells are objects.

/** An Excel date cell, already turned into a calendar day (`yyyy-mm-dd`). */
export interface DateCell {
  kind: 'date';
  iso: string;
}

/** A number shown in exponent form in Excel (number format `0.00E+00`): its digits are not trusted. */
export interface ScientificCell {
  kind: 'sci';
  value: number;
}

/** A cell that has no usable value: a formula never calculated, an error value (#N/A …). */
export interface BadCell {
  kind: 'bad';
  shown: string;
  /** Reads after the cell's name: "… holds a formula that Excel never calculated". */
  why: string;
  /** Which of the reasons `why` gives, for the clerk's language (renderer: details.BAD_CELL_<whyCode>). */
  whyCode?: BadCellWhy;
}

export type BadCellWhy = 'invalid_date' | 'not_finite' | 'error' | 'formula' | 'unknown';

export type Cell = string | number | boolean | DateCell | ScientificCell | BadCell | null;

export interface RawSheet {
  /** Sheet name in the workbook, or file name in a CSV folder. */
  source: string;
  /** Non-blank rows only. */
  rows: Cell[][];
  /** Excel row number (CSV record number) of each entry in `rows`. */
  rowNumbers: number[];
}

export interface RawSource {
  path: string;
  format: 'xlsx' | 'csv';
  sha256: string;
  files: { name: string; bytes: number; sha256: string }[];
  sheets: RawSheet[];
  /** Parts of the source that were skipped (a hidden chart sheet, a stray .txt file). */
  skipped: { source: string; reason: string }[];
}

/**
 * A copy of `s` that is one flat string of its own. V8 makes a slice of 13 or more characters a
 * view that keeps the string it came from alive, and a concatenation a pair of pointers; a value
 * kept for a whole import (a million names and phones) then costs twice what a flat string does.
 * Shorter slices are copied by V8 itself. JSON's round trip is exact for every string.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? (' ' + s).slice(1) : (JSON.parse(JSON.stringify(s)) as string);
}

/** The cell as the clerk would read it, for reports (capped). */
export function cellShown(c: Cell, cap = 120): string | null {
  let s: string;
  if (c === null) return null;
  if (typeof c === 'string') s = c;
  else if (typeof c === 'number') s = String(c);
  else if (typeof c === 'boolean') s = c ? 'TRUE' : 'FALSE';
  else if (c.kind === 'date') s = c.iso;
  else if (c.kind === 'sci') s = formatExponent(c.value);
  else s = c.shown;
  return s.length > cap ? s.slice(0, cap) + '…' : s;
}

/** 919835012345 → "9.19835E+11", the way Excel's General format shows it. */
export function formatExponent(v: number): string {
  if (!Number.isFinite(v) || v === 0) return String(v);
  const [m, e] = v.toExponential(5).split('e');
  const mantissa = (m ?? '').replace(/\.?0+$/, '');
  const exp = Number(e);
  return `${mantissa}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

export function isBlank(c: Cell): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}

const DEVANAGARI_ZERO = 0x0966;
/** Devanagari digits (०–९) → ASCII digits; other characters unchanged. */
export function asciiDigits(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= DEVANAGARI_ZERO && code <= DEVANAGARI_ZERO + 9) {
      out += String.fromCharCode(48 + code - DEVANAGARI_ZERO);
      changed = true;
    } else out += s[i];
  }
  return changed ? out : s;
}

/** Characters that make a spreadsheet treat a cell as a formula (or as a formula's start). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Formula-injection guard for exported cells (SPEC §5): a value that a spreadsheet would read as a
 * formula gets a leading apostrophe. Values that already begin with an apostrophe get one too, so
 * that `unguardFormula` can undo exactly one level and every value round-trips.
 */
export function guardFormula(s: string): string {
  return FORMULA_START.test(s) || s.startsWith("'") ? "'" + s : s;
}

/** Undoes `guardFormula`: `'=x` → `=x`, `''x` → `'x`; other text (e.g. `'abc`) is left alone. */
export function unguardFormula(s: string): string {
  if (s.length >= 2 && s[0] === "'" && (FORMULA_START.test(s.slice(1)) || s[1] === "'")) return s.slice(1);
  return s;
}

// Whitespace of every kind (NBSP, line breaks in a cell …) becomes one space; invisible characters
// that break matching (zero-width space, BOM, soft hyphen, controls) are dropped. ZWJ/ZWNJ stay:
// they change how some Devanagari conjuncts render.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b\u2060\ufeff]/g;
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Clean text as stored: formula guard undone, invisible characters removed, NFC, spaces collapsed. */
// Printable ASCII with single inner spaces, not starting with a quote: already clean. Most cells
// of a register are like this, and skipping five string passes for them matters at 2,60,000 rows.
const ALREADY_CLEAN = /^[\x21\x23-\x26\x28-\x7e](?:[\x21-\x7e]| (?! ))*$/;

export function cleanText(s: string): string {
  if (ALREADY_CLEAN.test(s) && s.charCodeAt(s.length - 1) !== 32) return s;
  return unguardFormula(s.trim()).replace(INVISIBLE, '').replace(SPACES, ' ').trim().normalize('NFC');
}
