// The timestamp at the start of every WhatsApp line, in all the shapes phones print it:
//   Android  "29/01/18, 12:24 - "      "1/29/18, 9:05 pm - "     "06/20/2020, 00:08 a. m. - "
//   iOS      "[20.06.19, 15:58:47] "   "[1/29/18, 9:05:11 PM] "
// with `/`, `.` or `-` between day, month and year; 2- or 4-digit years; 12 or 24 hours;
// am/pm, AM/PM, a. m./p. m. (U+00A0/U+202F spaces too); bidi marks before the line.
//
// The shape of the first timestamp in a file (brackets, separator, year length, seconds, am/pm,
// the comma) is the shape of every line that starts a message: an export comes from one phone
// with one locale. A continuation line that happens to start with a date in another shape
// ("25.12.2021 meeting", "12/03/21 10:00 - …" in a file of "[12/03/21, 10:00:00] …") stays part
// of its message. Day/month order is decided later, from the whole file.
import type { ChatFormat, LocalTime } from './types.js';

const SP = '[ \\u00a0\\u202f]';
const MARKS = '[\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]*';
// am/pm words; also "पूर्वाह्न" (am) and "अपराह्न" (pm), as some Hindi-locale phones print them.
const AMPM = `[aApP]\\.?${SP}?[mM]\\.?|\\u092a\\u0942\\u0930\\u094d\\u0935\\u093e\\u0939\\u094d\\u0928|\\u0905\\u092a\\u0930\\u093e\\u0939\\u094d\\u0928`;

export interface HeaderShape {
  format: ChatFormat;
  dateSep: string;
  yearDigits: 2 | 4;
  /** What follows the year before the time: "," (most), "" or ".,". */
  afterYear: string;
  timeSep: ':' | '.';
  seconds: boolean;
  ampm: boolean;
}

const ANY_HEADER = new RegExp(
  `^${MARKS}(\\[?)(\\d{1,2})([/.\\-])(\\d{1,2})\\3(\\d{4}|\\d{2})(\\.?,?)${SP}+(\\d{1,2})([:.])(\\d{2})(?:\\8(\\d{2}))?(?:${SP}*(${AMPM}))?(\\]${SP}|${SP}+-${SP})`,
);

/** The shape of a line's timestamp, or null when the line does not start with one. */
export function headerShape(line: string): HeaderShape | null {
  const m = ANY_HEADER.exec(line);
  if (!m) return null;
  const ios = m[1] === '[';
  if (ios !== m[12]!.startsWith(']')) return null;
  return {
    format: ios ? 'ios' : 'android',
    dateSep: m[3]!,
    yearDigits: m[5]!.length === 4 ? 4 : 2,
    afterYear: m[6]!,
    timeSep: m[8] as ':' | '.',
    seconds: m[10] !== undefined,
    ampm: m[11] !== undefined,
  };
}

// ---- The per-line scanner. Every line of an export goes through it, so it reads characters
// instead of running a regular expression with captures (the benchmark's floor is one plain
// regular expression test per line, and the whole read must stay within 3× of it).

/** Where scanHeader puts what it read. */
export const F_A = 1; // first date number
export const F_B = 2; // second date number
export const F_Y = 3; // year, 4 digits
export const F_H = 4; // hour, 0–23
export const F_MI = 5;
export const F_S = 6;

const isSpace = (c: number) => c === 0x20 || c === 0xa0 || c === 0x202f;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isMarkCode = (c: number) =>
  c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
const HINDI_AM_WORD = '\u092a\u0942\u0930\u094d\u0935\u093e\u0939\u094d\u0928';
const HINDI_PM_WORD = '\u0905\u092a\u0930\u093e\u0939\u094d\u0928';

/**
 * Reads a timestamp of shape `s` at `text[from]`, the start of a line. Returns the index where
 * the text after it starts ("Name: …" or WhatsApp's words), or -1 when the line does not start
 * a message. The numbers go into `f` (F_* slots); the hour is already on the 24-hour clock.
 * The line's end needs no bound: CR, LF and the end of the text match nothing a timestamp holds.
 */
