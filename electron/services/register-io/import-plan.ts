// The planner: given the parsed rows of all four sheets and a snapshot of the register, decides
// for every row whether it is new, an update, unchanged, a duplicate or rejected, and produces the
// write plan (db/register-import.ts). Pure and synchronous, so a commit can run it inside the same
// transaction as the writes, against exactly the state it changes.
//
// Rules (SPEC §5), and the decisions where the spec is silent:
// - Rows refer to each other by code: group → unit, staff → posting unit, OP → parent thana,
//   group admin → staff, member → group and staff. A code that is neither in the file (accepted)
//   nor in the register rejects the row; it is never guessed.
// - Upsert keys: unit/group code, staff service_no, citizen phone. A blank cell never clears a
//   value the register already has (only a value written in the file changes it), so a partial
//   sheet cannot wipe data.
// - The same key twice in a sheet: identical rows are a reported duplicate; differing rows reject
//   the later row (the clerk must say which is right).
// - A citizen's name is not overwritten by an import: one phone with two names (in the file, or
//   file vs register) is reported for review and the first name (the register's, if any) is kept.
//   Other details (locality, occupation, category, consent) are updated from the file.
// - Memberships are keyed by group + member + joined_on; a left_on closes the member's active
//   membership; the same member twice in a group is one membership (reported).
import type {
  ImportWrites,
  RegisterSnapshot,
  SnapshotGroup,
  SnapshotPerson,
  SnapshotStaff,
  SnapshotUnit,
} from '../../../db/register-import.js';
import { emptyWrites } from '../../../db/register-import.js';
import type { CitizenCategory, GroupStatus, UnitType } from '../../../db/schema.js';
import type { GroupRecord, MemberRecord, ParsedSheet, StaffRecord, UnitRecord } from './sheet-rows.js';
import type { EntityCounts, IssueCode, RowCounts, RowIssue, SheetName } from './types.js';

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

const entity = (): EntityCounts => ({ new: 0, updated: 0, unchanged: 0 });

function counter(parsed: ParsedSheet | undefined): RowCounts {
  return {
    rows: parsed?.rows ?? 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicate: 0,
    rejected: parsed?.rejectedRows ?? 0,
  };
}

/** Same value, treating undefined and null alike. */
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

function sameRecord<T extends { row: number }>(a: T, b: T): boolean {
  for (const k of Object.keys(a) as (keyof T)[]) if (k !== 'row' && !same(a[k], b[k])) return false;
  return true;
}

/** Case- and spacing-insensitive comparison of names ("RAM KUMAR" = "Ram  Kumar"). */
const nameKey = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

interface MemberEntry {
  /** Existing membership id; undefined for one this import inserts. */
  id: number | undefined;
  joinedOn: string | null;
  leftOn: string | null;
  /** The file row that matched (or created) this membership in this import. */
  claimedBy?: { row: number; joinedOn: string | null; leftOn: string | null };
}

