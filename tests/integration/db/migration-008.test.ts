// Migration 8 on a populated version-7 register: it adds the sorted lists' indexes, keeps every
// row, and the members list then reads each order from them (unit → group → entry by default).
import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test } from 'vitest';
import { applyPragmas, migrate, openRegister } from '../../../db/connection.js';
import { searchMembers } from '../../../db/memberships.js';
import { rawOf } from '../../../db/raw.js';
import { tempDir } from '../../fixtures/temp.js';

const T = '2026-01-01T00:00:00.000Z';

test('migration 8 adds the sort indexes to a populated v7 register and keeps its rows', async () => {
  const file = path.join(tempDir(), 'm8.sqlite');
  const raw = new Database(file);
  applyPragmas(raw);
  migrate(raw, 7);
  expect(raw.pragma('user_version', { simple: true })).toBe(7);
  raw.exec(`
    INSERT INTO ranks (id, code, name_en, name_hi, aliases, sort_order) VALUES (1, 'SI', 'Sub-Inspector', 'अवर निरीक्षक', '[]', 1);
    INSERT INTO units (id, code, name, type, created_at, updated_at) VALUES
      (1, 'PAT-T2', 'Kotwali', 'thana', '${T}', '${T}'),
      (2, 'PAT-T1', 'Gandhi Maidan', 'thana', '${T}', '${T}');
    INSERT INTO staff (id, service_no, name, rank_id, gender, posting_unit_id, created_at, updated_at) VALUES
      (1, 'BP1', 'anil kumar', 1, 'M', 1, '${T}', '${T}');
    INSERT INTO groups (id, code, unit_id, kind, name, created_at, updated_at) VALUES
      (1, 'G-B', 2, 'public', 'Jan Samvad B', '${T}', '${T}'),
      (2, 'G-A', 2, 'public', 'Jan Samvad A', '${T}', '${T}'),
      (3, 'G-C', 1, 'staff', 'Staff', '${T}', '${T}');
    INSERT INTO people (id, phone, name, category, created_at, updated_at) VALUES
      (1, '+919835012346', 'सीता देवी', 'eminent', '${T}', '${T}'),
      (2, '+919835012347', 'Bimla', 'public', '${T}', '${T}'),
      (3, '+919835012348', 'ajay', 'public', '${T}', '${T}');
    INSERT INTO memberships (id, group_id, person_id, staff_id, joined_on, left_on, created_at, updated_at) VALUES
      (1, 3, NULL, 1, '2020-01-01', NULL, '${T}', '${T}'),
      (2, 1, 1, NULL, '2019-08-06', NULL, '${T}', '${T}'),
      (3, 2, 2, NULL, NULL, NULL, '${T}', '${T}'),
      (4, 2, 3, NULL, '2021-05-01', NULL, '${T}', '${T}'),
      (5, 1, 2, NULL, '2019-01-01', '2019-06-01', '${T}', '${T}');
  `);
  const before = raw.prepare('SELECT * FROM memberships ORDER BY id').all();
  migrate(raw);
  expect(raw.pragma('user_version', { simple: true })).toBe(8);
  expect(raw.prepare('SELECT * FROM memberships ORDER BY id').all()).toEqual(before);
  const indexes = (
    raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  expect(indexes).toEqual(
    expect.arrayContaining([
      'groups_unit_code',
      'memberships_group_state',
      'memberships_active_joined',
      'memberships_joined',
    ]),
  );
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  raw.close();

  const db = openRegister(file);
  const ids = (sort?: Parameters<typeof searchMembers>[1]['sort'], state: 'active' | 'all' = 'active') =>
    searchMembers(db, { offset: 0, limit: 100, state, ...(sort ? { sort } : {}) }).rows.map((r) => r.membershipId);
  // Default: unit code (PAT-T1 before PAT-T2), group code (G-A before G-B), entry order.
  expect(ids()).toEqual([3, 4, 2, 1]);
  expect(ids({ column: 'group', dir: 'desc' })).toEqual([1, 2, 4, 3]);
  // Names: Latin ignoring case (ajay, anil kumar, Bimla), then Devanagari.
  expect(ids({ column: 'name', dir: 'asc' })).toEqual([4, 1, 3, 2]);
  expect(ids({ column: 'name', dir: 'asc' }, 'all')).toEqual([4, 1, 3, 5, 2]);
  // Joined: a blank day first ascending, then by day, then entry order.
  expect(ids({ column: 'joined', dir: 'asc' })).toEqual([3, 2, 1, 4]);
  expect(ids({ column: 'joined', dir: 'desc' }, 'all')).toEqual([4, 1, 2, 5, 3]);
  expect(rawOf(db).pragma('user_version', { simple: true })).toBe(8);
  await db.close();
});
