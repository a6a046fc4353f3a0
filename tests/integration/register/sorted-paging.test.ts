// Paging the members and staff lists under every order (issue #11): pages of any size, put
// together, hold every row exactly once, in the order the column promises, with ties (the same
// name, the same person in several groups, blank joining days) broken the same way every time.
// The expected order is computed here independently of SQL.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  addGroup,
  addMembership,
  addPerson,
  addStaff,
  addUnit,
  makeRegister,
  type TestRegister,
} from '../../fixtures/builders.js';
import { rawOf } from '../../../db/raw.js';
import { searchMembers, type MemberFilter, type MemberRow } from '../../../db/memberships.js';
import { listStaff, type StaffRow } from '../../../db/staff.js';
import { MEMBER_SORT_COLUMNS, SORT_DIRECTIONS, STAFF_SORT_COLUMNS } from '../../../electron/contract/sorting.js';
import type { MemberSort, StaffSort } from '../../../electron/contract/sorting.js';
import { registerCalls } from '../../../electron/contract/calls/register.js';

/** SQLite NOCASE: ASCII letters folded, everything else by code point. */
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const cmp = (a: string | number | null, b: string | number | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

const NAMES = ['Ram Kumar', 'ram kumar', 'RAM KUMAR', 'सीता देवी', 'अजय', 'Ajay', 'zeenat', 'Él', 'क्षमा', 'आरती'];

let reg: TestRegister;
let units: { code: string; id: number }[];

beforeAll(() => {
  reg = makeRegister();
  const { db } = reg;
  rawOf(db).transaction(() => {
    units = ['PAT-T3', 'PAT-T1', 'PAT-T2'].map((code) => addUnit(db, { code }));
    const groups = units.flatMap((u, i) =>
      ['Z', 'A', 'M'].map((g) =>
        addGroup(db, {
          code: `${u.code}-${g}`,
          unit: u.code,
          kind: g === 'M' ? 'staff' : 'public',
          status: i === 2 && g === 'Z' ? 'closed' : 'active',
        }),
      ),
    );
    const staff = Array.from({ length: 40 }, (_, i) =>
      addStaff(db, {
        name: NAMES[i % NAMES.length]!,
        unit: units[i % 3]!.code,
        rank: ['CONSTABLE', 'SI', 'INSPECTOR'][i % 3]!,
        serviceNo: `BP${(i * 7919) % 1000}`,
      }),
    );
    const people = Array.from({ length: 150 }, (_, i) =>
      addPerson(db, { name: NAMES[(i * 3) % NAMES.length]!, category: i % 4 === 0 ? 'eminent' : 'public' }),
    );
    let n = 0;
    for (const p of people) {
      // Most people in two groups, some in three; the same name over many people.
      for (const g of [groups[n % 9]!, groups[(n + 4) % 9]!, ...(n % 5 === 0 ? [groups[(n + 2) % 9]!] : [])]) {
        const joinedOn = n % 7 === 0 ? null : `20${10 + (n % 12)}-0${1 + (n % 9)}-1${n % 10}`;
        addMembership(db, { groupId: g.id, personId: p.id, joinedOn, leftOn: n % 11 === 0 ? '2025-01-01' : null });
        n++;
      }
    }
    for (const s of staff) {
      for (const g of [groups[n % 9]!, groups[(n + 1) % 9]!]) {
        addMembership(db, { groupId: g.id, staffId: s.id, joinedOn: n % 6 === 0 ? null : `2020-0${1 + (n % 9)}-01` });
        n++;
      }
    }
  })();
});

function allPages(f: MemberFilter, sort: MemberSort, size: number): { total: number; rows: MemberRow[] } {
  const rows: MemberRow[] = [];
  let total: number;
  for (let offset = 0; ; offset += size) {
    const page = searchMembers(reg.db, { ...f, sort, offset, limit: size });
    total = page.total;
    rows.push(...page.rows);
    if (page.rows.length < size) break;
  }
  return { total, rows };
}

/** The order each column promises, from the rows' own values. */
function expectedOrder(rows: MemberRow[], sort: MemberSort): number[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const key = (r: MemberRow): (string | number | null)[] => {
    switch (sort.column) {
      case 'group':
        return [r.unitCode, r.groupCode, r.membershipId];
      case 'name':
        return [nocase(r.name), r.memberId, r.membershipId];
      case 'joined':
        return [r.joinedOn, r.membershipId];
    }
  };
  return [...rows]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) {
        const c = cmp(ka[i]!, kb[i]!);
        if (c !== 0) return c * sign;
      }
      return 0;
    })
    .map((r) => r.membershipId);
}

const FILTERS: { label: string; f: MemberFilter }[] = [
  { label: 'active', f: {} },
  { label: 'all', f: { state: 'all' } },
  { label: 'left', f: { state: 'left' } },
  { label: 'eminent', f: { category: 'eminent' } },
  { label: 'staff', f: { category: 'staff' } },
  { label: 'active groups', f: { groupStatus: 'active', state: 'all' } },
  { label: 'one group', f: { groupCode: 'PAT-T1-A' } },
  { label: 'search "kumar"', f: { query: 'kumar' } },
];

