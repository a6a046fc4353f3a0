// Reads an .xlsx workbook that came from outside (a station's Excel file, a USB stick) without
// trusting it. exceljs does the parsing, but not on the file as given:
//
// 1. The zip is opened with yauzl, which checks every entry's real size against its declared
//    size; only the parts a register needs are inflated (workbook, relationships, shared strings,
//    styles, worksheets), with caps on the number of entries and on the inflated bytes, so a zip
//    bomb stops at the cap instead of filling memory.
// 2. Those parts are re-packed (stored, not compressed) into a clean zip that exceljs loads. This
//    drops drawings, media, comments and tables, and removes `<definedNames>` from workbook.xml:
//    exceljs expands a defined name cell by cell, so `Sheet1!$A$1:$XFD$1048576` would hang it.
// 3. exceljs is told to skip worksheet nodes it would otherwise expand cell by cell (merged
//    ranges, data validations over whole columns, conditional formats) and hyperlinks (the cell
//    text is what we want).
//
// Every failure becomes XlsxError with a message a clerk can act on; the caller turns it into
// AppError('BAD_FILE').
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Cell, RawSheet } from '../../contract/values/cells.js';

export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

export const XLSX_LIMITS = {
  /** The .xlsx file itself. A district register is a few MB; a state one under 60 MB. */
  fileBytes: 150 * 1024 * 1024,
  entries: 10_000,
  /** All parts we inflate, together. */
  inflatedBytes: 600 * 1024 * 1024,
  /** Excel's own limits; exceljs refuses rows/cells beyond them. */
  rows: 1_048_576,
  cellsPerRow: 16_384,
  /** Columns we read per row; a register sheet has about a dozen. */
  columns: 512,
};

const WANTED =
  /^(?:\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

/** A short description of what the bytes are, when they are not a zip. */
function sniff(buf: Buffer): string | null {
  if (
    buf.length >= 4 &&
    buf[0] === 0x50 &&
    buf[1] === 0x4b &&
    (buf[2] === 3 || buf[2] === 5) &&
    (buf[3] === 4 || buf[3] === 6)
  ) {
    return null;
  }
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    return 'an old Excel 97–2003 (.xls) or password-protected workbook. Open it in Excel and save it as "Excel Workbook (.xlsx)" without a password';
  }
  const head = buf
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<html') || head.startsWith('<!doctype') || head.startsWith('<table')) {
    return 'a web page (HTML) saved with an Excel name. Open it in Excel and save it as "Excel Workbook (.xlsx)"';
  }
  if (head.startsWith('<?xml')) return 'an XML file, not an .xlsx workbook';
  if (head.startsWith('%pdf')) return 'a PDF document, not a workbook';
  if (buf.length === 0) return 'an empty file';
  return 'not an Excel workbook (.xlsx)';
}

function openZip(buf: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buf,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    );
  });
}

