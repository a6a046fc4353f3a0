// What the per-sheet planners share: the register's lookups (from the snapshot), what the
// register will hold once the sheets planned so far are applied, the keys the planner itself
// rejected, and the plan being built (writes, counts, issues, samples).
//
// The sheets are planned in reference order — units, staff, groups, members — because each one
// refers to those before it (staff → posting unit, group → unit and admin, member → group and
// staff). A planner reads its own sheet from `input` and leaves what later sheets need to know
// in `final*` and `rejectedByPlan`.
import type {
  ImportWrites,
  RegisterSnapshot,
  SnapshotGroup,
  SnapshotStaff,
  SnapshotUnit,
} from '../../../../db/register-import.js';
import { emptyWrites } from '../../../../db/register-import.js';
import type { UnitType } from '../../../../db/schema.js';
import type { ParsedSheet } from '../sheet-rows.js';
import type { EntityCounts, IssueCode, IssueParams, IssueReason, RowCounts, RowIssue, SheetName } from '../types.js';

const SAMPLES = 5;

export type Outcome = 'new' | 'updated' | 'unchanged' | 'duplicate' | 'rejected';

export interface PlanInput {
  units?: ParsedSheet<'units'>;
  groups?: ParsedSheet<'groups'>;
  staff?: ParsedSheet<'staff'>;
  members?: ParsedSheet<'members'>;
  snapshot: RegisterSnapshot;
}

export interface Plan {
  writes: ImportWrites;
  counts: Partial<Record<SheetName, RowCounts>>;
  /** Problems found by the planner (references, conflicts); parse problems stay in the sheets. */
  rejected: RowIssue[];
  review: RowIssue[];
  entities: Record<'units' | 'groups' | 'staff' | 'people' | 'memberships', EntityCounts>;
  /** The first few accepted rows per sheet, as they will be written (for the preview). */
  samples: { [S in SheetName]: { row: number; values: Record<string, string | null> }[] };
}

/** The sheets other rows refer to by key. */
export type ReferencedSheet = 'units' | 'staff' | 'groups';

/** A unit as the register will have it: what the parent rules look at. */
export interface FinalUnit {
  type: UnitType;
  parentCode: string | null;
}

/** Same value, treating undefined and null alike. */
export const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

function sameRecord<T extends { row: number }>(a: T, b: T): boolean {
  for (const k of Object.keys(a) as (keyof T)[]) if (k !== 'row' && !same(a[k], b[k])) return false;
  return true;
}

const entity = (): EntityCounts => ({ new: 0, updated: 0, unchanged: 0 });

/** How a reference to each sheet is named in messages, and the code for an unknown key. */
const REFERENCE: Record<ReferencedSheet, { what: string; unknown: IssueCode }> = {
  units: { what: 'unit', unknown: 'UNKNOWN_UNIT' },
  staff: { what: 'staff member', unknown: 'UNKNOWN_STAFF' },
  groups: { what: 'group', unknown: 'UNKNOWN_GROUP' },
};

export class PlanContext {
  readonly writes: ImportWrites = emptyWrites();
  readonly counts: Plan['counts'] = {};
  readonly rejected: RowIssue[] = [];
  readonly review: RowIssue[] = [];
  readonly entities: Plan['entities'] = {
    units: entity(),
    groups: entity(),
    staff: entity(),
    people: entity(),
    memberships: entity(),
  };
  readonly samples: Plan['samples'] = { units: [], groups: [], staff: [], members: [] };

  // The register as the snapshot has it.
  readonly unitByCode = new Map<string, SnapshotUnit>();
  readonly unitCodeById = new Map<number, string>();
  readonly staffByNo = new Map<string, SnapshotStaff>();
  readonly staffNoById = new Map<number, string>();
  readonly groupByCode = new Map<string, SnapshotGroup>();
  readonly groupCodeById = new Map<number, string>();

