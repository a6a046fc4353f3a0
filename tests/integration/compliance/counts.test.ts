// The per-group count tables that migration 4's triggers keep (group_citizen_counts,
// group_staff_counts) always equal a recount from the memberships: after inserts, leaves,
// rejoins, moves, deletes, new categories, ranks and genders, erasure, imports (first, repeated,
// changed, cancelled mid-write) and rolled-back transactions. Real SQLite files throughout.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../../db/connection.js';
import { transaction } from '../../../db/exec.js';
import { endMembership, insertMembership } from '../../../db/memberships.js';
import { anonymisePerson, updatePerson } from '../../../db/people.js';
import { updateStaff } from '../../../db/staff.js';
import { updateGroup } from '../../../db/groups.js';
import { fillDemo } from '../../../electron/services/demo/demo.js';
import { runImport } from '../../../electron/services/register-io/import.js';
import type { ImportReport } from '../../../electron/services/register-io/types.js';
import {
  addGroup,
  addMembership,
  addPerson,
  addStaff,
  addUnit,
  makeRegister,
  rankId,
} from '../../fixtures/builders.js';
import { writeCsv } from '../register-io/workbooks.js';
import { churn, countTables } from './churn.js';
import { rawOf } from '../../../db/raw.js';

const AT = '2026-01-20T00:00:00.000Z';

/** The stored counts, after checking that they equal the recount. */
function counts(db: RegisterDb) {
  const { kept, recount } = countTables(db);
  expect(kept).toEqual(recount);
  return kept;
}

function smallRegister() {
  const { db, dir } = makeRegister();
  addUnit(db, { code: 'T1', type: 'thana' });
  const g1 = addGroup(db, { code: 'G1', unit: 'T1', kind: 'public' }).id;
  const g2 = addGroup(db, { code: 'G2', unit: 'T1', kind: 'staff' }).id;
  const eminent = addPerson(db, { category: 'eminent' }).id;
  const pub = addPerson(db, { category: 'public' }).id;
  const si = addStaff(db, { unit: 'T1', rank: 'SI', gender: 'F' }).id;
  const con = addStaff(db, { unit: 'T1', rank: 'CONSTABLE', gender: 'M' }).id;
  return { db, dir, g1, g2, eminent, pub, si, con, SI: rankId(db, 'SI'), CON: rankId(db, 'CONSTABLE') };
}

