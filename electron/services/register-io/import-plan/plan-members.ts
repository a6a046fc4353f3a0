// The members sheet, in three steps:
//   1. memberships: each row is matched to the member's memberships of that group (the
//      register's and those this import makes) — keyed by group + member + joined_on; a left_on
//      closes the active one; the same member twice is one membership (reported);
//   2. people: one citizen per phone from the surviving rows in file order; the first name is
//      kept (the register's, if any) and a different one is reported for review;
//   3. row outcomes: a row that changes only its person's details counts as an update.
//
// Memory (a members sheet may have all of Excel's 1,048,576 rows): nothing here is made per row
// in the usual case. A row's outcome is one byte in an array; a membership this import makes is
// the row's record itself (in the member index and in the write plan); a person is the record
// of their first row until a later row fills one of their gaps; a new person's write is that
// record too when it has everything a person needs.
import type { PersonWrite, SnapshotPerson } from '../../../../db/register-import.js';
import type { CitizenCategory } from '../../../../db/schema.js';
import type { MemberRecord, ParsedSheet } from '../sheet-rows.js';
import type { RowCounts } from '../types.js';
import { same, type PlanContext } from './plan-context.js';

interface MemberEntry {
  /** Existing membership id; undefined for one this import inserts. */
  id: number | undefined;
  joinedOn: string | null;
  leftOn: string | null;
  /** The file row that matched (or created) this membership in this import. */
  claimedBy?: { row: number; joinedOn: string | null; leftOn: string | null };
}

/** A citizen's details as the file (first row per phone, gaps filled by later rows) gives them. */
export interface ResolvedPerson {
  name: string;
  locality: string | null;
  occupation: string | null;
  category: CitizenCategory | null;
  consentOn: string | null;
  consentHow: string | null;
}

/** What each row does to its membership, by the row's index in the sheet's records (0: not accepted). */
const OUTCOME_CODE = { new: 1, updated: 2, unchanged: 3 } as const;
const OUTCOME_OF: readonly ('new' | 'updated' | 'unchanged' | undefined)[] = [undefined, 'new', 'updated', 'unchanged'];
type Outcomes = Uint8Array;

/**
 * A member's memberships of one group: the list, or — the usual case, one row that made a new
 * membership — that row's record, standing for `[{ joinedOn, leftOn, claimedBy: that row }]`.
 */
type MemberSlot = MemberRecord | MemberEntry[];

/** The memberships by group, then by member: citizens by phone, staff by service number. */
interface MembershipIndex {
  byPhone: Map<string, Map<string, MemberSlot>>;
  byStaff: Map<string, Map<string, MemberSlot>>;
}

/** A person whose details later rows changed: their first row, and the details as resolved. */
class FilledPerson {
  constructor(
    readonly first: MemberRecord,
    readonly person: ResolvedPerson,
  ) {}
}

/** One per phone: the first row's record (its details are the person's), or a FilledPerson. */
type PersonSlot = MemberRecord | FilledPerson;

const firstRowOf = (s: PersonSlot): MemberRecord => (s instanceof FilledPerson ? s.first : s);
/** The person's details; a record is read as the person its row describes (name set: a citizen row). */
const personOf = (s: PersonSlot): ResolvedPerson => (s instanceof FilledPerson ? s.person : (s as ResolvedPerson));

/** People resolved from the file, one per phone, in the order first seen. */
type ResolvedPeople = Map<string, PersonSlot>;

export function planMembers(ctx: PlanContext): void {
  const p = ctx.input.members;
  if (!p) return;
  const c = ctx.countsFor('members');
  const personByPhone = new Map<string, SnapshotPerson>();
  for (const person of ctx.input.snapshot.people) personByPhone.set(person.phone, person);

  const outcomes = matchMemberships(ctx, p, c, membershipIndex(ctx));
  const people = resolvePeople(ctx, p.records, outcomes);
  const personChanged = settlePeople(ctx, people, personByPhone);

  const records = p.records;
  for (let i = 0; i < records.length; i++) {
    let o = OUTCOME_OF[outcomes[i]!];
    if (o === undefined) continue;
    const r = records[i]!;
    if (o === 'unchanged' && r.phone !== null && personChanged.has(r.phone) && firstRowOf(people.get(r.phone)!) === r)
      o = 'updated';
    c[o]++;
    ctx.sample('members', r.row, () => {
      const slot = r.phone !== null ? people.get(r.phone) : undefined;
      return memberValues(r, slot === undefined ? undefined : personOf(slot));
    });
  }
}

