// Hostile and odd .xlsx files: never a crash, always a clear BAD_FILE, and odd-but-valid cells
// read the way a clerk means them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import { readXlsx, XLSX_LIMITS, XlsxError } from '../../../electron/services/register-io/xlsx-read.js';
import { readSource } from '../../../electron/services/register-io/source.js';
import { AppError } from '../../../electron/contract/errors.js';
import { tempDir } from '../../fixtures/temp.js';
import { simple, tamper, unzip, wholeSheetWorkbook, workbookBuffer, zipOf } from './xlsx-craft.js';

async function badFileMessage(bytes: Buffer, name = 'register.xlsx'): Promise<string> {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  try {
    await readSource(file);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BAD_FILE');
    return (err as AppError).message;
  }
  throw new Error('expected BAD_FILE');
}

const saved = { ...XLSX_LIMITS };
afterEach(() => Object.assign(XLSX_LIMITS, saved));

describe('files that are not workbooks', () => {
  it('a CSV renamed .xlsx', async () => {
    expect(await badFileMessage(Buffer.from('name,phone\nRam,9835012345\n'))).toMatch(
      /register\.xlsx cannot be imported: it is not an Excel workbook/,
    );
  });

  it('an HTML table saved with an Excel name, an old .xls, a PDF, an empty file', async () => {
    expect(await badFileMessage(Buffer.from('<html><table><tr><td>x</td></tr></table></html>'))).toMatch(/web page/);
    const ole = Buffer.alloc(512);
    ole.writeUInt32BE(0xd0cf11e0, 0);
    ole.writeUInt32BE(0xa1b11ae1, 4);
    expect(await badFileMessage(ole, 'old.xls')).toMatch(/Excel 97–2003/);
    expect(await badFileMessage(Buffer.from('%PDF-1.7\n'))).toMatch(/PDF/);
    expect(await badFileMessage(Buffer.alloc(0))).toMatch(/empty file/);
  });

  it('a truncated (corrupt) zip', async () => {
    const buf = await simple();
    expect(await badFileMessage(buf.subarray(0, Math.floor(buf.length / 2)))).toMatch(/damaged zip/);
  });

  it('a zip that is not a workbook (a .docx renamed)', async () => {
    const docx = await zipOf(new Map([['word/document.xml', Buffer.from('<w:document/>')]]));
    expect(await badFileMessage(docx)).toMatch(/not an Excel workbook \(no xl\/workbook\.xml\)/);
  });

  it('a zip bomb stops at the inflate limit', async () => {
    XLSX_LIMITS.inflatedBytes = 1024 * 1024;
    const buf = await tamper(await simple(), (parts) => {
      const xml = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
      const padding = '<!--' + 'A'.repeat(3 * 1024 * 1024) + '-->';
      parts.set('xl/worksheets/sheet1.xml', Buffer.from(xml.replace('<sheetData>', padding + '<sheetData>')));
    });
    expect(buf.length).toBeLessThan(100 * 1024);
    await expect(readXlsx(buf)).rejects.toThrow(/unpacks to more than 1 MB/);
  });

  it('a zip with the same part twice (ambiguous) is refused', async () => {
    const parts = await unzip(await simple());
    const z = new yazl.ZipFile();
    for (const [name, data] of parts) z.addBuffer(data, name);
    z.addBuffer(parts.get('xl/worksheets/sheet1.xml')!, 'xl/worksheets/sheet1.xml');
    z.end();
    const chunks: Buffer[] = [];
    await new Promise<void>((res) => {
      z.outputStream.on('data', (c: Buffer) => chunks.push(c));
      z.outputStream.on('end', () => res());
    });
    await expect(readXlsx(Buffer.concat(chunks))).rejects.toThrow(XlsxError);
  });

  it('garbage XML inside a valid zip', async () => {
    const buf = await tamper(await simple(), (parts) =>
      parts.set('xl/worksheets/sheet1.xml', Buffer.from('<worksheet><sheetData><row')),
    );
    await expect(readXlsx(buf)).rejects.toThrow(XlsxError);
  });
});

describe('odd but valid workbooks', () => {
  it('whole-sheet dimensions, columns, merges, defined names and validations do not hang the reader', async () => {
    const buf = await wholeSheetWorkbook(await simple());
    // A reader that expanded them would not return before the suite's timeout; how fast it
    // reads them is measured against a plain workbook in `npm run bench -- register-io`.
    const r = await readXlsx(buf);
    expect(r.sheets[0]!.rows).toEqual([['group_code', 'name', 'phone'], ['G1', 'Ram', 9835012345], ['last']]);
    expect(r.sheets[0]!.rowNumbers).toEqual([1, 2, 1_048_576]);
  });

  it('reads formulas by their saved result, rich text, hyperlinks, dates, errors and exponent formats', async () => {
    const buf = await workbookBuffer((ws) => {
      ws.addRow(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
      ws.getCell('A2').value = { formula: 'B2&""', result: 'Ram' } as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { formula: 'C3*2' } as ExcelJS.CellFormulaValue;
      ws.getCell('C2').value = { richText: [{ text: 'राम ' }, { text: 'कुमार', font: { bold: true } }] };
      ws.getCell('D2').value = { text: 'Kotwali', hyperlink: 'https://example.com' };
      ws.getCell('E2').value = new Date(Date.UTC(2024, 0, 5));
      ws.getCell('E2').numFmt = 'dd-mm-yyyy';
      ws.getCell('F2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('G2').value = 919835012345;
      ws.getCell('G2').numFmt = '0.00E+00';
      ws.getCell('H2').value = true;
    });
    const [sheet] = (await readXlsx(buf)).sheets;
    expect(sheet!.rows[1]).toEqual([
      'Ram',
      {
        kind: 'bad',
        shown: '=C3*2',
        why: 'holds a formula that Excel never calculated; copy the column and paste it as values',
        whyCode: 'formula',
      },
      'राम कुमार',
      'Kotwali',
      { kind: 'date', iso: '2024-01-05' },
      { kind: 'bad', shown: '#N/A', why: 'shows the error #N/A', whyCode: 'error' },
      { kind: 'sci', value: 919835012345 },
      true,
    ]);
  });

  it('keeps Excel row numbers and skips blank rows', async () => {
    const buf = await workbookBuffer((ws) => {
      ws.getCell('A1').value = 'title';
      ws.getCell('A4').value = 'x';
      ws.getCell('B4').value = '   ';
      ws.getCell('A5').value = '  ';
      ws.getCell('A7').value = 'y';
    });
    const [sheet] = (await readXlsx(buf)).sheets;
    expect(sheet!.rowNumbers).toEqual([1, 4, 7]);
  });

  it('skips a sheet with data far beyond any register column', async () => {
    const buf = await workbookBuffer((ws) => {
      ws.getCell('A1').value = 'x';
      ws.getCell(1, 5000).value = 'far';
    });
    const r = await readXlsx(buf);
    expect(r.sheets).toEqual([]);
    expect(r.skipped[0]).toMatchObject({ source: 'members' });
  });
});