describe('count tables', () => {
  it('count active memberships as they are written, by category and by rank and gender', () => {
    const r = smallRegister();
    const { db } = r;
    expect(counts(db)).toEqual({ citizens: [], staff: [], citizenGroups: [] });
    addMembership(db, { groupId: r.g1, personId: r.eminent });
    addMembership(db, { groupId: r.g1, personId: r.pub });
    addMembership(db, { groupId: r.g2, personId: r.pub });
    addMembership(db, { groupId: r.g1, staffId: r.si });
    addMembership(db, { groupId: r.g2, staffId: r.si });
    addMembership(db, { groupId: r.g2, staffId: r.con });
    // Written already left: history, not a member.
    addMembership(db, { groupId: r.g2, personId: r.eminent, joinedOn: '2025-01-01', leftOn: '2025-06-01' });
    addMembership(db, { groupId: r.g1, staffId: r.con, joinedOn: '2025-01-01', leftOn: '2025-06-01' });
    expect(counts(db)).toEqual({
      citizens: [
        { group_id: r.g1, category: 'eminent', n: 1 },
        { group_id: r.g1, category: 'public', n: 1 },
        { group_id: r.g2, category: 'public', n: 1 },
      ],
      staff: [
        { group_id: r.g1, rank_id: r.SI, gender: 'F', n: 1 },
        { group_id: r.g2, rank_id: r.SI, gender: 'F', n: 1 },
        { group_id: r.g2, rank_id: r.CON, gender: 'M', n: 1 },
      ].sort((a, b) => a.group_id - b.group_id || a.rank_id - b.rank_id),
      citizenGroups: [
        { person_id: r.eminent, n: 1 },
        { person_id: r.pub, n: 2 },
      ],
    });
  });

  it('take a member out when they leave, drop a bucket that empties, and count a rejoin again', () => {
    const r = smallRegister();
    const { db } = r;
    const m1 = addMembership(db, { groupId: r.g1, personId: r.eminent });
    addMembership(db, { groupId: r.g1, personId: r.pub });
    const s1 = addMembership(db, { groupId: r.g2, staffId: r.con });
    endMembership(db, m1, '2026-01-10', AT);
    endMembership(db, s1, '2026-01-10', AT);
    expect(counts(db)).toEqual({
      citizens: [{ group_id: r.g1, category: 'public', n: 1 }],
      staff: [],
      citizenGroups: [{ person_id: r.pub, n: 1 }],
    });
    // A new active row for the same member and group (the import's and the UI's way to rejoin).
    insertMembership(db, { groupId: r.g1, personId: r.eminent, staffId: null, joinedOn: '2026-01-15' }, AT);
    insertMembership(db, { groupId: r.g2, personId: null, staffId: r.con, joinedOn: '2026-01-15' }, AT);
    expect(counts(db).citizens).toEqual([
      { group_id: r.g1, category: 'eminent', n: 1 },
      { group_id: r.g1, category: 'public', n: 1 },
    ]);
    expect(counts(db).staff).toEqual([{ group_id: r.g2, rank_id: r.CON, gender: 'M', n: 1 }]);
    // A left date corrected to another left date changes nothing; a deleted active row is taken out.
    rawOf(db).prepare("UPDATE memberships SET left_on = '2026-01-11' WHERE id = ?").run(m1);
    rawOf(db).prepare('DELETE FROM memberships WHERE id = ?').run(m1);
    expect(counts(db).citizens).toHaveLength(2);
    rawOf(db).prepare('DELETE FROM memberships WHERE group_id = ?').run(r.g2);
    expect(counts(db).staff).toEqual([]);
  });

  it('move a member with their row when the row is moved to another group or member', () => {
    const r = smallRegister();
    const { db } = r;
    const m = addMembership(db, { groupId: r.g1, personId: r.eminent });
    const s = addMembership(db, { groupId: r.g1, staffId: r.si });
    rawOf(db).prepare('UPDATE memberships SET group_id = ? WHERE id IN (?, ?)').run(r.g2, m, s);
    expect(counts(db)).toEqual({
      citizens: [{ group_id: r.g2, category: 'eminent', n: 1 }],
      staff: [{ group_id: r.g2, rank_id: r.SI, gender: 'F', n: 1 }],
      citizenGroups: [{ person_id: r.eminent, n: 1 }],
    });
    rawOf(db).prepare('UPDATE memberships SET person_id = ? WHERE id = ?').run(r.pub, m);
    rawOf(db).prepare('UPDATE memberships SET staff_id = ? WHERE id = ?').run(r.con, s);
    expect(counts(db)).toEqual({
      citizens: [{ group_id: r.g2, category: 'public', n: 1 }],
      staff: [{ group_id: r.g2, rank_id: r.CON, gender: 'M', n: 1 }],
      citizenGroups: [{ person_id: r.pub, n: 1 }],
    });
  });

  it("count a citizen among the district's citizens while one of their active groups is open", () => {
    const r = smallRegister();
    const { db } = r;
    addMembership(db, { groupId: r.g1, personId: r.eminent });
    addMembership(db, { groupId: r.g2, personId: r.eminent });
    addMembership(db, { groupId: r.g2, personId: r.pub });
    addMembership(db, { groupId: r.g2, staffId: r.si });
    const perGroup = counts(db);
    updateGroup(db, r.g2, { status: 'closed' }, AT);
    expect(counts(db).citizenGroups).toEqual([{ person_id: r.eminent, n: 1 }]);
    // A closed group keeps its own figures (they are history, shown but never counted).
    expect({ ...counts(db), citizenGroups: [] }).toEqual({ ...perGroup, citizenGroups: [] });
    // Joining or leaving a closed group does not change the district's citizens.
    addMembership(db, { groupId: r.g2, personId: r.eminent, joinedOn: '2019-01-01', leftOn: '2019-02-01' });
    const m = addMembership(db, { groupId: r.g1, personId: r.pub });
    expect(counts(db).citizenGroups).toEqual([
      { person_id: r.eminent, n: 1 },
      { person_id: r.pub, n: 1 },
    ]);
    // Writing the same status again, or the group's other fields, changes nothing.
    updateGroup(db, r.g2, { status: 'closed', name: 'Renamed' }, AT);
    updateGroup(db, r.g1, { status: 'active', kind: 'cyber_senani' }, AT);
    endMembership(db, m, '2026-01-19', AT);
    updateGroup(db, r.g2, { status: 'active' }, AT);
    expect(counts(db).citizenGroups).toEqual([
      { person_id: r.eminent, n: 2 },
      { person_id: r.pub, n: 1 },
    ]);
  });

  it("move a member's active memberships, not the left ones, to their new category, rank or gender", () => {
    const r = smallRegister();
    const { db } = r;
    addMembership(db, { groupId: r.g1, personId: r.pub });
    addMembership(db, { groupId: r.g2, personId: r.pub, joinedOn: '2025-01-01', leftOn: '2025-02-01' });
    addMembership(db, { groupId: r.g1, personId: r.eminent });
    addMembership(db, { groupId: r.g1, staffId: r.con });
    addMembership(db, { groupId: r.g2, staffId: r.con });
    addMembership(db, { groupId: r.g1, staffId: r.si, joinedOn: '2025-01-01', leftOn: '2025-02-01' });

    updatePerson(db, r.pub, { category: 'eminent' }, AT);
    expect(counts(db).citizens).toEqual([{ group_id: r.g1, category: 'eminent', n: 2 }]);
    updatePerson(db, r.eminent, { category: 'public' }, AT);
    expect(counts(db).citizens).toEqual([
      { group_id: r.g1, category: 'eminent', n: 1 },
      { group_id: r.g1, category: 'public', n: 1 },
    ]);

    updateStaff(db, r.con, { rankId: r.SI, gender: 'F' }, AT);
    expect(counts(db).staff).toEqual([
      { group_id: r.g1, rank_id: r.SI, gender: 'F', n: 1 },
      { group_id: r.g2, rank_id: r.SI, gender: 'F', n: 1 },
    ]);
    updateStaff(db, r.con, { gender: 'X' }, AT);
    updateStaff(db, r.si, { rankId: r.CON }, AT); // only a left membership: nothing to move
    expect(counts(db).staff).toEqual([
      { group_id: r.g1, rank_id: r.SI, gender: 'X', n: 1 },
      { group_id: r.g2, rank_id: r.SI, gender: 'X', n: 1 },
    ]);
    // Writing the same values again (as an import's update does) moves nothing.
    updatePerson(db, r.pub, { category: 'eminent', locality: 'Kadamkuan' }, AT);
    updateStaff(db, r.con, { rankId: r.SI, gender: 'X', name: 'Renamed' }, AT);
    expect(counts(db).staff).toHaveLength(2);
  });

  it("keep an erased citizen's memberships counted (SPEC §10: counts kept)", () => {
    const r = smallRegister();
    const { db } = r;
    addMembership(db, { groupId: r.g1, personId: r.eminent });
    addMembership(db, { groupId: r.g2, personId: r.eminent });
    const before = counts(db);
    anonymisePerson(db, r.eminent, AT);
    expect(counts(db)).toEqual(before);
    expect(before.citizens).toHaveLength(2);
  });

  it('are untouched by a rolled-back transaction', () => {
    const r = smallRegister();
    const { db } = r;
    const m = addMembership(db, { groupId: r.g1, personId: r.eminent });
    addMembership(db, { groupId: r.g2, staffId: r.si });
    const before = counts(db);
    expect(() =>
      transaction(db, () => {
        endMembership(db, m, '2026-01-10', AT);
        addMembership(db, { groupId: r.g1, personId: r.pub });
        updatePerson(db, r.pub, { category: 'eminent' }, AT);
        updateStaff(db, r.si, { gender: 'M' }, AT);
        addMembership(db, { groupId: r.g2, staffId: r.con });
        expect(countTables(db).kept).not.toEqual(before);
        throw new Error('the clerk pressed cancel');
      }),
    ).toThrow('the clerk pressed cancel');
    expect(counts(db)).toEqual(before);
  });

  it('follow a churned demo district through 2,400 random changes', () => {
    const { db } = makeRegister();
    // fillDemo wants an empty register: no ranks or district yet.
    rawOf(db).exec('DELETE FROM settings; DELETE FROM ranks;');
    fillDemo(db, { scale: 'district', seed: 7, now: new Date('2026-01-15T10:00:00Z') });
    const start = counts(db);
    expect(start.citizens.length).toBeGreaterThan(20);
    expect(start.staff.length).toBeGreaterThan(20);
    const made: Record<string, number> = {};
    for (let round = 0; round < 8; round++) {
      for (const [op, n] of Object.entries(churn(db, 100 + round, 300))) made[op] = (made[op] ?? 0) + n;
      counts(db);
    }
    // Every kind of change happened many times.
    for (const n of Object.values(made)) expect(n).toBeGreaterThan(50);
  });
});

