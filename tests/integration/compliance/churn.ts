// A day in the life of a register, replayed from a seed: joins, leaves, rejoins, members moved
// between groups, deleted memberships, citizens re-categorised and erased, staff promoted and
// their gender corrected, groups closed and reopened. Through the db/ functions the services
// use, and plain SQL for the writes no service makes (moves, deletes), so that the count triggers
// and the compliance queries meet every kind of change.
import type { RegisterDb } from '../../../db/connection.js';
import { all, first, transaction } from '../../../db/exec.js';
import { endMembership, insertMembership } from '../../../db/memberships.js';
import { anonymisePerson, updatePerson } from '../../../db/people.js';
import { updateStaff } from '../../../db/staff.js';
import { updateGroup } from '../../../db/groups.js';
import type { Gender } from '../../../db/schema.js';
import { rawOf } from '../../../db/raw.js';

const AT = '2026-01-20T00:00:00.000Z';

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type ChurnOp =
  | 'join'
  | 'leave'
  | 'rejoin'
  | 'move'
  | 'reassign'
  | 'delete'
  | 'category'
  | 'erase'
  | 'rank'
  | 'gender'
  | 'close'
  | 'reopen';

const OPS: ChurnOp[] = [
  'join',
  'join',
  'leave',
  'leave',
  'rejoin',
  'move',
  'reassign',
  'delete',
  'category',
  'erase',
  'rank',
  'gender',
  'close',
  'reopen',
];

/**
 * Applies `steps` random changes in one transaction (one commit: a synchronous=FULL commit per
 * change would make this a test of the disk); returns how many of each were made.
 */
export function churn(db: RegisterDb, seed: number, steps: number): Record<ChurnOp, number> {
  return transaction(db, () => churnSteps(db, seed, steps));
}

function churnSteps(db: RegisterDb, seed: number, steps: number): Record<ChurnOp, number> {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T | undefined =>
    list.length ? list[Math.floor(rnd() * list.length)] : undefined;
  const ids = (table: 'people' | 'staff' | 'groups' | 'ranks') =>
    all(db, db.k.selectFrom(table).select('id').orderBy('id')).map((r) => r.id);
  const people = ids('people');
  const staff = ids('staff');
  const groups = ids('groups');
  const ranks = ids('ranks');
  const done = Object.fromEntries(OPS.map((o) => [o, 0])) as Record<ChurnOp, number>;

  /** A random active (or left) membership: the first at or after a random id, else the last. */
  const membership = (active: boolean) => {
    const maxId = Number(
      first(
        db,
        db.k.selectFrom('memberships').select((eb) => eb.fn.max<number>('id').as('n')),
      )?.n ?? 0,
    );
    const q = db.k
      .selectFrom('memberships')
      .selectAll()
      .where('leftOn', active ? 'is' : 'is not', null)
      .limit(1);
    const from = Math.floor(rnd() * maxId);
    return first(db, q.where('id', '>=', from).orderBy('id')) ?? first(db, q.orderBy('id', 'desc'));
  };
  const isActiveIn = (groupId: number, m: { personId: number | null; staffId: number | null }) =>
    first(
      db,
      db.k
        .selectFrom('memberships')
        .select('id')
        .where('groupId', '=', groupId)
        .where('leftOn', 'is', null)
        .where(m.personId !== null ? 'personId' : 'staffId', '=', (m.personId ?? m.staffId)!),
    ) !== undefined;

  for (let i = 0; i < steps; i++) {
    const op = pick(OPS)!;
    switch (op) {
      case 'join': {
        const groupId = pick(groups)!;
        const member =
          rnd() < 0.7 ? { personId: pick(people)!, staffId: null } : { personId: null, staffId: pick(staff)! };
        if (isActiveIn(groupId, member)) continue;
        insertMembership(db, { groupId, ...member, joinedOn: '2026-01-02' }, AT);
        break;
      }
      case 'leave': {
        const m = membership(true);
        if (!m) continue;
        endMembership(db, m.id, '2026-01-19', AT);
        break;
      }
      case 'rejoin': {
        // Re-opening a left row, as a correction of a wrong leave would.
        const m = membership(false);
        if (!m || isActiveIn(m.groupId, m)) continue;
        rawOf(db).prepare('UPDATE memberships SET left_on = NULL WHERE id = ?').run(m.id);
        break;
      }
      case 'move': {
        const m = membership(rnd() < 0.8);
        const groupId = pick(groups)!;
        if (!m || groupId === m.groupId || (m.leftOn === null && isActiveIn(groupId, m))) continue;
        rawOf(db).prepare('UPDATE memberships SET group_id = ? WHERE id = ?').run(groupId, m.id);
        break;
      }
      case 'reassign': {
        // The row corrected to name another member of the same type.
        const m = membership(rnd() < 0.8);
        if (!m) continue;
        const member =
          m.personId !== null ? { personId: pick(people)!, staffId: null } : { personId: null, staffId: pick(staff)! };
        if (m.leftOn === null && isActiveIn(m.groupId, member)) continue;
        rawOf(db)
          .prepare('UPDATE memberships SET person_id = ?, staff_id = ? WHERE id = ?')
          .run(member.personId, member.staffId, m.id);
        break;
      }
      case 'delete': {
        const m = membership(rnd() < 0.7);
        if (!m) continue;
        rawOf(db).prepare('DELETE FROM memberships WHERE id = ?').run(m.id);
        break;
      }
      case 'category':
        updatePerson(db, pick(people)!, { category: rnd() < 0.5 ? 'eminent' : 'public' }, AT);
        break;
      case 'erase':
        anonymisePerson(db, pick(people)!, AT);
        break;
      case 'rank':
        updateStaff(db, pick(staff)!, { rankId: pick(ranks)! }, AT);
        break;
      case 'gender':
        updateStaff(db, pick(staff)!, { gender: pick<Gender>(['F', 'M', 'X'])! }, AT);
        break;
      case 'close':
        updateGroup(db, pick(groups)!, { status: 'closed' }, AT);
        break;
      case 'reopen':
        updateGroup(db, pick(groups)!, { status: 'active' }, AT);
        break;
    }
    done[op]++;
  }
  return done;
}

