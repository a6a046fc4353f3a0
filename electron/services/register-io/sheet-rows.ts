// Row by row: a sheet's raw cells become typed records, or the row is rejected with every reason
// found (so the clerk fixes a row once, not once per reason). Nothing here looks at the register
// or at other rows; references and duplicates are the planner's job (import-plan.ts).
import type { MemberCategory } from '../../contract/domain.js';
import type { Cell, RawSheet } from '../../contract/values/cells.js';
import { cellShown, isBlank } from '../../contract/values/cells.js';
import { missingColumns, resolveColumns, type ResolvedColumns } from './headers.js';
import {
  MAX_LENGTH,
  categoryOf,
  dayOf,
  genderOf,
  groupKindOf,
  inviteLinkOf,
  statusOf,
  textOf,
  unitTypeOf,
  type FieldResult,
} from '../../contract/values/normalise.js';
import { normalisePhoneCell } from '../../contract/values/phone.js';
import type { IssueCode, IssueParams, RowIssue, SheetMapping, SheetName } from './types.js';
import type { Gender, GroupKind, GroupStatus, UnitType } from '../../../db/schema.js';

export interface UnitRecord {
  row: number;
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
  parentCode: string | null;
  division: string | null;
}

export interface GroupRecord {
  row: number;
  code: string;
  unitCode: string;
  kind: GroupKind;
  name: string;
  createdOn: string | null;
  adminServiceNo: string | null;
  inviteLink: string | null;
  status: GroupStatus | null;
}

export interface StaffRecord {
  row: number;
  serviceNo: string;
  name: string;
  rankId: number;
  /** The rank's English name in the register (for previews). */
  rank: string;
  gender: Gender;
  postingUnitCode: string;
  phone: string | null;
}

export interface MemberRecord {
  row: number;
  groupCode: string;
  /** Set for a staff member's row; then name/phone/category come from the staff register. */
  serviceNo: string | null;
  name: string | null;
  phone: string | null;
  category: 'eminent' | 'public' | null;
  locality: string | null;
  occupation: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  consentOn: string | null;
  consentHow: string | null;
}

export interface RecordOf {
  units: UnitRecord;
  groups: GroupRecord;
  staff: StaffRecord;
  members: MemberRecord;
}

export interface ParsedSheet<S extends SheetName = SheetName> {
  sheet: S;
  source: string;
  headerRow: number;
  columns: ResolvedColumns | undefined;
  records: RecordOf[S][];
  /** Data rows (non-blank, below the header). */
  rows: number;
  /** Rows rejected here (row-level problems). */
  rejectedRows: number;
  rejected: RowIssue[];
  review: RowIssue[];
  /** Codes (units, groups) or service numbers (staff) of rejected rows → their row, for messages. */
  rejectedKeys: Map<string, number>;
}

export interface ParseOptions {
  today: string;
  rankOf: (text: string) => { id: number; nameEn: string } | undefined;
  mapping: SheetMapping | undefined;
  remembered: (key: string) => SheetMapping | undefined;
  /** Called every `batch` rows; may throw (cancellation). Awaited so the event loop can breathe. */
  tick: (done: number) => Promise<void>;
}

const TICK_EVERY = 2000;

/**
 * One string per distinct value of the columns that repeat (dates, locality, occupation): each
 * row's parse makes a new string for them, and a members sheet of a million rows holds a few
 * hundred distinct values. Bounded, so a column of all-different values costs only the table.
 */
class Interner {
  private readonly seen = new Map<string, string>();
  constructor(private readonly max = 50_000) {}
  of<T extends string | null | undefined>(v: T): T {
    if (typeof v !== 'string') return v;
    const hit = this.seen.get(v);
    if (hit !== undefined) return hit as T;
    if (this.seen.size < this.max) this.seen.set(v, v);
    return v;
  }
}

/** Reads one row's fields and collects its problems. */
class RowReader {
  cells: Cell[] = [];
  row = 0;
  issues: RowIssue[] = [];
  readonly repeated = new Interner();

  constructor(
    private readonly sheet: SheetName,
    private readonly cols: ResolvedColumns,
  ) {}

