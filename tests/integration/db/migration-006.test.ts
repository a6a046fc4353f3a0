// Migration 6 on a populated version-4 register: the audit log is re-chained in the erasable form,
// every row kept, the old chain's state recorded, and `verifyAudit` passes on the result.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { GENESIS_HASH, legacyRowHash, verifyAudit } from '../../../db/audit.js';
import { applyPragmas, migrate, openRegister } from '../../../db/connection.js';
import { tempDir } from '../../fixtures/temp.js';

const T = '2026-01-01T00:00:00.000Z';

/** A v4 register with people, memberships and a legacy audit chain of `n` rows. */
function v4Register(n: number): string {
  const file = path.join(tempDir(), 'v4.sqlite');
  const raw = new Database(file);
  applyPragmas(raw);
  migrate(raw, 4);
  raw.exec(`
    INSERT INTO ranks (id, code, name_en, name_hi, sort_order) VALUES (1, 'SI', 'Sub-Inspector', 'अवर निरीक्षक', 1);
    INSERT INTO units (id, code, name, type, created_at, updated_at) VALUES (1, 'T1', 'Kotwali', 'thana', '${T}', '${T}');
    INSERT INTO groups (id, code, unit_id, kind, name, status, created_at, updated_at) VALUES (1, 'G1', 1, 'public', 'Jan Samvad', 'active', '${T}', '${T}');
    INSERT INTO people (id, phone, name, category, created_at, updated_at) VALUES (7, '+919835012346', 'सीता', 'eminent', '${T}', '${T}');
    INSERT INTO memberships (id, group_id, person_id, joined_on, created_at, updated_at) VALUES (3, 1, 7, '2019-08-06', '${T}', '${T}');
  `);
  const insert = raw.prepare(
    'INSERT INTO audit_log (id, at, operator, action, entity, entity_id, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const r = {
      id,
      at: T,
      operator: 'clerk',
      action: id % 3 === 0 ? 'join' : 'create',
      entity: id % 3 === 0 ? 'membership' : id % 3 === 1 ? 'person' : 'unit',
      entityId: id % 3 === 1 ? '7' : String(id),
      before: null,
      after: id % 3 === 0 ? JSON.stringify({ group: 'G1', joinedOn: '2019-08-06', personId: 7 }) : null,
    };
    const hash = legacyRowHash(prev, r);
    insert.run(r.id, r.at, r.operator, r.action, r.entity, r.entityId, r.before, r.after, prev, hash);
    prev = hash;
  }
  raw.close();
  return file;
}

describe('migration 6 (erasable audit values)', () => {
  test('re-chains a populated v4 log: rows kept, chain verifies, upgrade recorded', async () => {
    const file = v4Register(300);
    const db = openRegister(file);
    const v = verifyAudit(db);
    expect(v.problems).toEqual([]);
    expect(v.rows).toBe(301);
    const rows = await db.k.selectFrom('auditLog').selectAll().orderBy('id').execute();
    expect(rows.slice(0, 300).map((r) => [r.id, r.action, r.entity])).toEqual(
      Array.from({ length: 300 }, (_, i) => [
        i + 1,
        (i + 1) % 3 === 0 ? 'join' : 'create',
        (i + 1) % 3 === 0 ? 'membership' : (i + 1) % 3 === 1 ? 'person' : 'unit',
      ]),
    );
    // Person entries and membership entries naming person 7 now say whose data they may hold.
    expect(new Set(rows.slice(0, 300).map((r) => (r.entity === 'unit' ? null : r.personId)))).toEqual(
      new Set([null, 7]),
    );
    expect(rows.filter((r) => r.entity !== 'unit' && r.id <= 300).every((r) => r.personId === 7)).toBe(true);
    const up = rows[300]!;
    expect(up).toMatchObject({ action: 'upgrade', entity: 'audit', entityId: '6' });
    expect(JSON.parse(up.after!)).toMatchObject({ legacyChainOk: true, legacyRows: 300, legacyProblems: 0 });
    // Nothing but an erasure may change a row now.
    const { rawOf } = await import('../../../db/raw.js');
    expect(() => rawOf(db).exec(`UPDATE audit_log SET operator = 'x' WHERE id = 2`)).toThrow(/append-only/);
    expect(() => rawOf(db).exec(`DELETE FROM audit_log WHERE id = 301`)).toThrow(/append-only/);
    await db.close();
  });

  test('a v4 log that was already broken says so in the upgrade entry', async () => {
    const file = v4Register(10);
    const raw = new Database(file);
    raw.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET operator = 'someone' WHERE id = 4;`);
    raw.close();
    const db = openRegister(file);
    expect(verifyAudit(db).ok).toBe(true);
    const up = await db.k.selectFrom('auditLog').selectAll().where('action', '=', 'upgrade').executeTakeFirstOrThrow();
    expect(JSON.parse(up.after!)).toMatchObject({ legacyChainOk: false, legacyProblems: 1, legacyRows: 10 });
    await db.close();
  });

  test('a new register gets no upgrade entry', async () => {
    const db = openRegister(path.join(tempDir(), 'new.sqlite'));
    expect(verifyAudit(db)).toMatchObject({ ok: true, rows: 0, problems: [] });
    await db.close();
  });
});
