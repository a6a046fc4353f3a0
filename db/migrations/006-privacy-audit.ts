// Migration 6: erasable audit values, signed audit checkpoints and the erasure ledger (SPEC §10,
// issue #10).
//
// - audit_log: the chain now covers a salted digest of each row's values instead of the values
//   themselves (db/audit.ts), so erasing a person blanks their values without breaking it.
//   `person_id` says whose personal data a row may hold; `erased_by` which erasure blanked it.
//   Existing rows are re-chained in the new form (in JS: SQL cannot hash). Their old chain is
//   checked first, and the outcome is the first entry written in the new form, so an upgrade
//   does not quietly launder a log that was already broken.
// - audit_checkpoints: the chain head signed with the district key at each bundle export.
// - erasure_ledger: salted hashes of erased phone numbers (never the numbers), so an erasure is
//   re-applied to a register restored from an older backup.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  AUDIT_GUARDS,
  GENESIS_HASH,
  chainStep,
  entryDigest,
  legacyRowHash,
  valuesDigest,
  type EntryFields,
} from '../audit.js';
import type { Migration } from './types.js';

interface LegacyRow {
  id: number;
  at: string;
  operator: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** The citizen a pre-6 row is about: person entries by id, membership entries by their personId. */
function personOf(r: LegacyRow): number | null {
  if (r.entity === 'person' && r.entity_id && /^\d+$/.test(r.entity_id)) return Number(r.entity_id);
  for (const v of [r.after, r.before]) {
    if (!v) continue;
    try {
      const o = JSON.parse(v) as { personId?: unknown };
      if (typeof o.personId === 'number' && Number.isInteger(o.personId)) return o.personId;
    } catch {
      /* the CHECK on the column keeps these valid JSON */
    }
  }
  return null;
}

function rechain(raw: Database.Database): void {
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as LegacyRow[];
  let legacyPrev = GENESIS_HASH;
  let legacyProblems = 0;
  let expected = 1;
  for (const r of rows) {
    if (r.id !== expected || r.prev_hash !== legacyPrev || legacyRowHash(r.prev_hash, toCamel(r)) !== r.hash) {
      legacyProblems++;
    }
    legacyPrev = r.hash;
    expected = r.id + 1;
  }
  const update = raw.prepare(
    'UPDATE audit_log SET person_id = ?, salt = ?, values_digest = ?, prev_hash = ?, hash = ? WHERE id = ?',
  );
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const salt = randomBytes(16).toString('hex');
    const fields: EntryFields = {
      ...toCamel(r),
      personId: personOf(r),
      valuesDigest: valuesDigest(salt, r.before, r.after),
    };
    const hash = chainStep(prev, entryDigest(fields));
    update.run(fields.personId, salt, fields.valuesDigest, prev, hash, r.id);
    prev = hash;
  }
  for (const sql of Object.values(AUDIT_GUARDS)) raw.exec(sql);
  if (rows.length === 0) return; // a new register: nothing was upgraded
  // The outcome of the old chain's check, as the first entry in the new form.
  const seq = raw.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as
    { seq: number } | undefined;
  const id = Math.max(rows.length ? rows[rows.length - 1]!.id : 0, seq?.seq ?? 0) + 1;
  const after = JSON.stringify({
    legacyChainOk: legacyProblems === 0 && (seq?.seq ?? 0) <= (rows.length ? rows[rows.length - 1]!.id : 0),
    legacyHead: legacyPrev,
    legacyProblems,
    legacyRows: rows.length,
  });
  const salt = randomBytes(16).toString('hex');
  const fields: EntryFields = {
    id,
    at: new Date().toISOString(),
    operator: 'samooh',
    action: 'upgrade',
    entity: 'audit',
    entityId: '6',
    personId: null,
    valuesDigest: valuesDigest(salt, null, after),
  };
  raw
    .prepare(
      `INSERT INTO audit_log (id, at, operator, action, entity, entity_id, person_id, before, after, salt, values_digest, erased_by, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, NULL, ?, ?)`,
    )
    .run(
      id,
      fields.at,
      fields.operator,
      fields.action,
      fields.entity,
      fields.entityId,
      after,
      salt,
      fields.valuesDigest,
      prev,
      chainStep(prev, entryDigest(fields)),
    );
}

function toCamel(r: LegacyRow) {
  return {
    id: r.id,
    at: r.at,
    operator: r.operator,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  };
}

export const migration006: Migration = {
  version: 6,
  name: 'erasable audit values, audit checkpoints, erasure ledger',
  up: `
DROP TRIGGER IF EXISTS audit_log_no_update;
DROP TRIGGER IF EXISTS audit_log_no_delete;
ALTER TABLE audit_log ADD COLUMN person_id INTEGER;
ALTER TABLE audit_log ADD COLUMN salt TEXT CHECK (salt IS NULL OR length(salt) = 32);
ALTER TABLE audit_log ADD COLUMN values_digest TEXT CHECK (values_digest IS NULL OR length(values_digest) = 64);
ALTER TABLE audit_log ADD COLUMN erased_by INTEGER;
CREATE INDEX audit_log_person ON audit_log(person_id) WHERE person_id IS NOT NULL;

-- The chain head signed with the district key at a bundle export (electron/services/audit-chain/
-- checkpoints.ts). A row deleted or rewritten before the last checkpoint no longer leads to it.
CREATE TABLE audit_checkpoints (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  at            TEXT NOT NULL,
  audit_last_id INTEGER NOT NULL CHECK (audit_last_id >= 0),
  audit_count   INTEGER NOT NULL CHECK (audit_count >= 0),
  audit_head    TEXT NOT NULL CHECK (length(audit_head) = 64),
  key_id        TEXT NOT NULL,
  signature     TEXT NOT NULL,
  bundle_seq    INTEGER
) STRICT;

-- Erasures on request: a salted hash of the phone number (never the number), kept here and in
-- a sidecar file next to the register, so a restored older copy gets the erasure again.
CREATE TABLE erasure_ledger (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  phone_hash TEXT NOT NULL UNIQUE CHECK (length(phone_hash) = 64),
  person_id  INTEGER NOT NULL,
  erased_at  TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT;
`,
  after: rechain,
};
