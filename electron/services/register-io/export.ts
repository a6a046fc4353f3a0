// Export of the register in the import's own format (SPEC §5): an .xlsx with the sheets units,
// groups, staff, members, or a folder of CSV files, so that export → import round-trips.
//
// Formula injection: a text cell that begins with = + - @ tab or CR gets a leading apostrophe
// (and so does one that already begins with an apostrophe, so the import can undo exactly one:
// cells.ts guardFormula/unguardFormula).
//
// Phone numbers are the one deliberate exception in .xlsx. A register phone is always E.164
// (`+` and digits, checked by the schema), which cannot carry a formula payload, and it is
// written as a *string* cell in a column formatted as Text (`@`): Excel shows +919835012345 and
// never evaluates or converts it, even after the clerk edits the cell. Written with an apostrophe
// it would look wrong to the clerk; written as a number it would become 9.19835E+11. In CSV there
// are no cell types, and Excel opening a CSV turns `+919835012345` into the number 919835012345
// (displayed 9.19835E+11 — exactly the destruction the import refuses), so CSV phones get the
// apostrophe like every other risky cell and the import strips it.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { RegisterDb } from '../../../db/register-db.js';
import {
  readConsistently,
  exportCounts,
  exportGroups,
  exportStaff,
  exportUnits,
  iterateMembers,
  type MemberExportRow,
} from '../../../db/register-export.js';
import type { Progress } from '../../contract/progress.js';
import { AppError, reasonError } from '../../contract/errors.js';
import { guardFormula } from '../../contract/values/cells.js';
import { UTF8_BOM, csvLine } from './csv.js';
import { SHEET_FIELDS, type ExportResult, type SheetName } from './types.js';

export interface ExportContext {
  progress: (p: Progress) => void;
  signal: AbortSignal;
}

type Value = string | null;
const DATE_FIELDS = new Set(['created_on', 'joined_on', 'left_on', 'consent_on']);
const PHONE_FIELDS = new Set(['phone']);

interface SheetData {
  sheet: SheetName;
  rows: Iterable<Value[]>;
  count: number;
}

function memberRow(m: MemberExportRow): Value[] {
  return [
    m.groupCode,
    m.serviceNo,
    m.name,
    m.phone,
    m.serviceNo !== null ? 'staff' : m.category,
    m.locality,
    m.occupation,
    m.joinedOn,
    m.leftOn,
    m.consentOn,
    m.consentHow,
  ];
}

function collect(db: RegisterDb): { sheets: SheetData[]; skippedErased: number } {
  const units = exportUnits(db).map((u) => [u.code, u.name, u.nameHi, u.type, u.parentCode, u.division]);
  const groups = exportGroups(db).map((g) => [
    g.code,
    g.unitCode,
    g.kind,
    g.name,
    g.createdOn,
    g.adminServiceNo,
    g.inviteLink,
    g.status,
  ]);
  const staff = exportStaff(db).map((s) => [s.serviceNo, s.name, s.rank, s.gender, s.postingUnitCode, s.phone]);
  const c = exportCounts(db);
  const members = c.memberships - c.erasedMemberships;
  return {
    sheets: [
      { sheet: 'units', rows: units, count: units.length },
      { sheet: 'groups', rows: groups, count: groups.length },
      { sheet: 'staff', rows: staff, count: staff.length },
      {
        sheet: 'members',
        rows: {
          *[Symbol.iterator]() {
            for (const m of iterateMembers(db)) yield memberRow(m);
          },
        },
        count: members,
      },
    ],
    skippedErased: c.erasedMemberships,
  };
}

/** Where and how to write: `.xlsx` → a workbook; anything else → a folder of CSV files. */
export function exportFormat(target: string): 'xlsx' | 'csv' {
  if (/\.xlsx$/i.test(target)) return 'xlsx';
  if (/\.(xls|xlsm|csv|ods)$/i.test(target)) {
    throw reasonError(
      'BAD_INPUT',
      'export_bad_target',
      `Export writes an .xlsx workbook or a folder of CSV files, not ${path.extname(target)}.`,
      { ext: path.extname(target) },
    );
  }
  return 'csv';
}

const PROGRESS_EVERY = 5000;

