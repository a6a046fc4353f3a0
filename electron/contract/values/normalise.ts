// Normalising one cell into one field value (SPEC §5): text, dates, enumerations (English and
// Hindi), invite links. Each function returns the value or a reason the clerk can act on; none of
// them guesses (a 2-digit year, a date serial number typed as a plain number, an unknown unit
// type are all refused).
import type { BadCell, Cell } from './cells.js';
import { asciiDigits, cleanText, formatExponent } from './cells.js';
import { matchKey } from './text.js';
import { canonicalInviteLink } from '../invite-link.js';
import type { IssueCode, IssueParams } from '../sheets.js';
import type { Gender, GroupKind, GroupStatus, MemberCategory, UnitType } from '../domain.js';

export type FieldResult<T> =
  { ok: true; value: T } | { ok: false; code: IssueCode; message: string; params?: IssueParams };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const no = <T>(code: IssueCode, message: string, params?: IssueParams): FieldResult<T> =>
  params ? { ok: false, code, message, params } : { ok: false, code, message };

/** A cell with no usable value (its `why` is the message). */
const badCell = <T>(c: BadCell): FieldResult<T> =>
  no('BAD_CELL', c.why, { variant: c.whyCode ?? 'unknown', shown: c.shown });

/** Longest text we store per field; longer values are refused, never cut. */
export const MAX_LENGTH = {
  code: 64,
  name: 200,
  text: 200,
  short: 100,
} as const;