interface CitizenCountRow {
  group_id: number;
  category: string;
  n: number;
}
interface CitizenGroupsRow {
  person_id: number;
  n: number;
}
interface StaffCountRow {
  group_id: number;
  rank_id: number;
  gender: string;
  n: number;
}

/** The count tables as stored, and as a recount from the memberships computes them. */
export function countTables(db: RegisterDb) {
  const q = <T>(s: string) => rawOf(db).prepare(s).all() as T[];
  return {
    kept: {
      citizens: q<CitizenCountRow>(
        'SELECT group_id, category, n FROM group_citizen_counts ORDER BY group_id, category',
      ),
      staff: q<StaffCountRow>(
        'SELECT group_id, rank_id, gender, n FROM group_staff_counts ORDER BY group_id, rank_id, gender',
      ),
      citizenGroups: q<CitizenGroupsRow>('SELECT person_id, n FROM citizen_active_groups ORDER BY person_id'),
    },
    recount: {
      citizens: q<CitizenCountRow>(`SELECT m.group_id, p.category, count(*) AS n
                   FROM memberships m JOIN people p ON p.id = m.person_id
                   WHERE m.left_on IS NULL
                   GROUP BY m.group_id, p.category ORDER BY m.group_id, p.category`),
      staff: q<StaffCountRow>(`SELECT m.group_id, s.rank_id, s.gender, count(*) AS n
                FROM memberships m JOIN staff s ON s.id = m.staff_id
                WHERE m.left_on IS NULL
                GROUP BY m.group_id, s.rank_id, s.gender ORDER BY m.group_id, s.rank_id, s.gender`),
      citizenGroups: q<CitizenGroupsRow>(`SELECT m.person_id, count(*) AS n
                FROM memberships m JOIN groups g ON g.id = m.group_id
                WHERE m.left_on IS NULL AND m.person_id IS NOT NULL AND g.status = 'active'
                GROUP BY m.person_id ORDER BY m.person_id`),
    },
  };
}