export function planImport(input: PlanInput): Plan {
  const { snapshot } = input;
  const writes = emptyWrites();
  const rejected: RowIssue[] = [];
  const review: RowIssue[] = [];
  const entities = {
    units: entity(),
    groups: entity(),
    staff: entity(),
    people: entity(),
    memberships: entity(),
  };
  const counts: Plan['counts'] = {};
  const samples: Plan['samples'] = { units: [], groups: [], staff: [], members: [] };
  const sample = (sheet: SheetName, row: number, values: () => Record<string, string | null>) => {
    if (samples[sheet].length < SAMPLES) samples[sheet].push({ row, values: values() });
  };
  /** Counts an accepted unit/staff/group row as new, updated or unchanged and queues its write. */
  const settle = <K extends 'units' | 'staff' | 'groups'>(
    kind: K,
    c: RowCounts,
    value: ImportWrites[K]['insert'][number],
    old: { id: number } | undefined,
    changed: boolean,
  ) => {
    const list = writes[kind] as { insert: unknown[]; update: unknown[] };
    if (!old) {
      c.new++;
      entities[kind].new++;
      list.insert.push(value);
    } else if (changed) {
      c.updated++;
      entities[kind].updated++;
      list.update.push({ ...value, id: old.id });
    } else {
      c.unchanged++;
      entities[kind].unchanged++;
    }
  };

  const reject = (
    sheet: SheetName,
    row: number,
    column: string | null,
    value: string | null,
    code: IssueCode,
    message: string,
  ) => rejected.push({ sheet, row, column, value, reason: { code, message } });
  const note = (
    sheet: SheetName,
    row: number,
    column: string | null,
    value: string | null,
    code: IssueCode,
    message: string,
  ) => review.push({ sheet, row, column, value, reason: { code, message } });

  const header = (p: ParsedSheet | undefined, field: string) => {
    const i = p?.columns?.fieldIndex.get(field);
    return i === undefined ? field : p!.columns!.headers[i] || field;
  };

  /** Message for a code that does not resolve: rejected earlier in the file, or unknown. */
  const missingRef = (
    what: string,
    code: string,
    sheetOfIt: SheetName,
    p: ParsedSheet | undefined,
    planRejected: Map<string, number>,
  ) => {
    const row = p?.rejectedKeys.get(code) ?? planRejected.get(code);
    return row !== undefined
      ? {
          code: 'REF_REJECTED' as const,
          message: `${what} ${code} was rejected (${sheetOfIt} row ${row}), so this row cannot be imported`,
        }
      : {
          code: (what === 'unit' ? 'UNKNOWN_UNIT' : what === 'group' ? 'UNKNOWN_GROUP' : 'UNKNOWN_STAFF') as IssueCode,
          message: `${what} ${code} is neither in this file nor in the register`,
        };
  };

  /** First record per key wins; identical repeats are duplicates, differing ones are rejected. */
  function dedupe<R extends { row: number }>(
    sheet: SheetName,
    p: ParsedSheet | undefined,
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
        note(sheet, r.row, header(p, keyField), k, 'DUPLICATE_ROW', `repeats row ${prev.row} exactly; counted once`);
      } else {
        c.rejected++;
        reject(
          sheet,
          r.row,
          header(p, keyField),
          k,
          'DUPLICATE_CONFLICT',
          `${k} is already on row ${prev.row} with different values; keep one row per ${keyField}`,
        );
      }
    }
    return out;
  }

  // ---- Units -------------------------------------------------------------------------------
  const unitByCode = new Map<string, SnapshotUnit>();
  const unitCodeById = new Map<number, string>();
  for (const u of snapshot.units) {
    unitByCode.set(u.code, u);
    unitCodeById.set(u.id, u.code);
  }
  /** The register's units as they will be after this import: code → type and parent. */
  const finalUnits = new Map<string, { type: UnitType; parentCode: string | null }>();
  for (const u of snapshot.units) {
    finalUnits.set(u.code, {
      type: u.type,
      parentCode: u.parentId === null ? null : (unitCodeById.get(u.parentId) ?? null),
    });
  }
  const unitsRejectedByPlan = new Map<string, number>();
  if (input.units) {
    const p = input.units;
    const c = (counts.units = counter(p));
    const recs = dedupe('units', p, p.records, (r) => r.code, 'code', c);
    const merged = recs.map((r) => {
      const old = unitByCode.get(r.code);
      const oldParent = old && old.parentId !== null ? (unitCodeById.get(old.parentId) ?? null) : null;
      return {
        r,
        old,
        value: {
          code: r.code,
          name: r.name,
          nameHi: r.nameHi ?? old?.nameHi ?? null,
          type: r.type,
          parentCode: r.parentCode ?? oldParent,
          division: r.division ?? old?.division ?? null,
        },
      };
    });
    for (const m of merged) finalUnits.set(m.value.code, { type: m.value.type, parentCode: m.value.parentCode });
    for (const m of merged) {
      const parent = m.value.parentCode;
      let problem: { code: IssueCode; message: string } | undefined;
      if (parent !== null) {
        const pu = finalUnits.get(parent);
        if (!pu) problem = missingRef('unit', parent, 'units', p, unitsRejectedByPlan);
        else if (pu.type !== 'thana') {
          problem = { code: 'PARENT_NOT_THANA', message: `parent ${parent} is a ${pu.type}, not a thana` };
        } else if (pu.parentCode !== null) {
          problem = {
            code: 'PARENT_NOT_THANA',
            message: `parent ${parent} itself belongs to ${pu.parentCode}; name a top-level thana`,
          };
        } else if (parent === m.value.code) {
          problem = { code: 'PARENT_SELF', message: 'a unit cannot be its own parent' };
        }
      }
      if (m.value.type === 'op' && parent === null) {
        problem = { code: 'REQUIRED', message: 'an OP needs parent_code: the code of its thana' };
      }
      if (problem) {
        c.rejected++;
        reject('units', m.r.row, header(p, 'parent_code'), parent, problem.code, problem.message);
        unitsRejectedByPlan.set(m.value.code, m.r.row);
        if (!m.old) finalUnits.delete(m.value.code);
        else {
          const o = m.old;
          finalUnits.set(o.code, {
            type: o.type,
            parentCode: o.parentId === null ? null : (unitCodeById.get(o.parentId) ?? null),
          });
        }
        continue;
      }
      sample('units', m.r.row, () => unitValues(m.value));
      const o = m.old;
      const oldParent = o && o.parentId !== null ? (unitCodeById.get(o.parentId) ?? null) : null;
      settle(
        'units',
        c,
        m.value,
        o,
        !!o &&
          (o.name !== m.value.name ||
            !same(o.nameHi, m.value.nameHi) ||
            o.type !== m.value.type ||
            !same(oldParent, m.value.parentCode) ||
            !same(o.division, m.value.division)),
      );
    }
  }

  // ---- Staff -------------------------------------------------------------------------------
  const staffByNo = new Map<string, SnapshotStaff>();
  const staffNoById = new Map<number, string>();
  for (const s of snapshot.staff) {
    staffByNo.set(s.serviceNo, s);
    staffNoById.set(s.id, s.serviceNo);
  }
  const finalStaff = new Set<string>(staffByNo.keys());
  const staffRejectedByPlan = new Map<string, number>();
  if (input.staff) {
    const p = input.staff;
    const c = (counts.staff = counter(p));
    const recs = dedupe('staff', p, p.records, (r) => r.serviceNo, 'service_no', c);
    for (const r of recs) {
      if (!finalUnits.has(r.postingUnitCode)) {
        const m = missingRef('unit', r.postingUnitCode, 'units', input.units, unitsRejectedByPlan);
        c.rejected++;
        reject('staff', r.row, header(p, 'posting_unit_code'), r.postingUnitCode, m.code, m.message);
        staffRejectedByPlan.set(r.serviceNo, r.row);
        continue;
      }
      const old = staffByNo.get(r.serviceNo);
      const value = {
        serviceNo: r.serviceNo,
        name: r.name,
        rankId: r.rankId,
        gender: r.gender,
        postingUnitCode: r.postingUnitCode,
        phone: r.phone ?? old?.phone ?? null,
      };
      finalStaff.add(r.serviceNo);
      sample('staff', r.row, () => staffValues(r, value.phone));
      settle(
        'staff',
        c,
        value,
        old,
        !!old &&
          (old.name !== value.name ||
            old.rankId !== value.rankId ||
            old.gender !== value.gender ||
            unitCodeById.get(old.postingUnitId) !== value.postingUnitCode ||
            !same(old.phone, value.phone)),
      );
    }
  }

  // ---- Groups ------------------------------------------------------------------------------
  const groupByCode = new Map<string, SnapshotGroup>();
  const groupCodeById = new Map<number, string>();
  for (const g of snapshot.groups) {
    groupByCode.set(g.code, g);
    groupCodeById.set(g.id, g.code);
  }
  const finalGroups = new Set<string>(groupByCode.keys());
  const groupsRejectedByPlan = new Map<string, number>();
  if (input.groups) {
    const p = input.groups;
    const c = (counts.groups = counter(p));
    const recs = dedupe('groups', p, p.records, (r) => r.code, 'code', c);
    for (const r of recs) {
      const old = groupByCode.get(r.code);
      const oldAdmin = old && old.adminStaffId !== null ? (staffNoById.get(old.adminStaffId) ?? null) : null;
      const value = {
        code: r.code,
        unitCode: r.unitCode,
        kind: r.kind,
        name: r.name,
        createdOn: r.createdOn ?? old?.createdOn ?? null,
        adminServiceNo: r.adminServiceNo ?? oldAdmin,
        inviteLink: r.inviteLink ?? old?.inviteLink ?? null,
        status: (r.status ?? old?.status ?? 'active') as GroupStatus,
      };
      let problem: { column: string; value: string; code: IssueCode; message: string } | undefined;
      if (!finalUnits.has(r.unitCode)) {
        const m = missingRef('unit', r.unitCode, 'units', input.units, unitsRejectedByPlan);
        problem = { column: header(p, 'unit_code'), value: r.unitCode, ...m };
      } else if (value.adminServiceNo !== null && !finalStaff.has(value.adminServiceNo)) {
        const m = missingRef('staff member', value.adminServiceNo, 'staff', input.staff, staffRejectedByPlan);
        problem = { column: header(p, 'admin_service_no'), value: value.adminServiceNo, ...m };
      }
      if (problem) {
        c.rejected++;
        reject('groups', r.row, problem.column, problem.value, problem.code, problem.message);
        groupsRejectedByPlan.set(r.code, r.row);
        continue;
      }
      finalGroups.add(r.code);
      sample('groups', r.row, () => groupValues(value));
      settle(
        'groups',
        c,
        value,
        old,
        !!old &&
          (unitCodeById.get(old.unitId) !== value.unitCode ||
            old.kind !== value.kind ||
            old.name !== value.name ||
            !same(old.createdOn, value.createdOn) ||
            !same(oldAdmin, value.adminServiceNo) ||
            !same(old.inviteLink, value.inviteLink) ||
            old.status !== value.status),
      );
    }
  }

  // ---- Members -----------------------------------------------------------------------------
  if (input.members) {
    planMembers(input.members);
  }

  function planMembers(p: ParsedSheet<'members'>): void {
    const c = (counts.members = counter(p));
    const personByPhone = new Map<string, SnapshotPerson>();
    const phoneById = new Map<number, string>();
    for (const person of snapshot.people) {
      personByPhone.set(person.phone, person);
      phoneById.set(person.id, person.phone);
    }
    // Existing memberships by "group|member" (member = p:<phone> or s:<service no>).
    const entries = new Map<string, MemberEntry[]>();
    for (const m of snapshot.memberships) {
      const g = groupCodeById.get(m.groupId);
      const member =
        m.personId !== null
          ? phoneById.has(m.personId)
            ? 'p:' + phoneById.get(m.personId)
            : undefined
          : m.staffId !== null
            ? 's:' + staffNoById.get(m.staffId)
            : undefined;
      if (g === undefined || member === undefined) continue;
      const key = g + '|' + member;
      let list = entries.get(key);
      if (!list) entries.set(key, (list = []));
      list.push({ id: m.id, joinedOn: m.joinedOn, leftOn: m.leftOn });
    }

    const outcome = new Map<MemberRecord, Outcome>();
    const live: MemberRecord[] = [];
    for (const r of p.records) {
      if (!finalGroups.has(r.groupCode)) {
        const m = missingRef('group', r.groupCode, 'groups', input.groups, groupsRejectedByPlan);
        c.rejected++;
        reject('members', r.row, header(p, 'group_code'), r.groupCode, m.code, m.message);
        continue;
      }
      if (r.serviceNo !== null && !finalStaff.has(r.serviceNo)) {
        const m = missingRef('staff member', r.serviceNo, 'staff', input.staff, staffRejectedByPlan);
        c.rejected++;
        reject('members', r.row, header(p, 'service_no'), r.serviceNo, m.code, m.message);
        continue;
      }
      const member = r.serviceNo !== null ? 's:' + r.serviceNo : 'p:' + r.phone;
      const key = r.groupCode + '|' + member;
      const J = r.joinedOn;
      const L = r.leftOn;
      const list = entries.get(key);
      if (list === undefined) {
        // The usual case: the member's first row for this group, and nothing in the register.
        entries.set(key, [
          { id: undefined, joinedOn: J, leftOn: L, claimedBy: { row: r.row, joinedOn: J, leftOn: L } },
        ]);
        writes.memberships.insert.push({
          groupCode: r.groupCode,
          phone: r.phone,
          serviceNo: r.serviceNo,
          joinedOn: J,
          leftOn: L,
        });
        entities.memberships.new++;
        outcome.set(r, 'new');
        live.push(r);
        continue;
      }
      const who = r.serviceNo !== null ? `staff member ${r.serviceNo}` : `phone ${r.phone}`;

      const dup = list.find((e) => e.claimedBy && same(e.claimedBy.joinedOn, J) && same(e.claimedBy.leftOn, L));
      if (dup) {
        c.duplicate++;
        note(
          'members',
          r.row,
          header(p, r.serviceNo !== null ? 'service_no' : 'phone'),
          r.serviceNo ?? r.phone,
          'DUPLICATE_MEMBERSHIP',
          `${who} is already in group ${r.groupCode} on row ${dup.claimedBy!.row}; counted as one membership`,
        );
        continue;
      }
      const free = list.filter((e) => !e.claimedBy);
      let E: MemberEntry | undefined;
      if (J !== null) {
        E =
          free.find((e) => e.joinedOn === J) ??
          free.find((e) => e.joinedOn === null && (e.leftOn === null || e.leftOn === L));
      } else if (L !== null) {
        E = free.find((e) => e.leftOn === L) ?? free.find((e) => e.leftOn === null);
      } else {
        E = free.find((e) => e.leftOn === null);
      }
      const claim = (e: MemberEntry) => (e.claimedBy = { row: r.row, joinedOn: J, leftOn: L });
      if (E) {
        const joinedOn = E.joinedOn ?? J;
        const leftOn = L ?? E.leftOn;
        if (joinedOn !== null && leftOn !== null && leftOn < joinedOn) {
          c.rejected++;
          reject(
            'members',
            r.row,
            header(p, 'left_on'),
            leftOn,
            'DATE_ORDER',
            `left_on ${leftOn} is before the date the register has ${who} joining group ${r.groupCode} (${joinedOn})`,
          );
          continue;
        }
        claim(E);
        if (joinedOn !== E.joinedOn || leftOn !== E.leftOn) {
          // Only existing memberships are ever matched (new ones are claimed when made).
          writes.memberships.update.push({ id: E.id!, joinedOn, leftOn });
          E.joinedOn = joinedOn;
          E.leftOn = leftOn;
          entities.memberships.updated++;
          outcome.set(r, 'updated');
        } else {
          entities.memberships.unchanged++;
          outcome.set(r, 'unchanged');
        }
        live.push(r);
        continue;
      }
      if (L === null) {
        const active = list.find((e) => e.leftOn === null);
        if (active) {
          if (active.claimedBy) {
            c.duplicate++;
            note(
              'members',
              r.row,
              header(p, r.serviceNo !== null ? 'service_no' : 'phone'),
              r.serviceNo ?? r.phone,
              'DUPLICATE_MEMBERSHIP',
              `${who} is already an active member of group ${r.groupCode} (row ${active.claimedBy.row}); counted as one membership`,
            );
            continue;
          }
          claim(active);
          note(
            'members',
            r.row,
            header(p, 'joined_on'),
            J,
            'ALREADY_ACTIVE',
            `${who} is already an active member of group ${r.groupCode} since ${active.joinedOn ?? 'an unrecorded date'}; the register keeps that date`,
          );
          entities.memberships.unchanged++;
          outcome.set(r, 'unchanged');
          live.push(r);
          continue;
        }
      }
      const e: MemberEntry = { id: undefined, joinedOn: J, leftOn: L };
      claim(e);
      list.push(e);
      writes.memberships.insert.push({
        groupCode: r.groupCode,
        phone: r.phone,
        serviceNo: r.serviceNo,
        joinedOn: J,
        leftOn: L,
      });
      entities.memberships.new++;
      outcome.set(r, 'new');
      live.push(r);
    }

    // People: one per phone, from the surviving rows in file order.
    const firstRowOf = new Map<string, MemberRecord>();
    const resolved = new Map<
      string,
      {
        name: string;
        locality: string | null;
        occupation: string | null;
        category: CitizenCategory | null;
        consentOn: string | null;
        consentHow: string | null;
      }
    >();
    for (const r of live) {
      if (r.phone === null) continue;
      const prev = resolved.get(r.phone);
      if (!prev) {
        firstRowOf.set(r.phone, r);
        resolved.set(r.phone, {
          name: r.name!,
          locality: r.locality,
          occupation: r.occupation,
          category: r.category,
          consentOn: r.consentOn,
          consentHow: r.consentHow,
        });
        continue;
      }
      const firstRow = firstRowOf.get(r.phone)!.row;
      if (nameKey(prev.name) !== nameKey(r.name!)) {
        note(
          'members',
          r.row,
          header(p, 'name'),
          r.name,
          'NAME_CONFLICT',
          `phone ${r.phone} is "${prev.name}" on row ${firstRow} and "${r.name}" here; "${prev.name}" is kept — check which is right`,
        );
      }
      const fields = ['locality', 'occupation', 'category', 'consentOn', 'consentHow'] as const;
      for (const f of fields) {
        const v = r[f];
        if (v === null) continue;
        if (prev[f] === null) (prev as Record<string, string | null>)[f] = v;
        else if (prev[f] !== v) {
          note(
            'members',
            r.row,
            header(p, snake(f)),
            v,
            'FIELD_CONFLICT',
            `phone ${r.phone} has ${snake(f)} "${prev[f]}" on row ${firstRow} and "${v}" here; "${prev[f]}" is used`,
          );
        }
      }
    }
    const personChanged = new Set<string>();
    for (const [phone, v] of resolved) {
      const old = personByPhone.get(phone);
      if (!old) {
        writes.people.insert.push({ phone, ...v, category: v.category ?? 'public' });
        entities.people.new++;
        continue;
      }
      if (nameKey(old.name) !== nameKey(v.name)) {
        const r = firstRowOf.get(phone)!;
        note(
          'members',
          r.row,
          header(p, 'name'),
          v.name,
          'NAME_CONFLICT',
          `phone ${phone} is "${old.name}" in the register and "${v.name}" in the file; the register's name is kept — check which is right`,
        );
      }
      const value = {
        phone,
        name: old.name,
        locality: v.locality ?? old.locality,
        occupation: v.occupation ?? old.occupation,
        category: v.category ?? old.category,
        consentOn: v.consentOn ?? old.consentOn,
        consentHow: v.consentHow ?? old.consentHow,
      };
      if (
        !same(value.locality, old.locality) ||
        !same(value.occupation, old.occupation) ||
        value.category !== old.category ||
        !same(value.consentOn, old.consentOn) ||
        !same(value.consentHow, old.consentHow)
      ) {
        writes.people.update.push({ ...value, id: old.id });
        entities.people.updated++;
        personChanged.add(phone);
      } else entities.people.unchanged++;
    }

    for (const r of live) {
      let o = outcome.get(r)!;
      if (o === 'unchanged' && r.phone !== null && personChanged.has(r.phone) && firstRowOf.get(r.phone) === r)
        o = 'updated';
      c[o === 'new' ? 'new' : o === 'updated' ? 'updated' : 'unchanged']++;
      sample('members', r.row, () => memberValues(r, r.phone !== null ? resolved.get(r.phone) : undefined));
    }
  }

  return { writes, counts, rejected, review, entities, samples };
}