describe('members list paging under each order', () => {
  for (const column of MEMBER_SORT_COLUMNS) {
    for (const dir of SORT_DIRECTIONS) {
      for (const { label, f } of FILTERS) {
        test(`${column} ${dir}, ${label}: every row once, in order`, () => {
          const sort = { column, dir };
          const whole = searchMembers(reg.db, { ...f, sort, offset: 0, limit: 1000 });
          expect(whole.rows.length).toBe(whole.total);
          expect(whole.total).toBeGreaterThan(0);
          for (const size of [1, 7, 100]) {
            const paged = allPages(f, sort, size);
            const ids = paged.rows.map((r) => r.membershipId);
            expect(paged.total).toBe(whole.total);
            expect(new Set(ids).size).toBe(ids.length);
            expect(ids).toEqual(whole.rows.map((r) => r.membershipId));
          }
          expect(whole.rows.map((r) => r.membershipId)).toEqual(expectedOrder(whole.rows, sort));
        });
      }
    }
  }

  test('without a sort the list takes the default order, the same on every call', () => {
    const a = searchMembers(reg.db, { offset: 0, limit: 1000 }).rows.map((r) => r.membershipId);
    const b = searchMembers(reg.db, { offset: 0, limit: 1000, sort: { column: 'group', dir: 'asc' } }).rows;
    expect(a).toEqual(b.map((r) => r.membershipId));
    expect(searchMembers(reg.db, { offset: 0, limit: 1000 }).rows.map((r) => r.membershipId)).toEqual(a);
  });

  test('names sort Latin ignoring case, then Devanagari', () => {
    const names = searchMembers(reg.db, { offset: 0, limit: 1000, sort: { column: 'name', dir: 'asc' } }).rows.map(
      (r) => r.name,
    );
    const firstDevanagari = names.findIndex((n) => /[\u0900-\u097f]/.test(n));
    expect(firstDevanagari).toBeGreaterThan(0);
    expect(names.slice(0, firstDevanagari).every((n) => /^[\p{Script=Latin} ]+$/u.test(n))).toBe(true);
    expect(names.slice(firstDevanagari).every((n) => /^[\u0900-\u097f ]+$/.test(n))).toBe(true);
    // "Ram Kumar", "ram kumar" and "RAM KUMAR" are one name for the order: they sit together.
    const ram = names.map((n, i) => (nocase(n) === 'ram kumar' ? i : -1)).filter((i) => i >= 0);
    expect(ram[ram.length - 1]! - ram[0]!).toBe(ram.length - 1);
  });
});

describe('staff list paging under each order', () => {
  const key = (s: StaffRow, sort: StaffSort): (string | number)[] => {
    switch (sort.column) {
      case 'rank':
        return [s.rankOrder, nocase(s.name), s.id];
      case 'name':
        return [nocase(s.name), s.id];
      case 'serviceNo':
        return [s.serviceNo];
      case 'posting':
        return [s.unitCode, nocase(s.name), s.id];
    }
  };
  for (const column of STAFF_SORT_COLUMNS) {
    for (const dir of SORT_DIRECTIONS) {
      for (const f of [{}, { unitCode: 'PAT-T1' }, { query: 'kumar' }]) {
        test(`${column} ${dir}, ${JSON.stringify(f)}: every row once, in order`, () => {
          const sort = { column, dir };
          const whole = listStaff(reg.db, { ...f, sort, offset: 0, limit: 1000 });
          expect(whole.rows.length).toBe(whole.total);
          const paged: StaffRow[] = [];
          for (let offset = 0; offset < whole.total; offset += 6) {
            paged.push(...listStaff(reg.db, { ...f, sort, offset, limit: 6 }).rows);
          }
          expect(paged.map((s) => s.id)).toEqual(whole.rows.map((s) => s.id));
          expect(new Set(paged.map((s) => s.id)).size).toBe(whole.total);
          const sign = dir === 'asc' ? 1 : -1;
          const expected = [...whole.rows].sort((a, b) => {
            const ka = key(a, sort);
            const kb = key(b, sort);
            for (let i = 0; i < ka.length; i++) {
              const c = cmp(ka[i]!, kb[i]!);
              if (c !== 0) return c * sign;
            }
            return 0;
          });
          expect(whole.rows.map((s) => s.id)).toEqual(expected.map((s) => s.id));
        });
      }
    }
  }
});

describe('sort arguments (contract)', () => {
  test('a column outside the list or a wrong direction is refused; the direction defaults to ascending', () => {
    const members = registerCalls['members.search'];
    expect(members.safeParse({ sort: { column: 'phone' } }).success).toBe(false);
    expect(members.safeParse({ sort: { column: 'name', dir: 'up' } }).success).toBe(false);
    expect(members.parse({ sort: { column: 'name' } }).sort).toEqual({ column: 'name', dir: 'asc' });
    expect(members.parse({}).sort).toBeUndefined();
    const staff = registerCalls['staff.list'];
    expect(staff.safeParse({ sort: { column: 'gender' } }).success).toBe(false);
    expect(staff.parse({ sort: { column: 'posting', dir: 'desc' } }).sort).toEqual({ column: 'posting', dir: 'desc' });
  });
});
