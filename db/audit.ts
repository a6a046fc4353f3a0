// The append-only, hash-chained audit log (SPEC §10).
//
// Each row's hash is SHA-256 over its predecessor's hash and its own canonical content, so a
// row edited, deleted or inserted with another tool (DB Browser, the sqlite3 shell) breaks the
// chain from that row on, and `samooh audit verify` names the first broken row. The chain has
// no secret: someone who rewrites every later row consistently is not caught here; each bundle
// therefore carries the chain head (count and last hash) to HQ, which keeps a witness.
import { createHash } from 'node:crypto';
import type { RegisterDb } from './register-db.js';
import { all, first, run } from './exec.js';
import type { AuditRow } from './schema.js';
import { rawOf } from './raw.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  operator: string;
  action: string; // create | update | close | leave | delete | erase | import | settings …
  entity: string; // unit | group | person | staff | membership | register | key | bundle …
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

function canonical(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

export function rowHash(
  prevHash: string,
  r: Pick<AuditRow, 'id' | 'at' | 'operator' | 'action' | 'entity' | 'entityId' | 'before' | 'after'>,
): string {
  const payload = JSON.stringify([prevHash, r.id, r.at, r.operator, r.action, r.entity, r.entityId, r.before, r.after]);
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

/** The last row's id and hash; the genesis values for an empty log. */
export function auditHead(db: RegisterDb): { count: number; lastId: number; hash: string } {
  const last = first(db, db.k.selectFrom('auditLog').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
  const count =
    first(
      db,
      db.k.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  return { count: Number(count), lastId: last?.id ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

/**
 * Appends one entry. Call inside the same transaction as the change it records, so the change
 * and its audit row commit or roll back together.
 */
export function appendAudit(db: RegisterDb, e: AuditEntry, now = new Date()): void {
  const head = auditHead(db);
  const id = head.lastId + 1;
  const row = {
    id,
    at: now.toISOString(),
    operator: e.operator,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    before: canonical(e.before),
    after: canonical(e.after),
  };
  const hash = rowHash(head.hash, row);
  run(db, db.k.insertInto('auditLog').values({ ...row, prevHash: head.hash, hash }));
}

export interface AuditProblem {
  id: number;
  problem: 'hash_mismatch' | 'chain_break' | 'gap' | 'sequence_mismatch';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  headHash: string;
  problems: AuditProblem[];
}

/**
 * Walks the whole chain. Detects: an edited row (its hash no longer matches its content), a
 * deleted row (a gap in ids, or the AUTOINCREMENT high-water mark above the last id), and a row
 * inserted with a foreign hash (its prev_hash is not its predecessor's hash).
 */
export function verifyAudit(db: RegisterDb): AuditVerification {
  const rows = all(db, db.k.selectFrom('auditLog').selectAll().orderBy('id'));
  const problems: AuditProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedId = 1;
  for (const r of rows) {
    if (r.id !== expectedId) {
      problems.push({
        id: r.id,
        problem: 'gap',
        message: `rows ${expectedId}–${r.id - 1} are missing before row ${r.id} (deleted)`,
      });
    }
    if (r.prevHash !== prev) {
      problems.push({ id: r.id, problem: 'chain_break', message: `row ${r.id} does not follow the row before it` });
    }
    const recomputed = rowHash(r.prevHash, r);
    if (recomputed !== r.hash) {
      problems.push({ id: r.id, problem: 'hash_mismatch', message: `row ${r.id} was changed after it was written` });
    }
    prev = r.hash;
    expectedId = r.id + 1;
  }
  const seq = rawOf(db).prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as
    { seq: number } | undefined;
  const lastId = rows.length ? rows[rows.length - 1]!.id : 0;
  if (seq && seq.seq > lastId) {
    problems.push({
      id: seq.seq,
      problem: 'sequence_mismatch',
      message: `rows after ${lastId} (up to ${seq.seq}) were deleted from the end of the log`,
    });
  }
  return { ok: problems.length === 0, rows: rows.length, headHash: prev, problems };
}