/** A cell as text, or null when blank. */
export function textOf(c: Cell, max: number = MAX_LENGTH.text): FieldResult<string | null> {
  let s: string;
  if (c === null) return ok(null);
  if (typeof c === 'string') s = cleanText(c);
  else if (typeof c === 'number') {
    if (Number.isInteger(c) && !Number.isSafeInteger(c)) {
      return no('BAD_TEXT', `is a number too long for Excel to keep (${formatExponent(c)}); store it as Text`, {
        variant: 'long_number',
        shown: formatExponent(c),
      });
    }
    s = String(c);
  } else if (typeof c === 'boolean') return no('BAD_TEXT', 'is TRUE/FALSE, not text', { variant: 'boolean' });
  else if (c.kind === 'date') s = c.iso;
  else if (c.kind === 'sci') {
    return no('BAD_TEXT', `is shown in exponent form (${formatExponent(c.value)}); store it as Text`, {
      variant: 'exponent',
      shown: formatExponent(c.value),
    });
  } else return badCell(c);
  if (s === '') return ok(null);
  if (s.length > max)
    return no('TOO_LONG', `is ${s.length} characters long; at most ${max} are allowed`, { length: s.length, max });
  return ok(s);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function day(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
  const max = m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!;
  if (d > max) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/**
 * A calendar day from an Excel date cell, `yyyy-mm-dd`, `dd-mm-yyyy`, `dd/mm/yyyy` (or with dots),
 * Devanagari digits allowed. `today` (ISO) bounds it: a future date is a typo.
 */
export function dayOf(c: Cell, today: string): FieldResult<string | null> {
  if (c === null) return ok(null);
  let iso: string | null;
  let shown: string;
  if (typeof c === 'string') {
    shown = asciiDigits(cleanText(c));
    if (shown === '') return ok(null);
    let m = ISO_DAY.exec(shown);
    if (m) iso = day(Number(m[1]), Number(m[2]), Number(m[3]));
    else if ((m = DMY.exec(shown))) iso = day(Number(m[3]), Number(m[2]), Number(m[1]));
    else {
      return no(
        'BAD_DATE',
        'is not a date; write it as dd-mm-yyyy (e.g. 05-01-2024) or yyyy-mm-dd, or use a date cell',
        { variant: 'not_date' },
      );
    }
    if (iso === null) return no('BAD_DATE', 'is not a real calendar date', { variant: 'not_real' });
  } else if (typeof c === 'number') {
    return no('BAD_DATE', 'is a plain number, not a date; format the cell as a date or write dd-mm-yyyy', {
      variant: 'plain_number',
    });
  } else if (typeof c === 'boolean') {
    return no('BAD_DATE', 'is TRUE/FALSE, not a date', { variant: 'boolean' });
  } else if (c.kind === 'date') {
    iso = c.iso;
    if (iso < '1900-01-01' || iso > '2999-12-31')
      return no('BAD_DATE', 'is not a plausible date', { variant: 'implausible' });
  } else if (c.kind === 'sci') {
    return no('BAD_DATE', 'is a number, not a date', { variant: 'number' });
  } else return badCell(c);
  if (iso > today) return no('FUTURE_DATE', `is in the future (today is ${today})`, { today });
  return ok(iso);
}

function enumLookup<T extends string>(table: Record<T, string[]>): (s: string) => T | undefined {
  const map = new Map<string, T>();
  for (const [value, names] of Object.entries(table) as [T, string[]][]) {
    for (const n of [value, ...names]) map.set(matchKey(n), value);
  }
  // Registers repeat the same few spellings ("public", "महिला") thousands of times.
  const seen = new Map<string, T | undefined>();
  return (s) => {
    if (seen.has(s)) return seen.get(s);
    const v = map.get(matchKey(s));
    if (seen.size < 10_000) seen.set(s, v);
    return v;
  };
}

const unitTypes = enumLookup<UnitType>({
  thana: ['police station', 'ps', 'p.s.', 'station', 'थाना', 'पुलिस थाना', 'थाने'],
  op: [
    'o.p.',
    'outpost',
    'out post',
    'out-post',
    'assisting station',
    'sahayak thana',
    'सहायक थाना',
    'ओपी',
    'ओ.पी.',
    'आउटपोस्ट',
    'पुलिस चौकी',
    'चौकी',
  ],
  district_centre: [
    'district centre',
    'district center',
    'district police centre',
    'district police center',
    'police centre',
    'police center',
    'police lines',
    'police line',
    'district hq',
    'dpc',
    'जिला पुलिस केंद्र',
    'जिला पुलिस केन्द्र',
    'पुलिस केंद्र',
    'पुलिस केन्द्र',
    'पुलिस लाइन',
    'पुलिस लाइंस',
    'जिला मुख्यालय',
  ],
  division: ['division unit', 'प्रभाग', 'विभाग'],
  other: ['others', 'अन्य'],
});

const groupKinds = enumLookup<GroupKind>({
  public: [
    'police public',
    'police-public',
    'police–public',
    'citizens',
    'जन',
    'सार्वजनिक',
    'पुलिस पब्लिक',
    'पुलिस-पब्लिक',
    'पुलिस जनता',
    'आम',
  ],
  cyber_senani: ['cyber senani', 'cybersenani', 'cyber-senani', 'साइबर सेनानी', 'सायबर सेनानी'],
  staff: ['staff group', 'rank-wise', 'rank wise', 'स्टाफ', 'कर्मी', 'पुलिसकर्मी', 'पुलिस कर्मी'],
  women_staff: ['women staff', 'women', 'woman staff', 'mahila', 'महिला', 'महिला कर्मी', 'महिला पुलिस', 'महिला पुलिसकर्मी'],
  division_staff: ['division staff', 'division', 'प्रभाग', 'प्रभाग कर्मी', 'प्रभाग स्टाफ'],
});

const categories = enumLookup<MemberCategory>({
  eminent: [
    'e',
    'prabuddh',
    'prabuddha',
    'prominent',
    'प्रबुद्ध',
    'प्रबुद्ध लोग',
    'प्रबुद्ध नागरिक',
    'प्रबुद्ध व्यक्ति',
    'गणमान्य',
    'गणमान्य नागरिक',
    'विशिष्ट',
  ],
  public: [
    'p',
    'common',
    'general',
    'aam',
    'citizen',
    'आम',
    'आम लोग',
    'आम नागरिक',
    'आम जनता',
    'सामान्य',
    'जनता',
    'नागरिक',
  ],
  staff: ['police', 'कर्मी', 'पुलिस', 'पुलिसकर्मी', 'पुलिस कर्मी', 'स्टाफ'],
});

const statuses = enumLookup<GroupStatus>({
  active: ['open', 'सक्रिय', 'चालू'],
  closed: ['close', 'inactive', 'बंद', 'निष्क्रिय'],
});

const genders = enumLookup<Gender>({
  F: ['female', 'woman', 'women', 'w', 'lady', 'महिला', 'स्त्री', 'औरत', 'म'],
  M: ['male', 'man', 'men', 'पुरुष', 'पु', 'आदमी'],
  X: ['other', 'third gender', 'transgender', 'अन्य', 'ट्रांसजेंडर', 'तृतीय लिंग', 'किन्नर'],
});

function enumOf<T extends string>(
  c: Cell,
  lookup: (s: string) => T | undefined,
  code: IssueCode,
  expected: string,
): FieldResult<T | null> {
  const t = textOf(c, MAX_LENGTH.short);
  if (!t.ok) return t;
  if (t.value === null) return ok(null);
  const v = lookup(t.value);
  return v === undefined ? no(code, `is not one of ${expected}`) : ok(v);
}

export const unitTypeOf = (c: Cell) =>
  enumOf(
    c,
    unitTypes,
    'BAD_UNIT_TYPE',
    'thana (थाना), op (सहायक थाना/OP), district_centre (पुलिस केंद्र), division (प्रभाग), other (अन्य)',
  );
export const groupKindOf = (c: Cell) =>
  enumOf(c, groupKinds, 'BAD_GROUP_KIND', 'public, cyber_senani, staff, women_staff, division_staff');
export const categoryOf = (c: Cell) => enumOf(c, categories, 'BAD_CATEGORY', 'eminent (प्रबुद्ध), public (आम), staff');
export const statusOf = (c: Cell) => enumOf(c, statuses, 'BAD_STATUS', 'active (सक्रिय), closed (बंद)');
export const genderOf = (c: Cell) => enumOf(c, genders, 'BAD_GENDER', 'F (महिला), M (पुरुष), X');

/** A WhatsApp group invite link, stored as `https://chat.whatsapp.com/<code>` (contract/invite-link.ts). */
export function inviteLinkOf(c: Cell): FieldResult<string | null> {
  const t = textOf(c, 300);
  if (!t.ok) return t;
  if (t.value === null) return ok(null);
  const link = canonicalInviteLink(t.value);
  if (!link) return no('BAD_LINK', 'is not a WhatsApp group invite link (https://chat.whatsapp.com/…)');
  return ok(link);
}