/** Inflates the parts a register needs, enforcing the limits while bytes arrive. */
async function extractParts(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await openZip(buf);
  const parts = new Map<string, Buffer>();
  let entries = 0;
  let inflated = 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(e);
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(parts);
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      if (++entries > XLSX_LIMITS.entries) return fail(new XlsxError(`it has more than ${XLSX_LIMITS.entries} parts`));
      const name = entry.fileName.replace(/^\/+/, '');
      if (!WANTED.test(name)) return zip.readEntry();
      if (parts.has(name)) return fail(new XlsxError(`the part ${name} appears twice (a tampered zip)`));
      if (entry.isEncrypted()) return fail(new XlsxError('it is encrypted (password-protected)'));
      if (inflated + entry.uncompressedSize > XLSX_LIMITS.inflatedBytes) {
        return fail(new XlsxError(`it unpacks to more than ${XLSX_LIMITS.inflatedBytes / 1024 / 1024} MB`));
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) return fail(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => {
          inflated += c.length;
          if (inflated > XLSX_LIMITS.inflatedBytes) {
            stream.destroy();
            fail(new XlsxError(`it unpacks to more than ${XLSX_LIMITS.inflatedBytes / 1024 / 1024} MB`));
            return;
          }
          chunks.push(c);
        });
        stream.on('error', fail);
        stream.on('end', () => {
          parts.set(name, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

function repack(parts: Map<string, Buffer>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    const fixedTime = new Date(Date.UTC(2000, 0, 1));
    for (const [name, data] of parts) z.addBuffer(data, name, { compress: false, mtime: fixedTime });
    z.end();
    const chunks: Buffer[] = [];
    const out = z.outputStream as Readable;
    out.on('data', (c: Buffer) => chunks.push(c));
    out.on('error', reject);
    out.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const DEFINED_NAMES = /<((?:\w+:)?)definedNames\b[^>]*?(?:\/>|>[\s\S]*?<\/\1definedNames\s*>)/g;

/** Worksheet nodes exceljs would expand range by range, and nodes we never need. */
const IGNORED_NODES = [
  'mergeCells',
  'dataValidations',
  'conditionalFormatting',
  'hyperlinks',
  'extLst',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'tableParts',
  'rowBreaks',
  'colBreaks',
  'autoFilter',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'pageMargins',
];

interface ExcelCellLike {
  value: unknown;
  numFmt?: string;
}

/** A scientific number format ("0.00E+00") outside quoted literals. */
function isScientificFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /E[+-]/i.test(fmt.replace(/"[^"]*"/g, ''));
}

function dateCell(d: Date): Cell {
  const t = d.getTime();
  if (!Number.isFinite(t)) return { kind: 'bad', shown: 'Invalid date', why: 'is a date cell without a valid date' };
  return { kind: 'date', iso: d.toISOString().slice(0, 10) };
}

function richText(v: { richText?: unknown }): string {
  const runs = Array.isArray(v.richText) ? (v.richText as { text?: unknown }[]) : [];
  return runs.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
}

/** exceljs's many value shapes → our Cell. Formulas give their cached result, never a guess. */
export function toCell(c: ExcelCellLike): Cell {
  const v = c.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'bad', shown: String(v), why: 'is not a finite number' };
    return isScientificFormat(c.numFmt) ? { kind: 'sci', value: v } : v;
  }
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return dateCell(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('richText' in o) return richText(o);
    if ('error' in o) return { kind: 'bad', shown: String(o.error), why: `shows the error ${String(o.error)}` };
    if ('formula' in o || 'sharedFormula' in o) {
      const f = String(o.formula ?? o.sharedFormula ?? '');
      if (!('result' in o) || o.result === undefined || o.result === null) {
        return {
          kind: 'bad',
          shown: '=' + f,
          why: 'holds a formula that Excel never calculated; copy the column and paste it as values',
        };
      }
      return toCell({ value: o.result, numFmt: c.numFmt });
    }
    if ('text' in o) {
      // Hyperlink cell (when hyperlinks are read); its text may itself be rich text.
      const t = o.text;
      if (typeof t === 'string') return t;
      if (t && typeof t === 'object') return richText(t as { richText?: unknown });
      return null;
    }
  }
  return { kind: 'bad', shown: String(v).slice(0, 40), why: 'holds a value of an unknown kind' };
}

export interface XlsxRead {
  sheets: RawSheet[];
  skipped: { source: string; reason: string }[];
}

/** Reads every worksheet of a hostile .xlsx into raw rows. Throws XlsxError for unreadable files. */
export async function readXlsx(buf: Buffer): Promise<XlsxRead> {
  if (buf.length > XLSX_LIMITS.fileBytes) {
    throw new XlsxError(`it is larger than ${XLSX_LIMITS.fileBytes / 1024 / 1024} MB`);
  }
  const what = sniff(buf);
  if (what) throw new XlsxError(`it is ${what}`);
  let parts: Map<string, Buffer>;
  try {
    parts = await extractParts(buf);
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw new XlsxError(`it is a damaged zip file (${(err as Error).message})`);
  }
  const workbookXml = parts.get('xl/workbook.xml');
  if (!workbookXml) throw new XlsxError('it is a zip file but not an Excel workbook (no xl/workbook.xml)');
  parts.set('xl/workbook.xml', Buffer.from(workbookXml.toString('utf8').replace(DEFINED_NAMES, ''), 'utf8'));

  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    const clean = await repack(parts);
    parts.clear();
    await wb.xlsx.load(
      clean as unknown as ArrayBuffer,
      {
        ignoreNodes: IGNORED_NODES,
        maxRows: XLSX_LIMITS.rows,
        maxCols: XLSX_LIMITS.cellsPerRow,
      } as Parameters<typeof wb.xlsx.load>[1],
    );
  } catch (err) {
    throw new XlsxError(
      `Excel data inside it cannot be read (${String((err as Error)?.message ?? err).slice(0, 200)})`,
    );
  }

  const sheets: RawSheet[] = [];
  const skipped: XlsxRead['skipped'] = [];
  for (const ws of wb.worksheets) {
    const rows: Cell[][] = [];
    const rowNumbers: number[] = [];
    let tooWide = false;
    try {
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: Cell[] = [];
        let any = false;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col > XLSX_LIMITS.columns) {
            tooWide = true;
            return;
          }
          const c = toCell(cell as unknown as ExcelCellLike);
          if (c === null || (typeof c === 'string' && c.trim() === '')) return;
          while (cells.length < col - 1) cells.push(null);
          cells[col - 1] = c;
          any = true;
        });
        if (any) {
          rows.push(cells);
          rowNumbers.push(rowNumber);
        }
      });
    } catch (err) {
      skipped.push({ source: ws.name, reason: `cannot be read: ${(err as Error).message}` });
      continue;
    }
    if (tooWide) {
      skipped.push({
        source: ws.name,
        reason: `has data beyond column ${XLSX_LIMITS.columns}; it is not a register sheet`,
      });
      continue;
    }
    sheets.push({ source: ws.name, rows, rowNumbers });
  }
  return { sheets, skipped };
}