function slotsOf(index: MembershipIndex, groupCode: string, staff: boolean): Map<string, MemberSlot> {
  const by = staff ? index.byStaff : index.byPhone;
  let m = by.get(groupCode);
  if (!m) by.set(groupCode, (m = new Map()));
  return m;
}

/** The list a slot stands for (made from the row's record the first time it is needed). */
function entriesOf(slots: Map<string, MemberSlot>, member: string, slot: MemberSlot): MemberEntry[] {
  if (Array.isArray(slot)) return slot;
  const r = slot;
  const list: MemberEntry[] = [
    {
      id: undefined,
      joinedOn: r.joinedOn,
      leftOn: r.leftOn,
      claimedBy: { row: r.row, joinedOn: r.joinedOn, leftOn: r.leftOn },
    },
  ];
  slots.set(member, list);
  return list;
}

/** The register's memberships by group, then member (phone or service number). */
function membershipIndex(ctx: PlanContext): MembershipIndex {
  const phoneById = new Map<number, string>();
  for (const person of ctx.input.snapshot.people) phoneById.set(person.id, person.phone);
  const index: MembershipIndex = { byPhone: new Map(), byStaff: new Map() };
  for (const m of ctx.input.snapshot.memberships) {
    const g = ctx.groupCodeById.get(m.groupId);
    const staff = m.personId === null;
    const member =
      m.personId !== null
        ? phoneById.get(m.personId)
        : m.staffId !== null
          ? // A staff id the register does not list still keys its memberships (as "undefined").
            String(ctx.staffNoById.get(m.staffId))
          : undefined;
    if (g === undefined || member === undefined) continue;
    const slots = slotsOf(index, g, staff);
    let list = slots.get(member) as MemberEntry[] | undefined;
    if (!list) slots.set(member, (list = []));
    list.push({ id: m.id, joinedOn: m.joinedOn, leftOn: m.leftOn });
  }
  return index;
}

