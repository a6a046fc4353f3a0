// Members and citizens: search with paging, add a citizen or staff member to a group, mark as
// left, a person's page, edits and erasure on request (SPEC §3, §10).
//
// Citizen entries name the person (`personId`) whose data their values hold: the audit log keeps
// those values erasable (db/audit.ts), and erasing the person blanks them without breaking the
// chain (services/privacy/erase.ts).
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { findGroup } from '../../../db/groups.js';
import {
  endMembership,
  findActiveMembership,
  findMembership,
  insertMembership,
  membershipsOfPerson,
} from '../../../db/memberships.js';
import { findPerson, findPersonByPhone, insertPerson, updatePerson as updatePersonRow } from '../../../db/people.js';
import { findStaff } from '../../../db/staff.js';
import type { RegisterDb } from '../../../db/register-db.js';
import type { Person } from '../../../db/schema.js';
import type { CallInput } from '../../contract/calls/index.js';
import { notFound, reasonError } from '../../contract/errors.js';
import { ruleBrokenByEntry, type Entrant, type RuleId } from '../../contract/policy.js';
import { activePolicy } from '../compliance/policy.js';
import { todayOf, type Actor } from '../actor.js';

function activeGroup(db: RegisterDb, code: string) {
  const g = findGroup(db, code);
  if (!g)
    throw reasonError(
      'BAD_INPUT',
      'record_not_found',
      `group ${code} does not exist`,
      { key: code },
      { field: 'groupCode' },
    );
  if (g.status !== 'active')
    throw reasonError(
      'CONFLICT',
      'group_closed',
      `group ${code} is closed; reopen it first`,
      { code },
      { field: 'groupCode' },
    );
  return g;
}

/** What an audit entry records of a citizen (erasable: see the header). */
function personValues(p: Person) {
  return {
    phone: p.phone,
    name: p.name,
    locality: p.locality,
    occupation: p.occupation,
    category: p.category,
    consentOn: p.consentOn,
    consentHow: p.consentHow,
  };
}

/**
 * Rules guide entry without hiding reality: an entry that breaks a rule is refused with the rule
 * named (`rule_confirm`), and recorded when the clerk confirms that very rule.
 */
function checkRule(
  db: RegisterDb,
  g: { code: string; kind: Parameters<typeof ruleBrokenByEntry>[1] },
  who: Entrant,
  name: string,
  confirmed: RuleId | undefined,
  field: string,
): RuleId | null {
  const rule = ruleBrokenByEntry(activePolicy(db), g.kind, who);
  if (rule && confirmed !== rule) {
    const what = who.type === 'citizen' ? 'a citizen' : 'not recorded as a woman';
    throw reasonError(
      'CONFLICT',
      'rule_confirm',
      `adding ${name} (${what}) to ${g.code} (${g.kind}) breaks rule ${rule}; confirm to record it anyway`,
      { rule, group: g.code, kind: g.kind, name, member: who.type === 'citizen' ? 'citizen' : `staff_${who.gender}` },
      { field },
    );
  }
  return rule;
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => before[k] !== after[k]);
}

/** Adds a citizen (new, or known by phone) to an active group. */
export function addCitizen(db: RegisterDb, a: CallInput<'members.addCitizen'>, by: Actor) {
  const at = by.now().toISOString();
  const joinedOn = a.joinedOn ?? todayOf(by);
  return transaction(db, () => {
    const g = activeGroup(db, a.groupCode);
    const ruleBroken = checkRule(db, g, { type: 'citizen' }, a.name, a.confirmRule, 'phone');
    let person = findPersonByPhone(db, a.phone);
    let nameConflict: { registered: string; given: string } | null = null;
    if (!person) {
      const id = insertPerson(
        db,
        {
          phone: a.phone,
          name: a.name,
          locality: a.locality,
          occupation: a.occupation,
          category: a.category,
          consentOn: a.consentOn,
          consentHow: a.consentHow,
        },
        at,
      );
      person = findPerson(db, id)!;
      appendAudit(
        db,
        {
          operator: by.operator,
          action: 'create',
          entity: 'person',
          entityId: id,
          personId: id,
          after: personValues(person),
        },
        by.now(),
      );
    } else if (person.name.toLocaleLowerCase() !== a.name.toLocaleLowerCase()) {
      // Same phone, different name: keep the registered name and tell the clerk to review.
      nameConflict = { registered: person.name, given: a.name };
    }
    if (findActiveMembership(db, g.id, { personId: person.id })) {
      throw reasonError(
        'CONFLICT',
        'member_already_active',
        `${person.name} (${a.phone}) is already an active member of ${a.groupCode}`,
        { name: person.name, group: a.groupCode },
        { field: 'phone' },
      );
    }
    const membershipId = insertMembership(db, { groupId: g.id, personId: person.id, staffId: null, joinedOn }, at);
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'join',
        entity: 'membership',
        entityId: membershipId,
        personId: person.id,
        after: { group: a.groupCode, personId: person.id, joinedOn, ...(ruleBroken ? { ruleBroken } : {}) },
      },
      by.now(),
    );
    return { membershipId, personId: person.id, nameConflict, ruleBroken };
  });
}

