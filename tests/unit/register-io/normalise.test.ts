import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categoryOf,
  dayOf,
  genderOf,
  groupKindOf,
  inviteLinkOf,
  statusOf,
  textOf,
  unitTypeOf,
} from '../../../electron/contract/values/normalise.js';
import { cleanText, formatExponent } from '../../../electron/contract/values/cells.js';

const TODAY = '2026-11-28';
const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

describe('dates', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    ['05-01-2024', '2024-01-05'],
    ['05/01/2024', '2024-01-05'],
    ['5/1/2024', '2024-01-05'],
    ['05.01.2024', '2024-01-05'],
    ['०५-०१-२०२४', '2024-01-05'],
    ['29-02-2024', '2024-02-29'],
    ['2024-01-05T00:00:00', '2024-01-05'],
  ])('%j → %s', (text, iso) => {
    expect(value(dayOf(text, TODAY))).toBe(iso);
  });

  it('takes Excel date cells as calendar days', () => {
    expect(value(dayOf({ kind: 'date', iso: '2023-01-15' }, TODAY))).toBe('2023-01-15');
  });

  it.each([
    ['31-02-2024', 'BAD_DATE'],
    ['29-02-2023', 'BAD_DATE'],
    ['2024-13-01', 'BAD_DATE'],
    ['05-01-24', 'BAD_DATE'],
    ['Jan 5 2024', 'BAD_DATE'],
    ['01-01-1850', 'BAD_DATE'],
    ['01-01-2027', 'FUTURE_DATE'],
  ])('refuses %j (%s)', (text, c) => {
    expect(code(dayOf(text, TODAY))).toBe(c);
  });

  it('refuses a plain number in a date column instead of guessing it is a serial date', () => {
    expect(code(dayOf(45292, TODAY))).toBe('BAD_DATE');
  });

  it('blank is no date', () => {
    expect(value(dayOf(null, TODAY))).toBeNull();
    expect(value(dayOf('  ', TODAY))).toBeNull();
  });
});

describe('enumerations in English and Hindi', () => {
  it('genders', () => {
    for (const f of ['F', 'f', 'Female', 'महिला', 'स्त्री']) expect(value(genderOf(f))).toBe('F');
    for (const m of ['M', 'male', 'पुरुष']) expect(value(genderOf(m))).toBe('M');
    expect(value(genderOf('X'))).toBe('X');
    expect(code(genderOf('Q'))).toBe('BAD_GENDER');
  });

  it('unit types', () => {
    expect(value(unitTypeOf('थाना'))).toBe('thana');
    expect(value(unitTypeOf('Police Station'))).toBe('thana');
    expect(value(unitTypeOf('सहायक थाना'))).toBe('op');
    expect(value(unitTypeOf('O.P.'))).toBe('op');
    expect(value(unitTypeOf('District Centre'))).toBe('district_centre');
    expect(value(unitTypeOf('पुलिस केंद्र'))).toBe('district_centre');
    expect(value(unitTypeOf('division'))).toBe('division');
    expect(code(unitTypeOf('मंदिर'))).toBe('BAD_UNIT_TYPE');
  });

  it('group kinds, categories, statuses', () => {
    expect(value(groupKindOf('Cyber Senani'))).toBe('cyber_senani');
    expect(value(groupKindOf('women_staff'))).toBe('women_staff');
    expect(value(groupKindOf('महिला'))).toBe('women_staff');
    expect(code(groupKindOf('family'))).toBe('BAD_GROUP_KIND');
    expect(value(categoryOf('प्रबुद्ध'))).toBe('eminent');
    expect(value(categoryOf('Eminent'))).toBe('eminent');
    expect(value(categoryOf('आम'))).toBe('public');
    expect(value(categoryOf('staff'))).toBe('staff');
    expect(code(categoryOf('vip'))).toBe('BAD_CATEGORY');
    expect(value(statusOf('सक्रिय'))).toBe('active');
    expect(value(statusOf('Closed'))).toBe('closed');
    expect(value(statusOf('बंद'))).toBe('closed');
  });
});

describe('text and links', () => {
  it('cleans text: NFC, collapsed spaces, invisible characters, formula guard', () => {
    expect(cleanText('  Ram\u00a0\u00a0Kumar\u200b ')).toBe('Ram Kumar');
    expect(cleanText('गाँव\u0020\nकदमकुआँ')).toBe('गाँव कदमकुआँ');
    expect(cleanText('e\u0301')).toBe('\u00e9');
    expect(cleanText("'=1+1")).toBe('=1+1');
  });

  it('the fast path for plain ASCII text gives what the full cleaning gives', () => {
    // eslint-disable-next-line no-control-regex
    const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b\u2060\ufeff]/g;
    const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
    const unguard = (s: string) => (s.length >= 2 && s[0] === "'" && /^['=+\-@\t\r]/.test(s.slice(1)) ? s.slice(1) : s);
    const full = (s: string) => unguard(s.trim()).replace(INVISIBLE, '').replace(SPACES, ' ').trim().normalize('NFC');
    const chars = fc.constantFrom(...'ab Z09\'"=+-@\t\r\n.,\u00a0\u200bनम\u093f'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (cs) => {
        const s = cs.join('');
        expect(cleanText(s)).toBe(full(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses over-long text rather than cutting it', () => {
    expect(code(textOf('x'.repeat(201)))).toBe('TOO_LONG');
    expect(value(textOf('x'.repeat(200)))).toHaveLength(200);
  });

  it('reads numbers in text columns as their digits, but not numbers Excel already rounded', () => {
    expect(value(textOf(12345))).toBe('12345');
    expect(code(textOf({ kind: 'sci', value: 1.2e12 }))).toBe('BAD_TEXT');
    expect(code(textOf({ kind: 'bad', shown: '#N/A', why: 'error' }))).toBe('BAD_CELL');
  });

  it('validates WhatsApp invite links', () => {
    expect(value(inviteLinkOf('https://chat.whatsapp.com/AbCdEfGhIjKl1234'))).toBe(
      'https://chat.whatsapp.com/AbCdEfGhIjKl1234',
    );
    expect(value(inviteLinkOf('https://chat.whatsapp.com/invite/AbCdEfGhIjKl1234/?mode=ac_t'))).toBe(
      'https://chat.whatsapp.com/AbCdEfGhIjKl1234',
    );
    expect(code(inviteLinkOf('http://chat.whatsapp.com/AbCdEfGhIjKl1234'))).toBe('BAD_LINK');
    expect(code(inviteLinkOf('https://chat.whatsapp.com.evil.example/AbCdEfGh'))).toBe('BAD_LINK');
    expect(code(inviteLinkOf('https://example.com/'))).toBe('BAD_LINK');
  });

  it('shows numbers in exponent form the way Excel does', () => {
    expect(formatExponent(919835000000)).toBe('9.19835E+11');
    expect(formatExponent(1.5e12)).toBe('1.5E+12');
  });
});
