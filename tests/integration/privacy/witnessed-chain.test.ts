// The witnessed audit chain (issue #10): each bundle export signs the chain head as a checkpoint
// and carries the entry digests since the previous bundle. A log shortened or rewritten behind
// the app's back — even with every later hash recomputed — no longer reaches the signed head.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, auditHead, chainStep, entryDigest, valuesDigest, GENESIS_HASH } from '../../../db/audit.js';
import { openRegister } from '../../../db/connection.js';
import { verifyAuditWitnessed } from '../../../electron/services/audit-chain/checkpoints.js';
import { checkAuditChain, type AuditChainFile } from '../../../electron/services/audit-chain/chain.js';
import { writeBundle } from '../../../electron/services/bundle/export.js';
import { tempDir } from '../../fixtures/temp.js';
import { keyedRegister, sampleReport, unzipToTemp, type KeyedRegister } from '../bundle/fixtures.js';

let day = 5;
async function exportBundle(reg: KeyedRegister) {
  return writeBundle(reg.db, {
    key: reg.key,
    report: sampleReport(),
    folder: tempDir(),
    withMembers: false,
    target: 'folder',
    operator: 'clerk',
    now: new Date(`2026-01-${String(day++).padStart(2, '0')}T10:30:00Z`),
  });
}

function spanOf(zip: string): AuditChainFile {
  const bag = unzipToTemp(zip);
  return JSON.parse(readFileSync(path.join(bag, 'data', 'audit-chain.json'), 'utf8')) as AuditChainFile;
}

function addEntries(reg: KeyedRegister, n: number) {
  for (let i = 0; i < n; i++) {
    appendAudit(reg.db, { operator: 'clerk', action: 'create', entity: 'unit', entityId: `X${i}`, after: { i } });
  }
}

/** Every row from `fromId` on recomputed as a forger would: the chain is consistent again. */
function rechainFrom(raw: Database.Database, fromId: number) {
  type Row = Parameters<typeof entryDigest>[0] & {
    salt: string | null;
    before: string | null;
    after: string | null;
    prev_hash: string;
    hash: string;
  };
  const rows = raw
    .prepare(
      'SELECT id, at, operator, action, entity, entity_id AS entityId, person_id AS personId, salt, before, after, values_digest AS valuesDigest, prev_hash, hash FROM audit_log ORDER BY id',
    )
    .all() as Row[];
  let prev = GENESIS_HASH;
  const upd = raw.prepare('UPDATE audit_log SET values_digest = ?, prev_hash = ?, hash = ? WHERE id = ?');
  for (const r of rows) {
    if (r.id >= fromId) {
      const vd = valuesDigest(r.salt, r.before, r.after);
      const h = chainStep(prev, entryDigest({ ...r, valuesDigest: vd }));
      upd.run(vd, prev, h, r.id);
      prev = h;
    } else prev = r.hash;
  }
}

describe('the witnessed audit chain', () => {
  it('each bundle carries the digests since the previous one, and they extend what HQ holds', async () => {
    const reg = await keyedRegister();
    addEntries(reg, 3);
    const head1 = auditHead(reg.db);
    const b1 = await exportBundle(reg);
    const s1 = spanOf(b1.file);
    expect(s1.from).toEqual({ count: 0, head: GENESIS_HASH });
    expect(s1.to).toEqual({ count: head1.count, head: head1.hash });
    expect(checkAuditChain(s1, null)).toEqual([]);
    // Hashes only: no operator names, no values.
    expect(JSON.stringify(s1)).not.toMatch(/clerk|unit|X0/);

    addEntries(reg, 4);
    const head2 = auditHead(reg.db);
    const b2 = await exportBundle(reg);
    const s2 = spanOf(b2.file);
    // From the head of bundle 1 (its export entry and the 4 new rows follow).
    expect(s2.from).toEqual(s1.to);
    expect(s2.entries).toHaveLength(head2.count - head1.count);
    expect(s2.to).toEqual({ count: head2.count, head: head2.hash });
    expect(checkAuditChain(s2, { count: s1.to.count, head: s1.to.head })).toEqual([]);

    const v = verifyAuditWitnessed(reg.db);
    expect(v).toMatchObject({ ok: true, checkpoints: 2, lastCheckpoint: { lastId: head2.lastId, bundleSeq: 2 } });
    await reg.db.close();
  });

  it('rewriting the chain after an edit is caught by the signed checkpoint', async () => {
    const reg = await keyedRegister();
    addEntries(reg, 5);
    await exportBundle(reg);
    addEntries(reg, 2);
    await reg.db.close();

    const raw = new Database(reg.file);
    const guards = raw.prepare("SELECT sql FROM sqlite_master WHERE name LIKE 'audit_log_no_%'").all() as {
      sql: string;
    }[];
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.exec(`UPDATE audit_log SET operator = 'nobody' WHERE id = 3`);
    rechainFrom(raw, 3);
    raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
    for (const g of guards) if (g.sql.includes('no_update')) raw.exec(g.sql);
    raw.close();

    const db = openRegister(reg.file);
    const v = verifyAuditWitnessed(db);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.problem)).toEqual(['checkpoint_mismatch']);
    expect(v.problems[0]!.message).toMatch(/no longer matches the head signed at bundle 1/);
    await db.close();
  });

  it('the issue #10 attack (drop guards, delete the last rows, lower sqlite_sequence) fails verify', async () => {
    const reg = await keyedRegister();
    addEntries(reg, 5);
    await exportBundle(reg);
    const before = auditHead(reg.db);
    await reg.db.close();

    const raw = new Database(reg.file);
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    raw.exec(`DELETE FROM audit_log WHERE id > ${before.lastId - 3}`);
    raw.exec(`UPDATE sqlite_sequence SET seq = ${before.lastId - 3} WHERE name = 'audit_log'`);
    raw.close();

    const db = openRegister(reg.file);
    const v = verifyAuditWitnessed(db);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.problem).sort()).toEqual(['checkpoint_mismatch', 'guard_missing', 'guard_missing']);
    await db.close();

    // Even with the guards put back exactly, the signed checkpoint names the missing rows.
    const raw2 = new Database(reg.file);
    const { AUDIT_GUARDS } = await import('../../../db/audit.js');
    raw2.exec(AUDIT_GUARDS.audit_log_no_update!);
    raw2.exec(AUDIT_GUARDS.audit_log_no_delete!);
    raw2.close();
    const db2 = openRegister(reg.file);
    const v2 = verifyAuditWitnessed(db2);
    expect(v2.problems.map((p) => p.problem)).toEqual(['checkpoint_mismatch']);
    expect(v2.problems[0]!.message).toMatch(/is gone: the log was shortened/);
    await db2.close();
  });

  it('a forged or edited checkpoint is refused', async () => {
    const reg = await keyedRegister();
    addEntries(reg, 2);
    await exportBundle(reg);
    await reg.db.close();
    const raw = new Database(reg.file);
    raw.exec('DROP TRIGGER audit_checkpoints_no_update');
    raw.exec(`UPDATE audit_checkpoints SET audit_head = '${'a'.repeat(64)}'`);
    raw.close();
    const db = openRegister(reg.file);
    const v = verifyAuditWitnessed(db);
    expect(v.problems.map((p) => p.problem).sort()).toEqual(['checkpoint_invalid', 'guard_missing']);
    await db.close();
  });
});
