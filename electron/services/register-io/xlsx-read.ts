// Reads an .xlsx workbook that came from outside (a station's Excel file, a USB stick) without
// trusting it, and without holding more of it in memory than the rows a register needs:
//
// 1. The zip is opened with yauzl, which checks every entry's real size against its declared
//    size while it inflates. Only the parts a register needs are read (workbook, relationships,
//    styles, shared strings, the worksheets the workbook lists); drawings, media, comments,
//    defined names, merges, validations and conditional formats are never looked at, so a
//    whole-sheet range (`$A$1:$XFD$1048576`) costs nothing.
// 2. Every part is parsed while it streams out of the zip (xml-stream.ts): a worksheet is never
//    a string in memory, only its rows are kept, as the import's raw cells (each an array of
//    exactly its cells; texts are flat copies, the table of shared texts is let go once the
//    sheets are read). 1,048,576 rows stay well under 1 GB (`npm run bench register-io-memory`,
//    tests/bench/register-io-rss.ts).
// 3. Limits a clerk can understand, each refused with its reason: the file's size, the bytes it
//    unpacks to, a cell longer than Excel's own 32,767 characters (a 300 MB "shared string"),
//    more shared strings or filled cells than a register can hold, a row past Excel's
//    1,048,576, a column past Excel's XFD.
//
// Cell values follow what exceljs made of them before (toCell): a formula gives its cached result
// (or a refusal when Excel never calculated it), a number in a date format is a date, rich text
// is its plain text.
//
// Every failure becomes XlsxError with a message a clerk can act on; the caller turns it into
// AppError('BAD_FILE').
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import type { ErrorReason, ReasonParams } from '../../contract/errors.js';
import type { Cell, RawSheet } from '../../contract/values/cells.js';
import { XmlStream, XmlStreamError, type XmlHandler } from './xml-stream.js';

