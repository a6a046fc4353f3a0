// Phone numbers to E.164 (SPEC §3, §5) with libphonenumber-js and its *max* metadata (the only
// metadata that knows mobile from fixed-line ranges), India as the default country, mobile
// numbers only.
//
// Speed: the library's full parse costs ~20 µs a number (it rebuilds regular expressions on every
// call), which alone would be seconds for a state register of 2,60,000 members. Almost every
// number in a register is an Indian number written as 10 digits with an optional 0 / 91 / +91 /
// 0091 prefix, so those shapes are checked against the library's own Indian patterns (general
// and mobile), compiled once. That fast path only ever ACCEPTS; anything it does not accept goes
// through the library's full parser, which gives the verdict. A test compares both paths on
// random numbers in every shape.
import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { BadCell, Cell } from './cells.js';
import { asciiDigits, formatExponent, ownCopy } from './cells.js';

export type PhoneResult =
  | { ok: true; e164: string }
  | {
      ok: false;
      code: 'BAD_PHONE' | 'PHONE_DESTROYED' | 'PHONE_NOT_MOBILE';
      message: string;
      /** The situation (`variant`) and values the message names, for the renderer's wording. */
      params: Record<string, string | number>;
    };

type PhoneFailure = Extract<PhoneResult, { ok: false }>;

/** A number that is not a phone number; `variant` names which of the messages it is. */
const badPhone = (variant: string, message: string): PhoneFailure => ({
  ok: false,
  code: 'BAD_PHONE',
  message,
  params: { variant },
});

/** A cell with no usable value, as a phone number. */
const badCellPhone = (c: BadCell): PhoneFailure => ({
  ok: false,
  code: 'BAD_PHONE',
  message: c.why,
  params: { variant: `cell_${c.whyCode ?? 'unknown'}`, shown: c.shown },
});

// The parts of libphonenumber-js's Metadata class this module reads. They are public methods of
// the class in the library's source, but its .d.ts declares only a few of them.
interface PlanInternals {
  nationalNumberPattern(): string;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

function indianPatterns(): { general: RegExp; mobile: RegExp } | null {
  try {
    const m = new Metadata();
    m.selectNumberingPlan('IN');
    const plan = m.numberingPlan as unknown as PlanInternals | undefined;
    const mobileType = plan?.type('MOBILE');
    const general = plan?.nationalNumberPattern();
    if (!plan || !mobileType || !general || !mobileType.pattern()) return null;
    const lengths = mobileType.possibleLengths();
    // The fast path assumes 10-digit Indian mobile numbers; if metadata ever says otherwise, use
    // the full parser for everything.
    if (lengths && (lengths.length !== 1 || lengths[0] !== 10)) return null;
    return { general: new RegExp(`^(?:${general})$`), mobile: new RegExp(`^(?:${mobileType.pattern()})$`) };
  } catch {
    return null;
  }
}

const IN = indianPatterns();

/** The 10-digit national number from the common Indian shapes, or null. `digits` has only 0-9. */
function indianNational(digits: string, hadPlus: boolean): string | null {
  const len = digits.length;
  if (hadPlus) {
    if (len === 12 && digits.startsWith('91')) return digits.slice(2);
    return null;
  }
  if (len === 10) return digits;
  if (len === 11 && digits[0] === '0') return digits.slice(1);
  if (len === 12 && digits.startsWith('91')) return digits.slice(2);
  if (len === 14 && digits.startsWith('0091')) return digits.slice(4);
  return null;
}

/** The fast path alone (exported for the test that compares it with the library). */
export function fastIndianMobile(text: string): string | null {
  if (!IN) return null;
  const t = text.trim();
  const hadPlus = t.startsWith('+');
  // Only spaces, hyphens, dots and brackets may separate digit groups in the fast path.
  if (!/^\+?[0-9 ()\-.]+$/.test(t)) return null;
  const national = indianNational(t.replace(/[^0-9]/g, ''), hadPlus);
  if (national === null) return null;
  // A flat copy: the phone is kept for the whole import, once per row.
  return IN.general.test(national) && IN.mobile.test(national) ? ownCopy('+91' + national) : null;
}

/** The library's full verdict on a text. */
export function libraryMobile(text: string): PhoneResult {
  const p = parsePhoneNumberFromString(text, 'IN');
  if (!p) return badPhone('not_phone', 'is not a phone number');
  if (!p.isValid()) return badPhone('invalid', 'is not a valid phone number (wrong length or range)');
  const type = p.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
    return {
      ok: false,
      code: 'PHONE_NOT_MOBILE',
      message: `is a ${type ? type.toLowerCase().replace(/_/g, ' ') : 'non-mobile'} number, not a mobile number (WhatsApp groups need mobiles)`,
      params: { variant: (type ?? 'unknown').toLowerCase() },
    };
  }
  return { ok: true, e164: p.number };
}