export async function exportRegister(db: RegisterDb, target: string, ctx: ExportContext): Promise<ExportResult> {
  const file = path.resolve(target);
  const format = exportFormat(file);
  const excel = format === 'xlsx' ? (await import('exceljs')).default : undefined;
  // Reading and row writing are synchronous inside one read transaction; only the final zip
  // flush of an .xlsx is awaited afterwards.
  const written = readConsistently(db, () => {
    const { sheets, skippedErased } = collect(db);
    const total = sheets.reduce((n, s) => n + s.count, 0);
    let done = 0;
    const tick = () => {
      if (++done % PROGRESS_EVERY === 0) {
        if (ctx.signal.aborted)
          throw reasonError('CANCELLED', 'cancelled', 'The export was cancelled; no file was written.');
        ctx.progress({ phase: 'write', done, total });
      }
    };
    ctx.progress({ phase: 'write', done: 0, total });
    const finish = excel ? startXlsx(excel, file, sheets, tick) : finishedCsv(writeCsvFolder(file, sheets, tick));
    const count = (s: SheetName) => sheets.find((x) => x.sheet === s)!.count;
    return {
      finish,
      total,
      counts: { units: count('units'), groups: count('groups'), staff: count('staff'), members: count('members') },
      skippedErased,
    };
  });
  const files = await written.finish();
  ctx.progress({ phase: 'write', done: written.total, total: written.total });
  return { file, format, files, counts: written.counts, skippedErased: written.skippedErased };
}

const finishedCsv = (files: string[]) => async () => files;

function cellText(field: string, v: Value, format: 'xlsx' | 'csv'): string {
  if (v === null) return '';
  if (format === 'xlsx' && PHONE_FIELDS.has(field)) return v;
  return guardFormula(v);
}

function writeCsvFolder(dir: string, sheets: SheetData[], tick: () => void): string[] {
  try {
    if (!statSync(dir).isDirectory()) {
      throw reasonError('BAD_INPUT', 'not_a_folder', `${dir} exists and is not a folder.`, { folder: dir });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    mkdirSync(dir, { recursive: true });
  }
  const written: string[] = [];
  const temps: string[] = [];
  try {
    for (const s of sheets) {
      const fields = SHEET_FIELDS[s.sheet];
      const final = path.join(dir, `${s.sheet}.csv`);
      const tmp = `${final}.tmp-${process.pid}`;
      temps.push(tmp);
      const fd = openSync(tmp, 'w');
      try {
        let buf = UTF8_BOM + csvLine(fields);
        for (const row of s.rows) {
          buf += csvLine(row.map((v, i) => cellText(fields[i]!, v, 'csv')));
          if (buf.length > 1 << 20) {
            writeSync(fd, buf);
            buf = '';
          }
          tick();
        }
        writeSync(fd, buf);
      } finally {
        closeSync(fd);
      }
    }
    // All four written: only now replace the old files, so a failure leaves the old set whole.
    sheets.forEach((s, i) => {
      const final = path.join(dir, `${s.sheet}.csv`);
      renameSync(temps[i]!, final);
      written.push(final);
    });
    return written;
  } catch (err) {
    for (const t of temps) rmSync(t, { force: true });
    throw err;
  }
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

type ExcelModule = typeof ExcelJS;

/** Writes every row now (synchronously); the returned function flushes the zip and renames it. */
function startXlsx(excel: ExcelModule, file: string, sheets: SheetData[], tick: () => void): () => Promise<string[]> {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const wb = new excel.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  const fail = async (err: unknown): Promise<never> => {
    // Let the writer finish with its file handle before the temp file is removed.
    await wb.commit().catch(() => undefined);
    rmSync(tmp, { force: true });
    throw err;
  };
  try {
    wb.creator = 'Samooh';
    for (const s of sheets) {
      const fields = SHEET_FIELDS[s.sheet];
      const ws = wb.addWorksheet(s.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = fields.map((f) => ({
        header: f,
        key: f,
        width: f === 'name' || f === 'locality' || f === 'invite_link' ? 28 : 16,
        style: DATE_FIELDS.has(f) ? { numFmt: 'yyyy-mm-dd' } : { numFmt: '@' },
      }));
      for (const row of s.rows) {
        const values = row.map((v, i) => {
          const f = fields[i]!;
          if (v === null) return null;
          if (DATE_FIELDS.has(f)) return isoToDate(v);
          return cellText(f, v, 'xlsx');
        });
        ws.addRow(values).commit();
        tick();
      }
      ws.commit();
    }
  } catch (err) {
    const failed = fail(err);
    return () => failed;
  }
  return async () => {
    try {
      await wb.commit();
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    renameSync(tmp, file);
    return [file];
  };
}
