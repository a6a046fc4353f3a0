// Every order the members and staff lists offer is read from an index in that order
// (issue #11): EXPLAIN QUERY PLAN of each sortable column's page query, in both directions,
// for the unfiltered list and the broad filters (state, category, active groups), must not
// scan memberships or people whole and then sort them ("USE TEMP B-TREE FOR ORDER BY"). A sort
// of the last key within an index-ordered block (… FOR LAST TERM OF ORDER BY) is fine: it
// sorts one group's or one member's rows, never the list. Selective filters (search text, one
// group) sort the few rows they find and are not checked here.
import { describe, expect, test } from 'vitest';
import type { Compilable } from 'kysely';
import { makeRegister } from '../../fixtures/builders.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { rawOf } from '../../../db/raw.js';
import { memberPageQuery, type MemberFilter, type MemberSortColumn } from '../../../db/memberships.js';
import { staffPageQuery, type StaffSortColumn } from '../../../db/staff.js';
import { MEMBER_SORT_COLUMNS, SORT_DIRECTIONS, STAFF_SORT_COLUMNS } from '../../../electron/contract/sorting.js';

function plan(db: RegisterDb, q: Compilable<unknown>): string[] {
  const c = q.compile();
  return (
    rawOf(db)
      .prepare(`EXPLAIN QUERY PLAN ${c.sql}`)
      .all(...(c.parameters as unknown[])) as { detail: string }[]
  ).map((r) => r.detail);
}

const MEMBER_FILTERS: { label: string; f: MemberFilter }[] = [
  { label: 'active (default)', f: {} },
  { label: 'all states', f: { state: 'all' } },
  { label: 'left', f: { state: 'left' } },
  { label: 'eminent citizens', f: { category: 'eminent' } },
  { label: 'staff only', f: { category: 'staff' } },
  { label: 'active groups only', f: { groupStatus: 'active' } },
];

describe('sorted list query plans', () => {
  const { db } = makeRegister();

  test('the sort columns the contract offers are the ones the queries implement', () => {
    const members: readonly MemberSortColumn[] = MEMBER_SORT_COLUMNS;
    const staff: readonly StaffSortColumn[] = STAFF_SORT_COLUMNS;
    expect(members.length).toBeGreaterThan(0);
    expect(staff.length).toBeGreaterThan(0);
  });

  for (const column of MEMBER_SORT_COLUMNS) {
    for (const dir of SORT_DIRECTIONS) {
      for (const { label, f } of MEMBER_FILTERS) {
        test(`members by ${column} ${dir}, ${label}: walks an index in order, never scans and sorts`, () => {
          const lines = plan(db, memberPageQuery(db, f, { column, dir }).offset(100).limit(100));
          const where = lines.join('\n');
          expect(
            lines.filter((l) => l === 'USE TEMP B-TREE FOR ORDER BY'),
            where,
          ).toEqual([]);
          // No whole-table read of memberships or people without an index.
          expect(
            lines.filter((l) => /^SCAN (m|p|memberships|people)$/.test(l.trim())),
            where,
          ).toEqual([]);
          // The order comes from an index: the plan walks one (SCAN … USING INDEX) or the
          // forced outer table's index.
          expect(
            lines.some((l) => /USING (COVERING )?INDEX/.test(l)),
            where,
          ).toBe(true);
        });
      }
    }
  }

  for (const column of STAFF_SORT_COLUMNS) {
    for (const dir of SORT_DIRECTIONS) {
      test(`staff by ${column} ${dir}: walks an index in order, never scans and sorts`, () => {
        const lines = plan(db, staffPageQuery(db, {}, { column, dir }).offset(100).limit(100));
        const where = lines.join('\n');
        expect(
          lines.filter((l) => l === 'USE TEMP B-TREE FOR ORDER BY'),
          where,
        ).toEqual([]);
        expect(
          lines.filter((l) => /^SCAN (s|staff)$/.test(l.trim())),
          where,
        ).toEqual([]);
      });
    }
  }
});
