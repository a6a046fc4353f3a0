// The append-only, hash-chained audit log (SPEC §10), built so that a person's data can be erased
// on request without breaking the chain (migration 6).
//
// A row's stored values (`before`, `after`) enter the chain only through `values_digest`, a
// SHA-256 over a random per-row salt and the values. The row's entry digest covers its own fields
// and that digest; hash_i = SHA-256(hash_{i-1} ‖ entryDigest_i) (the step is defined once for the
// district and HQ in electron/services/audit-chain/chain.ts; `chainStep` here is the same
// arithmetic, kept in db/ because db/ imports nothing of ours — a unit test checks they agree).
//
// Erasure blanks a row's values AND its salt and records which erasure entry did it
// (`erased_by`): the digest stays in the chain, and without the salt it no longer lets anyone
// test a guessed phone number against it. The append-only trigger lets exactly that update
// through and nothing else; `verifyAudit` checks that every blanked row names a real erasure
// entry about the same person, so blanking a row is not a way to hide an edit.
//
// No secret protects the chain: someone who rewrites every later row consistently is caught by
// the signed checkpoints kept at each bundle export (db/audit-checkpoints.ts) and by HQ, which
// holds the chain head of every bundle (issue #10).
import { createHash, randomBytes } from 'node:crypto';
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
  /** The citizen whose personal data `before`/`after` may hold: erasing them blanks these values. */
  personId?: number | null;
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

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** SHA-256 over the two lowercase hex strings: the chain step of services/audit-chain/chain.ts. */
export function chainStep(prevHash: string, entryDigest: string): string {
  return sha256(prevHash + entryDigest);
}

/** The digest of a row's stored values; the salt keeps it from confirming a guessed value. */
export function valuesDigest(salt: string | null, before: string | null, after: string | null): string {
  return sha256(JSON.stringify(['samooh-audit-values/1', salt, before, after]));
}

export type EntryFields = Pick<
  AuditRow,
  'id' | 'at' | 'operator' | 'action' | 'entity' | 'entityId' | 'personId' | 'valuesDigest'
>;

/** A row's entry digest: what the chain (and HQ, through each bundle) sees of it. */
export function entryDigest(r: EntryFields): string {
  return sha256(
    JSON.stringify([
      'samooh-audit-entry/1',
      r.id,
      r.at,
      r.operator,
      r.action,
      r.entity,
      r.entityId,
      r.personId,
      r.valuesDigest,
    ]),
  );
}

/** The digest scheme of registers before migration 6, kept to check their chain once, on upgrade. */
export function legacyRowHash(
  prevHash: string,
  r: Pick<AuditRow, 'id' | 'at' | 'operator' | 'action' | 'entity' | 'entityId' | 'before' | 'after'>,
): string {
  return sha256(JSON.stringify([prevHash, r.id, r.at, r.operator, r.action, r.entity, r.entityId, r.before, r.after]));
}

