// Crafted .xlsx files for the hostile-workbook tests and the reader's benchmark: real workbooks
// written by exceljs, unpacked, edited part by part and packed again.
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';

export async function workbookBuffer(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('members'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.fromBuffer(buf, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))),
  );
  const out = new Map<string, Buffer>();
  await new Promise<void>((res, rej) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, s) => {
        if (err) return rej(err);
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', res);
    zip.on('error', rej);
    zip.readEntry();
  });
  return out;
}

export function zipOf(parts: Map<string, Buffer>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of parts) z.addBuffer(data, name);
  z.end();
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => res(Buffer.concat(chunks)));
    z.outputStream.on('error', rej);
  });
}

export async function tamper(buf: Buffer, edit: (parts: Map<string, Buffer>) => void): Promise<Buffer> {
  const parts = await unzip(buf);
  edit(parts);
  return zipOf(parts);
}

/** A members sheet with a header and one row. */
export const simple = () =>
  workbookBuffer((ws) => {
    ws.addRow(['group_code', 'name', 'phone']);
    ws.addRow(['G1', 'Ram', 9835012345]);
  });

/**
 * `base` claiming every cell of the sheet: a whole-sheet dimension, column widths for all 16,384
 * columns, a merge and a data validation over a million rows, a defined name for the whole sheet,
 * and one real cell on the last row. A reader that expands any of them cell by cell never ends.
 */
export async function wholeSheetWorkbook(base: Buffer): Promise<Buffer> {
  return tamper(base, (parts) => {
    let sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    sheet = sheet
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
      .replace(
        /<cols>[\s\S]*?<\/cols>|(?=<sheetData>)/,
        '<cols><col min="1" max="16384" width="9" customWidth="1"/></cols>',
      )
      .replace(
        '</sheetData>',
        '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>last</t></is></c></row></sheetData>',
      );
    sheet = sheet.replace(
      '</sheetData>',
      '</sheetData><mergeCells count="1"><mergeCell ref="D1:XFD1048576"/></mergeCells>' +
        '<dataValidations count="1"><dataValidation type="list" sqref="A2:C1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
    );
    parts.set('xl/worksheets/sheet1.xml', Buffer.from(sheet));
    let book = parts.get('xl/workbook.xml')!.toString('utf8');
    book = book.replace(
      '</sheets>',
      '</sheets><definedNames><definedName name="Everything">members!$A$1:$XFD$1048576</definedName></definedNames>',
    );
    parts.set('xl/workbook.xml', Buffer.from(book));
  });
}
