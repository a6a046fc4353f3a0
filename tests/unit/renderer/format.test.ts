import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, parseDateInput, todayIso } from '../../../renderer/format/dates.js';
import { formatBytes, formatNumber, formatPercent, share } from '../../../renderer/format/numbers.js';

describe('dates', () => {
  it('shows ISO dates as dd-mm-yyyy without any time-zone shift', () => {
    expect(formatDate('2024-03-07')).toBe('07-03-2024');
    expect(formatDate('1999-12-31')).toBe('31-12-1999');
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
  });

  it('shows timestamps in India time (UTC+05:30) whatever the PC clock zone', () => {
    expect(formatDateTime('2024-01-05T03:37:00.000Z')).toBe('05-01-2024 09:07');
    // The report's old sample: 04:52 UTC is 10:22 in India.
    expect(formatDateTime('2026-12-02T04:52:13.957Z')).toBe('02-12-2026 10:22');
    // Late evening UTC is already the next day in India.
    expect(formatDate('2026-12-31T19:00:00Z')).toBe('01-01-2027');
    expect(formatDateTime('2026-12-31T19:00:00Z')).toBe('01-01-2027 00:30');
    expect(formatDateTime('2024-03-07')).toBe('07-03-2024');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('parses what clerks type and refuses impossible dates', () => {
    expect(parseDateInput('07-03-2024')).toBe('2024-03-07');
    expect(parseDateInput('7/3/2024')).toBe('2024-03-07');
    expect(parseDateInput(' 07.03.2024 ')).toBe('2024-03-07');
    expect(parseDateInput('2024-03-07')).toBe('2024-03-07');
    expect(parseDateInput('29-02-2024')).toBe('2024-02-29');
    expect(parseDateInput('29-02-2023')).toBeNull();
    expect(parseDateInput('31-04-2024')).toBeNull();
    expect(parseDateInput('00-01-2024')).toBeNull();
    expect(parseDateInput('03-13-2024')).toBeNull();
    expect(parseDateInput('2024/03/07')).toBeNull();
    expect(parseDateInput('tomorrow')).toBeNull();
  });

  it('knows today in India', () => {
    expect(todayIso(new Date(Date.UTC(2024, 6, 1, 18, 29)))).toBe('2024-07-01');
    expect(todayIso(new Date(Date.UTC(2024, 6, 1, 18, 30)))).toBe('2024-07-02');
  });
});

describe('numbers', () => {
  it('groups digits the Indian way in both languages, with Latin digits', () => {
    expect(formatNumber(130000)).toBe('1,30,000');
    expect(formatNumber(260000, 'hi')).toBe('2,60,000');
    expect(formatNumber(12345678)).toBe('1,23,45,678');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(null)).toBe('');
  });

  it('formats percentages given as 0–100', () => {
    expect(formatPercent(87.5)).toBe('87.5%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(66.666, 'en', 0)).toBe('67%');
    expect(formatPercent(87.5, 'hi')).toMatch(/^87\.5\s?%$/);
  });

  it('shows file sizes the way Windows does', () => {
    expect(formatBytes(842)).toBe('842 B');
    expect(formatBytes(12_700)).toBe('12 KB');
    expect(formatBytes(3_250_000)).toBe('3.1 MB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GB');
  });

  it('treats nothing to cover as fully covered', () => {
    expect(share(0, 0)).toBe(100);
    expect(share(1, 4)).toBe(25);
  });
});