/** The last row's id and hash (one index seek); the genesis values for an empty log. */
function lastAuditRow(db: RegisterDb): { lastId: number; hash: string } {
  const last = first(db, db.k.selectFrom('auditLog').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
  return { lastId: last?.id ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

/** The head a checkpoint signs: the last row's id and hash, and the row count (a full count). */
export function auditHead(db: RegisterDb): { count: number; lastId: number; hash: string } {
  const count =
    first(
      db,
      db.k.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  return { count: Number(count), ...lastAuditRow(db) };
}

/**
 * Appends one entry and returns its id. Call inside the same transaction as the change it
 * records, so the change and its audit row commit or roll back together.
 */
export function appendAudit(db: RegisterDb, e: AuditEntry, now = new Date()): number {
  // Only the last row: counting the whole log on every append made each change O(log size).
  const head = lastAuditRow(db);
  const id = head.lastId + 1;
  const salt = randomBytes(16).toString('hex');
  const before = canonical(e.before);
  const after = canonical(e.after);
  const fields: EntryFields = {
    id,
    at: now.toISOString(),
    operator: e.operator,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    personId: e.personId ?? null,
    valuesDigest: valuesDigest(salt, before, after),
  };
  const hash = chainStep(head.hash, entryDigest(fields));
  run(
    db,
    db.k.insertInto('auditLog').values({ ...fields, before, after, salt, erasedBy: null, prevHash: head.hash, hash }),
  );
  return id;
}

/**
 * Blanks the stored values of every entry about `personId` written before `erasureId` (the
 * erasure's own entry). The chain is untouched: the rows keep their values digest.
 */
export function eraseAuditValues(db: RegisterDb, personId: number, erasureId: number): number {
  return run(
    db,
    db.k
      .updateTable('auditLog')
      .set({ before: null, after: null, salt: null, erasedBy: erasureId })
      .where('personId', '=', personId)
      .where('erasedBy', 'is', null)
      .where('id', '<', erasureId),
  ).changes;
}

/** Entry digests of rows `fromCount+1 … toCount` (by position), for a bundle's audit-chain.json. */
export function entryDigestsAfter(db: RegisterDb, fromId: number, toId: number): string[] {
  return all(
    db,
    db.k
      .selectFrom('auditLog')
      .select(['id', 'at', 'operator', 'action', 'entity', 'entityId', 'personId', 'valuesDigest'])
      .where('id', '>', fromId)
      .where('id', '<=', toId)
      .orderBy('id'),
  ).map(entryDigest);
}

/** The hash stored on row `id` (the chain head after that row), if the row exists. */
export function auditHashAt(db: RegisterDb, id: number): string | undefined {
  return first(db, db.k.selectFrom('auditLog').select('hash').where('id', '=', id))?.hash;
}

/**
 * The guards the log's append-only promise rests on, as migration 6 writes them. `audit verify`
 * checks they are present and unchanged: dropping them is the first step of shortening the log.
 */
export const AUDIT_GUARDS: Readonly<Record<string, string>> = {
  audit_log_no_update: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
  OLD.erased_by IS NULL AND NEW.erased_by IS NOT NULL
  AND NEW.before IS NULL AND NEW.after IS NULL AND NEW.salt IS NULL
  AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.operator = OLD.operator AND NEW.action = OLD.action
  AND NEW.entity = OLD.entity AND NEW.entity_id IS OLD.entity_id AND NEW.person_id IS OLD.person_id
  AND NEW.values_digest = OLD.values_digest AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash
)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  audit_log_no_delete: `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  audit_checkpoints_no_update: `CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END`,
  audit_checkpoints_no_delete: `CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END`,
  erasure_ledger_no_update: `CREATE TRIGGER erasure_ledger_no_update BEFORE UPDATE ON erasure_ledger
BEGIN SELECT RAISE(ABORT, 'erasure_ledger is append-only'); END`,
  erasure_ledger_no_delete: `CREATE TRIGGER erasure_ledger_no_delete BEFORE DELETE ON erasure_ledger
BEGIN SELECT RAISE(ABORT, 'erasure_ledger is append-only'); END`,
};

export type AuditProblemCode =
  | 'hash_mismatch'
  | 'chain_break'
  | 'gap'
  | 'sequence_mismatch'
  | 'guard_missing'
  | 'erasure_invalid'
  | 'checkpoint_invalid'
  | 'checkpoint_mismatch';

export interface AuditProblem {
  id: number;
  problem: AuditProblemCode;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  headHash: string;
  problems: AuditProblem[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Guards dropped or replaced (e.g. by a no-op trigger of the same name). */
function checkGuards(db: RegisterDb): AuditProblem[] {
  const present = new Map(
    (
      rawOf(db).prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
        name: string;
        sql: string;
      }[]
    ).map((t) => [t.name, squash(t.sql)]),
  );
  const problems: AuditProblem[] = [];
  for (const [name, sql] of Object.entries(AUDIT_GUARDS)) {
    const have = present.get(name);
    if (have !== squash(sql)) {
      problems.push({
        id: 0,
        problem: 'guard_missing',
        message:
          have === undefined
            ? `the append-only guard ${name} was removed: the log may have been shortened or edited`
            : `the append-only guard ${name} was replaced by a different trigger`,
      });
    }
  }
  return problems;
}

/** `sqlite_sequence` must agree with the last row: rows cut from the end leave it higher, or gone. */
function checkSequence(db: RegisterDb, lastId: number): AuditProblem[] {
  const seq = rawOf(db).prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as
    { seq: number } | undefined;
  if (seq && seq.seq > lastId) {
    return [
      {
        id: seq.seq,
        problem: 'sequence_mismatch',
        message: `rows after ${lastId} (up to ${seq.seq}) were deleted from the end of the log`,
      },
    ];
  }
  if (lastId > 0 && (!seq || seq.seq < lastId)) {
    return [
      {
        id: lastId,
        problem: 'sequence_mismatch',
        message: `the log's row counter (${seq ? seq.seq : 'missing'}) does not agree with its last row ${lastId}: it was edited`,
      },
    ];
  }
  return [];
}

/**
 * Walks the whole chain. Detects: an edited row (its values or fields no longer match its
 * digests), a deleted row (a gap in ids, or the AUTOINCREMENT high-water mark above the last id),
 * a row inserted with a foreign hash (its prev_hash is not its predecessor's hash), values blanked
 * other than by an erasure of that person, and the append-only guards removed or replaced.
 */
export function verifyAudit(db: RegisterDb): AuditVerification {
  const rows = all(db, db.k.selectFrom('auditLog').selectAll().orderBy('id'));
  const erasures = new Map<number, AuditRow>();
  for (const r of rows) if (r.action === 'erase' && r.entity === 'person') erasures.set(r.id, r);
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
    if (r.erasedBy === null) {
      if (valuesDigest(r.salt, r.before, r.after) !== r.valuesDigest) {
        problems.push({ id: r.id, problem: 'hash_mismatch', message: `row ${r.id} was changed after it was written` });
      }
    } else {
      const by = erasures.get(r.erasedBy);
      const blank = r.before === null && r.after === null && r.salt === null;
      if (!blank || !by || by.id <= r.id || r.personId === null || by.entityId !== String(r.personId)) {
        problems.push({
          id: r.id,
          problem: 'erasure_invalid',
          message: `row ${r.id} was blanked without an erasure of the person it is about`,
        });
      }
    }
    if (chainStep(r.prevHash, entryDigest(r)) !== r.hash) {
      if (!problems.some((p) => p.id === r.id && p.problem === 'hash_mismatch')) {
        problems.push({ id: r.id, problem: 'hash_mismatch', message: `row ${r.id} was changed after it was written` });
      }
    }
    prev = r.hash;
    expectedId = r.id + 1;
  }
  const lastId = rows.length ? rows[rows.length - 1]!.id : 0;
  problems.push(...checkSequence(db, lastId), ...checkGuards(db));
  return { ok: problems.length === 0, rows: rows.length, headHash: prev, problems };
}
