// The audit log's hash chain catches rows edited, deleted or inserted behind the app's back
// (with another tool that drops the append-only triggers first), lets an erasure blank a
// person's values and nothing else, and notices what a shortened log leaves behind.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { appendAudit, eraseAuditValues, verifyAudit, type AuditProblem } from '../../../db/audit.js';
import { openRegister } from '../../../db/connection.js';
import { transaction } from '../../../db/exec.js';
import { rawOf } from '../../../db/raw.js';
import { makeRegister } from '../../fixtures/builders.js';

function registerWithLog(n = 5) {
  const r = makeRegister();
  for (let i = 1; i <= n; i++) {
    appendAudit(r.db, {
      operator: 'clerk',
      action: 'create',
      entity: 'unit',
      entityId: `U${i}`,
      after: { code: `U${i}` },
    });
  }
  return r;
}

/** What someone with DB Browser would do: open the file, drop the guards, change rows. */
function tamper(file: string, sql: string, restoreGuards = false): void {
  const raw = new Database(file);
  const guards = raw
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_log_no_%'")
    .all() as { sql: string }[];
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  raw.exec(sql);
  if (restoreGuards) for (const g of guards) raw.exec(g.sql);
  raw.close();
}

const codes = (ps: AuditProblem[]) => ps.map((p) => [p.id, p.problem]);
const guardsGone = [
  [0, 'guard_missing'],
  [0, 'guard_missing'],
];

describe('audit verify', () => {
  test('an untouched log verifies', () => {
    const { db } = registerWithLog();
    expect(verifyAudit(db)).toMatchObject({ ok: true, rows: 5, problems: [] });
  });

  test('an edited row is named, whether its fields or its values were changed', async () => {
    const { db, file } = registerWithLog();
    await db.close();
    tamper(
      file,
      `UPDATE audit_log SET operator = 'someone-else' WHERE id = 3; UPDATE audit_log SET after = '{"code":"X"}' WHERE id = 4`,
      true,
    );
    const again = openRegister(file);
    const v = verifyAudit(again);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([
      { id: 3, problem: 'hash_mismatch', message: 'row 3 was changed after it was written' },
      { id: 4, problem: 'hash_mismatch', message: 'row 4 was changed after it was written' },
    ]);
    await again.close();
  });

  test('a deleted row in the middle and at the end are both caught, and the dropped guards named', async () => {
    const { db, file } = registerWithLog();
    await db.close();
    tamper(file, `DELETE FROM audit_log WHERE id = 2; DELETE FROM audit_log WHERE id = 5;`);
    const again = openRegister(file);
    const v = verifyAudit(again);
    expect(v.ok).toBe(false);
    expect(codes(v.problems)).toEqual([[3, 'gap'], [3, 'chain_break'], [5, 'sequence_mismatch'], ...guardsGone]);
    await again.close();
  });

  test('the issue #10 attack: drop the guards, delete the last rows, lower sqlite_sequence', async () => {
    const { db, file } = registerWithLog(6);
    await db.close();
    tamper(file, `DELETE FROM audit_log WHERE id > 4; UPDATE sqlite_sequence SET seq = 4 WHERE name = 'audit_log';`);
    const again = openRegister(file);
    const v = verifyAudit(again);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.problem)).toEqual(['guard_missing', 'guard_missing']);
    expect(v.problems[0]!.message).toMatch(/audit_log_no_update was removed/);
    await again.close();
    // Guards put back by hand, but as no-ops: still caught.
    const raw = new Database(file);
    raw.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END;`);
    raw.close();
    const third = openRegister(file);
    expect(verifyAudit(third).problems.map((p) => p.message)).toEqual([
      'the append-only guard audit_log_no_update was replaced by a different trigger',
      'the append-only guard audit_log_no_delete was replaced by a different trigger',
    ]);
    await third.close();
  });

  test('sqlite_sequence removed or lowered below the last row is caught', async () => {
    const { db, file } = registerWithLog(3);
    await db.close();
    tamper(file, `DELETE FROM sqlite_sequence WHERE name = 'audit_log'`, true);
    const again = openRegister(file);
    expect(codes(verifyAudit(again).problems)).toEqual([[3, 'sequence_mismatch']]);
    await again.close();
  });

  test('a row inserted with a made-up hash is caught', async () => {
    const { db, file } = registerWithLog(2);
    await db.close();
    tamper(
      file,
      `INSERT INTO audit_log (at, operator, action, entity, prev_hash, hash, values_digest) VALUES ('2026-01-01T00:00:00.000Z', 'x', 'delete', 'unit', '${'a'.repeat(64)}', '${'b'.repeat(64)}', '${'c'.repeat(64)}')`,
      true,
    );
    const again = openRegister(file);
    const v = verifyAudit(again);
    expect(codes(v.problems)).toEqual([
      [3, 'chain_break'],
      [3, 'hash_mismatch'],
    ]);
    await again.close();
  });

  test("an erasure blanks a person's values and the chain still verifies", () => {
    const { db } = makeRegister();
    appendAudit(db, {
      operator: 'c',
      action: 'create',
      entity: 'person',
      entityId: 9,
      personId: 9,
      after: { name: 'Sita' },
    });
    appendAudit(db, {
      operator: 'c',
      action: 'create',
      entity: 'person',
      entityId: 10,
      personId: 10,
      after: { name: 'Ram' },
    });
    transaction(db, () => {
      const id = appendAudit(db, { operator: 'c', action: 'erase', entity: 'person', entityId: 9 });
      expect(eraseAuditValues(db, 9, id)).toBe(1);
    });
    const rows = rawOf(db).prepare('SELECT id, after, salt, erased_by FROM audit_log ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, after: null, salt: null, erased_by: 3 },
      { id: 2, after: '{"name":"Ram"}', salt: expect.stringMatching(/^[0-9a-f]{32}$/), erased_by: null },
      { id: 3, after: null, salt: expect.stringMatching(/^[0-9a-f]{32}$/), erased_by: null },
    ]);
    expect(verifyAudit(db)).toMatchObject({ ok: true, rows: 3 });
    // The guard lets nothing else through, not even a second blanking or a change with it.
    expect(() =>
      rawOf(db).exec('UPDATE audit_log SET after = NULL, salt = NULL, erased_by = 3 WHERE id = 2 AND 0'),
    ).not.toThrow();
    expect(() =>
      rawOf(db).exec(`UPDATE audit_log SET operator = 'x', after = NULL, salt = NULL, erased_by = 3 WHERE id = 2`),
    ).toThrow(/append-only/);
    expect(() => rawOf(db).exec('UPDATE audit_log SET erased_by = 2 WHERE id = 1')).toThrow(/append-only/);
  });

  test('values blanked without an erasure of that person are caught', () => {
    const { db } = makeRegister();
    appendAudit(db, {
      operator: 'c',
      action: 'create',
      entity: 'person',
      entityId: 9,
      personId: 9,
      after: { name: 'Sita' },
    });
    appendAudit(db, { operator: 'c', action: 'update', entity: 'unit', entityId: 'T1', after: { name: 'Kotwali' } });
    appendAudit(db, { operator: 'c', action: 'erase', entity: 'person', entityId: 9 });
    // Hiding the unit entry's values behind the erasure of someone else.
    rawOf(db).exec('UPDATE audit_log SET before = NULL, after = NULL, salt = NULL, erased_by = 3 WHERE id = 2');
    expect(codes(verifyAudit(db).problems)).toEqual([[2, 'erasure_invalid']]);
  });
});