describe('count tables and imports', () => {
  const importCtx = (onWrite?: () => void, signal = new AbortController().signal) => ({
    operator: 'test',
    signal,
    now: () => new Date('2026-01-20T10:00:00Z'),
    progress: (p: { phase: string; done: number }) => {
      if (p.phase === 'write' && p.done > 0) onWrite?.();
    },
  });

  type Change = (i: number) => { category?: string; left?: boolean };

  /** A CSV folder: 2 thanas, 3 groups, 40 staff, `n` citizens, a tenth of them in both public groups. */
  function folder(dir: string, name: string, change: Change = () => ({}), n = 300) {
    const f = path.join(dir, name);
    writeCsv(path.join(f, 'units.csv'), [
      ['code', 'name', 'type'],
      ['T1', 'Kotwali', 'thana'],
      ['T2', 'Gandhi Maidan', 'thana'],
    ]);
    writeCsv(path.join(f, 'groups.csv'), [
      ['code', 'unit_code', 'kind', 'name'],
      ['G1', 'T1', 'public', 'Kotwali'],
      ['G2', 'T2', 'cyber_senani', 'Gandhi Maidan'],
      ['S1', 'T1', 'staff', 'Staff'],
    ]);
    const staff = [['service_no', 'name', 'rank', 'gender', 'posting_unit_code']];
    for (let i = 0; i < 40; i++) {
      const c = change(100_000 + i);
      staff.push([`BP${i}`, `Staff ${i}`, c.category === 'promoted' ? 'SI' : 'Constable', i % 3 ? 'M' : 'F', 'T1']);
    }
    writeCsv(path.join(f, 'staff.csv'), staff);
    const members = [['group_code', 'service_no', 'name', 'phone', 'category', 'left_on']];
    for (let i = 0; i < n; i++) {
      const c = change(i);
      const row = (g: string) => [
        g,
        '',
        `Citizen ${i}`,
        String(9800000000 + i * 7),
        c.category ?? (i % 4 ? 'public' : 'eminent'),
        c.left ? '2026-01-05' : '',
      ];
      members.push(row(i % 2 ? 'G1' : 'G2'));
      if (i % 10 === 0) members.push(row(i % 2 ? 'G2' : 'G1'));
    }
    for (let i = 0; i < 40; i++)
      members.push(['S1', `BP${i}`, '', '', '', change(200_000 + i).left ? '2026-01-05' : '']);
    writeCsv(path.join(f, 'members.csv'), members);
    return f;
  }

  async function importFolder(db: RegisterDb, file: string, ctx = importCtx()): Promise<ImportReport> {
    return runImport(db, { file, dryRun: false, strict: true }, ctx);
  }

  it('count what an import writes, nothing more when it is repeated, and the changes of a new file', async () => {
    const { db, dir } = makeRegister();
    const first = await importFolder(db, folder(dir, 'first'));
    expect(first.totals.rejected).toBe(0);
    const c1 = counts(db);
    expect(c1.citizens.reduce((n, r) => n + r.n, 0)).toBe(330);
    expect(c1.staff.reduce((n, r) => n + r.n, 0)).toBe(40);

    await importFolder(db, folder(dir, 'again'));
    expect(counts(db)).toEqual(c1);

    // New categories for some citizens, promotions, and leaves of citizens and staff.
    const changed = await importFolder(
      db,
      folder(dir, 'changed', (i) => ({
        category: i < 100_000 ? (i % 3 === 0 ? 'eminent' : undefined) : i % 5 === 0 ? 'promoted' : undefined,
        left: i % 7 === 0,
      })),
    );
    expect(changed.totals.rejected).toBe(0);
    const c3 = counts(db);
    expect(c3).not.toEqual(c1);
  });

  it('are left as they were by an import cancelled mid-write', async () => {
    const { db, dir } = makeRegister();
    await importFolder(db, folder(dir, 'first', undefined, 6000));
    const before = counts(db);
    const abort = new AbortController();
    // More rows than one write batch (5,000), so the cancel lands between batches.
    const file = folder(dir, 'changed', (i) => ({ category: i % 2 ? 'eminent' : 'public', left: i % 3 === 0 }), 7000);
    await expect(
      importFolder(
        db,
        file,
        importCtx(() => abort.abort(), abort.signal),
      ),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(counts(db)).toEqual(before);
  });
});
