// Normalisers shared by the screens' forms and the workbook import: phone numbers, dates,
// gender, free text. Each returns a value or a reason code — never a guess (SPEC §5).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: PhoneReason };
export type PhoneReason = 'empty' | 'excel_destroyed' | 'not_a_number' | 'invalid' | 'not_mobile';

const DEVANAGARI_DIGIT = /[०-९]/g;

/** "९८३५०" → "98350"; Devanagari digits are common in Hindi registers. */
export function latinDigits(s: string): string {
  return s.replace(DEVANAGARI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0966));
}

/**
 * Normalises an Indian mobile number to E.164 (+91XXXXXXXXXX) with libphonenumber's full
 * ("max") metadata, which knows which Indian ranges are mobile.
 *
 * `value` may be text or a number (Excel stores unformatted phone cells as numbers). A number
 * that Excel already rounded into scientific notation (9.19835E+11) has lost digits: that is an
 * error, never a guess.
 */
export function normalisePhone(value: unknown): PhoneResult {
  if (value === null || value === undefined) return { ok: false, reason: 'empty' };
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value)) return { ok: false, reason: 'excel_destroyed' };
    // Integers up to 2^53 are exact; Excel itself keeps 15 significant digits, so a 12-digit
    // 919835012345 survives as a number, while 9.19835E+11 arrives as 919835000000 — caught
    // below only if the displayed text is passed in; callers with the cell text pass that.
    text = String(value);
  } else if (typeof value === 'string') {
    text = value;
  } else {
    return { ok: false, reason: 'not_a_number' };
  }
  text = latinDigits(text.normalize('NFKC')).trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (/^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/.test(text)) return { ok: false, reason: 'excel_destroyed' };
  if (!/^[+(]?[\d\s().\-/]+$/.test(text)) return { ok: false, reason: 'not_a_number' };
  let digits = text.replace(/[^\d+]/g, '');
  if (digits.startsWith('00')) digits = '+' + digits.slice(2);
  // 919835012345 (country code without +) — 12 digits starting 91 is unambiguous for India,
  // whose national mobile numbers are 10 digits starting 6–9.
  if (!digits.startsWith('+') && digits.length === 12 && digits.startsWith('91')) digits = '+' + digits;
  const parsed = parsePhoneNumberFromString(digits, 'IN');
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'not_mobile' };
  return { ok: true, e164: parsed.number };
}

export const PHONE_REASON_TEXT: Record<PhoneReason, string> = {
  empty: 'phone number is empty',
  excel_destroyed:
    'Excel has turned this number into scientific notation and lost digits; type the number again as text',
  not_a_number: 'not a phone number',
  invalid: 'not a valid Indian phone number',
  not_mobile: 'not a mobile number (WhatsApp needs a mobile)',
};

export type DayResult = { ok: true; day: string } | { ok: false; reason: 'invalid_date' };

function validDay(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A calendar day from a JS Date (Excel date cell, read as UTC midnight), `yyyy-mm-dd`,
 * `dd-mm-yyyy` or `dd/mm/yyyy` (Devanagari digits allowed) → `yyyy-mm-dd`.
 */
export function normaliseDay(value: unknown): DayResult {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: 'invalid_date' };
    const day = validDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return day ? { ok: true, day } : { ok: false, reason: 'invalid_date' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'invalid_date' };
  const t = latinDigits(value.normalize('NFKC')).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const day = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return day ? { ok: true, day } : { ok: false, reason: 'invalid_date' };
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) {
    const day = validDay(Number(m[3]), Number(m[2]), Number(m[1]));
    return day ? { ok: true, day } : { ok: false, reason: 'invalid_date' };
  }
  return { ok: false, reason: 'invalid_date' };
}

export type GenderCode = 'F' | 'M' | 'X';
const GENDERS: Record<string, GenderCode> = {
  f: 'F',
  female: 'F',
  woman: 'F',
  w: 'F',
  महिला: 'F',
  स्त्री: 'F',
  म: 'F',
  m: 'M',
  male: 'M',
  man: 'M',
  पुरुष: 'M',
  पु: 'M',
  x: 'X',
  other: 'X',
  transgender: 'X',
  अन्य: 'X',
  ट्रांसजेंडर: 'X',
};

export function normaliseGender(value: unknown): GenderCode | undefined {
  if (typeof value !== 'string') return undefined;
  return GENDERS[value.normalize('NFC').trim().toLowerCase()];
}

/** Trimmed, NFC, inner whitespace collapsed, capped; empty → null. */
export function cleanText(value: unknown, max = 200): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).normalize('NFC').replace(/\s+/g, ' ').trim();
  if (s === '') return null;
  return s.slice(0, max);
}

export const INVITE_LINK = /^https:\/\/chat\.whatsapp\.com\/[A-Za-z0-9]{10,40}$/;
export const CODE = /^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,63}$/;