const snake = (f: string) => f.replace(/[A-Z]/g, (m) => '_' + m.toLowerCase());

function unitValues(v: Omit<UnitRecord, 'row'>): Record<string, string | null> {
  return {
    code: v.code,
    name: v.name,
    name_hi: v.nameHi,
    type: v.type,
    parent_code: v.parentCode,
    division: v.division,
  };
}

function staffValues(r: StaffRecord, phone: string | null): Record<string, string | null> {
  return {
    service_no: r.serviceNo,
    name: r.name,
    rank: r.rank,
    gender: r.gender,
    posting_unit_code: r.postingUnitCode,
    phone,
  };
}

function groupValues(v: Omit<GroupRecord, 'row' | 'status'> & { status: GroupStatus }): Record<string, string | null> {
  return {
    code: v.code,
    unit_code: v.unitCode,
    kind: v.kind,
    name: v.name,
    created_on: v.createdOn,
    admin_service_no: v.adminServiceNo,
    invite_link: v.inviteLink,
    status: v.status,
  };
}

function memberValues(
  r: MemberRecord,
  person: { name: string; category: CitizenCategory | null } | undefined,
): Record<string, string | null> {
  return {
    group_code: r.groupCode,
    service_no: r.serviceNo,
    name: person?.name ?? r.name,
    phone: r.phone,
    category: r.serviceNo !== null ? 'staff' : (person?.category ?? r.category ?? 'public'),
    locality: r.locality,
    occupation: r.occupation,
    joined_on: r.joinedOn,
    left_on: r.leftOn,
    consent_on: r.consentOn,
    consent_how: r.consentHow,
  };
}
