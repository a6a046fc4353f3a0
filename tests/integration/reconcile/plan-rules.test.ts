// The rules of planReconcile where the issue is silent (electron/services/reconcile/README.md),
// on a real register file, with exports written as the reader hands them over (ChatExport).
import { describe, expect, it } from 'vitest';
import { addGroup, addMembership, addPerson, addStaff, addUnit, makeRegister } from '../../fixtures/builders.js';
import { planReconcile } from '../../../electron/services/reconcile/plan.js';
import { applyReconcile } from '../../../electron/services/reconcile/apply.js';
import type { ChatAuthor, ChatEvent, ChatExport } from '../../../electron/services/chat/types.js';

let line = 0;
const ev = (
  type: ChatEvent['type'],
  at: string,
  subject: string | null,
  actor: string | null = null,
  extra: Partial<ChatEvent> = {},
): ChatEvent => ({
  type,
  at,
  actor,
  subject,
  line: ++line,
  ...extra,
});

function chat(events: ChatEvent[], authors: ChatAuthor[] = []): ChatExport {
  return {
    format: 'android',
    dateOrder: 'dmy',
    dateOrderFrom: 'file',
    messages: authors.reduce((n, a) => n + a.messages, 0),
    events,
    authors,
    languages: ['en'],
    notices: { recognised: 0, unrecognised: 0, firstUnrecognisedLine: null },
    lines: events.length,
  };
}

const by = () => ({
  operator: 'test',
  now: () => new Date('2026-11-28T10:00:00Z'),
  progress: () => {},
  signal: new AbortController().signal,
});

function setup(kind: 'public' | 'women_staff' = 'public') {
  const { db } = makeRegister();
  addUnit(db, { code: 'T1', type: 'thana' });
  const g = addGroup(db, { code: 'G1', unit: 'T1', kind });
  return { db, g };
}