  /** Units as the register will have them after the units sheet: code → type and parent. */
  readonly finalUnits = new Map<string, FinalUnit>();
  /** Service numbers the register will have after the staff sheet. */
  readonly finalStaff: Set<string>;
  /** Group codes the register will have after the groups sheet. */
  readonly finalGroups: Set<string>;
  /** Keys a planner rejected (code or service number → its row), so a later reference names it. */
  readonly rejectedByPlan: Record<ReferencedSheet, Map<string, number>> = {
    units: new Map(),
    staff: new Map(),
    groups: new Map(),
  };

  constructor(readonly input: PlanInput) {
    const { snapshot } = input;
    for (const u of snapshot.units) {
      this.unitByCode.set(u.code, u);
      this.unitCodeById.set(u.id, u.code);
    }
    for (const u of snapshot.units) this.finalUnits.set(u.code, { type: u.type, parentCode: this.parentCodeOf(u) });
    for (const s of snapshot.staff) {
      this.staffByNo.set(s.serviceNo, s);
      this.staffNoById.set(s.id, s.serviceNo);
    }
    this.finalStaff = new Set(this.staffByNo.keys());
    for (const g of snapshot.groups) {
      this.groupByCode.set(g.code, g);
      this.groupCodeById.set(g.id, g.code);
    }
    this.finalGroups = new Set(this.groupByCode.keys());
  }

  /** The plan built so far. */
  result(): Plan {
    const { writes, counts, rejected, review, entities, samples } = this;
    return { writes, counts, rejected, review, entities, samples };
  }

  /** A register unit's parent thana code (null for a top-level unit). */
  parentCodeOf(u: SnapshotUnit): string | null {
    return u.parentId === null ? null : (this.unitCodeById.get(u.parentId) ?? null);
  }

  /** Starts the row counts of a sheet: its rows, and those rejected while parsing. */
  countsFor(sheet: SheetName): RowCounts {
    const parsed = this.input[sheet];
    return (this.counts[sheet] = {
      rows: parsed?.rows ?? 0,
      new: 0,
      updated: 0,
      unchanged: 0,
      duplicate: 0,
      rejected: parsed?.rejectedRows ?? 0,
    });
  }

  reject(
    sheet: SheetName,
    row: number,
    column: string | null,
    value: string | null,
    code: IssueCode,
    message: string,
    params?: IssueParams,
  ) {
    this.rejected.push({ sheet, row, column, value, reason: reasonOf(code, message, params) });
  }

  note(
    sheet: SheetName,
    row: number,
    column: string | null,
    value: string | null,
    code: IssueCode,
    message: string,
    params?: IssueParams,
  ) {
    this.review.push({ sheet, row, column, value, reason: reasonOf(code, message, params) });
  }

  /** The column's header as the file wrote it (the clerk looks for that), else the field name. */
  header(sheet: SheetName, field: string): string {
    const cols = this.input[sheet]?.columns;
    const i = cols?.fieldIndex.get(field);
    return i === undefined ? field : cols!.headers[i] || field;
  }

  /** Why a key that does not resolve fails: its row was rejected earlier, or it is unknown. */
  missingRef(sheet: ReferencedSheet, key: string): IssueReason {
    const { what, unknown } = REFERENCE[sheet];
    const row = this.input[sheet]?.rejectedKeys.get(key) ?? this.rejectedByPlan[sheet].get(key);
    return row !== undefined
      ? {
          code: 'REF_REJECTED',
          message: `${what} ${key} was rejected (${sheet} row ${row}), so this row cannot be imported`,
          params: { variant: sheet, key, row },
        }
      : { code: unknown, message: `${what} ${key} is neither in this file nor in the register`, params: { key } };
  }

