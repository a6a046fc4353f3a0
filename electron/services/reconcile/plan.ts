// A group against a chat export (SPEC §6): what the export says about each person it mentions,
// matched to the register by phone, turned into proposals the clerk accepts.
//
// How a person's state is read: every line that shows them in the group (added, joined, made the
// group, wrote a message, added or removed someone, changed number) is an "in" at its time; left
// and removed are an "out". The last one decides. A join's date is the start of the last spell in
// the group (the first "in" after the last "out"); a leave's date is the last "out".
//
// Decisions where the issue is silent:
// - A number change joins the old and the new number into one person, matched by whichever of
//   the two the register holds; the register keeps the person and their memberships and only the
//   phone changes. A new number that already belongs to someone else is shown, not applied.
// - The register wins when it knows better: no join when the person's last membership ended on or
//   after the export's evidence, no leave when their active membership began after it.
// - A phone the register does not hold is reported in `notInRegister`: a join needs a person (a
//   name, a category, consent), which the export does not give.
// - A saved-contact name (or "You") is matched to nobody: it becomes a `confirm` row, with the
//   register's people of exactly that name as candidates. Joining someone already active with
//   exactly that name (one in the group) changes nothing, so no row is made for it.
// - Active members the export never mentions are `notInChat`: shown, never removed (an export
//   covers only what the phone kept; quiet members write nothing).
import { findGroup } from '../../../db/groups.js';
import {
  activeGroupMembers,
  memberSpells,
  registerPeopleByNames,
  registerPeopleByPhones,
  type GroupMembershipRow,
  type RegisterPersonRow,
  type Spell,
} from '../../../db/chat-reconcile.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { reasonError } from '../../contract/errors.js';
import type { ChatExport, LocalTime } from '../chat/types.js';
import type { NotInChat, NotInRegister, Proposal, ProposalReason, ReconcilePlan, RegisterMember } from './types.js';

interface Evidence {
  at: LocalTime;
  state: 'in' | 'out';
  reason: ProposalReason;
  line: number;
}

const PHONE_KEY = /^\+[0-9]{7,15}$/;
export const isPhoneKey = (k: string): boolean => PHONE_KEY.test(k);

/** The calendar day of a local time as printed (`2024-03-05T10:15` → `2024-03-05`). */
export const dayOf = (at: LocalTime): string => at.slice(0, 10);