  start(cells: Cell[], row: number): void {
    this.cells = cells;
    this.row = row;
    this.issues = [];
  }

  cell(field: string): Cell {
    const i = this.cols.fieldIndex.get(field);
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  header(field: string): string {
    const i = this.cols.fieldIndex.get(field);
    return i === undefined ? field : this.cols.headers[i] || field;
  }

  fail(field: string | null, code: IssueCode, message: string, params?: IssueParams): void {
    const value = field === null ? null : cellShown(this.cell(field));
    const column = field === null ? null : this.header(field);
    const what = column === null ? '' : value === null ? `${column}: ` : `${column} "${value}" `;
    this.issues.push({
      sheet: this.sheet,
      row: this.row,
      column,
      value,
      reason: params
        ? { code, message: `${what}${message}`.trim(), params }
        : { code, message: `${what}${message}`.trim() },
    });
  }

  /** The field's value, or undefined after recording why it is unusable. */
  take<T>(field: string, r: FieldResult<T>): T | undefined {
    if (r.ok) return r.value;
    this.fail(field, r.code, r.message, r.params);
    return undefined;
  }

  /** Like take, and a blank value is a problem too. */
  need<T>(field: string, r: FieldResult<T | null>): T | undefined {
    const v = this.take(field, r);
    if (v === null) {
      this.fail(field, 'REQUIRED', 'is required');
      return undefined;
    }
    return v;
  }

  text(field: string, max: number = MAX_LENGTH.text): string | null | undefined {
    return this.take(field, textOf(this.cell(field), max));
  }

  requiredText(field: string, max: number = MAX_LENGTH.text): string | undefined {
    return this.need(field, textOf(this.cell(field), max));
  }
}

type RowParser<S extends SheetName> = (r: RowReader, o: ParseOptions) => RecordOf[S] | undefined;

const parseUnit: RowParser<'units'> = (r) => {
  const code = r.requiredText('code', MAX_LENGTH.code);
  const name = r.requiredText('name', MAX_LENGTH.name);
  const nameHi = r.text('name_hi', MAX_LENGTH.name);
  const type = r.need('type', unitTypeOf(r.cell('type')));
  const parentCode = r.text('parent_code', MAX_LENGTH.code);
  const division = r.text('division', MAX_LENGTH.short);
  if (type === 'op' && parentCode === null)
    r.fail('parent_code', 'REQUIRED', 'an OP needs parent_code: the code of its thana', { variant: 'op_parent' });
  if (code !== undefined && parentCode !== undefined && parentCode !== null && parentCode === code) {
    r.fail('parent_code', 'PARENT_SELF', 'a unit cannot be its own parent');
  }
  if (r.issues.length) return undefined;
  return {
    row: r.row,
    code: code!,
    name: name!,
    nameHi: nameHi ?? null,
    type: type!,
    parentCode: parentCode ?? null,
    division: division ?? null,
  };
};

const parseGroup: RowParser<'groups'> = (r, o) => {
  const code = r.requiredText('code', MAX_LENGTH.code);
  const unitCode = r.requiredText('unit_code', MAX_LENGTH.code);
  const kind = r.need('kind', groupKindOf(r.cell('kind')));
  const name = r.requiredText('name', MAX_LENGTH.name);
  const createdOn = r.take('created_on', dayOf(r.cell('created_on'), o.today));
  const adminServiceNo = r.text('admin_service_no', MAX_LENGTH.code);
  const inviteLink = r.take('invite_link', inviteLinkOf(r.cell('invite_link')));
  const status = r.take('status', statusOf(r.cell('status')));
  if (r.issues.length) return undefined;
  return {
    row: r.row,
    code: code!,
    unitCode: unitCode!,
    kind: kind!,
    name: name!,
    createdOn: createdOn ?? null,
    adminServiceNo: adminServiceNo ?? null,
    inviteLink: inviteLink ?? null,
    status: status ?? null,
  };
};

const parseStaff: RowParser<'staff'> = (r, o) => {
  const serviceNo = r.requiredText('service_no', MAX_LENGTH.code);
  const name = r.requiredText('name', MAX_LENGTH.name);
  const rankText = r.requiredText('rank', MAX_LENGTH.short);
  const rank = rankText === undefined ? undefined : o.rankOf(rankText);
  if (rankText !== undefined && rank === undefined) {
    r.fail('rank', 'UNKNOWN_RANK', 'is not a rank in the register (see the rank list)');
  }
  const gender = r.need('gender', genderOf(r.cell('gender')));
  const postingUnitCode = r.requiredText('posting_unit_code', MAX_LENGTH.code);
  let phone: string | null = null;
  if (!isBlank(r.cell('phone'))) {
    const p = normalisePhoneCell(r.cell('phone'));
    if (p.ok) phone = p.e164;
    else r.fail('phone', p.code, p.message, p.params);
  }
  if (r.issues.length) return undefined;
  return {
    row: r.row,
    serviceNo: serviceNo!,
    name: name!,
    rankId: rank!.id,
    rank: rank!.nameEn,
    gender: gender!,
    postingUnitCode: postingUnitCode!,
    phone,
  };
};

const parseMember: RowParser<'members'> = (r, o) => {
  const groupCode = r.requiredText('group_code', MAX_LENGTH.code);
  const serviceNo = r.text('service_no', MAX_LENGTH.code);
  const category = r.take('category', categoryOf(r.cell('category'))) as MemberCategory | null | undefined;
  let name: string | null | undefined = null;
  let phone: string | null = null;
  if (serviceNo) {
    // A staff member's row: who they are comes from the staff register.
    if (category !== undefined && category !== null && category !== 'staff') {
      r.fail(
        'category',
        'STAFF_CATEGORY',
        'a row with a service number is a staff member; leave category blank or write staff',
        { variant: 'has_service_no' },
      );
    }
  } else if (serviceNo === null) {
    if (category === 'staff') {
      r.fail('category', 'STAFF_CATEGORY', 'says staff, but the row has no service number (service_no)', {
        variant: 'no_service_no',
      });
    }
    name = r.requiredText('name', MAX_LENGTH.name);
    const p = normalisePhoneCell(r.cell('phone'));
    if (isBlank(r.cell('phone'))) r.fail('phone', 'REQUIRED', 'is required for a citizen', { variant: 'citizen' });
    else if (p.ok) phone = p.e164;
    else r.fail('phone', p.code, p.message, p.params);
  }
  const same = r.repeated;
  const locality = same.of(r.text('locality'));
  const occupation = same.of(r.text('occupation', MAX_LENGTH.short));
  const joinedOn = same.of(r.take('joined_on', dayOf(r.cell('joined_on'), o.today)));
  const leftOn = same.of(r.take('left_on', dayOf(r.cell('left_on'), o.today)));
  const consentOn = same.of(r.take('consent_on', dayOf(r.cell('consent_on'), o.today)));
  const consentHow = same.of(r.text('consent_how', MAX_LENGTH.short));
  if (joinedOn && leftOn && leftOn < joinedOn)
    r.fail('left_on', 'DATE_ORDER', `is before joined_on (${joinedOn})`, { variant: 'row', joined: joinedOn });
  if (r.issues.length) return undefined;
  return {
    row: r.row,
    groupCode: groupCode!,
    serviceNo: serviceNo ?? null,
    name: serviceNo ? null : name!,
    phone: serviceNo ? null : phone,
    category: category === 'staff' || category === undefined ? null : category,
    locality: serviceNo ? null : (locality ?? null),
    occupation: serviceNo ? null : (occupation ?? null),
    joinedOn: joinedOn ?? null,
    leftOn: leftOn ?? null,
    consentOn: serviceNo ? null : (consentOn ?? null),
    consentHow: serviceNo ? null : (consentHow ?? null),
  };
};

const KEY_FIELD: Record<SheetName, string | null> = {
  units: 'code',
  groups: 'code',
  staff: 'service_no',
  members: null,
};

const PARSERS: { [S in SheetName]: RowParser<S> } = {
  units: parseUnit,
  groups: parseGroup,
  staff: parseStaff,
  members: parseMember,
};

/** Parses a raw sheet already known to be `sheet`. */
const NO_CELLS: Cell[] = [];

export async function parseSheet<S extends SheetName>(
  sheet: S,
  raw: RawSheet,
  o: ParseOptions,
): Promise<ParsedSheet<S>> {
  const out: ParsedSheet<S> = {
    sheet,
    source: raw.source,
    headerRow: 0,
    columns: undefined,
    records: [],
    rows: 0,
    rejectedRows: 0,
    rejected: [],
    review: [],
    rejectedKeys: new Map(),
  };
  const cols = resolveColumns(sheet, raw.rows, o.mapping, o.remembered);
  if (!cols) {
    out.rows = raw.rows.length;
    out.rejectedRows = raw.rows.length;
    out.rejected.push({
      sheet,
      row: raw.rowNumbers[0] ?? 0,
      column: null,
      value: null,
      reason: {
        code: 'NO_HEADER',
        message: `no header row found in the first rows of "${raw.source}"; name the columns (e.g. ${sheetExample(sheet)}) or map them by hand`,
        params: { source: raw.source, example: sheetExample(sheet) },
      },
      rowsAffected: raw.rows.length,
    });
    return out;
  }
  out.columns = cols;
  out.headerRow = raw.rowNumbers[cols.headerRowIndex] ?? 0;
  for (const u of cols.unknown) {
    out.review.push({
      sheet,
      row: out.headerRow,
      column: u.header,
      value: null,
      reason: {
        code: 'UNKNOWN_COLUMN',
        message: `column ${u.column} "${u.header}" is not a register field; it was not imported`,
        params: { letter: u.column, header: u.header },
      },
    });
  }
  for (const d of cols.duplicates) {
    out.review.push({
      sheet,
      row: out.headerRow,
      column: d.header,
      value: null,
      reason: {
        code: 'DUPLICATE_COLUMN',
        message: `column ${d.column} "${d.header}" names a field an earlier column already gives; it was not imported`,
        params: { letter: d.column, header: d.header },
      },
    });
  }
  const dataRows = raw.rows.length - cols.headerRowIndex - 1;
  out.rows = Math.max(0, dataRows);
  const missing = missingColumns(sheet, new Set(cols.fieldIndex.keys()));
  if (missing.length > 0) {
    out.rejectedRows = out.rows;
    out.rejected.push({
      sheet,
      row: out.headerRow,
      column: null,
      value: null,
      reason: {
        code: 'MISSING_COLUMN',
        message: `the sheet "${raw.source}" has no column for ${missing.join(', ')} (headers: ${cols.headers.filter(Boolean).join(', ')}); no row can be imported`,
        params: { source: raw.source, fields: missing.join(', '), headers: cols.headers.filter(Boolean).join(', ') },
      },
      rowsAffected: out.rows,
    });
    return out;
  }
  const reader = new RowReader(sheet, cols);
  const parse = PARSERS[sheet] as RowParser<S>;
  for (let i = cols.headerRowIndex + 1, n = 0; i < raw.rows.length; i++, n++) {
    if (n > 0 && n % TICK_EVERY === 0) await o.tick(n);
    reader.start(raw.rows[i]!, raw.rowNumbers[i]!);
    const rec = parse(reader, o);
    // The raw row is read once: let it go now, so a full sheet (1,048,576 rows) never holds its
    // raw and its parsed form at the same time.
    raw.rows[i] = NO_CELLS;
    if (rec) out.records.push(rec);
    else {
      out.rejectedRows++;
      for (const issue of reader.issues) out.rejected.push(issue);
      const keyField = KEY_FIELD[sheet];
      if (keyField) {
        const key = textOf(reader.cell(keyField), MAX_LENGTH.code);
        if (key.ok && key.value !== null && !out.rejectedKeys.has(key.value))
          out.rejectedKeys.set(key.value, reader.row);
      }
    }
  }
  await o.tick(out.rows);
  return out;
}

function sheetExample(sheet: SheetName): string {
  switch (sheet) {
    case 'units':
      return 'code, name, type';
    case 'groups':
      return 'code, unit_code, kind, name';
    case 'staff':
      return 'service_no, name, rank, gender, posting_unit_code';
    case 'members':
      return 'group_code, name, phone';
  }
}