  /** First record per key wins; identical repeats are duplicates, differing ones are rejected. */
  dedupe<R extends { row: number }>(
    sheet: SheetName,
    records: R[],
    keyOf: (r: R) => string,
    keyField: string,
    c: RowCounts,
  ): R[] {
    const first = new Map<string, R>();
    const out: R[] = [];
    for (const r of records) {
      const k = keyOf(r);
      const prev = first.get(k);
      if (!prev) {
        first.set(k, r);
        out.push(r);
      } else if (sameRecord(prev, r)) {
        c.duplicate++;
        this.note(
          sheet,
          r.row,
          this.header(sheet, keyField),
          k,
          'DUPLICATE_ROW',
          `repeats row ${prev.row} exactly; counted once`,
          { other: prev.row },
        );
      } else {
        c.rejected++;
        this.reject(
          sheet,
          r.row,
          this.header(sheet, keyField),
          k,
          'DUPLICATE_CONFLICT',
          `${k} is already on row ${prev.row} with different values; keep one row per ${keyField}`,
          { key: k, other: prev.row, field: keyField },
        );
      }
    }
    return out;
  }

  /**
   * Codes are unique without regard to case (migration 7): a row whose code differs only in case
   * from a code in the register, or from an earlier row's code, is rejected with the code it
   * clashes with (never guessed to be the same unit or group).
   */
  rejectCaseClashes<R extends { row: number; code: string }>(
    sheet: 'units' | 'groups',
    records: R[],
    registerCodes: Iterable<string>,
    c: RowCounts,
  ): R[] {
    const seen = new Map<string, { code: string; row: number | null }>();
    for (const code of registerCodes) {
      const folded = foldCode(code);
      if (!seen.has(folded)) seen.set(folded, { code, row: null });
    }
    const out: R[] = [];
    for (const r of records) {
      const folded = foldCode(r.code);
      const prev = seen.get(folded);
      if (!prev) {
        seen.set(folded, { code: r.code, row: r.row });
        out.push(r);
      } else if (prev.code === r.code) {
        out.push(r);
      } else {
        c.rejected++;
        this.reject(
          sheet,
          r.row,
          this.header(sheet, 'code'),
          r.code,
          'CODE_CASE_CONFLICT',
          prev.row === null
            ? `${r.code} differs only in case from ${prev.code} in the register; codes ignore case: use ${prev.code}`
            : `${r.code} differs only in case from ${prev.code} on row ${prev.row}; codes ignore case: use one spelling`,
          prev.row === null
            ? { variant: 'register', code: r.code, other: prev.code }
            : { variant: 'row', code: r.code, other: prev.code, otherRow: prev.row },
        );
        this.rejectedByPlan[sheet].set(r.code, r.row);
      }
    }
    return out;
  }

  /** Counts an accepted unit/staff/group row as new, updated or unchanged and queues its write. */
  settle<K extends 'units' | 'staff' | 'groups'>(
    kind: K,
    c: RowCounts,
    value: ImportWrites[K]['insert'][number],
    old: { id: number } | undefined,
    changed: boolean,
  ): void {
    const list = this.writes[kind] as { insert: unknown[]; update: unknown[] };
    if (!old) {
      c.new++;
      this.entities[kind].new++;
      list.insert.push(value);
    } else if (changed) {
      c.updated++;
      this.entities[kind].updated++;
      list.update.push({ ...value, id: old.id });
    } else {
      c.unchanged++;
      this.entities[kind].unchanged++;
    }
  }

  /** Keeps the first few accepted rows of a sheet for the preview (values built only if kept). */
  sample(sheet: SheetName, row: number, values: () => Record<string, string | null>): void {
    if (this.samples[sheet].length < SAMPLES) this.samples[sheet].push({ row, values: values() });
  }
}

/** An issue's reason, with its values when the message names any. */
function reasonOf(code: IssueCode, message: string, params: IssueParams | undefined): IssueReason {
  return params ? { code, message, params } : { code, message };
}

/** A code as the case-insensitive rule compares it (ASCII letters only, like SQLite's NOCASE). */
export function foldCode(code: string): string {
  return code.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}