/** Number changes make one person of two numbers: a small union-find over the keys. */
class Aliases {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    let p = this.parent.get(k) ?? k;
    while (p !== (this.parent.get(p) ?? p)) p = this.parent.get(p)!;
    if (p !== k) this.parent.set(k, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function byTime(a: Evidence, b: Evidence): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.line - b.line;
}

/** What the export says about everyone it mentions, keyed by E.164 phone or printed name. */
function collectEvidence(chat: ChatExport): {
  evidence: Map<string, Evidence[]>;
  aliases: Aliases;
  numberChanges: { old: string; new: string; at: LocalTime; line: number }[];
} {
  const evidence = new Map<string, Evidence[]>();
  const aliases = new Aliases();
  const numberChanges: { old: string; new: string; at: LocalTime; line: number }[] = [];
  const note = (who: string | null, e: Evidence) => {
    if (!who) return;
    let list = evidence.get(who);
    if (!list) evidence.set(who, (list = []));
    list.push(e);
  };
  for (const ev of chat.events) {
    const base = { at: ev.at, line: ev.line };
    switch (ev.type) {
      case 'created':
        note(ev.actor, { ...base, state: 'in', reason: 'created' });
        break;
      case 'added':
        note(ev.subject, { ...base, state: 'in', reason: 'added' });
        note(ev.actor, { ...base, state: 'in', reason: 'acted' });
        break;
      case 'joined':
        note(ev.subject, { ...base, state: 'in', reason: 'joined' });
        break;
      case 'left':
        note(ev.subject, { ...base, state: 'out', reason: 'left' });
        break;
      case 'removed':
        note(ev.subject, { ...base, state: 'out', reason: 'removed' });
        note(ev.actor, { ...base, state: 'in', reason: 'acted' });
        break;
      case 'number_changed':
        note(ev.subject, { ...base, state: 'in', reason: 'number_changed' });
        if (ev.subject && ev.new && isPhoneKey(ev.subject) && isPhoneKey(ev.new)) {
          note(ev.new, { ...base, state: 'in', reason: 'number_changed' });
          aliases.union(ev.subject, ev.new);
          numberChanges.push({ old: ev.subject, new: ev.new, at: ev.at, line: ev.line });
        }
        break;
      case 'subject_changed':
        note(ev.actor, { ...base, state: 'in', reason: 'acted' });
        break;
    }
  }
  // A message is evidence of membership at its time. Line 0 sorts a message before an event of
  // the same minute (the clock prints minutes; the event line is the later one in practice).
  for (const a of chat.authors) {
    note(a.name, { at: a.firstAt, state: 'in', reason: 'wrote', line: 0 });
    if (a.lastAt !== a.firstAt) note(a.name, { at: a.lastAt, state: 'in', reason: 'wrote', line: 0 });
  }
  return { evidence, aliases, numberChanges };
}

/** The state at the end of the export and the evidence that dates it. */
function verdict(list: Evidence[]): Evidence {
  list.sort(byTime);
  const last = list[list.length - 1]!;
  if (last.state === 'out') return last;
  let i = list.length - 1;
  while (i > 0 && list[i - 1]!.state === 'in') i--;
  return list[i]!;
}

const asMember = (r: RegisterPersonRow | GroupMembershipRow): RegisterMember => ({
  type: r.memberType,
  id: r.memberId,
  name: r.name,
  phone: r.phone,
});

const memberKey = (m: { memberType: 'citizen' | 'staff'; memberId: number }) => `${m.memberType}:${m.memberId}`;

/** The group by code (as typed, then upper-cased), or BAD_INPUT naming it. */
export function groupForReconcile(db: RegisterDb, code: string) {
  const g = findGroup(db, code) ?? findGroup(db, code.toUpperCase());
  if (!g) {
    throw reasonError(
      'BAD_INPUT',
      'record_not_found',
      `group ${code} does not exist in this register`,
      { key: code },
      {
        field: 'groupCode',
      },
    );
  }
  return g;
}

export function planReconcile(db: RegisterDb, groupCode: string, chat: ChatExport): ReconcilePlan {
  const group = groupForReconcile(db, groupCode);
  const { evidence, aliases, numberChanges } = collectEvidence(chat);

  // People of the export: one entry per person (numbers joined by their changes).
  const people = new Map<string, { keys: string[]; evidence: Evidence[] }>();
  for (const [key, list] of evidence) {
    const root = aliases.find(key);
    let p = people.get(root);
    if (!p) people.set(root, (p = { keys: [], evidence: [] }));
    p.keys.push(key);
    p.evidence.push(...list);
  }

  const active = activeGroupMembers(db, group.id);
  const phones = [...evidence.keys()].filter(isPhoneKey);
  const byPhone = new Map<string, RegisterPersonRow[]>();
  const matched = registerPeopleByPhones(db, phones);
  for (const r of matched) {
    const list = byPhone.get(r.phone!);
    if (list) list.push(r);
    else byPhone.set(r.phone!, [r]);
  }
  // The group's history of the people the export's numbers matched (and of no one else).
  const byMember = new Map<string, Spell[]>();
  for (const sp of memberSpells(db, group.id, {
    citizens: matched.filter((r) => r.memberType === 'citizen').map((r) => r.memberId),
    staff: matched.filter((r) => r.memberType === 'staff').map((r) => r.memberId),
  })) {
    const k = memberKey(sp);
    const list = byMember.get(k);
    if (list) list.push(sp);
    else byMember.set(k, [sp]);
  }
  const names = [...evidence.keys()].filter((k) => !isPhoneKey(k) && k !== 'You');
  const byName = new Map<string, RegisterPersonRow[]>();
  for (const r of registerPeopleByNames(db, names)) {
    const k = r.name.toLocaleLowerCase();
    const list = byName.get(k);
    if (list) list.push(r);
    else byName.set(k, [r]);
  }
  const activeByName = new Map<string, GroupMembershipRow[]>();
  for (const m of active) {
    const k = m.name.toLocaleLowerCase();
    const list = activeByName.get(k);
    if (list) list.push(m);
    else activeByName.set(k, [m]);
  }

  const proposals: Proposal[] = [];
  const notInRegister: NotInRegister[] = [];
  const seen = new Set<string>();
  const womenOnly = group.kind === 'women_staff';

  for (const [root, person] of people) {
    const v = verdict(person.evidence);
    const phoneKeys = person.keys.filter(isPhoneKey);
    if (phoneKeys.length === 0) {
      const printed = root;
      const lower = printed.toLocaleLowerCase();
      const active = activeByName.get(lower) ?? [];
      if (v.state === 'in' && active.length === 1) {
        seen.add(memberKey(active[0]!));
        continue;
      }
      proposals.push({
        id: `confirm:${printed}`,
        action: 'confirm',
        phone: null,
        name: printed,
        at: v.at,
        reason: v.reason,
        line: v.line,
        intent: v.state === 'in' ? 'join' : 'leave',
        candidates: (byName.get(lower) ?? []).map(asMember),
      });
      continue;
    }

    // The register's person for these numbers, preferring one the group knows.
    const found = phoneKeys.flatMap((k) => byPhone.get(k) ?? []);
    const match = found.find((r) => byMember.has(memberKey(r))) ?? found[0];
    if (!match) {
      const latest = numberChanges.filter((c) => phoneKeys.includes(c.new)).at(-1)?.new ?? root;
      notInRegister.push({ phone: latest, at: v.at, state: v.state, reason: v.reason });
      continue;
    }
    const mk = memberKey(match);
    seen.add(mk);
    const member = asMember(match);

    for (const c of numberChanges) {
      if (c.old !== match.phone || !phoneKeys.includes(c.new)) continue;
      const holder = byPhone.get(c.new)?.find((r) => memberKey(r) !== mk);
      proposals.push({
        id: `number_change:${c.old}`,
        action: 'number_change',
        phone: c.old,
        name: match.name,
        at: c.at,
        reason: 'number_changed',
        line: c.line,
        member,
        newPhone: c.new,
        ...(holder ? { blocked: 'new_number_taken' as const } : {}),
      });
      break;
    }

    const spells = byMember.get(mk) ?? [];
    const current = spells.find((m) => m.leftOn === null);
    const day = dayOf(v.at);
    if (v.state === 'in') {
      if (current) continue;
      const lastLeft = spells.reduce<string | null>(
        (acc, m) => (m.leftOn && (!acc || m.leftOn > acc) ? m.leftOn : acc),
        null,
      );
      if (lastLeft !== null && lastLeft >= day) continue;
      const blocked = womenOnly && (match.memberType !== 'staff' || match.gender !== 'F');
      proposals.push({
        id: `join:${match.phone}`,
        action: 'join',
        phone: match.phone,
        name: match.name,
        at: v.at,
        reason: v.reason,
        line: v.line,
        member,
        ...(blocked ? { blocked: 'not_woman_staff' as const } : {}),
      });
    } else if (current && (current.joinedOn === null || current.joinedOn <= day)) {
      proposals.push({
        id: `leave:${match.phone}`,
        action: 'leave',
        phone: match.phone,
        name: match.name,
        at: v.at,
        reason: v.reason,
        line: v.line,
        member,
      });
    }
  }

  const notInChat: NotInChat[] = active
    .filter((m) => !seen.has(memberKey(m)))
    .map((m) => ({ type: m.memberType, id: m.memberId, name: m.name, phone: m.phone, joinedOn: m.joinedOn }));

  const ORDER = { number_change: 0, join: 1, leave: 2, confirm: 3 } as const;
  proposals.sort((a, b) => ORDER[a.action] - ORDER[b.action] || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  notInRegister.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const times = [...chat.events.map((e) => e.at), ...chat.authors.flatMap((a) => [a.firstAt, a.lastAt])].sort();
  return {
    group: { code: group.code, name: group.name, status: group.status },
    events: chat.events,
    proposals,
    notInRegister,
    notInChat,
    span: times.length ? { from: times[0]!, to: times[times.length - 1]! } : null,
  };
}

/** The group's active members for the confirm rows' picker, by name. */
export function pickableMembers(db: RegisterDb, groupCode: string): (RegisterMember & { active: boolean })[] {
  const group = groupForReconcile(db, groupCode);
  return activeGroupMembers(db, group.id)
    .map((m) => ({ ...asMember(m), active: true }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