const EXPONENT = /^[+-]?\d+(?:[.,]\d+)?\s*[eE]\s*[+-]?\d+$/;

const RETYPE = 'type the number again in a cell formatted as Text';
const destroyedText = (): PhoneResult => ({
  ok: false,
  code: 'PHONE_DESTROYED',
  message: `is in exponent form: Excel rounded the number and its last digits are lost; ${RETYPE}`,
  params: { variant: 'exponent_text' },
});
const destroyedNumber = (shown: string): PhoneResult => ({
  ok: false,
  code: 'PHONE_DESTROYED',
  message: `is what Excel kept of a number shown as ${shown}: its last digits are lost; ${RETYPE}`,
  params: { variant: 'rounded', shown },
});

/** Normalises a text phone number. */
export function normalisePhoneText(raw: string): PhoneResult {
  const text = asciiDigits(raw).trim();
  if (text === '') return badPhone('empty', 'is empty');
  // "9.19835E+11": Excel showed a 12-digit number in exponent form and the file kept only that.
  if (EXPONENT.test(text)) return destroyedText();
  const fast = fastIndianMobile(text);
  if (fast) return { ok: true, e164: fast };
  // "0091 98350 12345": libphonenumber reads a leading 00 as India's international prefix only
  // with the right IDD; make it explicit.
  const cleaned = text.replace(/^00(?=[1-9])/, '+');
  if (!/\d/.test(cleaned)) return badPhone('no_digits', 'has no digits');
  if (/[a-z]/i.test(cleaned.replace(/\b(?:ext|x)\.?\s*\d+$/i, ''))) {
    return badPhone('letters', 'has letters in it');
  }
  return libraryMobile(cleaned);
}

/** Significant digits of an integer: 919835000000 → 6. */
function significantDigits(n: number): number {
  return String(n).replace(/0+$/, '').length;
}

/**
 * Normalises a phone cell. Numbers stored by Excel as numbers are fine as long as every digit
 * survived; a number in exponent form, a fraction, or a 11–15 digit number with only the six
 * significant digits Excel's General format shows (9.19835E+11 → 919835000000) is refused with a
 * reason, never completed by a guess.
 */
export function normalisePhoneCell(c: Cell): PhoneResult {
  if (c === null) return badPhone('empty', 'is empty');
  if (typeof c === 'string') return normalisePhoneText(c);
  if (typeof c === 'number') {
    if (!Number.isInteger(c) || c <= 0) return badPhone('not_whole', 'is not a whole number');
    if (!Number.isSafeInteger(c) || c >= 1e15) return destroyedNumber(formatExponent(c));
    const digits = String(c);
    if (digits.length >= 11 && significantDigits(c) <= 6) return destroyedNumber(formatExponent(c));
    return normalisePhoneText(digits);
  }
  if (typeof c === 'boolean') return badPhone('boolean', 'is TRUE/FALSE, not a phone number');
  if (c.kind === 'sci') {
    return {
      ok: false,
      code: 'PHONE_DESTROYED',
      message: `is shown by Excel in exponent form (${formatExponent(c.value)}), so nobody can check its digits; ${RETYPE}`,
      params: { variant: 'exponent_cell', shown: formatExponent(c.value) },
    };
  }
  if (c.kind === 'date') return badPhone('date', 'is a date, not a phone number');
  return badCellPhone(c);
}
