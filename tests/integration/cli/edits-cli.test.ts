// `samooh codes`, `samooh unit merge|delete|close`, `samooh merge undo`, spawned for real on a
// register whose older version already held codes differing only in case.
import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test } from 'vitest';
import { applyPragmas, migrate } from '../../../db/connection.js';
import { samooh } from '../../fixtures/cli.js';
import { tempDir } from '../../fixtures/temp.js';

const T = '2026-01-01T00:00:00.000Z';

test('codes lists case-duplicates (exit 1) until they are merged; merge undo brings them back', () => {
  const db = path.join(tempDir(), 'old.sqlite');
  const raw = new Database(db);
  applyPragmas(raw);
  migrate(raw, 4);
  raw.exec(`
    INSERT INTO settings (key, value) VALUES ('district', '{"code":"PAT","name":"Patna"}');
    INSERT INTO units (id, code, name, type, created_at, updated_at) VALUES
      (1, 'ACC-T3', 'Kotwali', 'thana', '${T}', '${T}'),
      (2, 'acc-t3', 'Kotwali (typo)', 'thana', '${T}', '${T}'),
      (3, 'EMPTY', 'Nothing here', 'other', '${T}', '${T}');
    INSERT INTO groups (id, code, unit_id, kind, name, created_at, updated_at) VALUES
      (1, 'G-1', 2, 'public', 'Jan Samvad', '${T}', '${T}');
  `);
  raw.close();

  const listed = samooh(['codes', '--db', db]);
  expect(listed.status).toBe(1);
  expect(listed.stdout).toContain('unit: ACC-T3, acc-t3');

  const merged = samooh(['unit', 'merge', 'acc-t3', '--into', 'ACC-T3', '--db', db, '--json']);
  expect(merged.stderr).toBe('');
  expect(merged.status).toBe(0);
  const m = merged.json() as { mergeId: number; moved: { groups: number } };
  expect(m.moved.groups).toBe(1);
  // The merged unit stays, closed, as history; the pair is settled and no longer listed.
  // Deleting it is refused while a merge names it (its Undo needs it).
  expect(samooh(['codes', '--db', db]).status).toBe(0);
  expect(samooh(['unit', 'delete', 'acc-t3', '--db', db]).status).toBe(2);

  const undo = samooh(['merge', 'undo', String(m.mergeId), '--db', db]);
  expect(undo.status).toBe(0);
  expect(undo.stdout).toContain('acc-t3');
  expect(samooh(['codes', '--db', db]).status).toBe(1);

  const del = samooh(['unit', 'delete', 'EMPTY', '--db', db, '--json']);
  expect(del.status).toBe(0);
  expect((del.json() as { deleted: { code: string } }).deleted.code).toBe('EMPTY');
  const inUse = samooh(['unit', 'delete', 'ACC-T3X', '--db', db]);
  expect(inUse.status).toBe(2);
  expect(inUse.stderr).toMatch(/does not exist/);
});
