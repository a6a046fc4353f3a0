// A screen's list written to CSV and XLSX through the real handler: exactly the rows sent, Hindi
// intact, formula-looking values neutralised, phones readable, bad targets refused with nothing
// left behind.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/services/register-io/csv.js';
import { call, ok } from '../../fixtures/context.js';
import { harness } from '../register-io/workbooks.js';

const columns = [
  { header: 'Service no.' },
  { header: 'नाम' },
  { header: 'Phone', kind: 'phone' as const },
  { header: 'Members', kind: 'number' as const },
];
const rows = [
  ['S-1', 'सुनीता कुमारी', '+91 98350 12345', 3],
  ['S-2', '=HYPERLINK("http://evil.example","x")', '+919835012346', 0],
  ['S-3', '@SUM(A1)', null, -2],
  ['S-4', '-5 Sector, "CID"\nline 2', '+1 =cmd', 12],
  ['S-5', "'already quoted", '', 7],
];

describe('lists.export', () => {
  it('writes CSV with a BOM, one line per row, formulas neutralised', async () => {
    const h = harness();
    const file = path.join(h.dir, 'staff.csv');
    const r = await ok(h.ctx, 'lists.export', { file, title: 'Staff — no group', columns, rows });
    expect(r).toMatchObject({ file, format: 'csv', rows: 5 });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const records: string[][] = [];
    parseCsv(text.slice(1), (f) => records.push(f));
    expect(records).toHaveLength(6);
    expect(records[0]).toEqual(['Service no.', 'नाम', 'Phone', 'Members']);
    expect(records[1]).toEqual(['S-1', 'सुनीता कुमारी', "'+91 98350 12345", '3']);
    expect(records[2]![1]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(records[3]).toEqual(['S-3', "'@SUM(A1)", '', '-2']);
    expect(records[4]![1]).toBe('\'-5 Sector, "CID"\nline 2');
    expect(records[4]![2]).toBe("'+1 =cmd");
    expect(records[5]![1]).toBe("''already quoted");
    // No cell of the file starts with a formula character.
    for (const rec of records) for (const c of rec) expect(c).not.toMatch(/^[=+@]/);
  });

  it('writes XLSX: the list on sheet one, phones as text, numbers as numbers, an About sheet', async () => {
    const h = harness();
    const file = path.join(h.dir, 'Staff.xlsx');
    await ok(h.ctx, 'lists.export', {
      file,
      title: 'Staff: no group / कोई समूह नहीं',
      district: 'Patna (PAT)',
      filters: 'no group',
      columns,
      rows,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Staff no group कोई समूह नहीं');
    expect(ws.rowCount).toBe(6);
    expect(ws.getRow(2).getCell(2).value).toBe('सुनीता कुमारी');
    expect(ws.getRow(2).getCell(3).value).toBe('+91 98350 12345');
    expect(ws.getRow(2).getCell(4).value).toBe(3);
    expect(ws.getRow(3).getCell(2).value).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(ws.getRow(4).getCell(2).value).toBe("'@SUM(A1)");
    expect(ws.getRow(5).getCell(3).value).toBe("'+1 =cmd");
    for (let r = 1; r <= ws.rowCount; r++) {
      ws.getRow(r).eachCell((c) => expect(c.formula).toBeUndefined());
    }
    const about = wb.getWorksheet('About')!;
    const aboutText = JSON.stringify(about.getSheetValues());
    expect(aboutText).toContain('Patna (PAT)');
    expect(aboutText).toMatch(/\d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
  });

  it('refuses a missing folder, rows that do not match the columns, and other formats, writing nothing', async () => {
    const h = harness();
    const before = readdirSync(h.dir).sort();
    const missing = await call(h.ctx, 'lists.export', {
      file: path.join(h.dir, 'nope', 'x.csv'),
      title: 'x',
      columns,
      rows,
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('BAD_INPUT');
    const ragged = await call(h.ctx, 'lists.export', {
      file: path.join(h.dir, 'x.csv'),
      title: 'x',
      columns,
      rows: [['only one']],
    });
    expect(ragged.ok).toBe(false);
    const pdf = await call(h.ctx, 'lists.export', { file: path.join(h.dir, 'x.pdf'), title: 'x', columns, rows });
    expect(pdf.ok).toBe(false);
    expect(readdirSync(h.dir).sort()).toEqual(before);
  });
});
