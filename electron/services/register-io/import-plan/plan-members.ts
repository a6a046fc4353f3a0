// The members sheet, in three steps:
//   1. memberships: each row is matched to the member's memberships of that group (the
//      register's and those this import makes) — keyed by group + member + joined_on; a left_on
//      closes the active one; the same member twice is one membership (reported);
//   2. people: one citizen per phone from the surviving rows in file order; the first name is
//      kept (the register's, if any) and a different one is reported for review;
//   3. row outcomes: a row that changes only its person's details counts as an update.
import type { SnapshotPerson } from '../../../../db/register-import.js';
import type { CitizenCategory } from '../../../../db/schema.js';
import type { MemberRecord, ParsedSheet } from '../sheet-rows.js';
import type { RowCounts } from '../types.js';
import { same, type Outcome, type PlanContext } from './plan-context.js';

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

/** Accepted rows with what each does to its membership, in file order. */
interface MatchedRows {
  outcome: Map<MemberRecord, Outcome>;
  live: MemberRecord[];
}

/** People resolved from the file, one per phone, and the row each was first seen on. */
interface ResolvedPeople {
  resolved: Map<string, ResolvedPerson>;
  firstRowOf: Map<string, MemberRecord>;
}

export function planMembers(ctx: PlanContext): void {
  const p = ctx.input.members;
  if (!p) return;
  const c = ctx.countsFor('members');
  const personByPhone = new Map<string, SnapshotPerson>();
  for (const person of ctx.input.snapshot.people) personByPhone.set(person.phone, person);

  const matched = matchMemberships(ctx, p, c, membershipIndex(ctx));
  const people = resolvePeople(ctx, matched.live);
  const personChanged = settlePeople(ctx, people, personByPhone);

  for (const r of matched.live) {
    let o = matched.outcome.get(r)!;
    if (o === 'unchanged' && r.phone !== null && personChanged.has(r.phone) && people.firstRowOf.get(r.phone) === r)
      o = 'updated';
    c[o === 'new' ? 'new' : o === 'updated' ? 'updated' : 'unchanged']++;
    ctx.sample('members', r.row, () => memberValues(r, r.phone !== null ? people.resolved.get(r.phone) : undefined));
  }
}

/** The register's memberships by "group|member" (member = p:<phone> or s:<service no>). */
function membershipIndex(ctx: PlanContext): Map<string, MemberEntry[]> {
  const phoneById = new Map<number, string>();
  for (const person of ctx.input.snapshot.people) phoneById.set(person.id, person.phone);
  const entries = new Map<string, MemberEntry[]>();
  for (const m of ctx.input.snapshot.memberships) {
    const g = ctx.groupCodeById.get(m.groupId);
    const member =
      m.personId !== null
        ? phoneById.has(m.personId)
          ? 'p:' + phoneById.get(m.personId)
          : undefined
        : m.staffId !== null
          ? 's:' + ctx.staffNoById.get(m.staffId)
          : undefined;
    if (g === undefined || member === undefined) continue;
    const key = g + '|' + member;
    let list = entries.get(key);
    if (!list) entries.set(key, (list = []));
    list.push({ id: m.id, joinedOn: m.joinedOn, leftOn: m.leftOn });
  }
  return entries;
}

/** Step 1: references, then each row against the member's memberships of its group. */
function matchMemberships(
  ctx: PlanContext,
  p: ParsedSheet<'members'>,
  c: RowCounts,
  entries: Map<string, MemberEntry[]>,
): MatchedRows {
  const { writes, entities } = ctx;
  const outcome = new Map<MemberRecord, Outcome>();
  const live: MemberRecord[] = [];
  const accept = (r: MemberRecord, o: Outcome) => {
    outcome.set(r, o);
    live.push(r);
  };
  const insert = (r: MemberRecord) => {
    writes.memberships.insert.push({
      groupCode: r.groupCode,
      phone: r.phone,
      serviceNo: r.serviceNo,
      joinedOn: r.joinedOn,
      leftOn: r.leftOn,
    });
    entities.memberships.new++;
    accept(r, 'new');
  };
  const memberColumn = (r: MemberRecord) => ctx.header('members', r.serviceNo !== null ? 'service_no' : 'phone');

  for (const r of p.records) {
    if (!ctx.finalGroups.has(r.groupCode)) {
      const m = ctx.missingRef('groups', r.groupCode);
      c.rejected++;
      ctx.reject('members', r.row, ctx.header('members', 'group_code'), r.groupCode, m.code, m.message);
      continue;
    }
    if (r.serviceNo !== null && !ctx.finalStaff.has(r.serviceNo)) {
      const m = ctx.missingRef('staff', r.serviceNo);
      c.rejected++;
      ctx.reject('members', r.row, ctx.header('members', 'service_no'), r.serviceNo, m.code, m.message);
      continue;
    }
    const key = r.groupCode + '|' + (r.serviceNo !== null ? 's:' + r.serviceNo : 'p:' + r.phone);
    const J = r.joinedOn;
    const L = r.leftOn;
    const list = entries.get(key);
    if (list === undefined) {
      // The usual case: the member's first row for this group, and nothing in the register.
      entries.set(key, [{ id: undefined, joinedOn: J, leftOn: L, claimedBy: { row: r.row, joinedOn: J, leftOn: L } }]);
      insert(r);
      continue;
    }
    const who = r.serviceNo !== null ? `staff member ${r.serviceNo}` : `phone ${r.phone}`;

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
        accept(r, 'updated');
      } else {
        entities.memberships.unchanged++;
        accept(r, 'unchanged');
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
        );
        entities.memberships.unchanged++;
        accept(r, 'unchanged');
        continue;
      }
    }
    const e: MemberEntry = { id: undefined, joinedOn: J, leftOn: L };
    claim(e);
    list.push(e);
    insert(r);
  }
  return { outcome, live };
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
function resolvePeople(ctx: PlanContext, live: MemberRecord[]): ResolvedPeople {
  const firstRowOf = new Map<string, MemberRecord>();
  const resolved = new Map<string, ResolvedPerson>();
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
      ctx.note(
        'members',
        r.row,
        ctx.header('members', 'name'),
        r.name,
        'NAME_CONFLICT',
        `phone ${r.phone} is "${prev.name}" on row ${firstRow} and "${r.name}" here; "${prev.name}" is kept — check which is right`,
      );
    }
    for (const f of PERSON_FIELDS) {
      const v = r[f];
      if (v === null) continue;
      if (prev[f] === null) (prev as unknown as Record<string, string | null>)[f] = v;
      else if (prev[f] !== v) {
        ctx.note(
          'members',
          r.row,
          ctx.header('members', snake(f)),
          v,
          'FIELD_CONFLICT',
          `phone ${r.phone} has ${snake(f)} "${prev[f]}" on row ${firstRow} and "${v}" here; "${prev[f]}" is used`,
        );
      }
    }
  }
  return { resolved, firstRowOf };
}

/**
 * Step 2b: the resolved people against the register: new ones are inserted; known ones keep the
 * register's name and take the file's other details. Returns the phones whose person changed.
 */
function settlePeople(
  ctx: PlanContext,
  { resolved, firstRowOf }: ResolvedPeople,
  personByPhone: Map<string, SnapshotPerson>,
): Set<string> {
  const { writes, entities } = ctx;
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
      ctx.note(
        'members',
        r.row,
        ctx.header('members', 'name'),
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
  return personChanged;
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
