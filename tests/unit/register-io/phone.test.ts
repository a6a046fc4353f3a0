import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fastIndianMobile,
  libraryMobile,
  normalisePhoneCell,
  normalisePhoneText,
} from '../../../electron/contract/values/phone.js';

const E164 = '+919835012345';

describe('phone numbers → E.164 (Indian mobiles)', () => {
  it.each([
    ['98350 12345'],
    ['9835012345'],
    ['09835012345'],
    ['+91-98350-12345'],
    ['+91 98350 12345'],
    ['+91 (98350) 12345'],
    ['919835012345'],
    ['00919835012345'],
    ['0091 98350 12345'],
    ['९८३५०१२३४५'],
    ['+९१ ९८३५० १२३४५'],
    ['  98350-12345  '],
    ['98350.12345'],
  ])('accepts %j', (text) => {
    expect(normalisePhoneText(text)).toEqual({ ok: true, e164: E164 });
  });

  it('accepts numbers Excel stored as numbers when every digit survived', () => {
    expect(normalisePhoneCell(9835012345)).toEqual({ ok: true, e164: E164 });
    expect(normalisePhoneCell(919835012345)).toEqual({ ok: true, e164: E164 });
  });

  it('refuses a number Excel destroyed into exponent form, as text or as a number', () => {
    for (const t of ['9.19835E+11', '9.19835e+11', '9,19835E+11', '9.19835E11']) {
      const r = normalisePhoneText(t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('PHONE_DESTROYED');
    }
    // 9.19835E+11 re-read as a number: only six significant digits of a 12-digit number.
    const n = normalisePhoneCell(919835000000);
    expect(n).toMatchObject({ ok: false, code: 'PHONE_DESTROYED' });
    if (!n.ok) expect(n.message).toContain('9.19835E+11');
    // A numeric cell formatted in exponent form is refused even if its digits look whole.
    expect(normalisePhoneCell({ kind: 'sci', value: 919835012345 })).toMatchObject({
      ok: false,
      code: 'PHONE_DESTROYED',
    });
    // Beyond 2^53 / 15 digits Excel has lost digits for sure.
    expect(normalisePhoneCell(9.19835012345678e17)).toMatchObject({ ok: false, code: 'PHONE_DESTROYED' });
    // A fraction is no phone number.
    expect(normalisePhoneCell(98350.12345)).toMatchObject({ ok: false, code: 'BAD_PHONE' });
  });

  it('refuses landlines, short numbers, letters and non-phone cells with a reason', () => {
    expect(normalisePhoneText('0612 2223344')).toMatchObject({ ok: false, code: 'PHONE_NOT_MOBILE' });
    expect(normalisePhoneText('12345')).toMatchObject({ ok: false, code: 'BAD_PHONE' });
    expect(normalisePhoneText('98350 1234')).toMatchObject({ ok: false, code: 'BAD_PHONE' });
    expect(normalisePhoneText('call me')).toMatchObject({ ok: false, code: 'BAD_PHONE' });
    expect(normalisePhoneText('98350ABCDE')).toMatchObject({ ok: false, code: 'BAD_PHONE' });
    expect(normalisePhoneCell(true)).toMatchObject({ ok: false, code: 'BAD_PHONE' });
    expect(normalisePhoneCell({ kind: 'date', iso: '2024-01-01' })).toMatchObject({ ok: false, code: 'BAD_PHONE' });
    expect(
      normalisePhoneCell({ kind: 'bad', shown: '=A1', why: 'a formula that Excel never calculated' }),
    ).toMatchObject({
      ok: false,
      code: 'BAD_PHONE',
    });
  });

  it('keeps foreign mobile numbers given in international form', () => {
    expect(normalisePhoneText('+44 7911 123456')).toEqual({ ok: true, e164: '+447911123456' });
  });

  it("the fast path agrees with libphonenumber's full parser on every shape of Indian number", () => {
    const national = fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }))
      .map(([a, b]) => `${a}${String(b).padStart(9, '0')}`);
    const shapes = [
      (n: string) => n,
      (n: string) => `0${n}`,
      (n: string) => `91${n}`,
      (n: string) => `+91${n}`,
      (n: string) => `+91-${n.slice(0, 5)}-${n.slice(5)}`,
      (n: string) => `0091 ${n}`,
      (n: string) => `${n.slice(0, 5)} ${n.slice(5)}`,
    ];
    fc.assert(
      fc.property(national, fc.integer({ min: 0, max: shapes.length - 1 }), (n, s) => {
        const text = shapes[s]!(n);
        const lib = libraryMobile(`+91${n}`);
        const fast = fastIndianMobile(text);
        if (fast !== null) {
          expect(lib).toEqual({ ok: true, e164: fast });
        }
        const full = normalisePhoneText(text);
        expect(full.ok).toBe(lib.ok);
        if (full.ok && lib.ok) expect(full.e164).toBe(lib.e164);
      }),
      { numRuns: 3000 },
    );
  });
});