/** Step 1: references, then each row against the member's memberships of its group. */
function matchMemberships(ctx: PlanContext, p: ParsedSheet<'members'>, c: RowCounts, index: MembershipIndex): Outcomes {
  const { writes, entities } = ctx;
  const outcomes: Outcomes = new Uint8Array(p.records.length);
  let i = -1;
  const accept = (o: 'new' | 'updated' | 'unchanged') => {
    outcomes[i] = OUTCOME_CODE[o];
  };
  // The record is the membership's write: it has the group code, phone or service number and dates.
  const insert = (r: MemberRecord) => {
    writes.memberships.insert.push(r);
    entities.memberships.new++;
    accept('new');
  };
  const memberColumn = (r: MemberRecord) => ctx.header('members', r.serviceNo !== null ? 'service_no' : 'phone');

  for (const r of p.records) {
    i++;
    if (!ctx.finalGroups.has(r.groupCode)) {
      const m = ctx.missingRef('groups', r.groupCode);
      c.rejected++;
      ctx.reject('members', r.row, ctx.header('members', 'group_code'), r.groupCode, m.code, m.message, m.params);
      continue;
    }
    if (r.serviceNo !== null && !ctx.finalStaff.has(r.serviceNo)) {
      const m = ctx.missingRef('staff', r.serviceNo);
      c.rejected++;
      ctx.reject('members', r.row, ctx.header('members', 'service_no'), r.serviceNo, m.code, m.message, m.params);
      continue;
    }
    const slots = slotsOf(index, r.groupCode, r.serviceNo !== null);
    const member = r.serviceNo ?? String(r.phone);
    const J = r.joinedOn;
    const L = r.leftOn;
    const slot = slots.get(member);
    if (slot === undefined) {
      // The usual case: the member's first row for this group, and nothing in the register.
      slots.set(member, r);
      insert(r);
      continue;
    }
    const list = entriesOf(slots, member, slot);
    const who = r.serviceNo !== null ? `staff member ${r.serviceNo}` : `phone ${r.phone}`;
    // The member as the clerk's language names them: a staff member's service number or a phone.
    const whoParams =
      r.serviceNo !== null ? { who: 'staff', member: r.serviceNo } : { who: 'phone', member: String(r.phone) };

    const dup = list.find((e) => e.claimedBy && same(e.claimedBy.joinedOn, J) && same(e.claimedBy.leftOn, L));
    if (dup) {
      c.duplicate++;
      ctx.note(
        'members',
        r.row,
        memberColumn(r),
        r.serviceNo ?? r.phone,
        'DUPLICATE_MEMBERSHIP',
        `${who} is already in group ${r.groupCode} on row ${dup.claimedBy!.row}; counted as one membership`,
        { variant: 'same_dates', ...whoParams, group: r.groupCode, other: dup.claimedBy!.row },
      );
      continue;
    }
    const claim = (e: MemberEntry) => (e.claimedBy = { row: r.row, joinedOn: J, leftOn: L });
    const E = unclaimedMatch(list, J, L);
    if (E) {
      const joinedOn = E.joinedOn ?? J;
      const leftOn = L ?? E.leftOn;
      if (joinedOn !== null && leftOn !== null && leftOn < joinedOn) {
        c.rejected++;
        ctx.reject(
          'members',
          r.row,
          ctx.header('members', 'left_on'),
          leftOn,
          'DATE_ORDER',
          `left_on ${leftOn} is before the date the register has ${who} joining group ${r.groupCode} (${joinedOn})`,
          { variant: 'register', left: leftOn, ...whoParams, group: r.groupCode, joined: joinedOn },
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
        accept('updated');
      } else {
        entities.memberships.unchanged++;
        accept('unchanged');
      }
      continue;
    }
    if (L === null) {
      const active = list.find((e) => e.leftOn === null);
      if (active) {
        if (active.claimedBy) {
          c.duplicate++;
          ctx.note(
            'members',
            r.row,
            memberColumn(r),
            r.serviceNo ?? r.phone,
            'DUPLICATE_MEMBERSHIP',
            `${who} is already an active member of group ${r.groupCode} (row ${active.claimedBy.row}); counted as one membership`,
            { variant: 'active', ...whoParams, group: r.groupCode, other: active.claimedBy.row },
          );
          continue;
        }
        claim(active);
        ctx.note(
          'members',
          r.row,
          ctx.header('members', 'joined_on'),
          J,
          'ALREADY_ACTIVE',
          `${who} is already an active member of group ${r.groupCode} since ${active.joinedOn ?? 'an unrecorded date'}; the register keeps that date`,
          active.joinedOn === null
            ? { variant: 'no_date', ...whoParams, group: r.groupCode }
            : { variant: 'since', ...whoParams, group: r.groupCode, since: active.joinedOn },
        );
        entities.memberships.unchanged++;
        accept('unchanged');
        continue;
      }
    }
    const e: MemberEntry = { id: undefined, joinedOn: J, leftOn: L };
    claim(e);
    list.push(e);
    insert(r);
  }
  return outcomes;
}

/**
 * The membership not yet claimed by an earlier row that a row with these dates describes: the
 * same joined_on (or one the register left blank), else by left_on, else the active one.
 */
function unclaimedMatch(list: MemberEntry[], J: string | null, L: string | null): MemberEntry | undefined {
  const free = list.filter((e) => !e.claimedBy);
  if (J !== null) {
    return (
      free.find((e) => e.joinedOn === J) ??
      free.find((e) => e.joinedOn === null && (e.leftOn === null || e.leftOn === L))
    );
  }
  if (L !== null) return free.find((e) => e.leftOn === L) ?? free.find((e) => e.leftOn === null);
  return free.find((e) => e.leftOn === null);
}

const PERSON_FIELDS = ['locality', 'occupation', 'category', 'consentOn', 'consentHow'] as const;

/** Step 2a: one person per phone from the accepted rows; later rows fill gaps, conflicts are noted. */
function resolvePeople(ctx: PlanContext, records: MemberRecord[], outcomes: Outcomes): ResolvedPeople {
  const resolved: ResolvedPeople = new Map();
  for (let i = 0; i < records.length; i++) {
    if (outcomes[i] === 0) continue;
    const r = records[i]!;
    if (r.phone === null) continue;
    let slot = resolved.get(r.phone);
    if (!slot) {
      resolved.set(r.phone, r);
      continue;
    }
    let prev = personOf(slot);
    const firstRow = firstRowOf(slot).row;
    if (nameKey(prev.name) !== nameKey(r.name!)) {
      ctx.note(
        'members',
        r.row,
        ctx.header('members', 'name'),
        r.name,
        'NAME_CONFLICT',
        `phone ${r.phone} is "${prev.name}" on row ${firstRow} and "${r.name}" here; "${prev.name}" is kept — check which is right`,
        { variant: 'file', phone: r.phone, kept: prev.name, other: firstRow, name: r.name! },
      );
    }
    for (const f of PERSON_FIELDS) {
      const v = r[f];
      if (v === null) continue;
      if (prev[f] === null) {
        if (!(slot instanceof FilledPerson)) {
          // The first row's record stays as read; the person's details become their own copy.
          slot = new FilledPerson(slot, {
            name: prev.name,
            locality: prev.locality,
            occupation: prev.occupation,
            category: prev.category,
            consentOn: prev.consentOn,
            consentHow: prev.consentHow,
          });
          resolved.set(r.phone, slot);
          prev = slot.person;
        }
        (prev as unknown as Record<string, string | null>)[f] = v;
      } else if (prev[f] !== v) {
        ctx.note(
          'members',
          r.row,
          ctx.header('members', snake(f)),
          v,
          'FIELD_CONFLICT',
          `phone ${r.phone} has ${snake(f)} "${prev[f]}" on row ${firstRow} and "${v}" here; "${prev[f]}" is used`,
          { phone: r.phone, field: snake(f), kept: String(prev[f]), other: firstRow, value: v },
        );
      }
    }
  }
  return resolved;
}

/**
 * Step 2b: the resolved people against the register: new ones are inserted; known ones keep the
 * register's name and take the file's other details. Returns the phones whose person changed.
 */
function settlePeople(
  ctx: PlanContext,
  resolved: ResolvedPeople,
  personByPhone: Map<string, SnapshotPerson>,
): Set<string> {
  const { writes, entities } = ctx;
  const personChanged = new Set<string>();
  for (const [phone, slot] of resolved) {
    const v = personOf(slot);
    const old = personByPhone.get(phone);
    if (!old) {
      writes.people.insert.push(
        isPersonWrite(slot)
          ? slot
          : {
              phone,
              name: v.name,
              locality: v.locality,
              occupation: v.occupation,
              category: v.category ?? 'public',
              consentOn: v.consentOn,
              consentHow: v.consentHow,
            },
      );
      entities.people.new++;
      continue;
    }
    if (nameKey(old.name) !== nameKey(v.name)) {
      const r = firstRowOf(slot);
      ctx.note(
        'members',
        r.row,
        ctx.header('members', 'name'),
        v.name,
        'NAME_CONFLICT',
        `phone ${phone} is "${old.name}" in the register and "${v.name}" in the file; the register's name is kept — check which is right`,
        { variant: 'register', phone, kept: old.name, name: v.name },
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
  return personChanged;
}

/** A citizen's row whose record already is their person's write: a name, a phone and a category. */
function isPersonWrite(s: PersonSlot): s is MemberRecord & PersonWrite {
  return !(s instanceof FilledPerson) && s.phone !== null && s.name !== null && s.category !== null;
}

/** Case- and spacing-insensitive comparison of names ("RAM KUMAR" = "Ram  Kumar"). */
const nameKey = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

const snake = (f: string) => f.replace(/[A-Z]/g, (m) => '_' + m.toLowerCase());

export function memberValues(
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
