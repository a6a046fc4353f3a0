import { describe, expect, it } from 'vitest';
import {
  fieldForHeader,
  mappingKey,
  matchKey,
  resolveColumns,
  sheetByColumns,
  sheetForName,
} from '../../../electron/services/register-io/headers.js';

describe('header aliases', () => {
  it.each([
    ['members', 'Name', 'name'],
    ['members', 'नाम', 'name'],
    ['members', 'Mobile No.', 'phone'],
    ['members', 'MOBILE', 'phone'],
    ['members', 'मोबाइल नं.', 'phone'],
    ['members', 'मोबाइल नंबर', 'phone'],
    ['members', 'फ़ोन', 'phone'],
    ['members', 'फोन', 'phone'],
    ['members', 'Village', 'locality'],
    ['members', 'ग्राम', 'locality'],
    ['members', 'गाँव', 'locality'],
    ['members', 'गांव', 'locality'],
    ['members', 'पता', 'locality'],
    ['members', 'Group Code *', 'group_code'],
    ['members', 'श्रेणी', 'category'],
    ['staff', 'पद', 'rank'],
    ['staff', 'Rank', 'rank'],
    ['staff', 'लिंग', 'gender'],
    ['staff', 'Service_No', 'service_no'],
    ['staff', 'सेवा संख्या', 'service_no'],
    ['staff', 'बैज नं.', 'service_no'],
    ['staff', 'Posting Unit', 'posting_unit_code'],
    ['units', 'Type', 'type'],
    ['units', 'Name (Hindi)', 'name_hi'],
    ['units', 'मूल थाना', 'parent_code'],
    ['groups', 'Type', 'kind'],
    ['groups', 'Thana', 'unit_code'],
    ['groups', 'Invite Link', 'invite_link'],
  ] as const)('%s: %j → %s', (sheet, header, field) => {
    expect(fieldForHeader(sheet, header)).toBe(field);
  });

  it('matches sheet names in English and Hindi, and CSV file names', () => {
    expect(sheetForName('Members')).toBe('members');
    expect(sheetForName('सदस्य')).toBe('members');
    expect(sheetForName('इकाई')).toBe('units');
    expect(sheetForName('समूह')).toBe('groups');
    expect(sheetForName('कर्मी')).toBe('staff');
    expect(sheetForName('STAFF.CSV')).toBe('staff');
    expect(sheetForName('Sheet1')).toBeUndefined();
  });

  it('ignores case, spacing, punctuation and Devanagari spelling variants', () => {
    expect(matchKey('Mobile  No.')).toBe(matchKey('mobile_no'));
    expect(matchKey('गाँव')).toBe(matchKey('गांव'));
    expect(matchKey('फ़ोन')).toBe(matchKey('फोन'));
  });
});

describe('header row and column mapping', () => {
  const rows = [
    ['Kotwali thana — WhatsApp group members'],
    [],
    ['S.No', 'Group', 'नाम', 'मोबाइल नं.', 'Remarks', 'Mobile'],
    [1, 'G1', 'Ram', '9835012345', 'ok', '9835012346'],
  ];

  it('finds the header below a title and reports unknown and duplicate columns', () => {
    const r = resolveColumns('members', rows, undefined, () => undefined)!;
    expect(r.headerRowIndex).toBe(2);
    expect(Object.fromEntries(r.fieldIndex)).toEqual({ group_code: 1, name: 2, phone: 3 });
    expect(r.unknown.map((c) => c.header)).toEqual(['Remarks']);
    expect(r.duplicates.map((c) => `${c.column}:${c.header}`)).toEqual(['F:Mobile']);
  });

  it("a clerk's mapping wins over aliases; null ignores a column", () => {
    const r = resolveColumns(
      'members',
      rows,
      { Remarks: 'occupation', 'मोबाइल नं.': null, Mobile: 'phone' },
      () => undefined,
    )!;
    expect(Object.fromEntries(r.fieldIndex)).toEqual({ group_code: 1, name: 2, occupation: 4, phone: 5 });
    expect(r.columns.find((c) => c.header === 'Remarks')).toMatchObject({ field: 'occupation', source: 'mapping' });
  });

  it('uses a remembered mapping for the same header signature', () => {
    const headers = ['S.No', 'Group', 'नाम', 'मोबाइल नं.', 'Remarks', 'Mobile'];
    const key = mappingKey('members', headers);
    const r = resolveColumns('members', rows, undefined, (k) => (k === key ? { Remarks: 'locality' } : undefined))!;
    expect(r.mappingKey).toBe(key);
    expect(r.fieldIndex.get('locality')).toBe(4);
    expect(r.columns.find((c) => c.header === 'Remarks')).toMatchObject({ source: 'remembered' });
    // The signature ignores case and punctuation, not the columns themselves.
    expect(
      mappingKey(
        'members',
        headers.map((h) => h.toUpperCase()),
      ),
    ).toBe(key);
    expect(mappingKey('members', headers.slice(1))).not.toBe(key);
  });

  it('no header row → undefined', () => {
    expect(
      resolveColumns(
        'members',
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        undefined,
        () => undefined,
      ),
    ).toBeUndefined();
  });

  it('recognises a sheet by its columns when its name says nothing', () => {
    expect(sheetByColumns([['Group Code', 'Name', 'Mobile No']])).toBe('members');
    expect(sheetByColumns([['Service No', 'Name', 'Rank', 'Gender', 'Posting']])).toBe('staff');
    expect(sheetByColumns([['foo', 'bar']])).toBeUndefined();
  });
});
