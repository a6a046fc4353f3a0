import { describe, expect, it } from 'vitest';
import { csvLine, detectDelimiter, parseCsv, CsvError } from '../../../electron/services/register-io/csv.js';
import { csvSheet, decodeText } from '../../../electron/services/register-io/source.js';
import { guardFormula, unguardFormula } from '../../../electron/contract/values/cells.js';

function parse(text: string, delimiter?: string): { fields: string[]; n: number }[] {
  const out: { fields: string[]; n: number }[] = [];
  parseCsv(text, (fields, n) => out.push({ fields, n }), delimiter);
  return out;
}

describe('CSV reader (RFC 4180, forgiving where spreadsheets are)', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    const rows = parse('a,b,c\r\n"x, y","say ""hi""","line1\r\nline2"\r\nlast,,\r\n');
    expect(rows).toEqual([
      { fields: ['a', 'b', 'c'], n: 1 },
      { fields: ['x, y', 'say "hi"', 'line1\r\nline2'], n: 2 },
      { fields: ['last', '', ''], n: 3 },
    ]);
  });

  it('accepts LF, CRLF and lone CR line ends and a missing final line end', () => {
    expect(parse('a,b\nc,d').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parse('a,b\rc,d\r').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('counts records (not lines) so row numbers match what Excel shows', () => {
    const rows = parse('h1,h2\n"multi\nline",x\nnext,y\n');
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(rows[2]!.fields).toEqual(['next', 'y']);
  });

  it('keeps a stray quote inside an unquoted field and text after a closing quote', () => {
    expect(parse('5" tall,"ab"cd,e').map((r) => r.fields)).toEqual([['5" tall', 'abcd', 'e']]);
  });

  it('refuses a quoted field that never closes instead of swallowing the file', () => {
    expect(() => parse('a,b\n"open,c\nd,e\n')).toThrow(CsvError);
    try {
      parse('a,b\n"open,c\nd,e\n');
    } catch (e) {
      expect((e as CsvError).record).toBe(2);
    }
  });

  it('detects semicolon and tab separated files from the header record', () => {
    expect(detectDelimiter('code;name;type\r\nT1;Kotwali;thana')).toBe(';');
    expect(detectDelimiter('code\tname\ttype')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(parse('code;name\nT1;"Kot;wali"').map((r) => r.fields)).toEqual([
      ['code', 'name'],
      ['T1', 'Kot;wali'],
    ]);
  });

  it('writes what it reads: quoting round-trips', () => {
    const values = ['plain', 'with,comma', 'with "quote"', 'two\r\nlines', '', 'हिंदी नाम'];
    const rows = parse(csvLine(values) + csvLine(values));
    expect(rows.map((r) => r.fields)).toEqual([values, values]);
  });

  it('decodes UTF-8 with or without BOM and UTF-16 with BOM; refuses other encodings', () => {
    const text = 'नाम,मोबाइल\r\nराम,9835012345\r\n';
    expect(decodeText(Buffer.from(text, 'utf8'), 'x.csv')).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'x.csv')).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'x.csv')).toBe(text);
    // Windows-1252 "Café" is not UTF-8.
    expect(() => decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), 'x.csv')).toThrow(/UTF-8/);
    expect(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'x.csv')).toThrow(/not a text file/);
  });

  it('drops blank records but keeps record numbers', () => {
    const s = csvSheet('a,b\r\n,\r\n\r\nx,y\r\n', 'members.csv', '/tmp/members.csv');
    expect(s.rows).toEqual([
      ['a', 'b'],
      ['x', 'y'],
    ]);
    expect(s.rowNumbers).toEqual([1, 4]);
  });
});

describe('formula-injection guard', () => {
  it.each([
    ['=SUM(A1:A9)'],
    ['+91 98350'],
    ['-5'],
    ['@cmd'],
    ['\tx'],
    ['\rx'],
    ["'=x"],
    ["''"],
    ["'"],
    ['plain'],
    ["it's"],
  ])('guard then unguard returns %j unchanged', (v) => {
    const g = guardFormula(v);
    expect(/^[=+\-@\t\r]/.test(g)).toBe(false);
    expect(unguardFormula(g)).toBe(v);
  });

  it("leaves a clerk's own leading apostrophe before ordinary text alone", () => {
    expect(unguardFormula("'abc")).toBe("'abc");
    expect(unguardFormula("'+919835012345")).toBe('+919835012345');
  });
});