describe('planReconcile', () => {
  it('the last word decides: left then added again is a join dated by the new spell', () => {
    const { db, g } = setup();
    const p = addPerson(db, { name: 'Ravi' });
    addMembership(db, { groupId: g.id, personId: p.id, joinedOn: '2023-01-01', leftOn: '2023-05-01' });
    const plan = planReconcile(
      db,
      'G1',
      chat(
        [
          ev('added', '2024-01-01T10:00', p.phone),
          ev('left', '2024-02-01T10:00', p.phone),
          ev('added', '2024-03-01T10:00', p.phone),
        ],
        [{ name: p.phone, messages: 2, firstAt: '2024-03-02T09:00', lastAt: '2024-03-05T09:00' }],
      ),
    );
    expect(plan.proposals).toEqual([
      expect.objectContaining({ action: 'join', phone: p.phone, at: '2024-03-01T10:00', reason: 'added' }),
    ]);
  });

  it('the register wins when it knows better (a later leave, a later join)', () => {
    const { db, g } = setup();
    const gone = addPerson(db);
    addMembership(db, { groupId: g.id, personId: gone.id, joinedOn: '2023-01-01', leftOn: '2024-06-01' });
    const back = addPerson(db);
    addMembership(db, { groupId: g.id, personId: back.id, joinedOn: '2024-06-01' });
    const plan = planReconcile(
      db,
      'G1',
      chat([ev('joined', '2024-03-01T10:00', gone.phone), ev('left', '2024-03-02T10:00', back.phone)]),
    );
    expect(plan.proposals).toEqual([]);
    expect(plan.notInChat).toEqual([]);
  });

  it('a staff member is matched by phone; the women staff group takes women staff only', () => {
    const { db } = setup('women_staff');
    const man = addStaff(db, { unit: 'T1', gender: 'M', phone: '+919835100001' });
    const woman = addStaff(db, { unit: 'T1', gender: 'F', phone: '+919835100002' });
    const citizen = addPerson(db);
    const plan = planReconcile(
      db,
      'G1',
      chat([
        ev('added', '2024-03-01T10:00', '+919835100001', 'You'),
        ev('added', '2024-03-01T10:00', '+919835100002', 'You'),
        ev('added', '2024-03-01T10:00', citizen.phone, 'You'),
      ]),
    );
    const byPhone = Object.fromEntries(plan.proposals.map((p) => [p.phone, p]));
    expect(byPhone['+919835100001']).toMatchObject({
      member: { type: 'staff', id: man.id },
      blocked: 'not_woman_staff',
    });
    expect(byPhone['+919835100002']).toMatchObject({ member: { type: 'staff', id: woman.id } });
    expect(byPhone['+919835100002']!.blocked).toBeUndefined();
    expect(byPhone[citizen.phone]).toMatchObject({ blocked: 'not_woman_staff' });
    // Blocked rows are never applied, even when chosen; nor is an id the export no longer
    // proposes (the citizen), nor a confirm row ("You" added them) without a person chosen.
    const r = applyReconcile(
      db,
      'G1',
      chat([
        ev('added', '2024-03-01T10:00', '+919835100001', 'You'),
        ev('added', '2024-03-01T10:00', '+919835100002', 'You'),
      ]),
      { accept: plan.proposals.map((p) => p.id), confirms: [] },
      by(),
    );
    expect(r).toMatchObject({ applied: 1, joined: 1, skipped: 3 });
  });

  it('a new number that belongs to someone else is shown, not applied; a number the register already has changes nothing', () => {
    const { db, g } = setup();
    const a = addPerson(db, { name: 'A' });
    const b = addPerson(db, { name: 'B' });
    addMembership(db, { groupId: g.id, personId: a.id });
    const c = addPerson(db, { name: 'C' });
    addMembership(db, { groupId: g.id, personId: c.id });
    const cNew = '+919835100009';
    const plan = planReconcile(
      db,
      'G1',
      chat([
        ev('number_changed', '2024-03-01T10:00', a.phone, null, { new: b.phone }),
        ev('number_changed', '2024-03-01T10:00', cNew, null, { new: c.phone }),
      ]),
    );
    expect(plan.proposals).toEqual([
      expect.objectContaining({
        action: 'number_change',
        phone: a.phone,
        newPhone: b.phone,
        blocked: 'new_number_taken',
      }),
    ]);
    // A and C are both seen (through either number): neither is "not in the chat".
    expect(plan.notInChat).toEqual([]);
  });

  it('names are never matched by guess: a saved-contact name is a confirm row; one active member of that exact name is already in', () => {
    const { db, g } = setup();
    const ravi = addPerson(db, { name: 'Ravi Kumar' });
    addMembership(db, { groupId: g.id, personId: ravi.id });
    addPerson(db, { name: 'Mohan Lal' });
    addPerson(db, { name: 'MOHAN LAL' });
    const plan = planReconcile(
      db,
      'G1',
      chat(
        [ev('added', '2024-03-01T10:00', 'Mohan Lal', 'You'), ev('left', '2024-03-03T10:00', 'You')],
        [{ name: 'Ravi Kumar', messages: 3, firstAt: '2024-03-01T11:00', lastAt: '2024-03-02T11:00' }],
      ),
    );
    expect(plan.proposals.map((p) => [p.action, p.name, p.intent, p.candidates?.length])).toEqual([
      ['confirm', 'Mohan Lal', 'join', 2],
      ['confirm', 'You', 'leave', 0],
    ]);
    expect(plan.notInChat).toEqual([]);
  });

  it('numbers no one in the register holds are reported with their last state', () => {
    const { db } = setup();
    const plan = planReconcile(
      db,
      'G1',
      chat([
        ev('joined', '2024-03-01T10:00', '+919835100011'),
        ev('added', '2024-03-01T10:00', '+919835100012'),
        ev('removed', '2024-03-04T10:00', '+919835100012'),
      ]),
    );
    expect(plan.notInRegister).toEqual([
      { phone: '+919835100011', at: '2024-03-01T10:00', state: 'in', reason: 'joined' },
      { phone: '+919835100012', at: '2024-03-04T10:00', state: 'out', reason: 'removed' },
    ]);
    expect(plan.proposals).toEqual([]);
  });

  it('an unknown group is refused with its code', () => {
    const { db } = setup();
    expect(() => planReconcile(db, 'NOPE', chat([]))).toThrow(/group NOPE does not exist/);
  });
});
