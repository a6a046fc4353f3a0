// The audit log's hash chain catches rows edited, deleted or inserted behind the app's back
// (with another tool that drops the append-only triggers first).
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { appendAudit, verifyAudit } from '../../../db/audit.js';
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
function tamper(file: string, sql: string): void {
  const raw = new Database(file);
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  raw.exec(sql);
  raw.close();
}

describe('audit verify', () => {
  test('an untouched log verifies', () => {
    const { db } = registerWithLog();
    expect(verifyAudit(db)).toMatchObject({ ok: true, rows: 5, problems: [] });
  });

  test('an edited row is named', async () => {
    const { db, file } = registerWithLog();
    await db.close();
    tamper(file, `UPDATE audit_log SET operator = 'someone-else' WHERE id = 3`);
    const { openRegister } = await import('../../../db/connection.js');
    const again = openRegister(file);
    const v = verifyAudit(again);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([
      { id: 3, problem: 'hash_mismatch', message: 'row 3 was changed after it was written' },
    ]);
    await again.close();
  });

  test('a deleted row in the middle and at the end are both caught', async () => {
    const { db, file } = registerWithLog();
    await db.close();
    tamper(file, `DELETE FROM audit_log WHERE id = 2; DELETE FROM audit_log WHERE id = 5;`);
    const { openRegister } = await import('../../../db/connection.js');
    const again = openRegister(file);
    const v = verifyAudit(again);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => [p.id, p.problem])).toEqual([
      [3, 'gap'],
      [3, 'chain_break'],
      [5, 'sequence_mismatch'],
    ]);
    await again.close();
  });

  test('a row inserted with a made-up hash is caught', async () => {
    const { db, file } = registerWithLog(2);
    await db.close();
    tamper(
      file,
      `INSERT INTO audit_log (at, operator, action, entity, prev_hash, hash) VALUES ('2026-01-01T00:00:00.000Z', 'x', 'delete', 'unit', '${'a'.repeat(64)}', '${'b'.repeat(64)}')`,
    );
    const { openRegister } = await import('../../../db/connection.js');
    const again = openRegister(file);
    const v = verifyAudit(again);
    expect(v.problems.map((p) => [p.id, p.problem])).toEqual([
      [3, 'chain_break'],
      [3, 'hash_mismatch'],
    ]);
    await again.close();
  });
});