export function scanHeader(line: string, from: number, s: HeaderShape, f: Int32Array): number {
  let i = from;
  let c = line.charCodeAt(i);
  while (isMarkCode(c)) c = line.charCodeAt(++i);
  if (s.format === 'ios') {
    if (c !== 0x5b) return -1;
    c = line.charCodeAt(++i);
  }
  // Day or month: 1–2 digits.
  if (!isDigit(c)) return -1;
  let n = c - 48;
  c = line.charCodeAt(++i);
  if (isDigit(c)) {
    n = n * 10 + c - 48;
    c = line.charCodeAt(++i);
  }
  f[F_A] = n;
  const sep = s.dateSep.charCodeAt(0);
  if (c !== sep) return -1;
  c = line.charCodeAt(++i);
  if (!isDigit(c)) return -1;
  n = c - 48;
  c = line.charCodeAt(++i);
  if (isDigit(c)) {
    n = n * 10 + c - 48;
    c = line.charCodeAt(++i);
  }
  f[F_B] = n;
  if (c !== sep) return -1;
  // Year: exactly the shape's digits.
  n = 0;
  for (let k = 0; k < s.yearDigits; k++) {
    c = line.charCodeAt(++i);
    if (!isDigit(c)) return -1;
    n = n * 10 + c - 48;
  }
  f[F_Y] = s.yearDigits === 2 ? 2000 + n : n;
  c = line.charCodeAt(++i);
  if (isDigit(c)) return -1;
  for (let k = 0; k < s.afterYear.length; k++) {
    if (c !== s.afterYear.charCodeAt(k)) return -1;
    c = line.charCodeAt(++i);
  }
  if (!isSpace(c)) return -1;
  while (isSpace(c)) c = line.charCodeAt(++i);
  // Hour: 1–2 digits; minutes and seconds: 2.
  if (!isDigit(c)) return -1;
  let h = c - 48;
  c = line.charCodeAt(++i);
  if (isDigit(c)) {
    h = h * 10 + c - 48;
    c = line.charCodeAt(++i);
  }
  const ts = s.timeSep.charCodeAt(0);
  if (c !== ts) return -1;
  const m1 = line.charCodeAt(++i);
  const m2 = line.charCodeAt(++i);
  if (!isDigit(m1) || !isDigit(m2)) return -1;
  const mi = (m1 - 48) * 10 + m2 - 48;
  c = line.charCodeAt(++i);
  let sec = 0;
  if (s.seconds) {
    if (c !== ts) return -1;
    const s1 = line.charCodeAt(++i);
    const s2 = line.charCodeAt(++i);
    if (!isDigit(s1) || !isDigit(s2)) return -1;
    sec = (s1 - 48) * 10 + s2 - 48;
    c = line.charCodeAt(++i);
  }
  if (isDigit(c) || mi > 59 || sec > 59) return -1;
  if (s.ampm) {
    while (isSpace(c)) c = line.charCodeAt(++i);
    let pm: boolean;
    if (c === 0x61 || c === 0x41 || c === 0x70 || c === 0x50) {
      // am, AM, a.m., a. m. (and p…)
      pm = c === 0x70 || c === 0x50;
      c = line.charCodeAt(++i);
      if (c === 0x2e) c = line.charCodeAt(++i);
      if (isSpace(c)) c = line.charCodeAt(++i);
      if (c !== 0x6d && c !== 0x4d) return -1;
      c = line.charCodeAt(++i);
      if (c === 0x2e) c = line.charCodeAt(++i);
    } else if (line.startsWith(HINDI_AM_WORD, i)) {
      pm = false;
      i += HINDI_AM_WORD.length;
      c = line.charCodeAt(i);
    } else if (line.startsWith(HINDI_PM_WORD, i)) {
      pm = true;
      i += HINDI_PM_WORD.length;
      c = line.charCodeAt(i);
    } else return -1;
    if (h > 12) return -1;
    h = pm ? (h === 12 ? 12 : h + 12) : h === 12 ? 0 : h; // "00:08 a. m." (real exports) stays 00:08
  } else if (h > 23) return -1;
  f[F_H] = h;
  f[F_MI] = mi;
  f[F_S] = sec;
  if (s.format === 'ios') {
    if (c !== 0x5d) return -1;
    c = line.charCodeAt(++i);
    if (!isSpace(c)) return -1;
    return i + 1;
  }
  if (!isSpace(c)) return -1;
  while (isSpace(c)) c = line.charCodeAt(++i);
  if (c !== 0x2d) return -1;
  c = line.charCodeAt(++i);
  if (!isSpace(c)) return -1;
  return i + 1;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(month: number, year: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS[month - 1]!;
}

export function isDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/** One number per minute/second that sorts like the time it stands for (exact in a double). */
export function timeKey(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  return ((((y * 13 + mo) * 32 + d) * 24 + h) * 60 + mi) * 60 + s;
}

const two = (n: number) => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DDTHH:MM[:SS]` from a timeKey. */
export function localTime(key: number, seconds: boolean): LocalTime {
  let k = key;
  const s = k % 60;
  k = (k - s) / 60;
  const mi = k % 60;
  k = (k - mi) / 60;
  const h = k % 24;
  k = (k - h) / 24;
  const d = k % 32;
  k = (k - d) / 32;
  const mo = k % 13;
  const y = (k - mo) / 13;
  return `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}${seconds ? ':' + two(s) : ''}`;
}
