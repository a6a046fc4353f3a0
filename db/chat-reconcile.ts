// Queries for reconciling a group with a WhatsApp chat export (SPEC §6): the group's active members
// and the history of the people matched, people and staff by phone or by exact name, and the phone
// change a "changed their phone number" line asks for.
import type { RegisterDb } from './register-db.js';
import { sql } from 'kysely';
import { all, run } from './exec.js';

const CHUNK = 500;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

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

/**
 * The group's active members, citizens and staff, from the partial index of active memberships
 * (memberships_active_group): a group's history is not needed to know who is in it now.
 */
export function activeGroupMembers(db: RegisterDb, groupId: number): GroupMembershipRow[] {
  const citizens = all(
    db,
    db.k
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.personId')
      .select(['m.id as membershipId', 'p.id as memberId', 'p.name', 'p.phone', 'm.joinedOn', 'm.leftOn'])
      .where('m.groupId', '=', groupId)
      .where('m.leftOn', 'is', null),
  ).map((r) => ({ ...r, memberType: 'citizen' as const, gender: null }));
  const staff = all(
    db,
    db.k
      .selectFrom('memberships as m')
      .innerJoin('staff as s', 's.id', 'm.staffId')
      .select(['m.id as membershipId', 's.id as memberId', 's.name', 's.phone', 's.gender', 'm.joinedOn', 'm.leftOn'])
      .where('m.groupId', '=', groupId)
      .where('m.leftOn', 'is', null),
  ).map((r) => ({ ...r, memberType: 'staff' as const }));
  return [...citizens, ...staff].sort((a, b) => a.membershipId - b.membershipId);
}

export interface Spell {
  memberType: 'citizen' | 'staff';
  memberId: number;
  joinedOn: string | null;
  leftOn: string | null;
}

/** Every membership (active and ended) of these people and staff in one group, by their own indexes. */
export function memberSpells(
  db: RegisterDb,
  groupId: number,
  members: { citizens: readonly number[]; staff: readonly number[] },
): Spell[] {
  const out: Spell[] = [];
  for (const part of chunks(members.citizens)) {
    for (const r of all(
      db,
      db.k
        .selectFrom('memberships')
        .select(['personId', 'joinedOn', 'leftOn'])
        .where('personId', 'in', part)
        .where('groupId', '=', groupId),
    )) {
      out.push({ memberType: 'citizen', memberId: r.personId!, joinedOn: r.joinedOn, leftOn: r.leftOn });
    }
  }
  for (const part of chunks(members.staff)) {
    for (const r of all(
      db,
      db.k
        .selectFrom('memberships')
        .select(['staffId', 'joinedOn', 'leftOn'])
        .where('staffId', 'in', part)
        .where('groupId', '=', groupId),
    )) {
      out.push({ memberType: 'staff', memberId: r.staffId!, joinedOn: r.joinedOn, leftOn: r.leftOn });
    }
  }
  return out;
}

export interface RegisterPersonRow {
  memberType: 'citizen' | 'staff';
  memberId: number;
  name: string;
  phone: string | null;
  gender: string | null;
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

/**
 * Citizens and staff whose name is exactly one of these, ignoring ASCII case (the NOCASE indexes
 * people_name and staff_name answer it; a saved contact's name is rarely typed as the register's).
 */
export function registerPeopleByNames(db: RegisterDb, names: readonly string[]): RegisterPersonRow[] {
  const out: RegisterPersonRow[] = [];
  for (const part of chunks(names)) {
    for (const r of all(
      db,
      db.k
        .selectFrom('people')
        .select(['id', 'name', 'phone'])
        .where(sql<string>`name collate nocase`, 'in', part)
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
        .where(sql<string>`name collate nocase`, 'in', part)
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
