import { describe, expect, test } from 'vitest';
import { normaliseDay, normaliseGender, normalisePhone } from '../../../electron/services/register/normalise.js';

describe('normalisePhone', () => {
  test.each([
    ['98350 12345', '+919835012345'],
    ['09835012345', '+919835012345'],
    ['+91-98350-12345', '+919835012345'],
    ['919835012345', '+919835012345'],
    ['00919835012345', '+919835012345'],
    ['९८३५०१२३४५', '+919835012345'],
    [9835012345, '+919835012345'],
    [919835012345, '+919835012345'],
  ])('%s → %s', (input, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, e164 });
  });

  test.each([
    ['9.19835E+11', 'excel_destroyed'],
    [9.19835e11 + 0.5, 'excel_destroyed'],
    ['', 'empty'],
    ['abc', 'not_a_number'],
    ['12345', 'invalid'],
    ['0612 2219999', 'not_mobile'],
  ])('%s is refused (%s)', (input, reason) => {
    expect(normalisePhone(input)).toEqual({ ok: false, reason });
  });
});

describe('normaliseDay', () => {
  test.each([
    ['2024-03-05', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['०५-०३-२०२४', '2024-03-05'],
  ])('%s → %s', (input, day) => expect(normaliseDay(input)).toEqual({ ok: true, day }));
  test('Excel date cells (UTC midnight) keep their day', () =>
    expect(normaliseDay(new Date(Date.UTC(2024, 1, 29)))).toEqual({ ok: true, day: '2024-02-29' }));
  test.each(['31-02-2024', '2024-13-01', '03/2024', 'kal'])('%s is refused', (input) =>
    expect(normaliseDay(input).ok).toBe(false),
  );
});

test('gender accepts Hindi', () => {
  expect(normaliseGender('महिला')).toBe('F');
  expect(normaliseGender(' Male ')).toBe('M');
  expect(normaliseGender('?')).toBeUndefined();
});
