// Queries for reconciling a group with a WhatsApp chat export (SPEC §6): the group's memberships
// with the phones they are matched by, people and staff by phone or by exact name, and the phone
// change a "changed their phone number" line asks for.
import type { RegisterDb } from './register-db.js';
import { all, run } from './exec.js';

export interface GroupMembershipRow {
  membershipId: number;
  memberType: 'citizen' | 'staff';
  /** people.id for citizens, staff.id for staff. */
  memberId: number;
  name: string;
  phone: string | null;
  /** Staff only: F/M/X (the women's group takes women only). */
  gender: string | null;
  joinedOn: string | null;
  leftOn: string | null;
}

/** Every membership of a group, active and ended, citizens and staff, oldest first. */
export function groupMemberships(db: RegisterDb, groupId: number): GroupMembershipRow[] {
  const citizens = all(
    db,
    db.k
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.personId')
      .select(['m.id as membershipId', 'p.id as memberId', 'p.name', 'p.phone', 'm.joinedOn', 'm.leftOn'])
      .where('m.groupId', '=', groupId),
  ).map((r) => ({ ...r, memberType: 'citizen' as const, gender: null }));
  const staff = all(
    db,
    db.k
      .selectFrom('memberships as m')
      .innerJoin('staff as s', 's.id', 'm.staffId')
      .select(['m.id as membershipId', 's.id as memberId', 's.name', 's.phone', 's.gender', 'm.joinedOn', 'm.leftOn'])
      .where('m.groupId', '=', groupId),
  ).map((r) => ({ ...r, memberType: 'staff' as const }));
  return [...citizens, ...staff].sort((a, b) => a.membershipId - b.membershipId);
}

export interface RegisterPersonRow {
  memberType: 'citizen' | 'staff';
  memberId: number;
  name: string;
  phone: string | null;
  gender: string | null;
}

const CHUNK = 500;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** Citizens and staff holding any of these (E.164) phones. */
export function registerPeopleByPhones(db: RegisterDb, phones: readonly string[]): RegisterPersonRow[] {
  const out: RegisterPersonRow[] = [];
  for (const part of chunks(phones)) {
    for (const r of all(
      db,
      db.k
        .selectFrom('people')
        .select(['id', 'name', 'phone'])
        .where('phone', 'in', part)
        .where('erasedAt', 'is', null),
    )) {
      out.push({ memberType: 'citizen', memberId: r.id, name: r.name, phone: r.phone, gender: null });
    }
    for (const r of all(
      db,
      db.k.selectFrom('staff').select(['id', 'name', 'phone', 'gender']).where('phone', 'in', part),
    )) {
      out.push({ memberType: 'staff', memberId: r.id, name: r.name, phone: r.phone, gender: r.gender });
    }
  }
  return out;
}

/** Citizens and staff whose name is exactly one of these (SQLite's NOCASE: ASCII letters only). */
export function registerPeopleByNames(db: RegisterDb, names: readonly string[]): RegisterPersonRow[] {
  const out: RegisterPersonRow[] = [];
  for (const part of chunks(names)) {
    for (const r of all(
      db,
      db.k
        .selectFrom('people')
        .select(['id', 'name', 'phone'])
        .where((eb) => eb.or(part.map((n) => eb(eb.fn('lower', ['name']), '=', n.toLowerCase()))))
        .where('erasedAt', 'is', null)
        .limit(200),
    )) {
      out.push({ memberType: 'citizen', memberId: r.id, name: r.name, phone: r.phone, gender: null });
    }
    for (const r of all(
      db,
      db.k
        .selectFrom('staff')
        .select(['id', 'name', 'phone', 'gender'])
        .where((eb) => eb.or(part.map((n) => eb(eb.fn('lower', ['name']), '=', n.toLowerCase()))))
        .limit(200),
    )) {
      out.push({ memberType: 'staff', memberId: r.id, name: r.name, phone: r.phone, gender: r.gender });
    }
  }
  return out;
}

export function setMemberPhone(
  db: RegisterDb,
  member: { memberType: 'citizen' | 'staff'; memberId: number },
  phone: string,
  at: string,
): void {
  if (member.memberType === 'citizen') {
    run(db, db.k.updateTable('people').set({ phone, updatedAt: at }).where('id', '=', member.memberId));
  } else {
    run(db, db.k.updateTable('staff').set({ phone, updatedAt: at }).where('id', '=', member.memberId));
  }
}