/** Adds a staff member to an active group; a man in the women's group only once the clerk confirms R4. */
export function addStaffMember(db: RegisterDb, a: CallInput<'members.addStaff'>, by: Actor) {
  return transaction(db, () => {
    const g = activeGroup(db, a.groupCode);
    const s = findStaff(db, a.serviceNo);
    if (!s)
      throw reasonError(
        'BAD_INPUT',
        'record_not_found',
        `no staff member with service number ${a.serviceNo}`,
        { key: a.serviceNo },
        { field: 'serviceNo' },
      );
    const ruleBroken = checkRule(db, g, { type: 'staff', gender: s.gender }, s.name, a.confirmRule, 'serviceNo');
    if (findActiveMembership(db, g.id, { staffId: s.id })) {
      throw reasonError(
        'CONFLICT',
        'member_already_active',
        `${s.name} is already an active member of ${a.groupCode}`,
        { name: s.name, group: a.groupCode },
        { field: 'serviceNo' },
      );
    }
    const joinedOn = a.joinedOn ?? todayOf(by);
    const membershipId = insertMembership(
      db,
      { groupId: g.id, personId: null, staffId: s.id, joinedOn },
      by.now().toISOString(),
    );
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'join',
        entity: 'membership',
        entityId: membershipId,
        after: { group: a.groupCode, serviceNo: a.serviceNo, joinedOn, ...(ruleBroken ? { ruleBroken } : {}) },
      },
      by.now(),
    );
    return { membershipId, ruleBroken };
  });
}

/** Ends a membership (history is kept: leaving never deletes). */
export function leaveGroup(db: RegisterDb, a: CallInput<'members.leave'>, by: Actor) {
  return transaction(db, () => {
    const m = findMembership(db, a.membershipId);
    if (!m) throw notFound('membership', a.membershipId);
    if (m.leftOn) {
      throw reasonError('CONFLICT', 'membership_already_ended', `this membership already ended on ${m.leftOn}`, {
        date: m.leftOn,
      });
    }
    const leftOn = a.leftOn ?? todayOf(by);
    if (m.joinedOn && leftOn < m.joinedOn) {
      throw reasonError(
        'BAD_INPUT',
        'left_before_joined',
        `the leaving date is before the joining date (${m.joinedOn})`,
        { date: m.joinedOn },
        { field: 'leftOn' },
      );
    }
    endMembership(db, m.id, leftOn, by.now().toISOString());
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'leave',
        entity: 'membership',
        entityId: m.id,
        personId: m.personId,
        before: { leftOn: null },
        after: { leftOn },
      },
      by.now(),
    );
    return { membershipId: m.id, leftOn };
  });
}

export function getPerson(db: RegisterDb, id: number) {
  const person = findPerson(db, id);
  if (!person) throw notFound('person', id);
  return { person, memberships: membershipsOfPerson(db, id) };
}

export function updatePerson(db: RegisterDb, a: CallInput<'people.update'>, by: Actor) {
  return transaction(db, () => {
    const before = findPerson(db, a.id);
    if (!before) throw notFound('person', a.id);
    if (before.erasedAt) {
      throw reasonError('CONFLICT', 'person_erased', 'this person was erased on request and cannot be edited');
    }
    const other = findPersonByPhone(db, a.phone);
    if (other && other.id !== a.id) {
      throw reasonError(
        'CONFLICT',
        'phone_taken',
        `${a.phone} already belongs to ${other.name}`,
        { name: other.name },
        { field: 'phone' },
      );
    }
    const { id, ...values } = a;
    updatePersonRow(db, id, values, by.now().toISOString());
    const changed = changedFields(before as unknown as Record<string, unknown>, values);
    const old = personValues(before) as Record<string, unknown>;
    const now = personValues(findPerson(db, id)!) as Record<string, unknown>;
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'update',
        entity: 'person',
        entityId: id,
        personId: id,
        before: Object.fromEntries(changed.map((k) => [k, old[k] ?? null])),
        after: Object.fromEntries(changed.map((k) => [k, now[k] ?? null])),
      },
      by.now(),
    );
    return findPerson(db, id)!;
  });
}

// Erasure on request: services/privacy/erase.ts.
