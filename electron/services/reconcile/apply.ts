// Applying the proposals a clerk chose (SPEC §6), in ONE transaction with their audit entries.
//
// The plan is computed again inside the transaction, against exactly the state it changes: an id
// the preview showed that no longer applies (someone joined them by hand since, the same export
// was applied already) is skipped, never forced. So applying the same export twice applies
// nothing the second time. A confirm row applies only with the person the clerk chose.
//
// The audit log never holds a citizen's name or phone (members.ts): entries name the person's id,
// the membership and the dates, and `source: "chat"`.
import { appendAudit } from '../../../db/audit.js';
import { setMemberPhone } from '../../../db/chat-reconcile.js';
import { transaction } from '../../../db/exec.js';
import { endMembership, findActiveMembership, insertMembership } from '../../../db/memberships.js';
import { findPerson } from '../../../db/people.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { findStaffById } from '../../../db/staff.js';
import { reasonError } from '../../contract/errors.js';
import type { Actor, Work } from '../actor.js';
import type { ChatExport } from '../chat/types.js';
import { dayOf, groupForReconcile, planReconcile } from './plan.js';
import type { ApplyChoice, ApplyResult, RegisterMember } from './types.js';

type Who = { personId: number } | { staffId: number };
const whoOf = (m: { type: 'citizen' | 'staff'; id: number }): Who =>
  m.type === 'citizen' ? { personId: m.id } : { staffId: m.id };

function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw reasonError('CANCELLED', 'cancelled', 'Reconciling was cancelled; nothing was changed.');
}

/** The person or staff member a clerk chose for a confirm row, or BAD_INPUT. */
function chosenMember(db: RegisterDb, m: { type: 'citizen' | 'staff'; id: number }) {
  if (m.type === 'citizen') {
    const p = findPerson(db, m.id);
    if (!p || p.erasedAt) {
      throw reasonError(
        'BAD_INPUT',
        'record_not_found',
        `person ${m.id} does not exist`,
        { key: m.id },
        { field: 'confirms' },
      );
    }
    return { gender: null as string | null };
  }
  const s = findStaffById(db, m.id);
  if (!s) {
    throw reasonError(
      'BAD_INPUT',
      'record_not_found',
      `staff member ${m.id} does not exist`,
      { key: m.id },
      { field: 'confirms' },
    );
  }
  return { gender: s.gender as string | null };
}

export function applyReconcile(
  db: RegisterDb,
  groupCode: string,
  chat: ChatExport,
  choice: ApplyChoice,
  by: Actor & Work,
): ApplyResult {
  return transaction(db, () => {
    const group = groupForReconcile(db, groupCode);
    if (group.status !== 'active') {
      throw reasonError(
        'CONFLICT',
        'group_closed',
        `group ${group.code} is closed; reopen it before applying changes to it`,
        { code: group.code },
        { field: 'groupCode' },
      );
    }
    const plan = planReconcile(db, group.code, chat);
    const byId = new Map(plan.proposals.map((p) => [p.id, p]));
    const accepted = new Set(choice.accept);
    const result: ApplyResult = { applied: 0, joined: 0, left: 0, numbersChanged: 0, skipped: 0 };
    const at = by.now().toISOString();
    const total = choice.accept.length + choice.confirms.length;
    let done = 0;
    const step = () => {
      done++;
      if (done % 100 === 0 || done === total) {
        checkCancelled(by.signal);
        by.progress({ phase: 'write', done, total });
      }
    };
    by.progress({ phase: 'write', done: 0, total });

    const join = (member: RegisterMember | { type: 'citizen' | 'staff'; id: number }, joinedOn: string) => {
      const who = whoOf(member);
      if (findActiveMembership(db, group.id, who)) return false;
      const membershipId = insertMembership(
        db,
        {
          groupId: group.id,
          personId: 'personId' in who ? who.personId : null,
          staffId: 'staffId' in who ? who.staffId : null,
          joinedOn,
        },
        at,
      );
      appendAudit(
        db,
        {
          operator: by.operator,
          action: 'join',
          entity: 'membership',
          entityId: membershipId,
          after: { group: group.code, ...who, joinedOn, source: 'chat' },
        },
        by.now(),
      );
      result.joined++;
      return true;
    };
    const leave = (member: { type: 'citizen' | 'staff'; id: number }, leftOn: string) => {
      const m = findActiveMembership(db, group.id, whoOf(member));
      if (!m || (m.joinedOn !== null && m.joinedOn > leftOn)) return false;
      endMembership(db, m.id, leftOn, at);
      appendAudit(
        db,
        {
          operator: by.operator,
          action: 'leave',
          entity: 'membership',
          entityId: m.id,
          before: { leftOn: null },
          after: { leftOn, source: 'chat' },
        },
        by.now(),
      );
      result.left++;
      return true;
    };

    // Number changes first: a join or leave of the same person then finds them as they are.
    const ordered = [...accepted]
      .map((id) => ({ id, p: byId.get(id) }))
      .sort((a, b) => Number(a.p?.action !== 'number_change') - Number(b.p?.action !== 'number_change'));
    for (const { p } of ordered) {
      let ok = false;
      if (p && !p.blocked && p.member) {
        if (p.action === 'number_change' && p.newPhone) {
          setMemberPhone(db, { memberType: p.member.type, memberId: p.member.id }, p.newPhone, at);
          appendAudit(
            db,
            {
              operator: by.operator,
              action: 'update',
              entity: p.member.type === 'citizen' ? 'person' : 'staff',
              entityId: p.member.id,
              after: { changed: ['phone'], source: 'chat' },
            },
            by.now(),
          );
          result.numbersChanged++;
          ok = true;
        } else if (p.action === 'join') {
          ok = join(p.member, dayOf(p.at));
        } else if (p.action === 'leave') {
          ok = leave(p.member, dayOf(p.at));
        }
      }
      if (ok) result.applied++;
      else result.skipped++;
      step();
    }

    for (const c of choice.confirms) {
      const p = byId.get(c.id);
      let ok = false;
      if (p && p.action === 'confirm') {
        const { gender } = chosenMember(db, c.member);
        if (p.intent === 'join') {
          if (group.kind === 'women_staff' && (c.member.type !== 'staff' || gender !== 'F')) {
            throw reasonError(
              'BAD_INPUT',
              'women_group_needs_woman_staff',
              `${group.code} is the women staff group; the person chosen for a row is not a woman staff member`,
              { group: group.code },
              {
                field: 'confirms',
                id: c.id,
              },
            );
          }
          ok = join(c.member, dayOf(p.at));
        } else {
          ok = leave(c.member, dayOf(p.at));
        }
      }
      if (ok) result.applied++;
      else result.skipped++;
      step();
    }

    if (result.applied > 0) {
      appendAudit(
        db,
        {
          operator: by.operator,
          action: 'reconcile',
          entity: 'group',
          entityId: group.code,
          after: {
            source: 'chat',
            joined: result.joined,
            left: result.left,
            numbersChanged: result.numbersChanged,
            span: plan.span,
          },
        },
        by.now(),
      );
    }
    return result;
  });
}
