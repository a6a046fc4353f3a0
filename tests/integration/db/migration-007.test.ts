// Migration 7 on a register that already holds codes differing only in case: it applies, keeps
// every row, lists the pairs for the clerk, and refuses new ones from then on.
import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test } from 'vitest';
import { caseDuplicates } from '../../../db/case-duplicates.js';
import { applyPragmas, migrate, openRegister } from '../../../db/connection.js';
import { tempDir } from '../../fixtures/temp.js';

const T = '2026-01-01T00:00:00.000Z';

test('migration 7 keeps existing case-duplicates, lists them, and refuses new ones', async () => {
  const file = path.join(tempDir(), 'm7.sqlite');
  const raw = new Database(file);
  applyPragmas(raw);
  migrate(raw, 4);
  raw.exec(`
    INSERT INTO units (id, code, name, type, created_at, updated_at) VALUES
      (1, 'ACC-T3', 'Kotwali', 'thana', '${T}', '${T}'),
      (2, 'acc-t3', 'Kotwali (typo)', 'thana', '${T}', '${T}'),
      (3, 'Acc-T3', 'Kotwali (again)', 'other', '${T}', '${T}'),
      (4, 'PAT-DC', 'Police Lines', 'district_centre', '${T}', '${T}');
    INSERT INTO groups (id, code, unit_id, kind, name, created_at, updated_at) VALUES
      (1, 'G-1', 1, 'public', 'Jan Samvad', '${T}', '${T}'),
      (2, 'g-1', 2, 'public', 'Jan Samvad', '${T}', '${T}'),
      (3, 'G-2', 4, 'staff', 'Staff', '${T}', '${T}');
  `);
  migrate(raw, 7);
  expect(raw.pragma('user_version', { simple: true })).toBe(7);
  expect(raw.prepare('SELECT code, status FROM units ORDER BY id').all()).toEqual([
    { code: 'ACC-T3', status: 'active' },
    { code: 'acc-t3', status: 'active' },
    { code: 'Acc-T3', status: 'active' },
    { code: 'PAT-DC', status: 'active' },
  ]);
  expect(() =>
    raw.exec(
      `INSERT INTO units (code, name, type, created_at, updated_at) VALUES ('pat-dc', 'x', 'other', '${T}', '${T}')`,
    ),
  ).toThrow(/CODE_CASE_DUPLICATE/);
  expect(() => raw.exec(`UPDATE groups SET code = 'g-2' WHERE id = 1`)).toThrow(/CODE_CASE_DUPLICATE/);
  // A code may change its own case, and an unrelated one is still fine.
  raw.exec(`UPDATE units SET code = 'pat-dc' WHERE id = 4`);
  raw.exec(
    `INSERT INTO units (code, name, type, created_at, updated_at) VALUES ('PAT-T-NEW', 'x', 'thana', '${T}', '${T}')`,
  );
  raw.close();

  const db = openRegister(file);
  expect(caseDuplicates(db)).toEqual([
    { entity: 'unit', codes: ['ACC-T3', 'Acc-T3', 'acc-t3'] },
    { entity: 'group', codes: ['G-1', 'g-1'] },
  ]);
  await db.close();
});