/** A refusal of the workbook: the English sentence for the CLI, and a reason code with its values. */
export class XlsxError extends Error {
  constructor(
    message: string,
    readonly reason: ErrorReason = 'xlsx_damaged',
    readonly params: ReasonParams = {},
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

export const XLSX_LIMITS = {
  /** The .xlsx file itself. A district register is a few MB; a state one under 60 MB. */
  fileBytes: 150 * 1024 * 1024,
  entries: 10_000,
  /** All parts we inflate, together (streamed: this bounds time, not memory). */
  inflatedBytes: 2 * 1024 * 1024 * 1024,
  /** Workbook, relationships and styles: small parts, each held in memory. */
  smallPartBytes: 16 * 1024 * 1024,
  /** Excel's own limits. */
  rows: 1_048_576,
  cellsPerRow: 16_384,
  /** Excel holds at most 32,767 characters in a cell. */
  cellChars: 32_767,
  /** Shared strings kept in memory (the workbook's distinct texts). */
  sharedStrings: 4_000_000,
  /** Filled cells kept, all sheets together: 1,048,576 rows of a dozen columns, and room. */
  cells: 24_000_000,
  /** Columns we read per row; a register sheet has about a dozen. */
  columns: 512,
};

const n = (x: number) => x.toLocaleString('en-IN');
const mb = (x: number) => `${Math.round(x / 1024 / 1024)} MB`;

/** A short description of what the bytes are, when they are not a zip. */
function sniff(buf: Buffer): { text: string; reason: ErrorReason } | null {
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
    return {
      text: 'an old Excel 97–2003 (.xls) or password-protected workbook. Open it in Excel and save it as "Excel Workbook (.xlsx)" without a password',
      reason: 'xlsx_old_format',
    };
  }
  const head = buf
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<html') || head.startsWith('<!doctype') || head.startsWith('<table')) {
    return {
      text: 'a web page (HTML) saved with an Excel name. Open it in Excel and save it as "Excel Workbook (.xlsx)"',
      reason: 'xlsx_html',
    };
  }
  if (head.startsWith('<?xml')) return { text: 'an XML file, not an .xlsx workbook', reason: 'xlsx_not_workbook' };
  if (head.startsWith('%pdf')) return { text: 'a PDF document, not a workbook', reason: 'xlsx_not_workbook' };
  if (buf.length === 0) return { text: 'an empty file', reason: 'xlsx_not_workbook' };
  return { text: 'not an Excel workbook (.xlsx)', reason: 'xlsx_not_workbook' };
}

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
  if (!Number.isFinite(t))
    return { kind: 'bad', shown: 'Invalid date', why: 'is a date cell without a valid date', whyCode: 'invalid_date' };
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
    if (!Number.isFinite(v))
      return { kind: 'bad', shown: String(v), why: 'is not a finite number', whyCode: 'not_finite' };
    return isScientificFormat(c.numFmt) ? { kind: 'sci', value: v } : v;
  }
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return dateCell(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('richText' in o) return richText(o);
    if ('error' in o)
      return { kind: 'bad', shown: String(o.error), why: `shows the error ${String(o.error)}`, whyCode: 'error' };
    if ('formula' in o || 'sharedFormula' in o) {
      const f = String(o.formula ?? o.sharedFormula ?? '');
      if (!('result' in o) || o.result === undefined || o.result === null) {
        return {
          kind: 'bad',
          shown: '=' + f,
          why: 'holds a formula that Excel never calculated; copy the column and paste it as values',
          whyCode: 'formula',
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
  return { kind: 'bad', shown: String(v).slice(0, 40), why: 'holds a value of an unknown kind', whyCode: 'unknown' };
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

/** The zip's directory: the entries we may read, by name. Nothing is inflated yet. */
function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const byName = new Map<string, yauzl.Entry>();
  let entries = 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(byName);
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      if (++entries > XLSX_LIMITS.entries)
        return fail(new XlsxError(`it has more than ${n(XLSX_LIMITS.entries)} parts`));
      const name = entry.fileName.replace(/^\/+/, '');
      if (name.endsWith('/')) return zip.readEntry();
      if (byName.has(name)) return fail(new XlsxError(`the part ${name} appears twice (a tampered zip)`));
      byName.set(name, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/** Streams one part's text through `onText`, counting inflated bytes against the limits. */
class PartReader {
  private inflated = 0;
  constructor(private readonly zip: yauzl.ZipFile) {}

  stream(entry: yauzl.Entry, onText: (text: string) => void, maxBytes = Infinity): Promise<void> {
    if (entry.isEncrypted())
      return Promise.reject(new XlsxError('it is encrypted (password-protected)', 'xlsx_encrypted'));
    const tooBig = () =>
      new XlsxError(`it unpacks to more than ${mb(XLSX_LIMITS.inflatedBytes)}`, 'xlsx_unpacks_too_large', {
        limit: mb(XLSX_LIMITS.inflatedBytes),
      });
    if (this.inflated + entry.uncompressedSize > XLSX_LIMITS.inflatedBytes) return Promise.reject(tooBig());
    if (entry.uncompressedSize > maxBytes) {
      return Promise.reject(
        new XlsxError(`its part ${entry.fileName} is larger than ${mb(maxBytes)}`, 'xlsx_unpacks_too_large', {
          limit: mb(maxBytes),
        }),
      );
    }
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const decoder = new StringDecoder('utf8');
        let partBytes = 0;
        let done = false;
        const fail = (e: unknown) => {
          if (done) return;
          done = true;
          stream.destroy();
          reject(e);
        };
        stream.on('data', (c: Buffer) => {
          if (done) return;
          this.inflated += c.length;
          partBytes += c.length;
          if (this.inflated > XLSX_LIMITS.inflatedBytes) return fail(tooBig());
          if (partBytes > maxBytes)
            return fail(
              new XlsxError(`its part ${entry.fileName} is larger than ${mb(maxBytes)}`, 'xlsx_unpacks_too_large', {
                limit: mb(maxBytes),
              }),
            );
          try {
            onText(decoder.write(c));
          } catch (e) {
            fail(e);
          }
        });
        stream.on('error', fail);
        stream.on('end', () => {
          if (done) return;
          try {
            onText(decoder.end());
          } catch (e) {
            return fail(e);
          }
          done = true;
          resolve();
        });
      });
    });
  }

  /** A small part, whole, as text. */
  async text(entry: yauzl.Entry): Promise<string> {
    const chunks: string[] = [];
    await this.stream(entry, (t) => chunks.push(t), XLSX_LIMITS.smallPartBytes);
    return chunks.join('');
  }

  /** Parses a part while it streams. */
  async parse(entry: yauzl.Entry, handler: (xml: XmlStream) => XmlHandler): Promise<void> {
    let xml: XmlStream | null = null;
    const proxy: XmlHandler = { open: () => undefined, close: () => undefined };
    xml = new XmlStream(
      {
        open: (a, b, c) => proxy.open(a, b, c),
        close: (a) => proxy.close(a),
      },
      { maxTextChars: XLSX_LIMITS.cellChars, maxPending: 1024 * 1024 },
    );
    const h = handler(xml);
    proxy.open = h.open.bind(h);
    proxy.close = h.close.bind(h);
    await this.stream(entry, (t) => xml.write(t));
    xml.end();
  }
}

/** Small parts are parsed with the same scanner, into a list of (name, attributes). */
function elements(text: string, wanted: ReadonlySet<string>): { name: string; attrs: Record<string, string> }[] {
  const out: { name: string; attrs: Record<string, string> }[] = [];
  const xml = new XmlStream(
    {
      open: (name, attrs) => {
        if (wanted.has(name)) out.push({ name, attrs });
      },
      close: () => undefined,
    },
    { maxTextChars: XLSX_LIMITS.cellChars, maxPending: 1024 * 1024 },
  );
  xml.write(text);
  xml.end();
  return out;
}

interface SheetRef {
  name: string;
  part: string | null;
}

/** The workbook's sheets in order, with the part each one is stored in; and its date system. */
function workbookSheets(workbookXml: string, relsXml: string | null): { sheets: SheetRef[]; date1904: boolean } {
  const targets = new Map<string, string>();
  if (relsXml) {
    for (const r of elements(relsXml, new Set(['Relationship']))) {
      if (!r.attrs.Id || !r.attrs.Target || !/\/worksheet$/.test(r.attrs.Type ?? '')) continue;
      const t = r.attrs.Target.replace(/\\/g, '/');
      targets.set(r.attrs.Id, t.startsWith('/') ? t.slice(1) : 'xl/' + t.replace(/^\.\//, ''));
    }
  }
  let date1904 = false;
  const sheets: SheetRef[] = [];
  for (const e of elements(workbookXml, new Set(['sheet', 'workbookPr']))) {
    if (e.name === 'workbookPr') {
      date1904 = e.attrs.date1904 === '1' || e.attrs.date1904 === 'true';
      continue;
    }
    if (!e.attrs.name) continue;
    sheets.push({ name: e.attrs.name, part: (e.attrs.id && targets.get(e.attrs.id)) || null });
  }
  return { sheets, date1904 };
}

const BUILTIN_FORMATS: Record<number, string> = {
  11: '0.00E+00',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
};

/** Each cell style's number format (cellXfs index → format code). */
function cellFormats(stylesXml: string | null): (string | undefined)[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  const out: (string | undefined)[] = [];
  let inCellXfs = false;
  const xml = new XmlStream(
    {
      open: (name, attrs, selfClosing) => {
        if (name === 'numFmt' && attrs.numFmtId && attrs.formatCode !== undefined) {
          custom.set(Number(attrs.numFmtId), attrs.formatCode);
        } else if (name === 'cellXfs' && !selfClosing) inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attrs.numFmtId ?? 0);
          out.push(custom.get(id) ?? BUILTIN_FORMATS[id]);
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    { maxTextChars: XLSX_LIMITS.cellChars, maxPending: 1024 * 1024 },
  );
  xml.write(stylesXml);
  xml.end();
  return out;
}

/** exceljs's rule: a format with date letters outside brackets and quotes is a date format. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** The shared-string table: every <si>'s plain text (rich-text runs joined, phonetic runs left out). */
async function readSharedStrings(reader: PartReader, entry: yauzl.Entry): Promise<string[]> {
  const table: string[] = [];
  await reader.parse(entry, (xml) => {
    let current: string[] | null = null;
    let inPhonetic = false;
    let inT = false;
    return {
      open(name, _attrs, selfClosing) {
        if (name === 'si') {
          if (table.length >= XLSX_LIMITS.sharedStrings) {
            throw new XlsxError(
              `it holds more than ${n(XLSX_LIMITS.sharedStrings)} different texts`,
              'xlsx_too_many_texts',
              {
                limit: n(XLSX_LIMITS.sharedStrings),
              },
            );
          }
          current = [];
        } else if (name === 'rPh') inPhonetic = true;
        else if (name === 't' && current && !inPhonetic && !selfClosing) {
          inT = true;
          xml.captureText();
        }
      },
      close(name) {
        if (name === 't' && inT) {
          inT = false;
          current!.push(xml.takeText());
          if (current!.length > 1 && current!.reduce((a, s) => a + s.length, 0) > XLSX_LIMITS.cellChars) {
            throw new XmlStreamError('a text longer than Excel allows', 'TEXT_TOO_LONG');
          }
        } else if (name === 'rPh') inPhonetic = false;
        else if (name === 'si' && current) {
          table.push(current.length === 1 ? current[0]! : current.join(''));
          current = null;
        }
      },
    };
  });
  return table;
}

/** "AB12" → 28 (1-based), or 0 when it is not a cell reference. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > XLSX_LIMITS.cellsPerRow) return col;
  }
  return col;
}

interface SheetContext {
  shared: string[];
  formats: (string | undefined)[];
  date1904: boolean;
  /** Filled cells kept so far, all sheets. */
  cells: { count: number };
}

class SheetProblem extends Error {}

/** Streams one worksheet into raw rows. */
async function readSheet(reader: PartReader, entry: yauzl.Entry, source: string, ctx: SheetContext): Promise<RawSheet> {
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  await reader.parse(entry, (xml) => {
    let rowNo = 0;
    let row: Cell[] | null = null;
    let any = false;
    let col = 0;
    // The open cell: its type, style, and what its <v>, <f>, <is><t> held.
    let t = '';
    let style = 0;
    let v: string | undefined;
    let hasFormula = false;
    let formula = '';
    let inline: string[] | null = null;
    let capture: 'v' | 'f' | 't' | null = null;
    let inPhonetic = false;

    const finishCell = () => {
      if (col > XLSX_LIMITS.columns) {
        if (v !== undefined || inline) {
          throw new SheetProblem(`has data beyond column ${XLSX_LIMITS.columns}; it is not a register sheet`);
        }
        return;
      }
      const c = cellValue();
      if (c === null || (typeof c === 'string' && c.trim() === '')) return;
      if (++ctx.cells.count > XLSX_LIMITS.cells) {
        throw new XlsxError(
          `it has more than ${n(XLSX_LIMITS.cells)} filled cells; a register has far fewer`,
          'xlsx_too_many_cells',
          { limit: n(XLSX_LIMITS.cells) },
        );
      }
      while (row!.length < col - 1) row!.push(null);
      row![col - 1] = c;
      any = true;
    };

    const cellValue = (): Cell => {
      const numFmt = ctx.formats[style];
      const typed = (raw: string): unknown => {
        switch (t) {
          case 's': {
            const i = Number(raw);
            return Number.isInteger(i) ? ctx.shared[i] : undefined;
          }
          case 'str':
          case 'inlineStr':
            return raw;
          case 'b':
            return parseInt(raw, 10) !== 0;
          case 'e':
            return { error: raw };
          case 'd': {
            const d = new Date(raw);
            return d;
          }
          default: {
            const x = parseFloat(raw);
            return isDateFormat(numFmt) && Number.isFinite(x) ? excelToDate(x, ctx.date1904) : x;
          }
        }
      };
      if (hasFormula) {
        const result = v === undefined ? undefined : typed(v);
        return toCell({ value: { formula, result }, numFmt });
      }
      if (t === 'inlineStr') return inline ? inline.join('') : v === undefined ? null : v;
      if (v === undefined) return null;
      return toCell({ value: typed(v), numFmt });
    };

    return {
      open(name, attrs, selfClosing) {
        switch (name) {
          case 'row': {
            const r = attrs.r === undefined ? rowNo + 1 : Number(attrs.r);
            if (!Number.isInteger(r) || r < 1) throw new SheetProblem(`has a row numbered "${attrs.r}"`);
            if (r > XLSX_LIMITS.rows) {
              throw new XlsxError(
                `the sheet "${source}" has a row numbered ${n(r)}, past Excel's limit of ${n(XLSX_LIMITS.rows)} rows; it was not saved by Excel`,
                'xlsx_too_many_rows',
                { sheet: source, row: n(r), limit: n(XLSX_LIMITS.rows) },
              );
            }
            rowNo = r;
            row = [];
            any = false;
            col = 0;
            if (selfClosing) row = null;
            return;
          }
          case 'c': {
            if (!row) return;
            const ref = attrs.r;
            const c = ref ? columnOf(ref) : col + 1;
            if (c > XLSX_LIMITS.cellsPerRow) {
              throw new XlsxError(
                `the sheet "${source}" has a cell past Excel's last column (XFD) in row ${n(rowNo)}; it was not saved by Excel`,
                'xlsx_too_many_columns',
                { sheet: source, row: n(rowNo) },
              );
            }
            col = c > 0 ? c : col + 1;
            t = attrs.t ?? '';
            style = attrs.s === undefined ? 0 : Number(attrs.s) || 0;
            v = undefined;
            hasFormula = false;
            formula = '';
            inline = null;
            if (selfClosing) finishCell();
            return;
          }
          case 'v':
          case 'f':
            if (!row || selfClosing) {
              if (name === 'f' && row) hasFormula = true;
              return;
            }
            if (name === 'f') hasFormula = true;
            capture = name;
            xml.captureText();
            return;
          case 'is':
            if (row) inline = [];
            return;
          case 'rPh':
            inPhonetic = true;
            return;
          case 't':
            if (inline && !inPhonetic && !selfClosing) {
              capture = 't';
              xml.captureText();
            }
            return;
        }
      },
      close(name) {
        switch (name) {
          case 'v':
            if (capture === 'v') v = xml.takeText();
            capture = null;
            return;
          case 'f':
            if (capture === 'f') formula = xml.takeText();
            capture = null;
            return;
          case 't':
            if (capture === 't') inline!.push(xml.takeText());
            capture = null;
            return;
          case 'rPh':
            inPhonetic = false;
            return;
          case 'c':
            if (row) finishCell();
            return;
          case 'row':
            if (row && any) {
              // A copy of exactly the row's length: the array grown cell by cell has room for
              // 17 cells, and at 1,048,576 rows that slack alone is about 80 MB.
              rows.push(row.slice());
              rowNumbers.push(rowNo);
            }
            row = null;
            return;
        }
      },
    };
  });
  return { source, rows, rowNumbers };
}

function textTooLong(sheet?: string): XlsxError {
  const where = sheet === undefined ? 'it' : `the sheet "${sheet}"`;
  const limit = n(XLSX_LIMITS.cellChars);
  return new XlsxError(
    `${where} holds a text of more than ${limit} characters, more than Excel itself allows in a cell; it was not saved by Excel or is damaged`,
    sheet === undefined ? 'xlsx_cell_too_long' : 'xlsx_sheet_cell_too_long',
    sheet === undefined ? { limit } : { sheet, limit },
  );
}

export interface XlsxRead {
  sheets: RawSheet[];
  skipped: { source: string; reason: string }[];
}

/** Reads every worksheet of a hostile .xlsx into raw rows. Throws XlsxError for unreadable files. */
export async function readXlsx(buf: Buffer): Promise<XlsxRead> {
  if (buf.length > XLSX_LIMITS.fileBytes) {
    throw new XlsxError(`it is larger than ${mb(XLSX_LIMITS.fileBytes)}`, 'xlsx_too_large', {
      limit: mb(XLSX_LIMITS.fileBytes),
    });
  }
  const what = sniff(buf);
  if (what) throw new XlsxError(`it is ${what.text}`, what.reason);
  let zip: yauzl.ZipFile;
  let entries: Map<string, yauzl.Entry>;
  try {
    zip = await openZip(buf);
    entries = await listEntries(zip);
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw new XlsxError(`it is a damaged zip file (${(err as Error).message})`);
  }
  try {
    return await readParts(new PartReader(zip), entries);
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    if (err instanceof XmlStreamError) {
      if (err.reason === 'TEXT_TOO_LONG') throw textTooLong();
      throw new XlsxError(`Excel data inside it cannot be read (${err.message})`);
    }
    throw new XlsxError(`it is a damaged zip file (${String((err as Error)?.message ?? err).slice(0, 200)})`);
  } finally {
    zip.close();
  }
}

async function readParts(reader: PartReader, entries: Map<string, yauzl.Entry>): Promise<XlsxRead> {
  const workbookEntry = entries.get('xl/workbook.xml');
  if (!workbookEntry)
    throw new XlsxError('it is a zip file but not an Excel workbook (no xl/workbook.xml)', 'xlsx_not_workbook');
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  const stylesEntry = entries.get('xl/styles.xml');
  const { sheets: refs, date1904 } = workbookSheets(
    await reader.text(workbookEntry),
    relsEntry ? await reader.text(relsEntry) : null,
  );
  const formats = cellFormats(stylesEntry ? await reader.text(stylesEntry) : null);
  const sstEntry = entries.get('xl/sharedStrings.xml');
  let shared: string[] = [];
  if (sstEntry) {
    try {
      shared = await readSharedStrings(reader, sstEntry);
    } catch (err) {
      if (err instanceof XmlStreamError && err.reason === 'TEXT_TOO_LONG') {
        throw textTooLong();
      }
      throw err;
    }
  }
  const ctx: SheetContext = { shared, formats, date1904, cells: { count: 0 } };
  try {
    return await readSheets(reader, entries, refs, ctx);
  } finally {
    // The table of texts is not needed once the sheets are read, but the last part's inflate
    // stream (held by zlib until it is collected) still reaches it through the parser's
    // closures: empty it, so a million distinct texts the rows no longer use can go.
    shared.length = 0;
    ctx.shared = [];
  }
}

async function readSheets(
  reader: PartReader,
  entries: Map<string, yauzl.Entry>,
  refs: SheetRef[],
  ctx: SheetContext,
): Promise<XlsxRead> {
  const sheets: RawSheet[] = [];
  const skipped: XlsxRead['skipped'] = [];
  for (const ref of refs) {
    const entry = ref.part ? entries.get(ref.part) : undefined;
    if (!entry) {
      skipped.push({ source: ref.name, reason: 'is listed in the workbook but missing from the file' });
      continue;
    }
    try {
      sheets.push(await readSheet(reader, entry, ref.name, ctx));
    } catch (err) {
      if (err instanceof SheetProblem) {
        skipped.push({ source: ref.name, reason: err.message });
        continue;
      }
      if (err instanceof XmlStreamError && err.reason === 'TEXT_TOO_LONG') {
        throw textTooLong(ref.name);
      }
      throw err;
    }
  }
  return { sheets, skipped };
}
