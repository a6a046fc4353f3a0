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
const AMPM = `[aApP]\\.?${SP}?[mM]\\.?|\\u092a\\u0942\\u0930\\u094d\\u0935\\u093e\\u0939\\u094d\\u0928|\\u0905\\u092a\\u0930\\u093e\\u0939\\u094d\\u0928`;
// "पूर्वाह्न" (am) and "अपराह्न" (pm, starting with अ), as some Hindi-locale phones print them.
const HINDI_PM_FIRST = 0x0905;

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

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * The one regular expression that recognises a message's first line in files of this shape.
 * Groups: 1 marks before the line, 2 first date number, 3 second, 4 year, 5 hour, 6 minute,
 * 7 seconds ('' when the shape has none), 8 am/pm ('' when 24-hour).
 */
export function headerRegex(s: HeaderShape): RegExp {
  const sep = esc(s.dateSep);
  const ts = esc(s.timeSep);
  const date = `(\\d{1,2})${sep}(\\d{1,2})${sep}(\\d{${s.yearDigits}})${esc(s.afterYear)}`;
  const time = `(\\d{1,2})${ts}(\\d{2})${s.seconds ? `${ts}(\\d{2})` : '()'}${s.ampm ? `${SP}*(${AMPM})` : '()'}`;
  return s.format === 'ios'
    ? new RegExp(`^(${MARKS})\\[${date}${SP}+${time}\\]${SP}`)
    : new RegExp(`^(${MARKS})${date}${SP}+${time}${SP}+-${SP}`);
}

/** Hour 0–23 from a printed hour and its am/pm word ('' for 24-hour clocks); -1 if impossible. */
export function hour24(h: number, ampm: string): number {
  if (ampm === '') return h <= 23 ? h : -1;
  if (h > 12) return -1;
  const first = ampm.charCodeAt(0);
  const pm = first === 0x70 || first === 0x50 || first === HINDI_PM_FIRST;
  if (pm) return h === 12 ? 12 : h + 12;
  return h === 12 ? 0 : h; // "00:08 a. m." (seen in real exports) stays 00:08
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
